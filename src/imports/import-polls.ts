import type { ImportSource } from '../providers/imports';
import { TERMINAL_STATUSES } from '../providers/imports';
import type { ProviderName } from '../providers/provider-name';
import type { ImportSnapshot } from './import-snapshot';

/** Asks the provider once where an import stands. */
export type PollImport = (
  snapshot: ImportSnapshot,
  credential: string | undefined,
  signal?: AbortSignal,
) => Promise<ImportSnapshot>;

/** One look through the import's bank (its ImportSource), merged into what the gateway knows. */
export function createImportPoll(
  sourceOf: (provider: ProviderName) => ImportSource | undefined,
  now: () => Date = () => new Date(),
): PollImport {
  return async (snapshot, credential, signal) => {
    const source = sourceOf(snapshot.provider);
    if (!source) {
      throw new Error(`${snapshot.provider} runs no imports`);
    }
    const progress = await source.progress(snapshot, { credential: credential ?? '', signal });
    const finished = TERMINAL_STATUSES.has(progress.status);
    return {
      ...snapshot,
      status: progress.status,
      error: progress.status === 'FAILED' ? (progress.error ?? 'The import failed.') : null,
      finishedAt: finished ? (progress.finishedAt ?? snapshot.finishedAt ?? now().toISOString()) : null,
    };
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
