import { UnauthenticatedError } from '../../src/errors/errors';
import { systemClock, type Clock } from '../../src/live/clock';
import { createMemoryLeaseStore, type LeaseStore } from '../../src/live/lease';
import {
  answered,
  backoffDelay,
  begin,
  createPoller,
  failed,
  lead,
  rest,
  wake,
  type Polled,
  type Poller,
  type PollerOptions,
  type Timing,
} from '../../src/live/poller';
import { createLogger } from '../../src/ops/logger';
import { createMetrics, type Metrics } from '../../src/ops/metrics';
import { jsonLineSink } from '../support/logs';

type Options = Partial<PollerOptions<string, string, undefined>>;

/** The upstream a poller asks: answers as a test says, and notes when it was asked. */
function anUpstream() {
  const asked: Array<{ id: string; at: number }> = [];
  let answer = async (id: string, n: number, _signal: AbortSignal): Promise<Polled<string>> => ({
    kind: 'going',
    events: [`${id}#${n}`],
  });
  return {
    asked,
    polls: (id: string) => asked.filter((call) => call.id === id).length,
    times: (id: string) => asked.filter((call) => call.id === id).map((call) => call.at),
    answer(next: typeof answer) {
      answer = next;
    },
    poll: ({ id, signal }: { id: string; signal: AbortSignal }) => {
      asked.push({ id, at: Date.now() });
      return answer(id, asked.filter((call) => call.id === id).length, signal);
    },
  };
}

/** Everything a subscription yields, and whether it ended. */
function collect(events: AsyncIterableIterator<string>) {
  const seen: string[] = [];
  let ended = false;
  void (async () => {
    for await (const event of events) {
      seen.push(event);
    }
    ended = true;
  })();
  return { seen, ended: () => ended, stop: () => void events.return?.() };
}

/** A clock of an instance that can die: after `die()` none of its timers fires again. */
function aMortalClock(): Clock & { die(): void } {
  let dead = false;
  return {
    now: () => systemClock.now(),
    setTimer: (callback, ms) =>
      systemClock.setTimer(() => {
        if (!dead) {
          callback();
        }
      }, ms),
    clearTimer: (timer) => systemClock.clearTimer(timer),
    die() {
      dead = true;
    },
  };
}

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
};

const gauge = async (metrics: Metrics) =>
  (await metrics.activePollers.get()).values.find((value) => value.labels.kind === 'test')?.value ?? 0;

