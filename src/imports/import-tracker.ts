import { randomUUID } from 'node:crypto';

import type { Logger } from 'pino';

import { NotFoundError } from '../errors/errors';
import { systemClock, type Clock } from '../live/clock';
import { createMemoryLeaseStore, type LeaseStore } from '../live/lease';
import { isRejection, reasonOf } from '../live/poll-failure';
import { createPoller, roleOf, type Backoff, type Polled, type Prepared, type Turn } from '../live/poller';
import type { Metrics } from '../ops/metrics';
import { redisErrorFields } from '../state/redis';
import { estimatedWait, type PollImport } from './import-polls';
import {
  isFinished,
  isLastEvent,
  keyOf,
  providerOfKey,
  sameState,
  type ImportEvent,
  type ImportSnapshot,
} from './import-snapshot';
import { withDeadline, type ImportStore } from './import-store';
import type { GatewayPubSub } from '../live/pubsub';

export interface ImportTrackerOptions {
  store: ImportStore;
  /** Who polls which import. @default one in memory: this instance polls every import */
  leases?: LeaseStore;
  pubsub: GatewayPubSub;
  poll: PollImport;
  logger: Logger;
  metrics: Metrics;
  /** The first wait, and the base of the backoff. */
  pollMs: number;
  /** The longest wait between two polls of a running import (six times that while polls fail). */
  pollMaxMs: number;
  /** How long a lease lasts unless its holder renews it: the takeover time when an instance dies. */
  leaseMs: number;
  /** How long the provider may be unreachable before watchers are told. */
  unavailableAfterMs: number;
  /** How long an import started here is polled while nobody watches it yet. */
  unwatchedMs: number;
  /** How long a store call may take before the store counts as unreachable. @default 2000 */
  storeTimeoutMs?: number;
  /** How long a poll may take before it counts as failed. @default 60000 */
  pollTimeoutMs?: number;
  clock?: Clock;
}

/**
 * Watches imports until they end, on the one poller (live/poller.ts): one poller per
 * import however many subscribers watch it; across instances a lease lets exactly one
 * poll, and the others hear the changes over the pub/sub (and, should a message be
 * lost, from the store).
 *
 * The store may fail under it. A state that vanished (Redis restarted empty) is written
 * back from the last one this instance saw, and the provider is asked again; while the
 * store is unreachable, the poller holding the lease goes on from memory and writes its
 * last state once the store answers. Only an import of which nothing is left anywhere
 * ends its subscribers with an error: a subscriber is never left waiting in silence.
 */
export interface ImportTracker {
  /** Records a new import and polls it for a while even before anyone watches. */
  start(snapshot: ImportSnapshot, credential?: string): Promise<void>;
  /** The last known state; null for an import the gateway does not know. */
  current(key: string): Promise<ImportSnapshot | null>;
  /** Asks the provider now, unless a poller of this instance is already on it. */
  refresh(snapshot: ImportSnapshot, credential?: string): Promise<ImportSnapshot>;
  /** The current state at once, then every change, until the import ends or the consumer stops. */
  watch(key: string, credential?: string): AsyncIterableIterator<ImportEvent>;
  /** Stops every poller and gives up its leases (graceful shutdown). */
  close(): Promise<void>;
}

/** An import as its poller is keyed: Bankimport is asked with its owner's token, which only lives here. */
interface ImportKey {
  key: string;
  credential: string | undefined;
}

/** What this instance knows of an import beyond the store. */
type Known =
  | { kind: 'nothing' }
  /** What the store holds, as far as this instance knows. */
  | { kind: 'stored'; snapshot: ImportSnapshot }
  /** Newer than what the store holds: a write failed, or the store lost it. */
  | { kind: 'unsaved'; snapshot: ImportSnapshot };

/** Whether the store answered this import's last call; an outage is logged once, not on every turn. */
type StoreContact = { kind: 'answering' } | { kind: 'down'; since: number };

interface Tracked {
  known: Known;
  store: StoreContact;
  /** The other instances' news of this import. */
  news: AsyncIterator<ImportEvent> | undefined;
}

const lastSeen = (tracked: Tracked | undefined): ImportSnapshot | null =>
  !tracked || tracked.known.kind === 'nothing' ? null : tracked.known.snapshot;

/** A new state seen: true when subscribers would see a difference. Whether the store has it is unchanged. */
function accept(tracked: Tracked, snapshot: ImportSnapshot): boolean {
  if (sameState(lastSeen(tracked), snapshot)) {
    return false;
  }
  tracked.known = { kind: tracked.known.kind === 'unsaved' ? 'unsaved' : 'stored', snapshot };
  return true;
}

function saved(tracked: Tracked, isSaved: boolean): void {
  const snapshot = lastSeen(tracked);
  if (snapshot) {
    tracked.known = { kind: isSaved ? 'stored' : 'unsaved', snapshot };
  }
}

