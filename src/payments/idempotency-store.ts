import type { Redis } from 'ioredis';

import type { StateCrypto } from '../state/state-crypto';

/** What the first call with an Idempotency-Key answered, kept to answer its retries. */
export interface IdempotentResult {
  /** A keyed hash of the mutation and its arguments: the same key with others is refused. */
  argumentsHash: string;
  state: 'running' | 'done';
  /** The first call's result, or its error (code, message, extensions), once done. */
  data?: unknown;
  error?: { code: string; message: string; extensions: Record<string, unknown> };
}

export type Reservation = { reserved: true } | { reserved: false; existing: IdempotentResult };

/**
 * Idempotency keys per caller for 24 hours (CONTRACT.md, Idempotency). `reserve` is
 * atomic: of concurrent first calls with one key, one runs and the others see it
 * running. A record lives until `expiresAt` (epoch ms), fixed when its key was first
 * reserved, so that a late write does not keep it longer.
 */
export interface IdempotencyStore {
  reserve(key: string, argumentsHash: string, expiresAt: number): Promise<Reservation>;
  complete(key: string, result: IdempotentResult, expiresAt: number): Promise<void>;
  /** Forgets the key, so that it may be used again for a real retry. */
  release(key: string): Promise<void>;
}

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export function createMemoryIdempotencyStore(): IdempotencyStore {
  const entries = new Map<string, { result: IdempotentResult; dropAt: number }>();
  return {
    async reserve(key, argumentsHash, expiresAt) {
      const entry = entries.get(key);
      if (entry && entry.dropAt > Date.now()) {
        return { reserved: false, existing: structuredClone(entry.result) };
      }
      entries.set(key, { result: { argumentsHash, state: 'running' }, dropAt: expiresAt });
      return { reserved: true };
    },
    async complete(key, result, expiresAt) {
      entries.set(key, { result: structuredClone(result), dropAt: expiresAt });
    },
    async release(key) {
      entries.delete(key);
    },
  };
}

/**
 * Records sealed with the state crypto: the arguments and results of payment
 * mutations hold recipients, IBANs and notes. Each is bound to its Redis key, so a
 * record copied under another caller's key does not open there.
 */
export function createRedisIdempotencyStore(redis: Redis, crypto: StateCrypto): IdempotencyStore {
  const redisKey = (key: string) => `gateway:idempotency:${key}`;
  const store: IdempotencyStore = {
    async reserve(key, argumentsHash, expiresAt) {
      const running: IdempotentResult = { argumentsHash, state: 'running' };
      const set = await redis.set(redisKey(key), crypto.seal(running, redisKey(key)), 'PX', ttlUntil(expiresAt), 'NX');
      if (set === 'OK') {
        return { reserved: true };
      }
      const raw = await redis.get(redisKey(key));
      // Gone between the two calls (released or expired): try once more.
      return raw
        ? { reserved: false, existing: crypto.open<IdempotentResult>(raw, redisKey(key)) }
        : store.reserve(key, argumentsHash, expiresAt);
    },
    async complete(key, result, expiresAt) {
      if (expiresAt > Date.now()) {
        await redis.set(redisKey(key), crypto.seal(result, redisKey(key)), 'PX', ttlUntil(expiresAt));
      }
    },
    async release(key) {
      await redis.del(redisKey(key));
    },
  };
  return store;
}

function ttlUntil(expiresAt: number): number {
  return Math.max(1, Math.ceil(expiresAt - Date.now()));
}
