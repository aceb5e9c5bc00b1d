import type { Redis } from 'ioredis';

import type { StateCrypto } from '../state/state-crypto';
import { withDeadline } from '../state/with-deadline';

/** Apollo's keys come as `apq:<sha256>`. */
const PREFIX = 'gateway:';

/**
 * Apollo's automatic persisted queries, shared by every instance on one Redis: a client
 * that registered a query through one instance may send only its hash to another.
 * Documents are sealed (a client may inline an IBAN); a store that does not answer in
 * time is a cache miss, never an error.
 */
export function createRedisApqCache(redis: Redis, crypto: Pick<StateCrypto, 'seal' | 'open'>, timeoutMs = 500) {
  return {
    async get(key: string): Promise<string | undefined> {
      try {
        const sealed = await withDeadline(redis.get(PREFIX + key), timeoutMs);
        return sealed ? crypto.open<string>(sealed, PREFIX + key) : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
      const ttlS = options?.ttl ?? 24 * 60 * 60;
      await withDeadline(redis.set(PREFIX + key, crypto.seal(value, PREFIX + key), 'EX', ttlS), timeoutMs).catch(
        () => undefined,
      );
    },
    async delete(key: string): Promise<boolean> {
      return (await withDeadline(redis.del(PREFIX + key), timeoutMs).catch(() => 0)) > 0;
    },
  };
}
