import type { IncomingMessage, ServerResponse } from 'node:http';

import cors from 'cors';

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * Request headers a browser client may send (CONTRACT.md, CORS): the banks' credential
 * headers (from their descriptors) among the gateway's own.
 */
export function allowedHeaders(credentialHeaders: readonly string[]): string[] {
  return [
    'Content-Type',
    ...credentialHeaders,
    'Idempotency-Key',
    'Apollo-Require-Preflight',
    'X-Apollo-Operation-Name',
    'X-Request-Id',
  ];
}

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

/**
 * Why a browser's cross-origin request must be refused, in words that say what was
 * refused; undefined where it may go on (or where it is no browser's: no Origin).
 */
export function corsRefusal(
  req: IncomingMessage,
  allowed: string[] | undefined,
  methods: readonly string[],
  headers: readonly string[],
): string | undefined {
  const origin = req.headers.origin;
  if (origin === undefined) {
    return undefined;
  }
  if (!isAllowedOrigin(origin, allowed)) {
    return `Origin ${JSON.stringify(origin.slice(0, 200))} may not call this gateway: CORS_ORIGINS lists the browser origins that may.`;
  }
  if (req.method !== 'OPTIONS') {
    return undefined;
  }
  const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
  if (method && !methods.includes(method)) {
    return `Method ${JSON.stringify(method.slice(0, 20))} is not allowed here; allowed: ${methods.join(', ')}.`;
  }
  const known = new Set(headers.map((header) => header.toLowerCase()));
  const refused = String(req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((header) => header.trim().toLowerCase())
    .filter((header) => header && !known.has(header));
  return refused.length > 0
    ? `Request header${refused.length > 1 ? 's' : ''} ${refused.map((h) => JSON.stringify(h.slice(0, 60))).join(', ')} not allowed; allowed: ${headers.join(', ')}.`
    : undefined;
}

/** Connect-style: answers preflights itself, adds the headers and calls `next` for the rest. */
export type CorsHandler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

export function corsMiddleware(allowed: string[] | undefined, headers: readonly string[]): CorsHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, origin === undefined || isAllowedOrigin(origin, allowed)),
    allowedHeaders: [...headers],
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
