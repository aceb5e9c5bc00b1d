import { germanIban, toIban } from '../src/iban';

/** ISO 13616 checked independently of the code under test, with BigInt. */
function hasValidChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const numeric = [...rearranged].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('');
  return BigInt(numeric) % 97n === 1n;
}

describe('iban', () => {
  it('builds the well-known example IBAN from its bank code and account number', () => {
    expect(germanIban('37040044', '532013000')).toBe('DE89370400440532013000');
  });

  it('pads a short German account number to ten digits', () => {
    expect(germanIban('30070024', '1234501')).toBe('DE04300700240001234501');
  });

  it('builds IBANs with letters in the BBAN', () => {
    const iban = toIban('NL', 'INGB0001234567');
    expect(iban).toMatch(/^NL\d{2}INGB0001234567$/);
    expect(hasValidChecksum(iban)).toBe(true);
  });

  it('gives 22-character German IBANs that pass mod 97', () => {
    for (const account of ['1', '1000004711', '9999999999', '0234567802']) {
      const iban = germanIban('11010100', account);
      expect(iban).toHaveLength(22);
      expect(hasValidChecksum(iban)).toBe(true);
    }
  });
});
