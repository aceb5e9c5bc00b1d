import type { Confirmation as Stored } from '../../confirmations/confirmation';
import type { Money } from '../../money';
import { toGlobalId } from '../node/global-id';

/** A stored confirmation as the schema's Confirmation shows it. */
export interface ConfirmationView {
  id: string;
  operation: Stored['operation'];
  status: 'PENDING' | 'CONFIRMED' | 'EXPIRED' | 'FAILED' | 'UNKNOWN';
  provider: Stored['provider'];
  providerAccountId: string;
  tokenLength: number | null;
  expiresAt: Date;
  attemptsLeft: number;
  recipient: string | null;
  iban: string | null;
  amount: Money | null;
  note: string | null;
  endToEndId: string | null;
  failureReason: string | null;
}

export function toConfirmationView(stored: Stored, now = Date.now()): ConfirmationView {
  const status =
    stored.state === 'CONFIRMED' || stored.state === 'FAILED' || stored.state === 'UNKNOWN'
      ? stored.state
      : stored.state === 'PENDING' && stored.expiresAt <= now
        ? 'EXPIRED'
        : 'PENDING';
  return {
    id: toGlobalId('Confirmation', stored.provider, stored.id),
    operation: stored.operation,
    status,
    provider: stored.provider,
    providerAccountId: stored.providerAccountId,
    tokenLength: stored.tokenLength,
    expiresAt: new Date(stored.expiresAt),
    attemptsLeft: stored.attemptsLeft,
    recipient: stored.summary.recipient,
    iban: stored.summary.iban,
    amount: stored.summary.amount === null ? null : { minorUnits: stored.summary.amount, currency: 'EUR' },
    note: stored.summary.note,
    endToEndId: stored.summary.endToEndId,
    failureReason: stored.failure?.message ?? null,
  };
}
