import type { BankimportProvider } from '../providers/bankimport/bankimport.client';
import type { KontomatikProvider } from '../providers/kontomatik/kontomatik.client';
import { TERMINAL_STATUSES } from '../providers/imports';
import type { ImportSnapshot } from './import-snapshot';

/** Asks the provider once where an import stands. */
export type PollImport = (
  snapshot: ImportSnapshot,
  credential: string | undefined,
  signal?: AbortSignal,
) => Promise<ImportSnapshot>;

export interface PollSources {
  bankimport: BankimportProvider;
  kontomatik: KontomatikProvider;
}

export function createImportPoll(
  { bankimport, kontomatik }: PollSources,
  now: () => Date = () => new Date(),
): PollImport {
  return async (snapshot, credential, signal) => {
    if (snapshot.provider === 'KONTOMATIK') {
      const command = await kontomatik.command(snapshot.id, signal);
      const finished = TERMINAL_STATUSES.has(command.status);
      return {
        ...snapshot,
        status: command.status,
        error: command.status === 'FAILED' ? (command.error ?? 'The import failed.') : null,
        finishedAt: finished ? (snapshot.finishedAt ?? now().toISOString()) : null,
      };
    }
    if (!credential || !snapshot.accountId) {
      throw new Error('a Bankimport import is polled with its owner’s token');
    }
    // Bankimport has no import status: an account updated after the import began is done.
    const account = await bankimport.account({ credential, signal }, snapshot.accountId);
    const updated = account.lastUpdatedAt?.toISOString() ?? null;
    const done = updated !== null && (snapshot.baseline === null || updated > snapshot.baseline);
    return done ? { ...snapshot, status: 'COMPLETED', finishedAt: updated } : { ...snapshot, status: 'RUNNING' };
  };
}

/**
 * The wait the provider's own estimate asks for: asking earlier only costs calls.
 * Undefined once the estimate has passed (or without one): the poller's backoff decides.
 */
export function estimatedWait(snapshot: ImportSnapshot, now: number, pollMs: number): number | undefined {
  const estimate = snapshot.estimatedFinishAt ? Date.parse(snapshot.estimatedFinishAt) - now : 0;
  // A moment after the estimate, so that the provider has written its result.
  return estimate > 0 ? estimate + Math.min(50, pollMs) : undefined;
}
