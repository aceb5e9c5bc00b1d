import type { Redis } from 'ioredis';

import { createRedisLeaseStore, type LeaseStore } from '../live/lease';
import type { ImportSnapshot } from './import-snapshot';
import { IMPORT_RETENTION_MS, type ImportStore } from './import-store';

const SNAPSHOT = 'gateway:import:';
const LEASE = 'gateway:import-lease:';

/** Imports shared by every gateway instance on one Redis. */
export function createRedisImportStore(redis: Redis): ImportStore {
  return {
    async get(key) {
      const data = await redis.get(SNAPSHOT + key);
      return data ? (JSON.parse(data) as ImportSnapshot) : null;
    },
    async put(key, snapshot) {
      await redis.set(SNAPSHOT + key, JSON.stringify(snapshot), 'PX', IMPORT_RETENTION_MS);
    },
  };
}

/**
 * The leases that let one instance poll an import: if that instance dies, its lease runs
 * out and another instance with watchers takes over.
 */
export function createRedisImportLeases(redis: Redis): LeaseStore {
  return createRedisLeaseStore(redis, LEASE);
}
