import { createHash } from 'node:crypto';

import { BadUserInputError } from '../errors';

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

export function encodeCursor(query: string, positions: Record<string, Position>): string {
  const s: CursorBody['s'] = {};
  for (const [key, position] of Object.entries(positions)) {
    s[key] = position.lastId === undefined ? [position.offset] : [position.offset, position.lastId];
  }
  return Buffer.from(JSON.stringify({ v: 1, q: query, s } satisfies CursorBody)).toString('base64url');
}

/**
 * Reads a cursor back; one this gateway did not issue, or issued for another query,
 * is BAD_USER_INPUT naming `field`.
 */
export function decodeCursor(cursor: string, query: string, field = 'after'): Record<string, Position> {
  const invalid = (why: string) => new BadUserInputError(field, `${field} is not a cursor ${why}.`);
  if (cursor.length > 8192 || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid('issued by this gateway');
  }
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
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
    if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (lastId !== undefined && typeof lastId !== 'string')) {
      throw invalid('issued by this gateway');
    }
    positions[key] = { offset: offset as number, ...(lastId !== undefined ? { lastId } : {}) };
  }
  return positions;
}
