import type { Redis } from 'ioredis';

import type { ImportSnapshot } from './import-snapshot';
import { IMPORT_RETENTION_MS, type ImportStore } from './import-store';

const SNAPSHOT = 'gateway:import:';
const LEASE = 'gateway:import-lease:';

/** Takes a free lease or renews one's own, in one step on the Redis server. */
const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/**
 * Imports shared by every gateway instance on one Redis. A lease is a key with a TTL
 * that its holder renews while it polls: if that instance dies, the key runs out and
 * another instance with watchers takes over.
 */
export function createRedisImportStore(redis: Redis): ImportStore {
  return {
    async get(key) {
      const data = await redis.get(SNAPSHOT + key);
      return data ? (JSON.parse(data) as ImportSnapshot) : null;
    },
    async put(key, snapshot) {
      await redis.set(SNAPSHOT + key, JSON.stringify(snapshot), 'PX', IMPORT_RETENTION_MS);
    },
    async acquireLease(key, holder, ttlMs) {
      return (await redis.eval(ACQUIRE, 1, LEASE + key, holder, String(Math.max(1, Math.round(ttlMs))))) === 1;
    },
    async releaseLease(key, holder) {
      await redis.eval(RELEASE, 1, LEASE + key, holder);
    },
  };
}
