import { randomUUID } from 'node:crypto';

import { Repeater } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';

import { GatewayError, NotFoundError } from '../errors';
import type { Metrics } from '../metrics';
import { redisErrorFields } from '../redis';
import type { PollImport } from './import-polls';
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
import { nextPollDelay, type PollTiming } from './poll-schedule';
import type { GatewayPubSub } from './pubsub';

export interface ImportTrackerOptions extends PollTiming {
  store: ImportStore;
  pubsub: GatewayPubSub;
  poll: PollImport;
  logger: Logger;
  metrics: Metrics;
  /** How long a lease lasts unless its holder renews it: the takeover time when an instance dies. */
  leaseMs: number;
  /** How long the provider may be unreachable before watchers are told. */
  unavailableAfterMs: number;
  /** How long an import started here is polled while nobody watches it yet. */
  unwatchedMs: number;
  /** How long a store call may take before the store counts as unreachable. @default 2000 */
  storeTimeoutMs?: number;
  now?: () => number;
}

/**
 * Watches imports until they end. One poller per import however many subscribers
 * watch it: on one instance a single local poller fans out to all of them; across
 * instances a lease in the store lets exactly one poll, and the others hear the
 * changes over the pub/sub (and, should a message be lost, from the store).
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

interface LocalPoller {
  key: string;
  watchers: Set<(event: ImportEvent) => void>;
  credential: string | undefined;
  unwatchedUntil: number;
  lastSeen: ImportSnapshot | null;
  /** `lastSeen` is newer than what the store holds: a write failed, or the store lost it. */
  unsaved: boolean;
  /** Since when the store has failed this poller; null while it answers. */
  storeDownSince: number | null;
  holding: boolean;
  attempt: number;
  nextPollAt: number;
  failingSince: number | null;
  reported: boolean;
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
  events: AsyncIterator<ImportEvent> | undefined;
}