describe('the poller, on fake time', () => {
  let logs: Array<Record<string, unknown>> = [];
  let pollers: Array<Poller<string, string, undefined>> = [];

  const aPoller = (upstream: ReturnType<typeof anUpstream>, options: Options = {}, metrics = createMetrics()) => {
    const sink = jsonLineSink((line) => logs.push(line));
    const poller = createPoller<string, string, undefined>({
      kind: 'test',
      idOf: (key) => key,
      remember: () => undefined,
      poll: upstream.poll,
      isLast: (event) => event.endsWith('#end'),
      failures: {
        isFinal: (error) => error instanceof UnauthenticatedError,
        final: ({ id }) => `${id} rejected`,
        unavailable: ({ id }) => `${id} unavailable`,
        unavailableAfterMs: 300,
      },
      backoff: { firstMs: 100, maxMs: 100 },
      stepTimeoutMs: 1000,
      clock: systemClock,
      logger: createLogger('debug', sink),
      metrics,
      ...options,
    });
    pollers.push(poller);
    return poller;
  };

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(async () => {
    const closing = Promise.all(pollers.map((poller) => poller.close()));
    await jest.advanceTimersByTimeAsync(5000);
    await closing;
    pollers = [];
    logs = [];
    jest.useRealTimers();
  });

  it('polls once per key for any number of subscribers, and gives every one of them each event', async () => {
    const upstream = anUpstream();
    const poller = aPoller(upstream);
    const onA = [collect(poller.subscribe('a')), collect(poller.subscribe('a')), collect(poller.subscribe('a'))];
    const onB = collect(poller.subscribe('b'));
    await jest.advanceTimersByTimeAsync(350);

    // At 0, 100, 200 and 300 ms: one poll of each key each time.
    expect(upstream.polls('a')).toBe(4);
    expect(upstream.polls('b')).toBe(4);
    for (const watch of onA) {
      expect(watch.seen).toEqual(['a#1', 'a#2', 'a#3', 'a#4']);
    }
    expect(onB.seen).toEqual(['b#1', 'b#2', 'b#3', 'b#4']);
  });

  it('waits first, then twice as long after every poll up to the maximum, or as long as the poll asks', async () => {
    const upstream = anUpstream();
    const poller = aPoller(upstream, { backoff: { firstMs: 100, maxMs: 800 } });
    poller.keep('a', 60_000, 100);
    await jest.advanceTimersByTimeAsync(2300);
    const times = upstream.times('a');
    expect(times.map((at, i) => at - (times[i - 1] ?? 0))).toEqual([100, 200, 400, 800, 800]);

    upstream.answer(async (id, n) => ({ kind: 'going', events: [`${id}#${n}`], waitMs: 5000 }));
    await jest.advanceTimersByTimeAsync(800);
    const asked = upstream.times('a').at(-1)!;
    await jest.advanceTimersByTimeAsync(4999);
    expect(upstream.times('a').at(-1)).toBe(asked);
    await jest.advanceTimersByTimeAsync(1);
    expect(upstream.times('a').at(-1)).toBe(asked + 5000);
  });

  it('backs off further while polls fail, up to six times the maximum unless told otherwise', async () => {
    const upstream = anUpstream();
    upstream.answer(async () => {
      throw new Error('connect ECONNREFUSED');
    });
    const poller = aPoller(upstream, { backoff: { firstMs: 100, maxMs: 200 } });
    poller.keep('a', 60_000, 100);
    await jest.advanceTimersByTimeAsync(100 + 200 + 400 + 800 + 1200 + 1200);
    const times = upstream.times('a');
    expect(times.map((at, i) => at - (times[i - 1] ?? 0))).toEqual([100, 200, 400, 800, 1200, 1200]);
    expect(backoffDelay({ firstMs: 100, maxMs: 200, failingMaxMs: 300 }, 5, true)).toBe(300);
  });

  it('stops when the last subscriber leaves, and not before', async () => {
    const upstream = anUpstream();
    const metrics = createMetrics();
    const poller = aPoller(upstream, {}, metrics);
    const [one, two] = [collect(poller.subscribe('a')), collect(poller.subscribe('a'))];
    await jest.advanceTimersByTimeAsync(150);
    expect(await gauge(metrics)).toBe(1);

    one.stop();
    await jest.advanceTimersByTimeAsync(100);
    expect(poller.inspect('a')?.state.kind).toBe('waiting');
    two.stop();
    await jest.advanceTimersByTimeAsync(0);
    expect(poller.inspect('a')).toBeUndefined();
    expect(await gauge(metrics)).toBe(0);
    const polls = upstream.polls('a');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(upstream.polls('a')).toBe(polls);
  });

  it('polls a key kept for a while unwatched until that time is up, whoever comes and goes meanwhile', async () => {
    const upstream = anUpstream();
    const poller = aPoller(upstream);
    poller.keep('a', 1000);
    await jest.advanceTimersByTimeAsync(450);
    expect(upstream.polls('a')).toBe(5);

    const passing = collect(poller.subscribe('a'));
    await jest.advanceTimersByTimeAsync(100);
    passing.stop();
    await jest.advanceTimersByTimeAsync(300);
    expect(poller.inspect('a')?.state.kind).toBe('waiting');
    expect(passing.seen).toEqual(['a#6']);

    // Its 1000 ms are up: the turn at 1000 ms stops it instead of polling.
    await jest.advanceTimersByTimeAsync(200);
    expect(poller.inspect('a')).toBeUndefined();
    const polls = upstream.polls('a');
    await jest.advanceTimersByTimeAsync(5000);
    expect(upstream.polls('a')).toBe(polls);
    expect(polls).toBe(10);
  });

  describe('with a lease across instances', () => {
    const TTL = 600;

    /** Two instances on one lease store; what the leader finds reaches the follower's subscribers. */
    const twoInstances = (leases: LeaseStore = createMemoryLeaseStore()) => {
      const [upstreamA, upstreamB] = [anUpstream(), anUpstream()];
      const clockA = aMortalClock();
      const instances: Array<Poller<string, string, undefined>> = [];
      const share =
        (from: number) =>
        async ({ id }: { id: string }, events: readonly string[]) =>
          instances[1 - from]?.deliver(id, events);
      instances.push(
        aPoller(upstreamA, { lease: { store: leases, ttlMs: TTL }, clock: clockA, share: share(0) }),
        aPoller(upstreamB, { lease: { store: leases, ttlMs: TTL }, share: share(1) }),
      );
      const [a, b] = instances as [Poller<string, string, undefined>, Poller<string, string, undefined>];
      return { a, b, upstreamA, upstreamB, clockA };
    };

    it('lets one instance poll while it holds the lease, and the other hear it', async () => {
      const { a, b, upstreamA, upstreamB } = twoInstances();
      collect(a.subscribe('k'));
      await jest.advanceTimersByTimeAsync(1);
      const onB = collect(b.subscribe('k'));
      await jest.advanceTimersByTimeAsync(1000);
      expect(upstreamA.polls('k')).toBeGreaterThanOrEqual(10);
      expect(upstreamB.polls('k')).toBe(0);
      expect(onB.seen.length).toBeGreaterThanOrEqual(9);
      expect(a.inspect('k')?.state).toMatchObject({ role: 'leader' });
      expect(b.inspect('k')?.state).toMatchObject({ role: 'follower' });
    });

    it('has another instance take over once the holder died and its lease lapsed', async () => {
      const { a, b, upstreamA, upstreamB, clockA } = twoInstances();
      collect(a.subscribe('k'));
      await jest.advanceTimersByTimeAsync(1);
      const onB = collect(b.subscribe('k'));
      await jest.advanceTimersByTimeAsync(500);

      clockA.die();
      const diedAt = Date.now();
      const pollsOfA = upstreamA.polls('k');
      await jest.advanceTimersByTimeAsync(2 * TTL);
      expect(upstreamA.polls('k')).toBe(pollsOfA);
      expect(upstreamB.polls('k')).toBeGreaterThan(0);
      // Not while the lease A last renewed (a third of a lease before it died, at most) runs…
      expect(upstreamB.times('k')[0]).toBeGreaterThanOrEqual(diedAt + TTL - TTL / 3);
      // …and no later than its end plus a follower's look (half a lease).
      expect(upstreamB.times('k')[0]).toBeLessThanOrEqual(diedAt + TTL + TTL / 2);
      expect(onB.seen.at(-1)).toMatch(/^k#\d+$/);
      expect(b.inspect('k')?.state).toMatchObject({ role: 'leader' });
    });

    it('hands the lease back on close, so that another instance takes over at once', async () => {
      const { a, b, upstreamB } = twoInstances();
      const onA = collect(a.subscribe('k'));
      await jest.advanceTimersByTimeAsync(1);
      collect(b.subscribe('k'));
      await jest.advanceTimersByTimeAsync(200);
      expect(upstreamB.polls('k')).toBe(0);

      const closedAt = Date.now();
      await a.close();
      await jest.advanceTimersByTimeAsync(0);
      expect(onA.ended()).toBe(true);
      await jest.advanceTimersByTimeAsync(TTL / 2);
      expect(upstreamB.polls('k')).toBeGreaterThan(0);
      expect(upstreamB.times('k')[0]).toBeLessThanOrEqual(closedAt + TTL / 2);
    });

    it('does not poll on an instance that cannot ask the lease store, unless it led or claims the key', async () => {
      const hung: LeaseStore = { acquire: () => new Promise(() => undefined), release: async () => undefined };
      const upstream = anUpstream();
      const poller = aPoller(upstream, { lease: { store: hung, ttlMs: TTL, timeoutMs: 200 } });
      collect(poller.subscribe('k'));
      await jest.advanceTimersByTimeAsync(3000);
      expect(upstream.polls('k')).toBe(0);
      expect(poller.inspect('k')?.state).toMatchObject({ role: 'follower' });

      const claiming = anUpstream();
      const claimer = aPoller(claiming, {
        lease: { store: hung, ttlMs: TTL, timeoutMs: 200, claimUnreachable: () => true },
      });
      collect(claimer.subscribe('k'));
      await jest.advanceTimersByTimeAsync(3000);
      expect(claiming.polls('k')).toBeGreaterThan(0);
    });
  });

  it('sends a final error to every subscriber of the key, ends them all, and polls no more', async () => {
    const upstream = anUpstream();
    const metrics = createMetrics();
    const poller = aPoller(upstream, {}, metrics);
    const watches = [collect(poller.subscribe('a')), collect(poller.subscribe('a')), collect(poller.subscribe('a'))];
    const other = collect(poller.subscribe('b'));
    await jest.advanceTimersByTimeAsync(150);
    upstream.answer(async (id, n) => {
      if (id === 'a') {
        throw new UnauthenticatedError('KONTIST');
      }
      return { kind: 'going', events: [`${id}#${n}`] };
    });
    await jest.advanceTimersByTimeAsync(100);
    for (const watch of watches) {
      expect(watch.seen).toEqual(['a#1', 'a#2', 'a rejected']);
      expect(watch.ended()).toBe(true);
    }
    const polls = upstream.polls('a');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(upstream.polls('a')).toBe(polls);
    expect(poller.inspect('a')).toBeUndefined();
    // The other key goes on.
    expect(other.ended()).toBe(false);
    expect(upstream.polls('b')).toBeGreaterThan(100);
    expect(await gauge(metrics)).toBe(1);
    expect(logs.filter((line) => line.msg === 'test poll refused for good, ending its subscriptions')).toHaveLength(1);
    expect(logs.filter((line) => line.msg === 'test poll failed, trying again later')).toEqual([]);
  });

  it('tells subscribers once an outage lasts past the threshold, polls on, and tells again in a later outage', async () => {
    const upstream = anUpstream();
    let down = false;
    upstream.answer(async (id, n) => {
      if (down) {
        throw new Error('socket hang up');
      }
      return { kind: 'going', events: [`${id}#${n}`] };
    });
    const poller = aPoller(upstream, { backoff: { firstMs: 100, maxMs: 100, failingMaxMs: 100 } });
    const watch = collect(poller.subscribe('a'));
    await jest.advanceTimersByTimeAsync(50);
    expect(watch.seen).toEqual(['a#1']);

    down = true;
    await jest.advanceTimersByTimeAsync(300);
    // Failing at 100, 200 and 300 ms: not yet 300 ms of failures.
    expect(watch.seen).toEqual(['a#1']);
    await jest.advanceTimersByTimeAsync(100);
    expect(watch.seen).toEqual(['a#1', 'a unavailable']);
    await jest.advanceTimersByTimeAsync(1000);
    expect(watch.seen).toEqual(['a#1', 'a unavailable']);
    expect(watch.ended()).toBe(false);

    down = false;
    await jest.advanceTimersByTimeAsync(100);
    expect(watch.seen.at(-1)).toMatch(/^a#\d+$/);
    down = true;
    await jest.advanceTimersByTimeAsync(500);
    expect(watch.seen.filter((event) => event === 'a unavailable')).toHaveLength(2);

    const warnings = logs.filter((line) => line.msg === 'test poll failed, trying again later' && line.level === 40);
    expect(warnings).toHaveLength(2);
    expect(logs).toContainEqual(expect.objectContaining({ level: 30, msg: 'test poll answers again' }));
  });

  it('gives up on a poll that does not answer in time, aborts it, and counts it as failed', async () => {
    const upstream = anUpstream();
    let aborted = 0;
    upstream.answer(
      (_id, _n, signal) =>
        new Promise(() => {
          signal.addEventListener('abort', () => (aborted += 1));
        }),
    );
    const poller = aPoller(upstream, { stepTimeoutMs: 500 });
    collect(poller.subscribe('a'));
    await jest.advanceTimersByTimeAsync(499);
    expect(upstream.polls('a')).toBe(1);
    expect(poller.inspect('a')?.state).toMatchObject({ kind: 'polling', since: 0 });
    await jest.advanceTimersByTimeAsync(1);
    expect(aborted).toBe(1);
    expect(poller.inspect('a')?.state).toMatchObject({ kind: 'waiting', health: { kind: 'failing', since: 500 } });
    // The next poll after the failing backoff's first step (100 ms doubled once).
    await jest.advanceTimersByTimeAsync(200);
    expect(upstream.polls('a')).toBe(2);
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'test poll failed, trying again later',
        err: expect.objectContaining({ code: 'ETIMEDOUT' }),
      }),
    );
  });

  it('bounds the other steps of a turn too: a preparation that hangs is cut off, and the poller goes on', async () => {
    const upstream = anUpstream();
    let hang = true;
    const poller = aPoller(upstream, {
      stepTimeoutMs: 500,
      prepare: () => (hang ? new Promise(() => undefined) : Promise.resolve({ kind: 'poll' as const })),
    });
    const watch = collect(poller.subscribe('a'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(upstream.polls('a')).toBe(0);
    expect(logs).toContainEqual(expect.objectContaining({ msg: 'test poller turn failed' }));
    hang = false;
    await jest.advanceTimersByTimeAsync(1000);
    expect(upstream.polls('a')).toBeGreaterThan(0);
    expect(watch.seen[0]).toBe('a#1');
  });

  it('is waiting between turns and polling during one, as its state says', async () => {
    const upstream = anUpstream();
    const answer = deferred<Polled<string>>();
    upstream.answer(() => answer.promise);
    const poller = aPoller(upstream);
    const watch = collect(poller.subscribe('a'));
    expect(poller.inspect('a')?.state).toMatchObject({ kind: 'waiting', until: 0, role: 'follower', attempt: 0 });
    await jest.advanceTimersByTimeAsync(0);
    expect(poller.inspect('a')?.state).toMatchObject({ kind: 'polling', since: 0, role: 'leader' });
    answer.resolve({ kind: 'going', events: ['a#1'] });
    await jest.advanceTimersByTimeAsync(0);
    expect(poller.inspect('a')?.state).toEqual({
      kind: 'waiting',
      until: 100,
      role: 'leader',
      health: { kind: 'healthy' },
      attempt: 1,
      pollAt: 100,
    });
    expect(watch.seen).toEqual(['a#1']);
  });

  it('ends its subscribers after an event that is their last, and stops once the watched thing ended', async () => {
    const upstream = anUpstream();
    upstream.answer(async (id, n) =>
      n < 3 ? { kind: 'going', events: [`${id}#${n}`] } : { kind: 'ended', events: [`${id}#end`] },
    );
    const poller = aPoller(upstream);
    const watch = collect(poller.subscribe('a'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(watch.seen).toEqual(['a#1', 'a#2', 'a#end']);
    expect(watch.ended()).toBe(true);
    expect(upstream.polls('a')).toBe(3);
    expect(poller.inspect('a')).toBeUndefined();
  });
});

describe('the poller’s transitions', () => {
  const timing: Timing = { backoff: { firstMs: 100, maxMs: 1000 }, unavailableAfterMs: 300, leaseTtlMs: 900 };

  it('starts as a follower whose first turn is at once', () => {
    expect(begin({ kind: 'idle', pollAt: 500 }, 0)).toEqual({
      kind: 'waiting',
      until: 0,
      role: 'follower',
      health: { kind: 'healthy' },
      attempt: 0,
      pollAt: 500,
    });
  });

  it('leads when the lease is granted or free; on an unreachable store only the last leader or a claimant', () => {
    const polling = wake(begin({ kind: 'idle', pollAt: 0 }, 0), 0);
    expect(lead(polling, 'granted', false).role).toBe('leader');
    expect(lead(polling, 'free', false).role).toBe('leader');
    expect(lead(polling, 'refused', false).role).toBe('follower');
    expect(lead(polling, 'declined', true).role).toBe('follower');
    expect(lead(polling, 'unreachable', false).role).toBe('follower');
    expect(lead(polling, 'unreachable', true).role).toBe('leader');
    expect(lead(lead(polling, 'granted', false), 'unreachable', false).role).toBe('leader');
  });

  it('wakes a leader for its next poll or a third of its lease, a follower at half of it', () => {
    const leader = lead(wake(begin({ kind: 'idle', pollAt: 5000 }, 0), 0), 'granted', false);
    expect(rest(leader, 1000, timing).until).toBe(1300);
    expect(rest({ ...leader, pollAt: 1100 }, 1000, timing).until).toBe(1100);
    expect(rest({ ...leader, pollAt: 1100 }, 1000, { ...timing, leaseTtlMs: undefined }).until).toBe(1100);
    expect(rest({ ...leader, role: 'follower' }, 1000, timing).until).toBe(1450);
    // A poll that was due but did not happen: after the first backoff step, never at once.
    expect(rest({ ...leader, pollAt: 900 }, 1000, { ...timing, leaseTtlMs: undefined }).until).toBe(1100);
  });

  it('counts an outage from its first failure, reports it past the threshold, and forgets it on an answer', () => {
    const polling = wake(begin({ kind: 'idle', pollAt: 0 }, 0), 0);
    const first = failed(polling, 1000, timing);
    expect(first.health).toEqual({ kind: 'failing', since: 1000 });
    expect(first.pollAt).toBe(1200);
    const later = failed(first, 1250, timing);
    expect(later.health).toEqual({ kind: 'failing', since: 1000 });
    const past = failed(later, 1300, timing);
    expect(past.health).toEqual({ kind: 'reported', since: 1000 });
    expect(failed(past, 5000, timing).health).toEqual({ kind: 'reported', since: 1000 });
    const back = answered(past, 6000, timing);
    expect(back.health).toEqual({ kind: 'healthy' });
    expect(back.attempt).toBe(4);
    expect(back.pollAt).toBe(7000);
    expect(answered(past, 6000, timing, 50).pollAt).toBe(6050);
  });
});
