import { randomUUID } from 'node:crypto';

import { Repeater } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';

import type { Metrics } from '../ops/metrics';
import { redisErrorFields } from '../state/redis';
import { systemClock, withDeadline, type Clock, type Timer } from './clock';
import { DeadlineError } from '../errors/internal-errors';
import type { LeaseStore } from './lease';

/**
 * Waits between polls: `firstMs`, doubling after every poll up to `maxMs`, or up to
 * `failingMaxMs` while polls fail.
 */
export interface Backoff {
  firstMs: number;
  maxMs: number;
  /** @default 6 × maxMs */
  failingMaxMs?: number;
}

/** The wait after `attempt` polls. */
export function backoffDelay(backoff: Backoff, attempt: number, failing = false): number {
  const ceiling = failing ? (backoff.failingMaxMs ?? backoff.maxMs * 6) : backoff.maxMs;
  return Math.min(backoff.firstMs * 2 ** attempt, ceiling);
}

/** Whether this instance polls a key (`leader`), or only listens while another one does. */
export type Role = 'leader' | 'follower';

/** How the last polls went: the provider answering, failing since when, and whether subscribers were told. */
export type Health =
  | { readonly kind: 'healthy' }
  | { readonly kind: 'failing'; readonly since: number }
  | { readonly kind: 'reported'; readonly since: number };

/** What a running poller carries from one turn to the next. */
export interface Course {
  readonly role: Role;
  readonly health: Health;
  /** Polls so far: the backoff's exponent. */
  readonly attempt: number;
  /** When the next poll is due. */
  readonly pollAt: number;
}

export type StopReason =
  /** The last subscriber left and the key was not kept any longer. */
  | 'unwatched'
  /** The watched thing ended (or cannot be followed any more). */
  | 'ended'
  /** A poll failed for good (rejected credentials): its subscribers were told, and ended. */
  | 'rejected'
  /** The poller was closed (shutdown). */
  | 'closed';

/**
 * One key's poller. `idle` only between its creation and its first turn's timer;
 * `waiting` for a timer (the next poll or the lease's renewal); `polling` while a turn
 * runs (preparing, asking for the lease, polling, passing events on).
 */
export type PollerState =
  | { readonly kind: 'idle'; readonly pollAt: number }
  | (Course & { readonly kind: 'waiting'; readonly until: number })
  | (Course & { readonly kind: 'polling'; readonly since: number })
  | { readonly kind: 'stopped'; readonly reason: StopReason };

type Idle = Extract<PollerState, { kind: 'idle' }>;
type Waiting = Extract<PollerState, { kind: 'waiting' }>;
type Polling = Extract<PollerState, { kind: 'polling' }>;
type Stopped = Extract<PollerState, { kind: 'stopped' }>;

/**
 * What the lease said: `free` without a lease store (one instance), `unreachable` when
 * the store could not be asked, `declined` when this instance cannot poll the key and
 * did not ask.
 */
export type LeaseAnswer = 'free' | 'granted' | 'refused' | 'unreachable' | 'declined';

/** The figures the transitions need. */
export interface Timing {
  backoff: Backoff;
  unavailableAfterMs: number;
  /** The lease's time to live; undefined without a lease. */
  leaseTtlMs: number | undefined;
}

export function roleOf(state: PollerState): Role {
  return state.kind === 'waiting' || state.kind === 'polling' ? state.role : 'follower';
}

/** idle → waiting: the first turn at once. A new poller follows until a lease says otherwise. */
export function begin(state: Idle, now: number): Waiting {
  return {
    kind: 'waiting',
    until: now,
    role: 'follower',
    health: { kind: 'healthy' },
    attempt: 0,
    pollAt: state.pollAt,
  };
}

/** waiting → polling: the timer fired, a turn starts. */
export function wake(state: Waiting, now: number): Polling {
  const { role, health, attempt, pollAt } = state;
  return { kind: 'polling', since: now, role, health, attempt, pollAt };
}

