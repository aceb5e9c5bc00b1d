import cors from 'cors';
import type { RequestHandler } from 'express';

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

export function corsMiddleware(allowed: string[] | undefined): RequestHandler {
  return cors({
    origin: (origin, callback) => callback(null, origin === undefined || isAllowedOrigin(origin, allowed)),
    allowedHeaders,
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    methods: ['GET', 'POST'],
    maxAge: 600,
  });
}
