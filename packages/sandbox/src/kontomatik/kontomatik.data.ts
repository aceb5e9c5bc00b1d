import type { KontomatikTargetPayload } from './kontomatik.wire';

export type KontomatikTarget = KontomatikTargetPayload;

/** The one API key the sandbox accepts; `sandboxEndpoints` gives it to the gateway. */
export const KONTOMATIK_API_KEY = 'sandbox-api-key';

/** The mock bank: any sign-in to it succeeds, as Kontomatik's own KontoBank does. */
export const MOCK_BANK_ID = 'KontoBank';

export const KONTOMATIK_CATALOG: readonly KontomatikTarget[] = [
  { id: 'PlMbank', country: 'PL', name: 'mBank', accessModes: ['SINGLE', 'MULTIPLE', 'MIXED'] },
  { id: 'PlPkoBp', country: 'PL', name: 'PKO Bank Polski', accessModes: ['SINGLE', 'MULTIPLE'] },
  { id: 'CzCeskaSporitelna', country: 'CZ', name: 'Česká spořitelna', accessModes: ['SINGLE', 'MULTIPLE'] },
  { id: 'EsSantander', country: 'ES', name: 'Banco Santander', accessModes: ['SINGLE', 'MULTIPLE'] },
  { id: 'EsBbva', country: 'ES', name: 'BBVA', accessModes: ['SINGLE'] },
  { id: 'PtMillenniumBcp', country: 'PT', name: 'Millennium bcp', accessModes: ['SINGLE', 'MULTIPLE'] },
  { id: 'RoBancaTransilvania', country: 'RO', name: 'Banca Transilvania', accessModes: ['MULTIPLE'] },
  { id: 'LtSwedbank', country: 'LT', name: 'Swedbank Lietuva', accessModes: ['SINGLE', 'MULTIPLE'] },
  { id: 'LvCitadele', country: 'LV', name: 'Citadele banka', accessModes: ['SINGLE'] },
  { id: 'EeLhv', country: 'EE', name: 'LHV Pank', accessModes: ['SINGLE', 'MULTIPLE', 'MIXED'] },
  { id: MOCK_BANK_ID, country: 'PL', name: 'KontoBank (mock bank)', accessModes: ['SINGLE', 'MULTIPLE', 'MIXED'] },
];