export function createImportTracker(options: ImportTrackerOptions): ImportTracker {
  const { pubsub, poll, logger, metrics, leaseMs } = options;
  const store = withDeadline(options.store, options.storeTimeoutMs ?? 2000);
  const now = options.now ?? Date.now;
  const instanceId = randomUUID();
  const pollers = new Map<string, LocalPoller>();

  const deliver = (poller: LocalPoller, event: ImportEvent) => {
    if (event.kind === 'snapshot') {
      if (sameState(poller.lastSeen, event.snapshot)) {
        return;
      }
      poller.lastSeen = event.snapshot;
    }
    for (const watcher of poller.watchers) {
      watcher(event);
    }
  };

  const publish = async (poller: LocalPoller, event: ImportEvent) => {
    deliver(poller, event);
    try {
      await pubsub.publish('import', poller.key, event);
    } catch (error) {
      // The store still has it: other instances read it on their next tick.
      logger.warn({ ...redisErrorFields(error), key: poller.key }, 'could not publish an import event');
    }
  };

  /** Once the store fails, a poller says so once, not on every tick. */
  const storeFailed = (poller: LocalPoller, error: unknown, step: string) => {
    if (poller.storeDownSince === null) {
      poller.storeDownSince = now();
      logger.warn(
        { ...redisErrorFields(error), key: poller.key, step },
        'import store unreachable, going on from memory',
      );
    }
  };

  const storeAnswered = (poller: LocalPoller) => {
    if (poller.storeDownSince !== null) {
      logger.info({ key: poller.key, downForMs: now() - poller.storeDownSince }, 'import store answers again');
      poller.storeDownSince = null;
    }
  };

  /** A new state: this instance's watchers at once, then the store, then the other instances. */
  const record = async (poller: LocalPoller, snapshot: ImportSnapshot) => {
    deliver(poller, { kind: 'snapshot', snapshot });
    try {
      await store.put(poller.key, snapshot);
      poller.unsaved = false;
      storeAnswered(poller);
    } catch (error) {
      poller.unsaved = true;
      storeFailed(poller, error, 'put');
    }
    // Published after the write, so that an instance that hears it finds it in the store.
    await publish(poller, { kind: 'snapshot', snapshot });
  };

  /** Nothing is left to follow the import with: its watchers here get an error, and end. */
  const lose = (poller: LocalPoller) => {
    logger.warn({ key: poller.key }, 'import state lost and not rebuildable, ending its subscriptions');
    // Told here only: another instance may still know the import and rebuild it.
    deliver(poller, {
      kind: 'unavailable',
      provider: providerOfKey(poller.key),
      reason: 'the gateway lost the state of this import and cannot follow it any more; subscribe again to ask anew',
      final: true,
    });
    stop(poller);
  };

  const stop = (poller: LocalPoller) => {
    if (poller.stopped) {
      return;
    }
    poller.stopped = true;
    clearTimeout(poller.timer);
    pollers.delete(poller.key);
    metrics.activePollers.dec({ kind: 'import' });
    void poller.events?.return?.();
    if (poller.holding) {
      poller.holding = false;
      store.releaseLease(poller.key, instanceId).catch((error: unknown) => {
        logger.warn({ ...redisErrorFields(error), key: poller.key }, 'could not release an import lease');
      });
    }
  };

  const schedule = (poller: LocalPoller, delayMs: number) => {
    if (!poller.stopped) {
      poller.timer = setTimeout(() => void tick(poller), Math.max(0, delayMs));
      poller.timer.unref();
    }
  };

  const pollOnce = async (poller: LocalPoller, current: ImportSnapshot) => {
    let next: ImportSnapshot;
    try {
      metrics.importPolls.inc({ provider: current.provider });
      next = await poll(current, poller.credential);
    } catch (error) {
      if (error instanceof NotFoundError) {
        await record(poller, {
          ...current,
          status: 'FAILED',
          error: 'The provider no longer knows this import.',
          finishedAt: new Date(now()).toISOString(),
        });
        stop(poller);
        return;
      }
      // Down, slow or unreadable: keep trying, less often, and say so after a while.
      poller.failingSince ??= now();
      poller.attempt += 1;
      const reason = error instanceof GatewayError ? error.message : 'the provider could not be asked';
      logger.warn({ key: poller.key, reason }, 'import poll failed, trying again later');
      if (!poller.reported && now() - poller.failingSince >= options.unavailableAfterMs) {
        poller.reported = true;
        await publish(poller, { kind: 'unavailable', provider: current.provider, reason });
      }
      poller.nextPollAt = now() + nextPollDelay(current, poller.attempt, options, now(), true);
      return;
    }
    poller.failingSince = null;
    poller.reported = false;
    poller.attempt += 1;
    if (!sameState(current, next)) {
      await record(poller, next);
    }
    if (isFinished(next)) {
      stop(poller);
      return;
    }
    poller.nextPollAt = now() + nextPollDelay(next, poller.attempt, options, now());
  };

  /**
   * The state to go on from: the store's, or this instance's own where the store lost it
   * or lags behind it (written back at once); null when there is none to go on from yet.
   */
  const settle = async (poller: LocalPoller): Promise<ImportSnapshot | null> => {
    let stored: ImportSnapshot | null;
    try {
      stored = await store.get(poller.key);
    } catch (error) {
      storeFailed(poller, error, 'get');
      // Nobody can take the lease over while the store is down: its holder goes on, the others wait.
      return poller.holding || poller.unsaved ? poller.lastSeen : null;
    }
    storeAnswered(poller);
    if (stored && !poller.unsaved) {
      deliver(poller, { kind: 'snapshot', snapshot: stored });
      return stored;
    }
    if (!poller.lastSeen) {
      lose(poller);
      return null;
    }
    if (!stored) {
      // Redis restarted empty, or evicted it: ask the provider again rather than trust memory alone.
      logger.warn({ key: poller.key }, 'import state vanished from the store, rebuilding it');
      poller.nextPollAt = now();
    }
    try {
      await store.put(poller.key, poller.lastSeen);
      poller.unsaved = false;
    } catch (error) {
      poller.unsaved = true;
      storeFailed(poller, error, 'put');
    }
    return poller.lastSeen;
  };

  async function tick(poller: LocalPoller): Promise<void> {
    if (poller.stopped) {
      return;
    }
    if (poller.watchers.size === 0 && now() >= poller.unwatchedUntil) {
      stop(poller);
      return;
    }
    let delayMs = leaseMs / 3;
    try {
      const current = await settle(poller);
      if (current && !poller.stopped) {
        delayMs = await step(poller, current);
      }
    } catch (error) {
      logger.warn({ ...redisErrorFields(error), key: poller.key }, 'import tracking step failed');
    }
    schedule(poller, delayMs);
  }

  /** Takes or renews the lease, and asks the provider when it is time; resolves with when to wake next. */
  const step = async (poller: LocalPoller, current: ImportSnapshot): Promise<number> => {
    if (isFinished(current)) {
      stop(poller);
      return 0;
    }
    // Bankimport is asked with its owner's token, which only lives where its watchers are.
    const canPoll = current.provider === 'KONTOMATIK' || poller.credential !== undefined;
    let mayPoll: boolean;
    try {
      poller.holding = canPoll && (await store.acquireLease(poller.key, instanceId, leaseMs));
      mayPoll = poller.holding;
    } catch (error) {
      storeFailed(poller, error, 'acquireLease');
      // Nobody can take the lease while the store is down: whoever held it, or started the import here, goes on.
      mayPoll = canPoll && (poller.holding || poller.unsaved);
    }
    if (!mayPoll) {
      return leaseMs / 2;
    }
    if (now() >= poller.nextPollAt) {
      await pollOnce(poller, current);
    }
    // Wake often enough to renew the lease while waiting for the next poll.
    return Math.min(poller.nextPollAt - now(), leaseMs / 3);
  };

  const ensure = (key: string, credential: string | undefined): LocalPoller => {
    let poller = pollers.get(key);
    if (!poller) {
      const created: LocalPoller = {
        key,
        watchers: new Set(),
        credential,
        unwatchedUntil: 0,
        lastSeen: null,
        unsaved: false,
        storeDownSince: null,
        holding: false,
        attempt: 0,
        nextPollAt: 0,
        failingSince: null,
        reported: false,
        timer: undefined,
        stopped: false,
        events: undefined,
      };
      poller = created;
      pollers.set(key, created);
      metrics.activePollers.inc({ kind: 'import' });
      const events = pubsub.subscribe('import', key)[Symbol.asyncIterator]();
      created.events = events;
      void (async () => {
        for (let next = await events.next(); !next.done; next = await events.next()) {
          deliver(created, next.value);
        }
      })().catch((error: unknown) => logger.warn({ ...redisErrorFields(error), key }, 'import events stopped'));
      schedule(created, 0);
    } else if (credential !== undefined) {
      poller.credential = credential;
    }
    return poller;
  };

  return {
    async start(snapshot, credential) {
      const key = keyOf(snapshot);
      let saved = true;
      try {
        await store.put(key, snapshot);
      } catch (error) {
        // The provider runs the import already: its id goes to the client, and the state to the store later.
        saved = false;
        logger.warn({ ...redisErrorFields(error), key }, 'import store unreachable, keeping the import in memory');
      }
      const poller = ensure(key, credential);
      poller.unwatchedUntil = now() + options.unwatchedMs;
      poller.lastSeen = snapshot;
      poller.unsaved = !saved;
      poller.nextPollAt = now() + nextPollDelay(snapshot, 0, options, now());
    },

    async current(key) {
      const local = pollers.get(key);
      try {
        const stored = await store.get(key);
        return local?.unsaved ? local.lastSeen : (stored ?? local?.lastSeen ?? null);
      } catch (error) {
        if (local?.lastSeen) {
          return local.lastSeen;
        }
        throw error;
      }
    },

    async refresh(snapshot, credential) {
      const key = keyOf(snapshot);
      const local = pollers.get(key);
      if (local?.holding && local.lastSeen) {
        return local.lastSeen;
      }
      metrics.importPolls.inc({ provider: snapshot.provider });
      const next = await poll(snapshot, credential);
      if (!sameState(snapshot, next)) {
        // A read: the answer goes to the client even when the store cannot keep it.
        try {
          await store.put(key, next);
          await pubsub.publish('import', key, { kind: 'snapshot', snapshot: next });
        } catch (error) {
          logger.warn({ ...redisErrorFields(error), key }, 'could not keep a refreshed import state');
        }
      }
      return next;
    },

    watch(key, credential) {
      return new Repeater<ImportEvent>(async (push, done) => {
        const poller = ensure(key, credential);
        const watcher = (event: ImportEvent) => {
          void push(event);
          if (isLastEvent(event)) {
            done();
          }
        };
        poller.watchers.add(watcher);
        if (poller.lastSeen) {
          watcher({ kind: 'snapshot', snapshot: poller.lastSeen });
        } else {
          // Nothing stored, or the store down: the poller's first tick settles it either way.
          const stored = await store.get(key).catch(() => null);
          if (stored) {
            deliver(poller, { kind: 'snapshot', snapshot: stored });
          }
        }
        await done;
        poller.watchers.delete(watcher);
        if (poller.watchers.size === 0 && now() >= poller.unwatchedUntil) {
          stop(poller);
        }
      });
    },

    async close() {
      const holding = [...pollers.values()].filter((poller) => poller.holding).map((poller) => poller.key);
      for (const poller of [...pollers.values()]) {
        poller.holding = false;
        stop(poller);
      }
      await Promise.all(holding.map((key) => store.releaseLease(key, instanceId).catch(() => undefined)));
    },
  };
}