export function createImportTracker(options: ImportTrackerOptions): ImportTracker {
  const { pubsub, poll, logger, metrics } = options;
  const clock = options.clock ?? systemClock;
  const storeTimeoutMs = options.storeTimeoutMs ?? 2000;
  const store = withDeadline(options.store, storeTimeoutMs, clock);
  const origin = randomUUID();
  const backoff: Backoff = { firstMs: options.pollMs, maxMs: options.pollMaxMs, failingMaxMs: options.pollMaxMs * 6 };

  const storeFailed = (tracked: Tracked, key: string, error: unknown, step: string) => {
    if (tracked.store.kind === 'answering') {
      tracked.store = { kind: 'down', since: clock.now() };
      logger.warn({ ...redisErrorFields(error), key, step }, 'import store unreachable, going on from memory');
    }
  };

  const storeAnswered = (tracked: Tracked, key: string) => {
    if (tracked.store.kind === 'down') {
      logger.info({ key, downForMs: clock.now() - tracked.store.since }, 'import store answers again');
      tracked.store = { kind: 'answering' };
    }
  };

  const publish = async (key: string, event: ImportEvent) => {
    try {
      await pubsub.publish('import', key, { ...event, origin });
    } catch (error) {
      // The store still has it: other instances read it on their next turn.
      logger.warn({ ...redisErrorFields(error), key }, 'could not publish an import event');
    }
  };

  /** The other instances' news, to the subscribers here (a snapshot only when it is news here too). */
  const listen = (key: string, tracked: Tracked): AsyncIterator<ImportEvent> => {
    const news = pubsub.subscribe('import', key)[Symbol.asyncIterator]();
    void (async () => {
      for (let next = await news.next(); !next.done; next = await news.next()) {
        const { origin: from, ...event } = next.value;
        if (from !== origin && (event.kind !== 'snapshot' || accept(tracked, event.snapshot))) {
          poller.deliver(key, [event]);
        }
      }
    })().catch((error: unknown) => logger.warn({ ...redisErrorFields(error), key }, 'import events stopped'));
    return news;
  };

  /** Whether this instance can poll: an owned import needs its owner's credential, which only lives where its watchers are. */
  const canPoll = (key: ImportKey, snapshot: ImportSnapshot) =>
    snapshot.ownerKey === null || key.credential !== undefined;

  const goOn = (key: ImportKey, snapshot: ImportSnapshot, now = false): Prepared<ImportEvent> => {
    if (isFinished(snapshot)) {
      return { kind: 'end', events: [] };
    }
    if (!canPoll(key, snapshot)) {
      return { kind: 'listen' };
    }
    return { kind: now ? 'poll-now' : 'poll' };
  };

  /**
   * The state to go on from: the store's, or this instance's own where the store lost it
   * or lags behind it (written back at once).
   */
  const settle = async ({ key, memo: tracked }: Turn<ImportKey, Tracked>): Promise<Prepared<ImportEvent>> => {
    let stored: ImportSnapshot | null;
    try {
      stored = await store.get(key.key);
    } catch (error) {
      storeFailed(tracked, key.key, error, 'get');
      // Nobody can take the lease over while the store is down: its holder goes on (the lease decides).
      const seen = lastSeen(tracked);
      return seen ? goOn(key, seen) : { kind: 'hold' };
    }
    storeAnswered(tracked, key.key);
    if (stored && tracked.known.kind !== 'unsaved') {
      if (accept(tracked, stored)) {
        poller.deliver(key.key, [{ kind: 'snapshot', snapshot: stored }]);
      }
      return goOn(key, stored);
    }
    const seen = lastSeen(tracked);
    if (!seen) {
      logger.warn({ key: key.key }, 'import state lost and not rebuildable, ending its subscriptions');
      // Told here only: another instance may still know the import and rebuild it.
      return {
        kind: 'end',
        events: [
          {
            kind: 'unavailable',
            provider: providerOfKey(key.key),
            reason:
              'the gateway lost the state of this import and cannot follow it any more; subscribe again to ask anew',
            final: true,
          },
        ],
      };
    }
    if (!stored) {
      // Redis restarted empty, or evicted it: ask the provider again rather than trust memory alone.
      logger.warn({ key: key.key }, 'import state vanished from the store, rebuilding it');
    }
    try {
      await store.put(key.key, seen);
      saved(tracked, true);
    } catch (error) {
      saved(tracked, false);
      storeFailed(tracked, key.key, error, 'put');
    }
    return goOn(key, seen, !stored);
  };

  const pollImport = async ({ key, memo: tracked, signal }: Turn<ImportKey, Tracked>): Promise<Polled<ImportEvent>> => {
    const current = lastSeen(tracked);
    if (!current) {
      return { kind: 'going', events: [] };
    }
    metrics.importPolls.inc({ provider: current.provider });
    let next: ImportSnapshot;
    try {
      next = await poll(current, key.credential, signal);
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        throw error;
      }
      next = {
        ...current,
        status: 'FAILED',
        error: 'The provider no longer knows this import.',
        finishedAt: new Date(clock.now()).toISOString(),
      };
    }
    const events: ImportEvent[] = accept(tracked, next) ? [{ kind: 'snapshot', snapshot: next }] : [];
    return isFinished(next)
      ? { kind: 'ended', events }
      : { kind: 'going', events, waitMs: estimatedWait(next, clock.now(), options.pollMs) };
  };

  /** A new state goes to the store, then to the other instances (so that whoever hears it finds it there). */
  const record = async ({ key, memo: tracked }: Turn<ImportKey, Tracked>, events: readonly ImportEvent[]) => {
    for (const event of events) {
      if (event.kind === 'snapshot') {
        try {
          await store.put(key.key, event.snapshot);
          saved(tracked, true);
          storeAnswered(tracked, key.key);
        } catch (error) {
          saved(tracked, false);
          storeFailed(tracked, key.key, error, 'put');
        }
      }
      await publish(key.key, event);
    }
  };

  const welcome = ({ key, memo: tracked }: Turn<ImportKey, Tracked>): ImportEvent[] | Promise<ImportEvent[]> => {
    const seen = lastSeen(tracked);
    if (seen) {
      return [{ kind: 'snapshot', snapshot: seen }];
    }
    // Nothing seen yet, or the store down: the poller's first turn settles it either way.
    return (async () => {
      const stored = await store.get(key.key).catch(() => null);
      if (stored && accept(tracked, stored)) {
        poller.deliver(key.key, [{ kind: 'snapshot', snapshot: stored }]);
      }
      return [];
    })();
  };

  const poller = createPoller<ImportKey, ImportEvent, Tracked>({
    kind: 'import',
    idOf: ({ key }) => key,
    remember(key) {
      const tracked: Tracked = { known: { kind: 'nothing' }, store: { kind: 'answering' }, news: undefined };
      tracked.news = listen(key.key, tracked);
      return tracked;
    },
    forget(tracked) {
      void tracked.news?.return?.();
    },
    prepare: settle,
    poll: pollImport,
    share: record,
    welcome,
    isLast: isLastEvent,
    failures: {
      isFinal: isRejection,
      final: ({ key }) => ({ kind: 'rejected', provider: providerOfKey(key.key) }),
      unavailable: ({ key }, error) => ({
        kind: 'unavailable',
        provider: providerOfKey(key.key),
        reason: reasonOf(error),
      }),
      unavailableAfterMs: options.unavailableAfterMs,
    },
    backoff,
    lease: {
      store: options.leases ?? createMemoryLeaseStore(() => clock.now()),
      ttlMs: options.leaseMs,
      timeoutMs: storeTimeoutMs,
      // Started here while the store was down: nobody else knows it, so this instance polls it.
      claimUnreachable: ({ memo }) => memo.known.kind === 'unsaved',
    },
    stepTimeoutMs: options.pollTimeoutMs,
    clock,
    logger,
    metrics,
  });

  /** The key with the credential a watcher brought, or the one the poller has. */
  const importKey = (key: string, credential: string | undefined): ImportKey => ({
    key,
    credential: credential ?? poller.inspect(key)?.key.credential,
  });

  return {
    async start(snapshot, credential) {
      const key = keyOf(snapshot);
      let isSaved = true;
      try {
        await store.put(key, snapshot);
      } catch (error) {
        // The provider runs the import already: its id goes to the client, and the state to the store later.
        isSaved = false;
        logger.warn({ ...redisErrorFields(error), key }, 'import store unreachable, keeping the import in memory');
      }
      const firstPollInMs = estimatedWait(snapshot, clock.now(), options.pollMs) ?? backoff.firstMs;
      const { memo } = poller.keep(importKey(key, credential), options.unwatchedMs, firstPollInMs);
      memo.known = { kind: isSaved ? 'stored' : 'unsaved', snapshot };
    },

    async current(key) {
      const local = poller.inspect(key)?.memo;
      try {
        const stored = await store.get(key);
        return local?.known.kind === 'unsaved' ? local.known.snapshot : (stored ?? lastSeen(local));
      } catch (error) {
        const seen = lastSeen(local);
        if (seen) {
          return seen;
        }
        throw error;
      }
    },

    async refresh(snapshot, credential) {
      const key = keyOf(snapshot);
      const local = poller.inspect(key);
      const seen = lastSeen(local?.memo);
      if (local && seen && roleOf(local.state) === 'leader') {
        return seen;
      }
      metrics.importPolls.inc({ provider: snapshot.provider });
      const next = await poll(snapshot, credential);
      if (!sameState(snapshot, next)) {
        // A read: the answer goes to the client even when the store cannot keep it.
        try {
          await store.put(key, next);
          // Without an origin: this instance's own watchers hear it too.
          await pubsub.publish('import', key, { kind: 'snapshot', snapshot: next });
        } catch (error) {
          logger.warn({ ...redisErrorFields(error), key }, 'could not keep a refreshed import state');
        }
      }
      return next;
    },

    watch(key, credential) {
      return poller.subscribe(importKey(key, credential));
    },

    close() {
      return poller.close();
    },
  };
}
