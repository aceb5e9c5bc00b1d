import { parseDecimalCents, toDecimalText } from '../src/money';

describe('toDecimalText', () => {
  it.each([
    [2432349, '24323.49'],
    [-532321, '-5323.21'],
    [1250, '12.5'],
    [10000, '100'],
    [5, '0.05'],
    [-5, '-0.05'],
    [-50, '-0.5'],
    [0, '0'],
  ])('writes %i cents as %s, as Rails writes a decimal', (cents, text) => {
    expect(toDecimalText(cents)).toBe(text);
  });

  it('stays exact where a float would not', () => {
    expect(toDecimalText(900719925474099)).toBe('9007199254740.99');
  });
});

describe('parseDecimalCents', () => {
  it.each([
    ['100.00', 10000],
    ['100', 10000],
    ['-5.5', -550],
    ['0.1', 10],
    ['-0', 0],
    ['24323.49', 2432349],
  ])('reads %s as %i cents', (text, cents) => {
    expect(parseDecimalCents(text)).toBe(cents);
  });

  it.each(['', 'abc', '1.234', '.5', '5.', '+5', '1e3', '1,5', ' 1'])('refuses %p', (text) => {
    expect(parseDecimalCents(text)).toBeUndefined();
  });
});
