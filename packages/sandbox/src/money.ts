/**
 * Integer cents to the decimal text a Rails API writes for a decimal column:
 * `2432349` → `24323.49`, `1250` → `12.5`, `10000` → `100`. No float ever holds the value.
 */
export function toDecimalText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const digits = String(Math.abs(cents)).padStart(3, '0');
  const units = digits.slice(0, -2);
  const fraction = digits.slice(-2).replace(/0+$/, '');
  return fraction === '' ? `${sign}${units}` : `${sign}${units}.${fraction}`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** `"100.00"` → 10000, `"-5.5"` → -550; undefined when the text is not such a decimal. */
export function parseDecimalCents(text: string): number | undefined {
  const match = DECIMAL.exec(text);
  if (!match) {
    return undefined;
  }
  const [, sign, units, fraction = ''] = match;
  const cents = Number(units) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) {
    return undefined;
  }
  return sign === '-' && cents !== 0 ? -cents : cents;
}
