import { parseJson, type Upstream } from '../http';
import { toBanks, type BankRecord } from './kontomatik.mapper';
import { kontomatikCatalogSchema, kontomatikHealthSchema } from './kontomatik.payloads';

/** The catalog changes rarely and is the same for every caller. */
const CATALOG_TTL_MS = 5 * 60_000;

export interface KontomatikProvider {
  readonly name: 'KONTOMATIK';
  banks(): Promise<BankRecord[]>;
  /** True when `/health` answers; false (never a throw) otherwise. */
  health(signal?: AbortSignal): Promise<boolean>;
}

export function createKontomatikProvider(upstream: Upstream, apiKey: string): KontomatikProvider {
  let catalog: { at: number; banks: Promise<BankRecord[]> } | undefined;

  return {
    name: 'KONTOMATIK',

    banks() {
      if (!catalog || Date.now() - catalog.at > CATALOG_TTL_MS) {
        const banks = upstream.request({
          method: 'GET',
          path: '/ais-catalog',
          // Shared by every caller, so no single caller's disconnect may cancel it.
          headers: { 'X-Api-Key': apiKey, Accept: 'application/json' },
          parse: (body) => toBanks(kontomatikCatalogSchema.parse(parseJson(body))),
        });
        catalog = { at: Date.now(), banks };
        // A failed fetch is not cached: the next caller tries again.
        banks.catch(() => {
          if (catalog?.banks === banks) {
            catalog = undefined;
          }
        });
      }
      return catalog.banks;
    },

    async health(signal) {
      try {
        await upstream.request({
          method: 'GET',
          path: '/health',
          headers: { Accept: 'application/json' },
          signal,
          parse: (body) => kontomatikHealthSchema.parse(parseJson(body)),
        });
        return true;
      } catch {
        return false;
      }
    },
  };
}
