import type { Redis } from 'ioredis';

/** What the first call with an Idempotency-Key answered, kept to answer its retries. */
export interface IdempotentResult {
  /** A hash of the mutation and its arguments: the same key with others is refused. */
  argumentsHash: string;
  state: 'running' | 'done';
  /** The first call's result, or its error (code, message, extensions), once done. */
  data?: unknown;
  error?: { code: string; message: string; extensions: Record<string, unknown> };
}

export type Reservation = { reserved: true } | { reserved: false; existing: IdempotentResult };

/**
 * Idempotency keys per caller for 24 hours (CONTRACT.md, Idempotency). `reserve` is
 * atomic: of concurrent first calls with one key, one runs and the others see it running.
 */
export interface IdempotencyStore {
  reserve(key: string, argumentsHash: string): Promise<Reservation>;
  complete(key: string, result: IdempotentResult): Promise<void>;
  /** Forgets the key, so that it may be used again for a real retry. */
  release(key: string): Promise<void>;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export function createMemoryIdempotencyStore(ttlMs = IDEMPOTENCY_TTL_MS): IdempotencyStore {
  const entries = new Map<string, { result: IdempotentResult; dropAt: number }>();
  return {
    async reserve(key, argumentsHash) {
      const entry = entries.get(key);
      if (entry && entry.dropAt > Date.now()) {
        return { reserved: false, existing: structuredClone(entry.result) };
      }
      entries.set(key, { result: { argumentsHash, state: 'running' }, dropAt: Date.now() + ttlMs });
      return { reserved: true };
    },
    async complete(key, result) {
      entries.set(key, { result: structuredClone(result), dropAt: Date.now() + ttlMs });
    },
    async release(key) {
      entries.delete(key);
    },
  };
}

export function createRedisIdempotencyStore(redis: Redis, ttlMs = IDEMPOTENCY_TTL_MS): IdempotencyStore {
  const redisKey = (key: string) => `gateway:idempotency:${key}`;
  return {
    async reserve(key, argumentsHash) {
      const running: IdempotentResult = { argumentsHash, state: 'running' };
      const set = await redis.set(redisKey(key), JSON.stringify(running), 'PX', ttlMs, 'NX');
      if (set === 'OK') {
        return { reserved: true };
      }
      const raw = await redis.get(redisKey(key));
      // Gone between the two calls (released or expired): try once more.
      return raw
        ? { reserved: false, existing: JSON.parse(raw) as IdempotentResult }
        : this.reserve(key, argumentsHash);
    },
    async complete(key, result) {
      await redis.set(redisKey(key), JSON.stringify(result), 'PX', ttlMs);
    },
    async release(key) {
      await redis.del(redisKey(key));
    },
  };
}
