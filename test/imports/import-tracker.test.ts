import { createPubSub } from '@graphql-yoga/subscription';

import type { ImportEvent, ImportSnapshot } from '../../src/imports/import-snapshot';
import { createMemoryImportStore, type ImportStore } from '../../src/imports/import-store';
import { createImportTracker, type ImportTracker, type ImportTrackerOptions } from '../../src/imports/import-tracker';
import type { GatewayPubSub } from '../../src/live/pubsub';
import { createMemoryLeaseStore, type LeaseStore } from '../../src/live/lease';
import { ProviderUnavailableError, UnauthenticatedError } from '../../src/errors/errors';
import { createLogger } from '../../src/ops/logger';
import { createMetrics } from '../../src/ops/metrics';
import type { ImportStatusName } from '../../src/providers/imports';
import { jsonLineSink } from '../support/logs';

const KEY = 'KONTOMATIK:c1';
const POLL_MS = 100;
const LEASE_MS = 300;

const aSnapshot = (overrides: Partial<ImportSnapshot> = {}): ImportSnapshot => ({
  provider: 'KONTOMATIK',
  id: 'c1',
  providerImportId: 'c1',
  status: 'QUEUED',
  startedAt: '2026-06-30T12:00:00.000Z',
  estimatedFinishAt: null,
  finishedAt: null,
  error: null,
  accountId: null,
  ownerKey: null,
  baseline: null,
  ...overrides,
});

/**
 * A memory store and leases (one Redis) that can lose everything (Redis restarted empty)
 * or refuse every call (Redis down).
 */
function aFlakyStore() {
  let memory = createMemoryImportStore();
  let leaseMemory = createMemoryLeaseStore();
  let down = false;
  const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  const store: ImportStore = {
    get: (key) => (down ? refused() : memory.get(key)),
    put: (key, snapshot) => (down ? refused() : memory.put(key, snapshot)),
  };
  const leases: LeaseStore = {
    acquire: (key, holder, ttlMs) => (down ? refused() : leaseMemory.acquire(key, holder, ttlMs)),
    release: (key, holder) => (down ? refused() : leaseMemory.release(key, holder)),
  };
  return {
    store,
    leases,
    stored: (key = KEY) => memory.get(key),
    wipe: () => {
      memory = createMemoryImportStore();
      leaseMemory = createMemoryLeaseStore();
    },
    goDown: () => {
      down = true;
    },
    comeBack: () => {
      down = false;
    },
  };
}

/** The provider: answers with whatever status a test sets, or fails with its fault, and counts the questions. */
function aProvider() {
  const provider = {
    status: 'QUEUED' as ImportStatusName,
    fault: null as Error | null,
    polls: 0,
    poll: async (snapshot: ImportSnapshot): Promise<ImportSnapshot> => {
      provider.polls += 1;
      if (provider.fault) {
        throw provider.fault;
      }
      const finished = provider.status === 'COMPLETED' || provider.status === 'FAILED';
      return { ...snapshot, status: provider.status, finishedAt: finished ? '2026-06-30T12:01:00.000Z' : null };
    },
  };
  return provider;
}

/** Everything a watch yields, and whether it ended. */
function collect(events: AsyncIterableIterator<ImportEvent>) {
  const seen: ImportEvent[] = [];
  let ended = false;
  void (async () => {
    for await (const event of events) {
      seen.push(event);
    }
    ended = true;
  })();
  return {
    statuses: () =>
      seen.map((e) =>
        e.kind === 'snapshot' ? e.snapshot.status : `${e.kind}${e.kind === 'unavailable' && e.final ? ' (final)' : ''}`,
      ),
    seen,
    ended: () => ended,
  };
}

