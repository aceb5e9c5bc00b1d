import { withDeadline as bounded, type Clock, systemClock } from '../live/clock';
import type { ImportSnapshot } from './import-snapshot';
import { ImportStoreTimeoutError } from '../errors/internal-errors';

/** How long the gateway remembers an import. */
export const IMPORT_RETENTION_MS = 24 * 60 * 60_000;

/**
 * Imports' last known states. In memory for one instance; in Redis for several
 * (redis-import-store.ts). Who polls an import is a lease's business (live/lease.ts).
 */
export interface ImportStore {
  get(key: string): Promise<ImportSnapshot | null>;
  put(key: string, snapshot: ImportSnapshot): Promise<void>;
}

export function createMemoryImportStore(now: () => number = Date.now): ImportStore {
  const snapshots = new Map<string, { snapshot: ImportSnapshot; until: number }>();

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
  };
}

/**
 * The store with a deadline on every call. ioredis waits for an answer as long as its
 * connection stays open, so a Redis that hangs would stall a poller for as long.
 */
export function withDeadline(store: ImportStore, ms: number, clock: Clock = systemClock): ImportStore {
  return {
    get: (key) => bounded(store.get(key), ms, clock, () => new ImportStoreTimeoutError('get', ms)),
    put: (key, snapshot) => bounded(store.put(key, snapshot), ms, clock, () => new ImportStoreTimeoutError('put', ms)),
  };
}
