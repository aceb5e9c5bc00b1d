import type { AccountRecord, TransactionRecord } from './provider';

/**
 * Provider-neutral records of background imports. Kontomatik's command vocabulary and
 * Bankimport's forced imports both become these, inside their own folders.
 */
export type ImportStatusName = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export const TERMINAL_STATUSES: ReadonlySet<ImportStatusName> = new Set(['COMPLETED', 'FAILED']);

export interface OwnerRecord {
  name: string | null;
  email: string | null;
  externalId: string | null;
}

/** What a finished Kontomatik command delivered; immutable once COMPLETED. */
export interface CommandResult {
  commandId: string;
  status: ImportStatusName;
  target: string | null;
  error: string | null;
  owners: OwnerRecord[];
  accounts: AccountRecord[];
  /** Per account (by provider account id), newest first. */
  transactions: ReadonlyMap<string, readonly TransactionRecord[]>;
  multipleAccessToken: string | null;
}

export interface SignInSessionRecord {
  sessionId: string;
  sessionIdSignature: string;
  redirectUrl: string | null;
}

export type SignInStatusName = 'PENDING' | 'COMPLETED' | 'FAILED' | 'EXPIRED';
