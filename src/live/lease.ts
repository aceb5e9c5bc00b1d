import type { Redis } from 'ioredis';

/**
 * Leases that let exactly one instance poll a key. A lease is held for `ttlMs` unless
 * its holder renews it: if the holder dies, the lease runs out and another instance
 * takes over. In memory for one instance; on Redis for several.
 */
export interface LeaseStore {
  /** Takes the lease, or renews it when `holder` has it already; false while another holds it. */
  acquire(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, only if `holder` has it. */
  release(key: string, holder: string): Promise<void>;
}

export function createMemoryLeaseStore(now: () => number = Date.now): LeaseStore {
  const leases = new Map<string, { holder: string; until: number }>();
  return {
    async acquire(key, holder, ttlMs) {
      const lease = leases.get(key);
      if (lease && lease.holder !== holder && lease.until > now()) {
        return false;
      }
      leases.set(key, { holder, until: now() + ttlMs });
      return true;
    },
    async release(key, holder) {
      if (leases.get(key)?.holder === holder) {
        leases.delete(key);
      }
    },
  };
}

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
 * Leases shared by every gateway instance on one Redis: a key with a TTL (`prefix` +
 * the lease's key) whose value names its holder.
 */
export function createRedisLeaseStore(redis: Redis, prefix: string): LeaseStore {
  return {
    async acquire(key, holder, ttlMs) {
      return (await redis.eval(ACQUIRE, 1, prefix + key, holder, String(Math.max(1, Math.round(ttlMs))))) === 1;
    },
    async release(key, holder) {
      await redis.eval(RELEASE, 1, prefix + key, holder);
    },
  };
}
