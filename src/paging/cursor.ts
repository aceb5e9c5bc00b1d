import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { BadUserInputError } from '../errors/errors';

/** Where a reader stands in one sequence: the next position, and the id read last. */
export interface Position {
  offset: number;
  lastId?: string;
}

interface CursorBody {
  v: 1;
  /** Which query (scope, filter, order) the cursor belongs to. */
  q: string;
  /** Positions per sequence key. */
  s: Record<string, [number, string?]>;
}

/** A short fingerprint of a query's scope, filter and order, so cursors can't cross queries. */
export function queryKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/**
 * Cursors carry a MAC so that an edited one is refused like any other cursor the
 * gateway did not issue. They address only the caller's own data, so the MAC guards
 * integrity, not secrecy: a fixed key keeps cursors valid across instances and restarts.
 */
const MAC_KEY = 'banking-gateway/cursor/v1';
const MAC_LENGTH = 12;

function mac(payload: string): Buffer {
  return createHmac('sha256', MAC_KEY).update(payload).digest().subarray(0, MAC_LENGTH);
}

export function encodeCursor(query: string, positions: Record<string, Position>): string {
  const s: CursorBody['s'] = {};
  for (const [key, position] of Object.entries(positions)) {
    s[key] = position.lastId === undefined ? [position.offset] : [position.offset, position.lastId];
  }
  const payload = Buffer.from(JSON.stringify({ v: 1, q: query, s } satisfies CursorBody)).toString('base64url');
  return `${payload}.${mac(payload).toString('base64url')}`;
}

/**
 * Reads a cursor back; one this gateway did not issue, or issued for another query,
 * is BAD_USER_INPUT naming `field`.
 */
export function decodeCursor(cursor: string, query: string, field = 'after'): Record<string, Position> {
  const invalid = (why: string) => new BadUserInputError(field, `${field} is not a cursor ${why}.`);
  const [payload, signature, ...rest] = cursor.split('.');
  if (
    cursor.length > 8192 ||
    !payload ||
    !signature ||
    rest.length > 0 ||
    !/^[A-Za-z0-9_-]+$/.test(payload + signature)
  ) {
    throw invalid('issued by this gateway');
  }
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== MAC_LENGTH || !timingSafeEqual(given, mac(payload))) {
    throw invalid('issued by this gateway');
  }
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw invalid('issued by this gateway');
  }
  if (body?.v !== 1 || typeof body.q !== 'string' || typeof body.s !== 'object' || body.s === null) {
    throw invalid('issued by this gateway');
  }
  if (body.q !== query) {
    throw invalid('of this query (it was issued for another filter or order)');
  }
  const positions: Record<string, Position> = {};
  for (const [key, value] of Object.entries(body.s)) {
    const [offset, lastId] = Array.isArray(value) ? value : [];
    if (
      !Number.isSafeInteger(offset) ||
      (offset as number) < 0 ||
      (lastId !== undefined && typeof lastId !== 'string')
    ) {
      throw invalid('issued by this gateway');
    }
    positions[key] = { offset: offset as number, ...(lastId !== undefined ? { lastId } : {}) };
  }
  return positions;
}
