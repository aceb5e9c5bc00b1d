import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Logger } from 'pino';

import { sendErrors } from '../errors/http-errors';
import { type RateLimiter } from './rate-limiter';
import { RateLimitedError } from '../errors/limit-errors';

/** Counts a request; false when it was over the limit and has been answered already. */
export type RateLimitCheck = (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<boolean>;

/**
 * Counts every request that reaches it (after CORS, so preflights are not counted, and
 * before the body is read) and answers one over the limit with 429, `Retry-After` and a
 * RATE_LIMITED error in GraphQL's error shape.
 */
export function rateLimitCheck(limiter: RateLimiter, logger?: Logger): RateLimitCheck {
  if (!limiter.enabled) {
    // Not even the credentials' hash is needed when nothing is counted.
    return async () => true;
  }
  return async (req, res, requestId) => {
    const key = limiter.keyOf({ headers: req.headers }, req.socket.remoteAddress);
    const decision = await limiter.hit(key);
    if (decision.allowed) {
      return true;
    }
    const error = new RateLimitedError(decision.retryAfterS);
    // The caller key is a keyed hash: it names a caller without revealing credentials.
    logger?.info({ requestId, caller: key, retryAfter: decision.retryAfterS }, 'rate limited');
    res.setHeader('Retry-After', String(decision.retryAfterS));
    sendErrors(res, 429, [
      { message: error.message, extensions: { code: error.code, retryAfter: decision.retryAfterS, requestId } },
    ]);
    return false;
  };
}
