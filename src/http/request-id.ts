import { randomUUID } from 'node:crypto';

const CLIENT_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A client's own X-Request-Id where it is sane, else a fresh one. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && CLIENT_ID.test(header) ? header : randomUUID();
}
