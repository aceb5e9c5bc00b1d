import type { PaymentResult, PendingPayment } from '../providers/payments';
import type { ProviderName } from '../providers/provider-name';

/** Why a confirmation FAILED or is UNKNOWN, in the contract's words. */
export interface Failure {
  code: string;
  message: string;
}

/**
 * Where a confirmation stands, as one discriminated union: each state holds only what
 * is true in it. A state says what happened at the provider, never a guess: FAILED only
 * after a refusal, UNKNOWN whenever the provider may have run.
 */
export type ConfirmationState =
  /** Waiting for the TAN (EXPIRED once past `expiresAt`: derived, never stored). */
  | { status: 'PENDING' }
  /** One confirm holds the claim and is calling the provider, until `deadline` at most. */
  | { status: 'EXECUTING'; claim: string; deadline: number }
  /** It ran. `detail` says how it is known where the provider's answer did not say so. */
  | { status: 'CONFIRMED'; result: PaymentResult; detail: string | null }
  /** The provider refused: it did not run. */
  | { status: 'FAILED'; failure: Failure }
  /**
   * The provider's answer to the execution was lost. The gateway looks for evidence
   * at `nextCheckAt`; null once it has stopped looking.
   */
  | { status: 'UNKNOWN'; failure: Failure; since: number; checks: number; nextCheckAt: number | null };

export type ConfirmationStatus = ConfirmationState['status'];

/** A two-step payment operation, kept by the gateway between create and confirm. */
export interface Confirmation {
  id: string;
  provider: ProviderName;
  /** A keyed hash of the credentials that created it: only they may see or confirm it. */
  callerKey: string;
  providerAccountId: string;
  /** Exactly what the provider will be asked to execute. */
  pending: PendingPayment;
  tokenLength: number | null;
  /** Epoch milliseconds. */
  expiresAt: number;
  attemptsLeft: number;
  state: ConfirmationState;
  /** Grows by one with every change: stores replace a record only at the version they read. */
  version: number;
}
