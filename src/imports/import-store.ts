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

/** A store call that did not answer in time: a hung Redis (paused, or a half-open connection). */
export class ImportStoreTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(operation: string, ms: number) {
    super(`the import store did not answer ${operation} within ${ms} ms`);
    this.name = 'ImportStoreTimeoutError';
  }
}

/**
 * The store with a deadline on every call. ioredis waits for an answer as long as its
 * connection stays open, so a Redis that hangs would stall a poller for as long.
 */
export function withDeadline(store: ImportStore, ms: number): ImportStore {
  const bounded =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ImportStoreTimeoutError(operation, ms)), ms);
      });
      return Promise.race([call(...args), deadline]).finally(() => clearTimeout(timer));
    };
  return {
    get: bounded('get', store.get.bind(store)),
    put: bounded('put', store.put.bind(store)),
    acquireLease: bounded('acquireLease', store.acquireLease.bind(store)),
    releaseLease: bounded('releaseLease', store.releaseLease.bind(store)),
  };
}
