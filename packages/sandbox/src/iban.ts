/** Check digits by ISO 13616: move the country to the end, letters as 10..35, mod 97. */
function checkDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) {
      remainder = (remainder * 10 + Number(digit)) % 97;
    }
  }
  return String(98 - remainder).padStart(2, '0');
}

/** A valid IBAN for a country and its BBAN, e.g. `toIban('AT', '1904300234573201')`. */
export function toIban(country: string, bban: string): string {
  const upper = bban.toUpperCase();
  return `${country}${checkDigits(country, upper)}${upper}`;
}

/** A valid German IBAN: 8-digit bank code (BLZ) and an account number of up to 10 digits. */
export function germanIban(bankCode: string, accountNumber: string): string {
  return toIban('DE', `${bankCode}${accountNumber.padStart(10, '0')}`);
}
