import type { AccountRecord, ProviderCall, TransactionRecord } from './provider';

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

/** What a bank is told of an import when asked where it stands. */
export interface ImportState {
  /** The gateway's id: the bank's own where its ids are unique, else one of the gateway's. */
  id: string;
  /** The bank's id for it. */
  providerImportId: string;
  /** The one account it refreshes, where it refreshes one. */
  accountId: string | null;
  /** That account's `lastUpdatedAt` before the import began (ISO), where known. */
  baseline: string | null;
}

/** Where an import stands at the bank. */
export interface ImportProgress {
  status: ImportStatusName;
  /** Why it FAILED, in the bank's words. */
  error: string | null;
  /** When it finished, where the bank tells (ISO). */
  finishedAt?: string | null;
}

/** A bank whose imports the gateway starts and watches. */
export interface ImportSource {
  /**
   * One look at where an import stands. `call` carries the credential of the import's
   * owner, where imports belong to one (the bank's descriptor has credentials).
   */
  progress(state: ImportState, call: ProviderCall): Promise<ImportProgress>;
  /** An import started elsewhere, by the bank's id: where the id alone grants access. */
  find?(providerImportId: string, signal?: AbortSignal): Promise<ImportProgress & { id: string }>;
  /** What a COMPLETED import delivered; absent where imports only refresh an account. */
  result?(providerImportId: string, signal?: AbortSignal): Promise<CommandResult>;
}
