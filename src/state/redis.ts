import type { EventEmitter } from 'node:events';

import type * as IORedis from 'ioredis';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

import { createLogger } from '../ops/logger';

/** How often, at most, an unreachable Redis is reported again after the first warning. */
export const REDIS_DOWN_REPORT_MS = 30_000;

/**
 * How long `disconnect()` lets a half-closed socket finish before destroying it. ioredis
 * waits for the socket's `close` on a timer that keeps the process alive, and a client
 * that was reconnecting (Redis went away) waits on a socket that closed already: that
 * wait always runs out (redis/ioredis#1247). Its default, 2 s, held every shutdown after
 * a Redis outage, and jest's workers past their exit.
 */
export const REDIS_DISCONNECT_MS = 100;

/**
 * A Redis connection that fails fast instead of queueing commands while Redis is down,
 * its connection errors reported through `logger` (see `reportRedisErrors`).
 *
 * @param logger where connection losses go. @default a pino logger at `warn` on stdout
 */
export function createRedis(url: string, logger: Logger = createLogger('warn')): Redis {
  // Loaded with the first connection: a gateway without REDIS_URL never loads ioredis,
  // and one with tracing has instrumented it by then (src/index.ts starts tracing first).
  const { Redis } = require('ioredis') as typeof IORedis;
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2000,
    disconnectTimeout: REDIS_DISCONNECT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  reportRedisErrors(redis, logger);
  return redis;
}

/** The one shape in which a Redis error is logged: `logger.warn({ ...redisErrorFields(error) }, …)`. */
export interface RedisErrorFields {
  err: { name: string; message: string; code?: string };
}

/**
 * What may be logged of a Redis error: its name, message and code, nothing else. ioredis
 * puts `command: { name, args }` on reply and abort errors, and pino's err serializer
 * would print those arguments, which can hold a stored record.
 */
export function redisErrorFields(error: unknown): RedisErrorFields {
  const { name, message, code } = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? withoutCredentials(message).slice(0, 300) : String(error);
  // A reply error has no code of its own: it is the first word Redis answered with (ERR, WRONGTYPE).
  const replyCode = /^[A-Z]+(?= )/.exec(text)?.[0];
  const err = {
    name: typeof name === 'string' ? name : 'Error',
    message: text,
    ...(typeof code === 'string' ? { code } : replyCode ? { code: replyCode } : {}),
  };
  // A null prototype makes pino's err serializer name the type after `name`, not `Object`.
  return { err: Object.assign(Object.create(null) as object, err) as RedisErrorFields['err'] };
}

/** A Redis URL's password, should a message ever quote one. */
function withoutCredentials(message: string): string {
  return message.replace(/(rediss?:\/\/[^:@/\s]*:)[^@\s]*@/g, '$1[redacted]@');
}

const reported = new WeakSet<EventEmitter>();

/**
 * Listens to a client's `error` events, without which ioredis prints every failed
 * reconnection to stderr. While Redis is down a client fails every few hundred ms, so a
 * loss is logged once at warn, then at most every `quietMs` while it lasts (with how many
 * errors were left out), and its end once at info. Safe to call more than once per client.
 */
export function reportRedisErrors(
  client: EventEmitter,
  logger: Logger,
  now: () => number = Date.now,
  quietMs: number = REDIS_DOWN_REPORT_MS,
): void {
  if (reported.has(client)) {
    return;
  }
  reported.add(client);
  let down: { since: number; reportedAt: number; unreported: number } | undefined;
  client.on('error', (error: unknown) => {
    const at = now();
    if (!down) {
      down = { since: at, reportedAt: at, unreported: 0 };
      logger.warn(redisErrorFields(error), 'Redis is unreachable, retrying');
    } else if (at - down.reportedAt >= quietMs) {
      logger.warn(
        { ...redisErrorFields(error), downForMs: at - down.since, unreported: down.unreported },
        'Redis is still unreachable, retrying',
      );
      down.reportedAt = at;
      down.unreported = 0;
    } else {
      down.unreported += 1;
    }
  });
  client.on('ready', () => {
    if (down) {
      logger.info({ downForMs: now() - down.since }, 'Redis is reachable again');
      down = undefined;
    }
  });
}

/** True when Redis answers a PING within `timeoutMs`. */
export async function isRedisReachable(redis: Redis, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return answer === 'PONG';
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
