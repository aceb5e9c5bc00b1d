/**
 * Exact money: integer minor units, parsed from and printed as decimal text. No value
 * ever passes through a binary float here.
 */

/** An amount in a currency's minor units; what `Money` in the schema is made of. */
export interface Money {
  minorUnits: number;
  currency: string;
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO-4217 currency (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * Parses decimal text in major units ("24323.49", "-5323.21", "100") into minor units.
 * Throws a RangeError on anything else: more decimals than the currency has (other than
 * trailing zeros), exponents, or a value beyond Number.MAX_SAFE_INTEGER.
 */
export function parseDecimal(text: string, currency: string): Money {
  const match = DECIMAL.exec(text.trim());
  if (!match) {
    throw new RangeError(`not a decimal amount: ${JSON.stringify(text.slice(0, 40))}`);
  }
  const [, sign, whole, fraction = ''] = match;
  const digits = currencyDigits(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new RangeError(`more than ${digits} decimals for ${currency}: ${text}`);
  }
  const minor = BigInt(whole + significant.padEnd(digits, '0')) * (sign === '-' ? -1n : 1n);
  return { minorUnits: toSafeNumber(minor), currency };
}

/** Minor units given as an integer or integer text ("760"). */
export function parseMinorUnits(value: number | string, currency: string): Money {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`not a whole number of minor units: ${value}`);
    }
    return { minorUnits: value, currency };
  }
  if (!/^[+-]?\d+$/.test(value.trim())) {
    throw new RangeError(`not a whole number of minor units: ${JSON.stringify(value.slice(0, 40))}`);
  }
  return { minorUnits: toSafeNumber(BigInt(value.trim())), currency };
}

/** The exact decimal text in major units: 1250 EUR → "12.50", -50433 → "-504.33". */
export function formatDecimal({ minorUnits, currency }: Money): string {
  const digits = currencyDigits(currency);
  const sign = minorUnits < 0 ? '-' : '';
  const text = String(Math.abs(minorUnits)).padStart(digits + 1, '0');
  return digits === 0 ? sign + text : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Minor units as the decimal text a provider's filter expects ("100.00"). */
export function toDecimalText(minorUnits: number, currency = 'EUR'): string {
  return formatDecimal({ minorUnits, currency });
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('amount beyond 2^53-1 minor units');
  }
  return Number(value);
}
