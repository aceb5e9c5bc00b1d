import type { ImportSnapshot } from '../../src/imports/import-snapshot';
import { estimatedWait } from '../../src/imports/import-polls';

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

describe('the wait an import’s estimate asks for', () => {
  it('is the time until the provider’s estimate, and a moment more, rather than asking early', () => {
    expect(estimatedWait(running('2026-06-30T12:00:30Z'), now, 500)).toBe(30_050);
    expect(estimatedWait(running('2026-06-30T12:00:30Z'), now, 20)).toBe(30_020);
  });

  it('is left to the backoff once the estimate has passed, or without one', () => {
    expect(estimatedWait(running('2026-06-30T11:00:00Z'), now, 500)).toBeUndefined();
    expect(estimatedWait(running(), now, 500)).toBeUndefined();
  });
});
