import { createTan, type SmsOutbox } from '../sms';

export interface PendingRequestsOptions {
  sms: SmsOutbox;
  /** How long a request waits for its TAN. */
  ttlMs: number;
  now: () => number;
}

export interface OpenRequest<T> {
  /** The provider's id of the request; the SMS names it as its `reference`. */
  id: string;
  accountId: number;
  /** The demo user the TAN is sent to. */
  user: string;
  /** What the TAN authorizes, e.g. `the transfer of 12.50 EUR to Karl Brenner`. */
  purpose: string;
  payload: T;
}

export type ConfirmOutcome<T> =
  { status: 'confirmed'; payload: T } | { status: 'invalid_tan' } | { status: 'not_found' };

/** Requests that wait for a TAN: the right one releases the payload exactly once. */
export interface PendingRequests<T> {
  /** Registers the request and sends a fresh TAN for it to the SMS outbox. */
  open(request: OpenRequest<T>): void;
  /** The waiting payload, without using up an attempt; undefined when gone or another account's. */
  peek(id: string, accountId: number): T | undefined;
  confirm(id: string, accountId: number, tan: string): ConfirmOutcome<T>;
}

const ATTEMPTS = 3;

interface Entry<T> {
  accountId: number;
  tan: string;
  expiresAt: number;
  attemptsLeft: number;
  payload: T;
}

/** Positive cents as a TAN text writes them: `1250` → `12.50`. */
export function toEuroText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function createPendingRequests<T>({ sms, ttlMs, now }: PendingRequestsOptions): PendingRequests<T> {
  const entries = new Map<string, Entry<T>>();

  const live = (id: string, accountId: number): Entry<T> | undefined => {
    const entry = entries.get(id);
    if (!entry) {
      return undefined;
    }
    if (entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry.accountId === accountId ? entry : undefined;
  };

  // Abandoned requests are dropped whenever a new one comes, so the map stays small.
  const sweep = (): void => {
    const at = now();
    for (const [id, entry] of entries) {
      if (entry.expiresAt <= at) {
        entries.delete(id);
      }
    }
  };

  return {
    open({ id, accountId, user, purpose, payload }) {
      sweep();
      const tan = createTan();
      entries.set(id, { accountId, tan, expiresAt: now() + ttlMs, attemptsLeft: ATTEMPTS, payload });
      sms.send({ user, tan, text: `Your TAN for ${purpose}: ${tan}`, reference: id });
    },
    peek: (id, accountId) => live(id, accountId)?.payload,
    confirm(id, accountId, tan) {
      const entry = live(id, accountId);
      if (!entry) {
        return { status: 'not_found' };
      }
      if (entry.tan !== tan) {
        entry.attemptsLeft -= 1;
        if (entry.attemptsLeft === 0) {
          entries.delete(id);
        }
        return { status: 'invalid_tan' };
      }
      entries.delete(id);
      return { status: 'confirmed', payload: entry.payload };
    },
  };
}
