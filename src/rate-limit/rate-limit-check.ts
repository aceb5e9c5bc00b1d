import type { RequestHandler } from 'express';

import { RateLimitedError, rateLimitKey, type RateLimiter } from './rate-limiter';

/**
 * Counts every request that reaches it (mounted on /graphql after CORS, so preflights
 * are not counted, and before the body is read) and answers one over the limit with
 * 429, `Retry-After` and a RATE_LIMITED error in GraphQL's error shape.
 */
export function rateLimitMiddleware(limiter: RateLimiter): RequestHandler {
  return async (req, res, next) => {
    const key = rateLimitKey(
      {
        kontistAuthorization: req.headers['x-kontist-authorization'],
        bankimportToken: req.headers['x-bankimport-token'],
      },
      req.ip,
    );
    const decision = await limiter.hit(key);
    if (decision.allowed) {
      next();
      return;
    }
    const error = new RateLimitedError(decision.retryAfterS);
    res
      .status(429)
      .setHeader('Retry-After', String(decision.retryAfterS))
      .json({
        errors: [
          {
            message: error.message,
            extensions: {
              code: error.code,
              retryAfter: decision.retryAfterS,
              requestId: res.locals.requestId as string,
            },
          },
        ],
      });
  };
}
