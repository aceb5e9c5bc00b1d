import { formatDecimal, parseDecimal, parseMinorUnits, type Money } from '../src/money';

const money = (overrides: Partial<Money> = {}): Money => ({ minorUnits: 0, currency: 'EUR', ...overrides });

describe('parseDecimal', () => {
  it.each([
    ['24323.49', 2432349],
    ['-5323.21', -532321],
    ['100', 10000],
    ['12.5', 1250],
    ['0.10', 10],
    ['0.01', 1],
    ['-0.05', -5],
    ['+7.00', 700],
    ['1.500', 150],
    ['1.5000000', 150],
    ['0', 0],
  ])('reads %p EUR as %i cents', (text, minorUnits) => {
    expect(parseDecimal(text, 'EUR')).toEqual({ minorUnits, currency: 'EUR' });
  });

  it('reads yen, which have no minor unit, one to one', () => {
    expect(parseDecimal('1500', 'JPY')).toEqual({ minorUnits: 1500, currency: 'JPY' });
    expect(parseDecimal('1500.00', 'JPY')).toEqual({ minorUnits: 1500, currency: 'JPY' });
  });

  it('refuses a fraction of a yen', () => {
    expect(() => parseDecimal('1500.5', 'JPY')).toThrow(RangeError);
  });

  it('reads Bahraini dinars with three decimals', () => {
    expect(parseDecimal('1.234', 'BHD')).toEqual({ minorUnits: 1234, currency: 'BHD' });
    expect(parseDecimal('-0.5', 'BHD')).toEqual({ minorUnits: -500, currency: 'BHD' });
  });

  it('refuses more significant decimals than the currency has', () => {
    expect(() => parseDecimal('1.234', 'EUR')).toThrow(RangeError);
    expect(() => parseDecimal('1.2345', 'BHD')).toThrow(RangeError);
  });

  it.each(['1e5', '1E5', '', '   ', 'abc', 'NaN', 'Infinity', '12,50', '.5', '5.', '1.2.3', '0x10', '- 5', '12 EUR'])(
    'refuses %p',
    (text) => {
      expect(() => parseDecimal(text, 'EUR')).toThrow(RangeError);
    },
  );

  it('reads the largest safe amount exactly', () => {
    expect(parseDecimal('90071992547409.91', 'EUR').minorUnits).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseDecimal('-90071992547409.91', 'EUR').minorUnits).toBe(-Number.MAX_SAFE_INTEGER);
  });

  it('refuses an amount beyond Number.MAX_SAFE_INTEGER minor units', () => {
    expect(() => parseDecimal('90071992547409.92', 'EUR')).toThrow(RangeError);
    expect(() => parseDecimal('-90071992547409.92', 'EUR')).toThrow(RangeError);
    expect(() => parseDecimal('123456789012345678901234567890', 'EUR')).toThrow(RangeError);
  });

  it('stays exact where a binary float would not', () => {
    // 0.1 + 0.2 style drift: 1.15 * 100 is 114.99999999999999 as a float.
    expect(parseDecimal('1.15', 'EUR').minorUnits).toBe(115);
    expect(parseDecimal('4.35', 'EUR').minorUnits).toBe(435);
    expect(parseDecimal('9007199254740.99', 'EUR').minorUnits).toBe(900719925474099);
  });
});

describe('parseMinorUnits', () => {
  it('reads Kontist\'s "760" as 760 minor units of the given currency', () => {
    expect(parseMinorUnits('760', 'CHF')).toEqual({ minorUnits: 760, currency: 'CHF' });
  });

  it('reads signed integers given as numbers or text', () => {
    expect(parseMinorUnits(-50433, 'EUR')).toEqual({ minorUnits: -50433, currency: 'EUR' });
    expect(parseMinorUnits('-50433', 'EUR')).toEqual({ minorUnits: -50433, currency: 'EUR' });
    expect(parseMinorUnits(0, 'EUR')).toEqual({ minorUnits: 0, currency: 'EUR' });
  });

  it.each([7.6, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, -(2 ** 60)])(
    'refuses the number %p',
    (value) => {
      expect(() => parseMinorUnits(value, 'EUR')).toThrow(RangeError);
    },
  );

  it.each(['7.6', '', 'abc', '1e3', '760 CHF', '9007199254740992'])('refuses the text %p', (value) => {
    expect(() => parseMinorUnits(value, 'EUR')).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it.each([
    [1250, 'EUR', '12.50'],
    [-50433, 'EUR', '-504.33'],
    [0, 'EUR', '0.00'],
    [-5, 'EUR', '-0.05'],
    [5, 'EUR', '0.05'],
    [2432349, 'EUR', '24323.49'],
    [1500, 'JPY', '1500'],
    [-7, 'JPY', '-7'],
    [1234, 'BHD', '1.234'],
    [5, 'BHD', '0.005'],
    [Number.MAX_SAFE_INTEGER, 'EUR', '90071992547409.91'],
  ])('writes %i %s as %p', (minorUnits, currency, text) => {
    expect(formatDecimal(money({ minorUnits, currency }))).toBe(text);
  });

  it('reads back every value it writes, in every number of decimals', () => {
    const currencies = ['EUR', 'JPY', 'BHD'];
    // Collected and compared once: 24,000 expect() calls would cost more than the code under test.
    const misread: Array<{ minorUnits: number; currency: string; written: string; read: unknown }> = [];
    let value = 1;
    for (let i = 1; i <= 2000; i += 1) {
      // A deterministic walk over small, large and sign-changing values.
      value = (value * 7919 + i * 104729) % 9_000_000_000_000;
      for (const minorUnits of [value, -value, i, -i]) {
        for (const currency of currencies) {
          const written = formatDecimal({ minorUnits, currency });
          const read = parseDecimal(written, currency);
          if (read.minorUnits !== minorUnits || read.currency !== currency) {
            misread.push({ minorUnits, currency, written, read });
          }
        }
      }
    }
    expect(misread).toEqual([]);
  });

  it("writes exactly the currency's number of decimals", () => {
    for (let minorUnits = -1001; minorUnits <= 1001; minorUnits += 7) {
      expect(formatDecimal({ minorUnits, currency: 'EUR' })).toMatch(/^-?\d+\.\d{2}$/);
      expect(formatDecimal({ minorUnits, currency: 'BHD' })).toMatch(/^-?\d+\.\d{3}$/);
      expect(formatDecimal({ minorUnits, currency: 'JPY' })).toMatch(/^-?\d+$/);
    }
  });
});
