import type { KontomatikCatalogPayload } from './kontomatik.payloads';

/** A bank that sign-in sessions can target. */
export interface BankRecord {
  id: string;
  country: string;
  name: string;
  accessModes: Array<'SINGLE' | 'MULTIPLE' | 'MIXED'>;
}

export function toBanks(raw: KontomatikCatalogPayload): BankRecord[] {
  return raw.targets.map((target) => ({
    id: target.id,
    country: target.country.toUpperCase(),
    name: target.name,
    accessModes: [...target.accessModes],
  }));
}
