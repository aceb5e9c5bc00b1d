import type { ImportSnapshot } from './import-snapshot';

/** How long the gateway remembers an import. */
export const IMPORT_RETENTION_MS = 24 * 60 * 60_000;

/**
 * Imports' last known states and the leases that let exactly one instance poll each.
 * In memory for one instance; in Redis for several (redis-import-store.ts).
 */
export interface ImportStore {
  get(key: string): Promise<ImportSnapshot | null>;
  put(key: string, snapshot: ImportSnapshot): Promise<void>;
  /** Takes the lease, or renews it when `holder` has it already; false while another holds it. */
  acquireLease(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, only if `holder` has it. */
  releaseLease(key: string, holder: string): Promise<void>;
}

export function createMemoryImportStore(now: () => number = Date.now): ImportStore {
  const snapshots = new Map<string, { snapshot: ImportSnapshot; until: number }>();
  const leases = new Map<string, { holder: string; until: number }>();

  const sweep = () => {
    const at = now();
    for (const [key, entry] of snapshots) {
      if (entry.until <= at) {
        snapshots.delete(key);
      }
    }
  };

  return {
    async get(key) {
      const entry = snapshots.get(key);
      return entry && entry.until > now() ? structuredClone(entry.snapshot) : null;
    },
    async put(key, snapshot) {
      if (snapshots.size > 10_000) {
        sweep();
      }
      snapshots.set(key, { snapshot: structuredClone(snapshot), until: now() + IMPORT_RETENTION_MS });
    },
    async acquireLease(key, holder, ttlMs) {
      const lease = leases.get(key);
      if (lease && lease.holder !== holder && lease.until > now()) {
        return false;
      }
      leases.set(key, { holder, until: now() + ttlMs });
      return true;
    },
    async releaseLease(key, holder) {
      if (leases.get(key)?.holder === holder) {
        leases.delete(key);
      }
    },
  };
}
