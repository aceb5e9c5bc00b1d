/**
 * Bank code and account number inside a German IBAN (DEkk BBBBBBBB CCCCCCCCCC), for
 * providers that send only the IBAN.
 */
export function germanIbanParts(iban: string | null): { bankCode: string; accountNumber: string } | null {
  const compact = iban?.replace(/\s+/g, '').toUpperCase();
  if (!compact || !/^DE\d{20}$/.test(compact)) {
    return null;
  }
  return { bankCode: compact.slice(4, 12), accountNumber: compact.slice(12).replace(/^0+(?=\d)/, '') };
}
