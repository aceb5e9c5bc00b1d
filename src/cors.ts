import type { IncomingMessage, ServerResponse } from 'node:http';

import cors from 'cors';

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Request headers a browser client may send (CONTRACT.md, CORS). */
export const allowedHeaders = [
  'Content-Type',
  'X-Kontist-Authorization',
  'X-Bankimport-Token',
  'Idempotency-Key',
  'Apollo-Require-Preflight',
  'X-Apollo-Operation-Name',
  'X-Request-Id',
];

/**
 * Whether a browser origin may call the gateway: those in CORS_ORIGINS, or by default
 * any origin on localhost or 127.0.0.1. No wildcard unless configured as `*`.
 */
export function isAllowedOrigin(origin: string, allowed: string[] | undefined): boolean {
  if (!allowed) {
    return LOCAL_ORIGIN.test(origin);
  }
  return allowed.includes('*') || allowed.includes(origin);
}

/** Connect-style: answers preflights itself, adds the headers and calls `next` for the rest. */
export type CorsHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export function corsMiddleware(allowed: string[] | undefined): CorsHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, origin === undefined || isAllowedOrigin(origin, allowed)),
    allowedHeaders,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    methods: ['GET', 'POST'],
    maxAge: 600,
  });
  return (req, res, next) => {
    if (req.headers.origin === undefined) {
      // Not a browser's cross-origin call (browsers send Origin on every one): no CORS
      // headers to add, only the Vary that keeps caches from mixing both kinds of answer.
      res.setHeader('Vary', 'Origin');
      next();
      return;
    }
    handler(req, res, next);
  };
}
