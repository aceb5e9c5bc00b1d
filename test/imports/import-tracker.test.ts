import { Writable } from 'node:stream';

import { createPubSub } from '@graphql-yoga/subscription';

import type { ImportEvent, ImportSnapshot } from '../../src/imports/import-snapshot';
import { createMemoryImportStore, type ImportStore } from '../../src/imports/import-store';
import { createImportTracker, type ImportTracker } from '../../src/imports/import-tracker';
import type { GatewayPubSub } from '../../src/imports/pubsub';
import { createLogger } from '../../src/logger';
import { createMetrics } from '../../src/metrics';
import type { ImportStatusName } from '../../src/providers/imports';

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

/** A memory store that can lose everything (Redis restarted empty) or refuse every call (Redis down). */
function aFlakyStore() {
  let memory = createMemoryImportStore();
  let down = false;
  const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  const store: ImportStore = {
    get: (key) => (down ? refused() : memory.get(key)),
    put: (key, snapshot) => (down ? refused() : memory.put(key, snapshot)),
    acquireLease: (key, holder, ttlMs) => (down ? refused() : memory.acquireLease(key, holder, ttlMs)),
    releaseLease: (key, holder) => (down ? refused() : memory.releaseLease(key, holder)),
  };
  return {
    store,
    stored: (key = KEY) => memory.get(key),
    wipe: () => {
      memory = createMemoryImportStore();
    },
    goDown: () => {
      down = true;
    },
    comeBack: () => {
      down = false;
    },
  };
}

/** The provider: answers with whatever status a test sets, and counts the questions. */
function aProvider() {
  const provider = {
    status: 'QUEUED' as ImportStatusName,
    polls: 0,
    poll: async (snapshot: ImportSnapshot): Promise<ImportSnapshot> => {
      provider.polls += 1;
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
      seen.map((e) => (e.kind === 'snapshot' ? e.snapshot.status : `${e.kind}${e.final ? ' (final)' : ''}`)),
    seen,
    ended: () => ended,
  };
}

describe('the import tracker when its store fails', () => {
  let tracker: ImportTracker;
  let trackers: ImportTracker[] = [];
  let logs: Array<Record<string, unknown>> = [];

  /** A tracker (an instance of the gateway) on `store`; the last one made is `tracker`. */
  const start = (
    store: ImportStore,
    provider: ReturnType<typeof aProvider>,
    pubsub = createPubSub() as GatewayPubSub,
  ) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line)),
        );
        done();
      },
    });
    tracker = createImportTracker({
      store,
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

  it('rebuilds an import whose state vanished while watched: asks the provider again and writes it back', async () => {
    const redis = aFlakyStore();
    const provider = aProvider();
    start(redis.store, provider);
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
    start(redis.store, provider);
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
    start(redis.store, provider);
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
    const holder = start(redis.store, holderProvider, pubsub);
    await holder.start(aSnapshot());
    await jest.advanceTimersByTimeAsync(1);
    const other = start(redis.store, otherProvider, pubsub);
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
    start(redis.store, provider);
    redis.goDown();
    await tracker.start(aSnapshot());
    expect(await tracker.current(KEY)).toMatchObject({ status: 'QUEUED' });

    redis.comeBack();
    await jest.advanceTimersByTimeAsync(LEASE_MS);
    expect(await redis.stored()).toMatchObject({ status: 'QUEUED' });
  });

  it('answers current() from memory for an import the store lost', async () => {
    const redis = aFlakyStore();
    start(redis.store, aProvider());
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
      acquireLease: () => new Promise(() => undefined),
      releaseLease: () => new Promise(() => undefined),
    };
    start(hung, provider);
    provider.status = 'RUNNING';
    const started = tracker.start(aSnapshot());
    await jest.advanceTimersByTimeAsync(1000);
    await started;
    const watch = collect(tracker.watch(KEY));
    await jest.advanceTimersByTimeAsync(5000);
    // Started here and never stored: this instance polls on from memory.
    expect(watch.statuses()).toEqual(['QUEUED', 'RUNNING']);
    expect(logs).toContainEqual(
      expect.objectContaining({ err: expect.objectContaining({ name: 'ImportStoreTimeoutError', code: 'ETIMEDOUT' }) }),
    );
  });
});
