import { randomBytes } from 'node:crypto';

/**
 * An end-to-end id for an order whose client gave none: 26 SEPA characters, unique, so
 * that the order can be found at the provider when the answer to its execution is lost.
 */
export function newEndToEndId(): string {
  return `GW${randomBytes(12).toString('hex').toUpperCase()}`;
}
