import type { ImportSnapshot } from '../../src/imports/import-snapshot';
import { nextPollDelay } from '../../src/imports/poll-schedule';

const timing = { pollMs: 500, pollMaxMs: 5000 };
const now = Date.parse('2026-06-30T12:00:00Z');
const running = (estimatedFinishAt: string | null = null): ImportSnapshot => ({
  provider: 'BANKIMPORT',
  id: 'i',
  providerImportId: '1',
  status: 'RUNNING',
  startedAt: null,
  estimatedFinishAt,
  finishedAt: null,
  error: null,
  accountId: '1',
  ownerKey: null,
  baseline: null,
});

describe('when an import is polled next', () => {
  it('waits for the provider’s estimate rather than asking early', () => {
    expect(nextPollDelay(running('2026-06-30T12:00:30Z'), 0, timing, now)).toBe(30_050);
  });

  it('backs off from pollMs to pollMaxMs once the estimate has passed', () => {
    const delays = [0, 1, 2, 3, 10].map((attempt) =>
      nextPollDelay(running('2026-06-30T11:00:00Z'), attempt, timing, now),
    );
    expect(delays).toEqual([500, 750, 1125, 1687.5, 5000]);
  });

  it('asks an unreachable provider less and less often, up to six times pollMaxMs', () => {
    expect(nextPollDelay(running(), 1, timing, now, true)).toBe(1000);
    expect(nextPollDelay(running(), 20, timing, now, true)).toBe(30_000);
  });
});
