import type { Confirmation } from './confirmation';

/** The outcome of trying to claim a confirmation for execution. */
export type Claim =
  | { won: true; confirmation: Confirmation }
  /** Someone else holds it, it ran, failed or expired; null where it does not exist. */
  | { won: false; confirmation: Confirmation | null };

/**
 * Pending confirmations, in memory or in Redis. `claim` is the exactly-once guard: of
 * any number of concurrent claims of one PENDING, unexpired confirmation, exactly one
 * wins and moves it to EXECUTING.
 */
export interface ConfirmationStore {
  create(confirmation: Confirmation): Promise<void>;
  get(id: string): Promise<Confirmation | null>;
  claim(id: string, now: number): Promise<Claim>;
  /** Writes the claimed confirmation's new state (PENDING again after a wrong TAN, or final). */
  settle(confirmation: Confirmation): Promise<void>;
}

/** How long a settled or expired confirmation stays readable after its expiry. */
export const RETAIN_MS = 24 * 60 * 60 * 1000;