/** polling → polling: the shared state was lost, so the next poll is due at once. */
export function hurry(state: Polling, now: number): Polling {
  return { ...state, pollAt: Math.min(state.pollAt, now) };
}

/**
 * polling → polling: the lease answered. While its store cannot be asked nobody can take
 * the lease over, so whoever led goes on, and so does an instance `claim`ing the key.
 */
export function lead(state: Polling, answer: LeaseAnswer, claim: boolean): Polling {
  const leads =
    answer === 'free' || answer === 'granted' || (answer === 'unreachable' && (state.role === 'leader' || claim));
  return { ...state, role: leads ? 'leader' : 'follower' };
}

/** polling → polling: the poll answered; the next one after the wait it asked for, or the backoff's. */
export function answered(state: Polling, now: number, timing: Timing, waitMs?: number): Polling {
  const attempt = state.attempt + 1;
  return {
    ...state,
    health: { kind: 'healthy' },
    attempt,
    pollAt: now + (waitMs ?? backoffDelay(timing.backoff, attempt)),
  };
}

/** polling → polling: the poll failed; past `unavailableAfterMs` of failures the outage is `reported`. */
export function failed(state: Polling, now: number, timing: Timing): Polling {
  const attempt = state.attempt + 1;
  const since = state.health.kind === 'healthy' ? now : state.health.since;
  const reported = state.health.kind === 'reported' || now - since >= timing.unavailableAfterMs;
  return {
    ...state,
    health: reported ? { kind: 'reported', since } : { kind: 'failing', since },
    attempt,
    pollAt: now + backoffDelay(timing.backoff, attempt, true),
  };
}

/**
 * polling → waiting: the turn is over. A leader wakes for its next poll, or sooner to
 * renew its lease (a third of its time to live); a follower looks again at half of it.
 * A poll that was due but did not happen is tried again after the first backoff step,
 * never at once.
 */
export function rest(state: Polling, now: number, timing: Timing): Waiting {
  const { role, health, attempt, pollAt } = state;
  const { leaseTtlMs, backoff } = timing;
  let until: number;
  if (role === 'follower') {
    until = now + (leaseTtlMs !== undefined ? leaseTtlMs / 2 : backoff.maxMs);
  } else {
    const due = pollAt > now ? pollAt : now + backoff.firstMs;
    until = leaseTtlMs !== undefined ? Math.min(due, now + leaseTtlMs / 3) : due;
  }
  return { kind: 'waiting', until: Math.max(now, until), role, health, attempt, pollAt };
}

/** any → stopped. */
export function stop(state: PollerState, reason: StopReason): Stopped {
  return state.kind === 'stopped' ? state : { kind: 'stopped', reason };
}

/** What a consumer's hooks see of one key's poller. */
export interface Turn<Key, Memo> {
  readonly id: string;
  /** The newest subscriber's key (same id, maybe fresher credentials). */
  readonly key: Key;
  /** What the consumer keeps about the key while it is polled. */
  readonly memo: Memo;
  readonly role: Role;
  /** Aborted when the poller stops, or a poll outlives its deadline. */
  readonly signal: AbortSignal;
}

/** A key's poller as `inspect` shows it. */
export interface PollerView<Key, Memo> {
  readonly id: string;
  readonly key: Key;
  readonly memo: Memo;
  readonly state: PollerState;
}

/** What a turn's preparation found, on every instance, leader or not. */
export type Prepared<Event> =
  /** Poll when due, if this instance leads. */
  | { kind: 'poll' }
  /** The shared state was lost: ask upstream at once. */
  | { kind: 'poll-now' }
  /** This instance cannot poll the key (it lacks what polling needs): it only listens. */
  | { kind: 'listen' }
  /** Nothing to go on yet: try again next turn. */
  | { kind: 'hold' }
  /** The watched thing ended, or cannot be followed: `events` to the subscribers here, then stop. */
  | { kind: 'end'; events: readonly Event[] };

