import type { Redis } from 'ioredis';
import type * as RateLimiterFlexible from 'rate-limiter-flexible';

import type { CredentialReader, CredentialSource } from '../providers/credentials';
import type { StateCrypto } from '../state/state-crypto';

/** Whether one more request of a caller may go ahead, and if not, for how long to wait. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterS: number };

/** Requests per caller and minute (CONTRACT.md, RATE_LIMIT_PER_MINUTE). */
export interface RateLimiter {
  /** False with `RATE_LIMIT_PER_MINUTE=0`: nothing is counted, so nothing need ask. */
  readonly enabled: boolean;
  /** Counts one request of `key` (see `keyOf`). */
  hit(key: string): Promise<RateDecision>;
  /**
   * Whom a request counts against: its credentials (as a keyed hash, the same over HTTP
   * and the WebSocket), or its IP address when it carries none.
   */
  keyOf(source: CredentialSource, ip: string | undefined): string;
}

export interface RateLimiterOptions {
  /** Requests per minute and caller; 0 turns limiting off. */
  perMinute: number;
  /** Counts shared by every instance on this Redis; unset: in this process's memory. */
  redis?: Redis;
  /** Names callers by a keyed hash of their credentials, in Redis as in memory. */
  stateCrypto: StateCrypto;
  /** Reads a request's credentials, as the banks' descriptors say. */
  credentials: CredentialReader;
}

const WINDOW_S = 60;
const KEY_PREFIX = 'gateway:rate';

/**
 * A fixed one-minute window per caller, counted in memory or in Redis
 * (rate-limiter-flexible). While Redis is not ready, each instance counts in its own
 * memory instead, at once rather than after ioredis's retries: the limit gets looser
 * by the number of instances, the API stays up and fast.
 */
export function createRateLimiter({ perMinute, redis, stateCrypto, credentials }: RateLimiterOptions): RateLimiter {
  const keyOf = (source: CredentialSource, ip: string | undefined) => {
    const caller = stateCrypto.callerKey(credentials.read(source));
    return caller ? `caller:${caller}` : `ip:${ip ?? 'unknown'}`;
  };
  if (perMinute === 0) {
    return { enabled: false, hit: async () => ({ allowed: true }), keyOf };
  }
  // Loaded only here: with limiting off, the library (36 modules) never is.
  const { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } =
    require('rate-limiter-flexible') as typeof RateLimiterFlexible;
  const options = { points: perMinute, duration: WINDOW_S, keyPrefix: KEY_PREFIX };
  const memory = new RateLimiterMemory(options);
  if (redis?.status === 'wait') {
    // A lazy connection would never become ready for a limiter that only asks whether it is.
    redis.connect().catch(() => undefined);
  }
  const limiter = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory, rejectIfRedisNotReady: true })
    : memory;
  return {
    enabled: true,
    keyOf,
    async hit(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterS: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
  };
}
