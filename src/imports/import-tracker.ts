import { randomUUID } from 'node:crypto';

import { Repeater } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';

import { GatewayError, NotFoundError } from '../errors';
import type { Metrics } from '../metrics';
import type { PollImport } from './import-polls';
import { isFinished, keyOf, sameState, type ImportEvent, type ImportSnapshot } from './import-snapshot';
import type { ImportStore } from './import-store';
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
  now?: () => number;
}

/**
 * Watches imports until they end. One poller per import however many subscribers
 * watch it: on one instance a single local poller fans out to all of them; across
 * instances a lease in the store lets exactly one poll, and the others hear the
 * changes over the pub/sub (and, should a message be lost, from the store).
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
  const { store, pubsub, poll, logger, metrics, leaseMs } = options;
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
      logger.warn({ err: error, key: poller.key }, 'could not publish an import event');
    }
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
        logger.warn({ err: error, key: poller.key }, 'could not release an import lease');
      });
    }
  };

  const schedule = (poller: LocalPoller, delayMs: number) => {
    if (!poller.stopped) {
      poller.timer = setTimeout(() => void tick(poller), Math.max(0, delayMs));
      poller.timer.unref();
    }
  };

  const pollOnce = async (poller: LocalPoller, stored: ImportSnapshot) => {
    try {
      metrics.importPolls.inc({ provider: stored.provider });
      const next = await poll(stored, poller.credential);
      poller.failingSince = null;
      poller.reported = false;
      poller.attempt += 1;
      if (!sameState(stored, next)) {
        await store.put(poller.key, next);
        await publish(poller, { kind: 'snapshot', snapshot: next });
      }
      if (isFinished(next)) {
        stop(poller);
        return;
      }
      poller.nextPollAt = now() + nextPollDelay(next, poller.attempt, options, now());
    } catch (error) {
      if (error instanceof NotFoundError) {
        const gone: ImportSnapshot = {
          ...stored,
          status: 'FAILED',
          error: 'The provider no longer knows this import.',
          finishedAt: new Date(now()).toISOString(),
        };
        await store.put(poller.key, gone);
        await publish(poller, { kind: 'snapshot', snapshot: gone });
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
        await publish(poller, { kind: 'unavailable', provider: stored.provider, reason });
      }
      poller.nextPollAt = now() + nextPollDelay(stored, poller.attempt, options, now(), true);
    }
  };

  async function tick(poller: LocalPoller): Promise<void> {
    if (poller.stopped) {
      return;
    }
    if (poller.watchers.size === 0 && now() >= poller.unwatchedUntil) {
      stop(poller);
      return;
    }
    try {
      const stored = await store.get(poller.key);
      if (!stored) {
        stop(poller);
        return;
      }
      deliver(poller, { kind: 'snapshot', snapshot: stored });
      if (isFinished(stored)) {
        stop(poller);
        return;
      }
      // Bankimport is asked with its owner's token, which only lives where its watchers are.
      const canPoll = stored.provider === 'KONTOMATIK' || poller.credential !== undefined;
      poller.holding = canPoll && (await store.acquireLease(poller.key, instanceId, leaseMs));
      if (!poller.holding) {
        schedule(poller, leaseMs / 2);
        return;
      }
      if (now() >= poller.nextPollAt) {
        await pollOnce(poller, stored);
      }
    } catch (error) {
      logger.warn({ err: error, key: poller.key }, 'import tracking step failed');
    }
    // Wake often enough to renew the lease while waiting for the next poll.
    schedule(poller, Math.min(poller.nextPollAt - now(), leaseMs / 3));
  }

  const ensure = (key: string, credential: string | undefined): LocalPoller => {
    let poller = pollers.get(key);
    if (!poller) {
      const created: LocalPoller = {
        key,
        watchers: new Set(),
        credential,
        unwatchedUntil: 0,
        lastSeen: null,
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
      })().catch((error: unknown) => logger.warn({ err: error, key }, 'import events stopped'));
      schedule(created, 0);
    } else if (credential !== undefined) {
      poller.credential = credential;
    }
    return poller;
  };

  return {
    async start(snapshot, credential) {
      const key = keyOf(snapshot);
      await store.put(key, snapshot);
      const poller = ensure(key, credential);
      poller.unwatchedUntil = now() + options.unwatchedMs;
      poller.lastSeen = snapshot;
      poller.nextPollAt = now() + nextPollDelay(snapshot, 0, options, now());
    },

    current: (key) => store.get(key),

    async refresh(snapshot, credential) {
      const key = keyOf(snapshot);
      const local = pollers.get(key);
      if (local?.holding && local.lastSeen) {
        return local.lastSeen;
      }
      metrics.importPolls.inc({ provider: snapshot.provider });
      const next = await poll(snapshot, credential);
      if (!sameState(snapshot, next)) {
        await store.put(key, next);
        await pubsub.publish('import', key, { kind: 'snapshot', snapshot: next });
      }
      return next;
    },

    watch(key, credential) {
      return new Repeater<ImportEvent>(async (push, done) => {
        const poller = ensure(key, credential);
        const watcher = (event: ImportEvent) => {
          void push(event);
          if (event.kind === 'snapshot' && isFinished(event.snapshot)) {
            done();
          }
        };
        poller.watchers.add(watcher);
        if (poller.lastSeen) {
          watcher({ kind: 'snapshot', snapshot: poller.lastSeen });
        } else {
          const stored = await store.get(key);
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