/** What one poll found. A poll may also throw: that is `failed` with no events. */
export type Polled<Event> =
  | { kind: 'going'; events: readonly Event[]; waitMs?: number }
  | { kind: 'ended'; events: readonly Event[] }
  /** Part of the poll failed (one source of several): `events` go out, then it counts as failed. */
  | { kind: 'failed'; events: readonly Event[]; error: unknown };

export interface PollerOptions<Key, Event, Memo> {
  /** Names the pollers in logs and in the `gateway_active_pollers` gauge. */
  kind: string;
  /** A key's identity: one upstream poller per id, however many subscribers. */
  idOf(key: Key): string;
  /** What to keep about a key while it is polled; made when its poller starts. */
  remember(key: Key, id: string): Memo;
  /** The key's poller stopped: let go of what `remember` took. */
  forget?(memo: Memo, id: string): void;
  /** Asks upstream once (only where this instance leads). */
  poll(turn: Turn<Key, Memo>): Promise<Polled<Event>>;
  /** Before every turn, leader or not: reads the shared state. */
  prepare?(turn: Turn<Key, Memo>): Promise<Prepared<Event>>;
  /** What a new subscriber is told at once (it may `deliver` to everyone instead). */
  welcome?(turn: Turn<Key, Memo>): readonly Event[] | Promise<readonly Event[]>;
  /** After events went to the subscribers here: passes them on (a store, other instances). */
  share?(turn: Turn<Key, Memo>, events: readonly Event[]): Promise<void>;
  /** Events after which a subscriber hears nothing more. */
  isLast?(event: Event): boolean;
  failures: {
    /** An error that no retry can mend (rejected credentials): `final` goes to every subscriber, who then ends. */
    isFinal(error: unknown): boolean;
    final(turn: Turn<Key, Memo>, error: unknown): Event;
    /** Polls have failed for `unavailableAfterMs`: subscribers are told once per outage, polling goes on. */
    unavailable(turn: Turn<Key, Memo>, error: unknown): Event;
    unavailableAfterMs: number;
  };
  backoff: Backoff;
  /** Where several instances share keys: one polls, the others listen. */
  lease?: {
    store: LeaseStore;
    ttlMs: number;
    /** Deadline of a lease call. @default 2000 */
    timeoutMs?: number;
    /** Whether this instance may poll while the lease store cannot be asked, besides the last leader. */
    claimUnreachable?(turn: Turn<Key, Memo>): boolean;
  };
  /** Deadline of a poll, and of each other step of a turn. @default 60000 */
  stepTimeoutMs?: number;
  clock?: Clock;
  logger: Logger;
  metrics?: Pick<Metrics, 'activePollers'>;
}

/**
 * One upstream poller per key, however many subscribers, on whichever transport: it
 * only deals in async iterables of events. Each key's poller is the state machine above,
 * on the injected clock; every wait it makes has a deadline.
 */
export interface Poller<Key, Event, Memo> {
  /** Every event for the key from now on, until the watched thing ends, a final error, or the consumer stops. */
  subscribe(key: Key): AsyncIterableIterator<Event>;
  /**
   * Polls the key for `forMs` even while nobody subscribes (an import started here).
   * A new poller's first poll is due after `firstPollInMs` (@default 0).
   */
  keep(key: Key, forMs: number, firstPollInMs?: number): PollerView<Key, Memo>;
  /** Events from elsewhere (another instance) to the key's subscribers here. */
  deliver(id: string, events: readonly Event[]): void;
  /** The key's poller on this instance, if one runs. */
  inspect(id: string): PollerView<Key, Memo> | undefined;
  /** Stops every poller, ends its subscribers and gives its leases back (graceful shutdown). */
  close(): Promise<void>;
}

interface Subscriber<Event> {
  tell(event: Event): void;
  end(): void;
}

