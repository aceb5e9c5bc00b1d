import type { ImportSnapshot } from './import-snapshot';

export interface PollTiming {
  /** The first delay, and the base of the backoff. */
  pollMs: number;
  /** The longest wait between two polls of a running import. */
  pollMaxMs: number;
}

/**
 * When to ask again: not before the provider's own estimate (asking earlier only costs
 * calls), then backing off from `pollMs` to `pollMaxMs`. An unreachable provider is
 * asked less and less often, up to six times `pollMaxMs`.
 */
export function nextPollDelay(
  snapshot: ImportSnapshot,
  attempt: number,
  timing: PollTiming,
  now: number,
  failing = false,
): number {
  if (failing) {
    return Math.min(timing.pollMs * 2 ** attempt, timing.pollMaxMs * 6);
  }
  const estimate = snapshot.estimatedFinishAt ? Date.parse(snapshot.estimatedFinishAt) - now : 0;
  if (estimate > 0) {
    // A moment after the estimate, so that the provider has written its result.
    return estimate + Math.min(50, timing.pollMs);
  }
  return Math.min(timing.pollMs * 1.5 ** attempt, timing.pollMaxMs);
}
