import type { ProviderName } from '../providers/provider-name';

/** What a confirmation will execute once the TAN is given (the schema's ConfirmationOperation). */
export type ConfirmationOperation =
  | 'CREATE_TRANSFER'
  | 'CREATE_STANDING_ORDER'
  | 'UPDATE_STANDING_ORDER'
  | 'CANCEL_STANDING_ORDER'
  | 'CREATE_TIMED_ORDER';

/**
 * Where a confirmation stands. EXECUTING: one confirm won the claim and is calling the
 * provider; UNKNOWN: that call ended without an answer (timeout), so whether it ran is
 * not known and it is never retried blindly.
 */
export type ConfirmationState = 'PENDING' | 'EXECUTING' | 'CONFIRMED' | 'FAILED' | 'UNKNOWN';

/** What the user sees before confirming: the order as it will be executed. */
export interface ConfirmationSummary {
  recipient: string | null;
  iban: string | null;
  /** Euro cents, positive. */
  amount: number | null;
  note: string | null;
  endToEndId: string | null;
}

/** A pending two-step operation, kept by the gateway between create and confirm. */
export interface Confirmation {
  id: string;
  operation: ConfirmationOperation;
  provider: ProviderName;
  /** A hash of the credentials that created it: only they may see or confirm it. */
  callerKey: string;
  providerAccountId: string;
  /** Exactly what the provider will be asked to execute: its ids and payload. */
  execution: Record<string, unknown>;
  summary: ConfirmationSummary;
  tokenLength: number | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  attemptsLeft: number;
  state: ConfirmationState;
  /** The executed order (the provider's answer, mapped), once CONFIRMED. */
  result?: unknown;
  /** Why it FAILED or is UNKNOWN, in the contract's words. */
  failure?: { code: string; message: string };
}
