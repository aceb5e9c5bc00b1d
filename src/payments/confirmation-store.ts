import type { Confirmation } from './confirmation';

/** What a write expects to replace. */
export interface WriteBase {
  /** The version the write was computed from; null for a new record. */
  version: number | null;
  /** And who wrote that version, where it matters (undoing one's own claim). */
  writer?: string;
  /** Write even where the record is gone: the store lost it (a Redis restarted empty). */
  orAbsent?: boolean;
}

/**
 * Confirmations, in memory or in Redis. Every change is a compare-and-set on the
 * record's version, so that of concurrent writers from one version exactly one wins:
 * that is the exactly-once claim, and it keeps the state machine the only author of
 * states. Calls fail with StoreUnavailableError rather than wait.
 */
export interface ConfirmationStore {
  /** Resolves once the store has taken a write just now; a payment is registered only then. */
  checkWritable(): Promise<void>;
  get(id: string): Promise<Confirmation | null>;
  /**
   * Writes `record` (tagged `writer`) where the stored record is at `base`. True when
   * written, also where this writer's same write already landed; false where the
   * stored record moved on.
   */
  put(record: Confirmation, base: WriteBase, writer: string): Promise<boolean>;
  /** Ids of EXECUTING records whose deadline has passed. */
  overdue(now: number): Promise<string[]>;
}

/** How long a settled or expired confirmation stays readable after its expiry. */
export const RETAIN_MS = 24 * 60 * 60 * 1000;