describe('the import tracker', () => {
  let tracker: ImportTracker;
  let trackers: ImportTracker[] = [];
  let logs: Array<Record<string, unknown>> = [];

  /** A tracker (an instance of the gateway) on `store`; the last one made is `tracker`. */
  const start = (
    { store, leases }: { store: ImportStore; leases: LeaseStore },
    provider: ReturnType<typeof aProvider>,
    pubsub = createPubSub() as GatewayPubSub,
    overrides: Partial<ImportTrackerOptions> = {},
  ) => {
    const sink = jsonLineSink((line) => logs.push(line));
    tracker = createImportTracker({
      store,
      leases,
      pubsub,
      poll: provider.poll,
      logger: createLogger('debug', sink),
      metrics: createMetrics(),
      pollMs: POLL_MS,
      pollMaxMs: POLL_MS,
      leaseMs: LEASE_MS,
      unavailableAfterMs: 10_000,
      unwatchedMs: 10_000,
      storeTimeoutMs: 1000,
      ...overrides,
    });
    trackers.push(tracker);
    return tracker;
  };

  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(async () => {
    // Leases are given back within the store's deadline, which is on fake time too.
    const closing = Promise.all(trackers.map((t) => t.close()));
    await jest.advanceTimersByTimeAsync(1000);
    await closing;
    trackers = [];
    logs = [];
    jest.useRealTimers();
  });

  it('ends a Bankimport import’s watchers when its owner’s token is rejected, and guesses no state', async () => {
    const redis = aFlakyStore();
    const provider = aProvider();
    provider.status = 'RUNNING';
    start(redis, provider);
    const key = 'BANKIMPORT:b1';
    await tracker.start(
      aSnapshot({ provider: 'BANKIMPORT', id: 'b1', providerImportId: '7', status: 'RUNNING', accountId: '1' }),
      'alice-token',
    );
    const watch = collect(tracker.watch(key, 'alice-token'));
    await jest.advanceTimersByTimeAsync(POLL_MS);
    provider.fault = new UnauthenticatedError('BANKIMPORT', 'BANKIMPORT rejected the credentials.');
    const pollsBefore = provider.polls;
    await jest.advanceTimersByTimeAsync(POLL_MS * 2);
    expect(watch.seen.at(-1)).toEqual({ kind: 'rejected', provider: 'BANKIMPORT' });
    expect(watch.ended()).toBe(true);
    expect(provider.polls).toBe(pollsBefore + 1);
    await jest.advanceTimersByTimeAsync(LEASE_MS * 10);
    expect(provider.polls).toBe(pollsBefore + 1);
    // What the provider last said, not a FAILED it never said.
    expect(await redis.stored(key)).toMatchObject({ status: 'RUNNING' });
  });

  it('tells every instance’s watchers once that the provider is unreachable, and goes on asking', async () => {
    const redis = aFlakyStore();
    const pubsub = createPubSub() as GatewayPubSub;
    const provider = aProvider();
    const quiet = aProvider();
    const here = start(redis, provider, pubsub, { unavailableAfterMs: POLL_MS * 3 });
    await here.start(aSnapshot());
    const watchHere = collect(here.watch(KEY));
    await jest.advanceTimersByTimeAsync(1);
    const there = start(redis, quiet, pubsub, { unavailableAfterMs: POLL_MS * 3 });
    const watchThere = collect(there.watch(KEY));
    await jest.advanceTimersByTimeAsync(POLL_MS);

    provider.fault = new ProviderUnavailableError('KONTOMATIK', 'the request timed out');
    await jest.advanceTimersByTimeAsync(POLL_MS * 30);
    for (const watch of [watchHere, watchThere]) {
      expect(watch.statuses()).toEqual(['QUEUED', 'unavailable']);
      expect(watch.ended()).toBe(false);
    }
    const polls = provider.polls;
    await jest.advanceTimersByTimeAsync(POLL_MS * 30);
    expect(provider.polls).toBeGreaterThan(polls);
    expect(quiet.polls).toBe(0);
  });

  describe('when its store fails', () => {
    it('rebuilds an import whose state vanished while watched: asks the provider again and writes it back', async () => {
      const redis = aFlakyStore();
      const provider = aProvider();
      start(redis, provider);
      await tracker.start(aSnapshot());
      const watch = collect(tracker.watch(KEY));
      provider.status = 'RUNNING';
      await jest.advanceTimersByTimeAsync(POLL_MS * 2);
      expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING']);

      redis.wipe();
      const pollsBefore = provider.polls;
      await jest.advanceTimersByTimeAsync(LEASE_MS);
      expect(await redis.stored()).toMatchObject({ status: 'RUNNING' });
      expect(provider.polls).toBeGreaterThan(pollsBefore);
      expect(logs).toContainEqual(
        expect.objectContaining({ level: 40, key: KEY, msg: expect.stringContaining('vanished') }),
      );

      provider.status = 'COMPLETED';
      await jest.advanceTimersByTimeAsync(LEASE_MS);
      expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING', 'COMPLETED']);
      expect(watch.ended()).toBe(true);
      expect(await redis.stored()).toMatchObject({ status: 'COMPLETED' });
    });

    it('ends its subscribers with an error event when nothing is left to rebuild the import from', async () => {
      const redis = aFlakyStore();
      const provider = aProvider();
      start(redis, provider);
      const watch = collect(tracker.watch(KEY));
      await jest.advanceTimersByTimeAsync(LEASE_MS);
      expect(watch.seen).toEqual([
        {
          kind: 'unavailable',
          provider: 'KONTOMATIK',
          reason: expect.stringContaining('lost the state of this import'),
          final: true,
        },
      ]);
      expect(watch.ended()).toBe(true);
      expect(provider.polls).toBe(0);
    });

    it('goes on polling through a store outage, tells its watchers, and writes the state once the store is back', async () => {
      const redis = aFlakyStore();
      const provider = aProvider();
      start(redis, provider);
      await tracker.start(aSnapshot());
      const watch = collect(tracker.watch(KEY));
      // The first tick takes the lease; the outage starts before the first poll.
      await jest.advanceTimersByTimeAsync(1);
      redis.goDown();

      provider.status = 'RUNNING';
      await jest.advanceTimersByTimeAsync(LEASE_MS * 10);
      expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING']);
      // What the store held when it went away.
      expect(await redis.stored()).toMatchObject({ status: 'QUEUED' });
      // One line for the outage, however many ticks it lasted.
      expect(logs.filter((line) => line.msg === 'import store unreachable, going on from memory')).toHaveLength(1);

      redis.comeBack();
      await jest.advanceTimersByTimeAsync(LEASE_MS);
      expect(await redis.stored()).toMatchObject({ status: 'RUNNING' });
      expect(await tracker.current(KEY)).toMatchObject({ status: 'RUNNING' });
      expect(logs).toContainEqual(expect.objectContaining({ level: 30, msg: 'import store answers again' }));

      provider.status = 'COMPLETED';
      await jest.advanceTimersByTimeAsync(LEASE_MS);
      expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING', 'COMPLETED']);
      expect(watch.ended()).toBe(true);
    });

    it('lets only the instance that held the lease poll while the store is down', async () => {
      const redis = aFlakyStore();
      const pubsub = createPubSub() as GatewayPubSub;
      const [holderProvider, otherProvider] = [aProvider(), aProvider()];
      const holder = start(redis, holderProvider, pubsub);
      await holder.start(aSnapshot());
      await jest.advanceTimersByTimeAsync(1);
      const other = start(redis, otherProvider, pubsub);
      const watch = collect(other.watch(KEY));
      await jest.advanceTimersByTimeAsync(1);
      redis.goDown();

      holderProvider.status = otherProvider.status = 'RUNNING';
      await jest.advanceTimersByTimeAsync(LEASE_MS * 10);
      expect(holderProvider.polls).toBeGreaterThan(0);
      expect(otherProvider.polls).toBe(0);
      // The pub/sub (here in memory) still carries the holder's news to the other instance.
      expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING']);
    });

    it('keeps an import started while the store is down, and stores it when the store is back', async () => {
      const redis = aFlakyStore();
      const provider = aProvider();
      start(redis, provider);
      redis.goDown();
      await tracker.start(aSnapshot());
      expect(await tracker.current(KEY)).toMatchObject({ status: 'QUEUED' });

      redis.comeBack();
      await jest.advanceTimersByTimeAsync(LEASE_MS);
      expect(await redis.stored()).toMatchObject({ status: 'QUEUED' });
    });

    it('answers current() from memory for an import the store lost', async () => {
      const redis = aFlakyStore();
      start(redis, aProvider());
      await tracker.start(aSnapshot());
      redis.wipe();
      expect(await tracker.current(KEY)).toMatchObject({ id: 'c1', status: 'QUEUED' });
      expect(await tracker.current('KONTOMATIK:other')).toBeNull();
    });

    it('gives up on a store that hangs, rather than hanging with it', async () => {
      const provider = aProvider();
      const hung: ImportStore = {
        get: () => new Promise(() => undefined),
        put: () => new Promise(() => undefined),
      };
      const hungLeases: LeaseStore = {
        acquire: () => new Promise(() => undefined),
        release: () => new Promise(() => undefined),
      };
      start({ store: hung, leases: hungLeases }, provider);
      provider.status = 'RUNNING';
      const started = tracker.start(aSnapshot());
      await jest.advanceTimersByTimeAsync(1000);
      await started;
      const watch = collect(tracker.watch(KEY));
      await jest.advanceTimersByTimeAsync(5000);
      // Started here and never stored: this instance polls on from memory.
      expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING']);
      expect(logs).toContainEqual(
        expect.objectContaining({
          err: expect.objectContaining({ name: 'ImportStoreTimeoutError', code: 'ETIMEDOUT' }),
        }),
      );
    });
  });
});