interface Entry<Key, Event, Memo> {
  readonly id: string;
  key: Key;
  readonly memo: Memo;
  readonly subscribers: Set<Subscriber<Event>>;
  /** Polled until then even with nobody subscribed. */
  keepUntil: number;
  state: PollerState;
  timer: Timer | undefined;
  /** Aborted when the poller stops, and its in-flight calls with it. */
  readonly stopping: AbortController;
}

export function createPoller<Key, Event, Memo>(options: PollerOptions<Key, Event, Memo>): Poller<Key, Event, Memo> {
  const { kind, logger, failures, lease } = options;
  const clock = options.clock ?? systemClock;
  const stepTimeoutMs = options.stepTimeoutMs ?? 60_000;
  const leaseTimeoutMs = lease?.timeoutMs ?? 2000;
  const timing: Timing = {
    backoff: options.backoff,
    unavailableAfterMs: failures.unavailableAfterMs,
    leaseTtlMs: lease?.ttlMs,
  };
  const holder = randomUUID();
  const entries = new Map<string, Entry<Key, Event, Memo>>();
  const releasing = new Set<Promise<void>>();

  type Self = Entry<Key, Event, Memo>;

  const isLast = (event: Event) => options.isLast?.(event) ?? false;
  const turnOf = (entry: Self, signal = entry.stopping.signal): Turn<Key, Memo> => ({
    id: entry.id,
    key: entry.key,
    memo: entry.memo,
    role: roleOf(entry.state),
    signal,
  });
  const viewOf = (entry: Self): PollerView<Key, Memo> => ({
    id: entry.id,
    key: entry.key,
    memo: entry.memo,
    state: entry.state,
  });
  /** The entry's state while its turn runs; null once it stopped under the turn. */
  const polling = (entry: Self): Polling | null => (entry.state.kind === 'polling' ? entry.state : null);
  const bounded = <T>(work: Promise<T>, what: string, ms = stepTimeoutMs) =>
    withDeadline(work, ms, clock, () => new DeadlineError(`${kind} ${what}`, ms));

  const deliver = (entry: Self, events: readonly Event[]) => {
    for (const event of events) {
      for (const subscriber of [...entry.subscribers]) {
        subscriber.tell(event);
        if (isLast(event)) {
          subscriber.end();
        }
      }
    }
  };

  const share = async (entry: Self, events: readonly Event[]) => {
    if (events.length === 0 || !options.share) {
      return;
    }
    try {
      await bounded(options.share(turnOf(entry), events), 'share');
    } catch (error) {
      logger.warn({ ...redisErrorFields(error), key: entry.id }, `could not pass ${kind} events on`);
    }
  };

  const pass = async (entry: Self, events: readonly Event[]) => {
    deliver(entry, events);
    await share(entry, events);
  };

  const halt = (entry: Self, reason: StopReason) => {
    if (entry.state.kind === 'stopped') {
      return;
    }
    const led = roleOf(entry.state) === 'leader';
    entry.state = stop(entry.state, reason);
    if (entry.timer !== undefined) {
      clock.clearTimer(entry.timer);
      entry.timer = undefined;
    }
    entry.stopping.abort();
    if (entries.get(entry.id) === entry) {
      entries.delete(entry.id);
    }
    options.metrics?.activePollers.dec({ kind });
    for (const subscriber of [...entry.subscribers]) {
      subscriber.end();
    }
    options.forget?.(entry.memo, entry.id);
    if (led && lease) {
      // Handed back at once, so that another instance takes over without waiting for it to run out.
      const released: Promise<void> = bounded(lease.store.release(entry.id, holder), 'lease release', leaseTimeoutMs)
        .catch((error: unknown) => {
          logger.warn({ ...redisErrorFields(error), key: entry.id }, `could not release a ${kind} lease`);
        })
        .finally(() => releasing.delete(released));
      releasing.add(released);
    }
  };

  const leave = (entry: Self, subscriber: Subscriber<Event>) => {
    entry.subscribers.delete(subscriber);
    if (entry.subscribers.size === 0 && clock.now() >= entry.keepUntil) {
      halt(entry, 'unwatched');
    }
  };

  const schedule = (entry: Self) => {
    const state = entry.state;
    if (state.kind === 'waiting') {
      entry.timer = clock.setTimer(() => {
        entry.timer = undefined;
        void turn(entry);
      }, state.until - clock.now());
    }
  };

  const askLease = async (entry: Self): Promise<LeaseAnswer> => {
    if (!lease) {
      return 'free';
    }
    try {
      const granted = await bounded(lease.store.acquire(entry.id, holder, lease.ttlMs), 'lease', leaseTimeoutMs);
      return granted ? 'granted' : 'refused';
    } catch (error) {
      // The lease store's own connection reports the outage; every turn would be noise.
      logger.debug({ ...redisErrorFields(error), key: entry.id }, `${kind} lease could not be asked`);
      return 'unreachable';
    }
  };

  /** The poll, bounded: past its deadline its calls are aborted and it counts as failed. */
  const ask = async (entry: Self): Promise<Polled<Event>> => {
    const aborting = new AbortController();
    const abort = () => aborting.abort();
    entry.stopping.signal.addEventListener('abort', abort, { once: true });
    try {
      return await withDeadline(
        options.poll(turnOf(entry, aborting.signal)),
        stepTimeoutMs,
        clock,
        () => new DeadlineError(`${kind} poll`, stepTimeoutMs),
        abort,
      );
    } catch (error) {
      return { kind: 'failed', events: [], error };
    } finally {
      entry.stopping.signal.removeEventListener('abort', abort);
    }
  };

  const fail = async (entry: Self, state: Polling, error: unknown) => {
    const now = clock.now();
    if (failures.isFinal(error)) {
      logger.info(
        { ...redisErrorFields(error), key: entry.id },
        `${kind} poll refused for good, ending its subscriptions`,
      );
      const event = failures.final(turnOf(entry), error);
      for (const subscriber of [...entry.subscribers]) {
        subscriber.tell(event);
        subscriber.end();
      }
      halt(entry, 'rejected');
      await share(entry, [event]);
      return;
    }
    const next = failed(state, now, timing);
    entry.state = next;
    // Once per outage at warn; its end at info (in `poll`).
    const level = state.health.kind === 'healthy' ? 'warn' : 'debug';
    logger[level]({ ...redisErrorFields(error), key: entry.id }, `${kind} poll failed, trying again later`);
    if (next.health.kind === 'reported' && state.health.kind !== 'reported') {
      await pass(entry, [failures.unavailable(turnOf(entry), error)]);
    }
  };

  const poll = async (entry: Self) => {
    const polled = await ask(entry);
    const state = polling(entry);
    if (!state) {
      return;
    }
    const now = clock.now();
    switch (polled.kind) {
      case 'going':
      case 'ended':
        if (state.health.kind !== 'healthy') {
          logger.info({ key: entry.id, downForMs: now - state.health.since }, `${kind} poll answers again`);
        }
        entry.state = answered(state, now, timing, polled.kind === 'going' ? polled.waitMs : undefined);
        await pass(entry, polled.events);
        if (polled.kind === 'ended') {
          halt(entry, 'ended');
        }
        return;
      case 'failed':
        await pass(entry, polled.events);
        if (polling(entry)) {
          await fail(entry, state, polled.error);
        }
        return;
      default: {
        const never: never = polled;
        throw new Error(`unknown poll outcome ${String(never)}`);
      }
    }
  };

  /** One turn's work: prepare, the lease, the poll when due. */
  const step = async (entry: Self) => {
    const prepared: Prepared<Event> = options.prepare
      ? await bounded(options.prepare(turnOf(entry)), 'prepare')
      : { kind: 'poll' };
    let state = polling(entry);
    if (!state) {
      return;
    }
    switch (prepared.kind) {
      case 'end':
        deliver(entry, prepared.events);
        halt(entry, 'ended');
        return;
      case 'hold':
        return;
      case 'poll-now':
        state = entry.state = hurry(state, clock.now());
        break;
      case 'poll':
      case 'listen':
        break;
      default: {
        const never: never = prepared;
        throw new Error(`unknown preparation ${String(never)}`);
      }
    }
    const answer = prepared.kind === 'listen' ? 'declined' : await askLease(entry);
    state = polling(entry);
    if (!state) {
      return;
    }
    const claim = answer === 'unreachable' && (lease?.claimUnreachable?.(turnOf(entry)) ?? false);
    state = entry.state = lead(state, answer, claim);
    if (state.role === 'leader' && clock.now() >= state.pollAt) {
      await poll(entry);
    }
  };

  async function turn(entry: Self): Promise<void> {
    const state = entry.state;
    if (state.kind !== 'waiting') {
      return;
    }
    const now = clock.now();
    if (entry.subscribers.size === 0 && now >= entry.keepUntil) {
      halt(entry, 'unwatched');
      return;
    }
    entry.state = wake(state, now);
    try {
      await step(entry);
    } catch (error) {
      logger.warn({ ...redisErrorFields(error), key: entry.id }, `${kind} poller turn failed`);
    }
    const after = polling(entry);
    if (after) {
      entry.state = rest(after, clock.now(), timing);
      schedule(entry);
    }
  }

  const ensure = (key: Key, firstPollInMs = 0): Self => {
    const id = options.idOf(key);
    const existing = entries.get(id);
    if (existing) {
      existing.key = key;
      return existing;
    }
    const now = clock.now();
    const idle: Idle = { kind: 'idle', pollAt: now + firstPollInMs };
    const entry: Self = {
      id,
      key,
      memo: options.remember(key, id),
      subscribers: new Set(),
      keepUntil: now,
      state: idle,
      timer: undefined,
      stopping: new AbortController(),
    };
    entries.set(id, entry);
    options.metrics?.activePollers.inc({ kind });
    entry.state = begin(idle, now);
    schedule(entry);
    return entry;
  };

  return {
    subscribe(key) {
      return new Repeater<Event>(async (push, stopped) => {
        const entry = ensure(key);
        const subscriber: Subscriber<Event> = {
          tell(event) {
            try {
              void push(event);
            } catch (error) {
              // More than a thousand events the client has not taken: it cannot keep up.
              logger.warn({ ...redisErrorFields(error), key: entry.id }, `${kind} subscriber fell behind, ending it`);
              void stopped();
            }
          },
          end: () => void stopped(),
        };
        entry.subscribers.add(subscriber);
        try {
          const greeting = options.welcome?.(turnOf(entry)) ?? [];
          const first = greeting instanceof Promise ? await bounded(greeting, 'welcome') : greeting;
          for (const event of first) {
            subscriber.tell(event);
            if (isLast(event)) {
              subscriber.end();
            }
          }
        } catch (error) {
          logger.warn({ ...redisErrorFields(error), key: entry.id }, `could not welcome a ${kind} subscriber`);
        }
        await stopped;
        leave(entry, subscriber);
      });
    },

    keep(key, forMs, firstPollInMs) {
      const entry = ensure(key, firstPollInMs);
      entry.keepUntil = Math.max(entry.keepUntil, clock.now() + forMs);
      return viewOf(entry);
    },

    deliver(id, events) {
      const entry = entries.get(id);
      if (entry) {
        deliver(entry, events);
      }
    },

    inspect(id) {
      const entry = entries.get(id);
      return entry && viewOf(entry);
    },

    async close() {
      for (const entry of [...entries.values()]) {
        halt(entry, 'closed');
      }
      await Promise.all([...releasing]);
    },
  };
}
