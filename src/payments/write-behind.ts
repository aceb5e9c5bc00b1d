import type { Logger } from 'pino';

import { retryInBackground } from '../state/retry-in-background';
import type { Confirmation } from './confirmation';
import { RETAIN_MS, type ConfirmationStore, type WriteBase } from './confirmation-store';
import { StoreUnavailableError } from '../errors/internal-errors';

export type SaveOutcome = 'written' | 'queued' | 'conflict';

/**
 * The store, with writes that outlive a store outage. Once a provider has executed, what
 * the client is told never depends on the store: a write that fails is kept here and
 * written again until the store is back (with what it had lost, where Redis restarted
 * empty). Meanwhile this instance reads its own newer records from here.
 */
export interface WriteBehindStore extends ConfirmationStore {
  /** Writes now, or keeps the record to write it later; never throws. */
  save(record: Confirmation, base: WriteBase, writer: string): Promise<SaveOutcome>;
  /** Writes still waiting for the store. */
  waiting(): number;
  /** Tries once more to write what waits, then stops retrying. */
  close(): Promise<void>;
}

interface Waiting {
  record: Confirmation;
  /** What the store last had from this instance: the whole chain is written as one step from it. */
  base: WriteBase;
  writer: string;
  /** Versions this instance wrote on the way to `record`: a late landing of one is ours. */
  ours: Set<number>;
  stop: () => void;
}

export function createWriteBehind(store: ConfirmationStore, logger: Logger): WriteBehindStore {
  const queue = new Map<string, Waiting>();

  /** One try at writing what waits for `id`; throws while the store is unavailable. */
  const write = async (id: string): Promise<void> => {
    const entry = queue.get(id);
    if (!entry) {
      return;
    }
    const { record } = entry;
    let written = await store.put(record, entry.base, entry.writer);
    if (!written) {
      // One of our own earlier writes may have landed late (a paused Redis): go on from it.
      const stored = await store.get(id);
      if (stored && entry.ours.has(stored.version) && stored.version < record.version) {
        written = await store.put(record, { ...entry.base, version: stored.version }, entry.writer);
      }
    }
    if (queue.get(id)?.record !== record) {
      // A newer record came while this one was written: it goes next.
      throw new StoreUnavailableError('a newer write is waiting');
    }
    queue.delete(id);
    const fields = { confirmationId: id, status: record.state.status };
    if (written) {
      logger.info(fields, 'confirmation written after a state store outage');
    } else {
      logger.warn(fields, 'confirmation changed meanwhile elsewhere; the kept write was dropped');
    }
  };

  const keep = (record: Confirmation, base: WriteBase, writer: string) => {
    const earlier = queue.get(record.id);
    if (earlier) {
      earlier.ours.add(earlier.record.version);
      queue.set(record.id, {
        ...earlier,
        record,
        writer,
        base: { ...earlier.base, orAbsent: earlier.base.orAbsent || base.orAbsent },
      });
      return;
    }
    const stop = retryInBackground(() => write(record.id), {
      firstMs: 200,
      maxMs: 5000,
      until: record.expiresAt + RETAIN_MS,
      onError: (error, attempt) => {
        if (!(error instanceof StoreUnavailableError)) {
          logger.error(
            { confirmationId: record.id, attempt, err: { message: String(error) } },
            'kept confirmation write failed',
          );
        }
      },
      onGiveUp: () => {
        queue.delete(record.id);
        logger.error({ confirmationId: record.id }, 'kept confirmation write given up: its record has expired');
      },
    });
    queue.set(record.id, { record, base, writer, ours: new Set(), stop });
  };

  return {
    checkWritable: () => store.checkWritable(),
    async get(id) {
      const waiting = queue.get(id);
      return waiting ? structuredClone(waiting.record) : store.get(id);
    },
    async put(record, base, writer) {
      if (queue.has(record.id)) {
        // The store is behind this instance: a compare-and-set against it would be wrong.
        throw new StoreUnavailableError('a write of this record is still waiting');
      }
      return store.put(record, base, writer);
    },
    overdue: (at) => store.overdue(at),
    async save(record, base, writer) {
      if (!queue.has(record.id)) {
        try {
          return (await store.put(record, base, writer)) ? 'written' : 'conflict';
        } catch (error) {
          if (!(error instanceof StoreUnavailableError)) {
            throw error;
          }
          logger.warn(
            { confirmationId: record.id, status: record.state.status },
            'state store unavailable; write kept for later',
          );
        }
      }
      keep(record, base, writer);
      return 'queued';
    },
    waiting: () => queue.size,
    async close() {
      for (const [id, entry] of [...queue]) {
        entry.stop();
        await write(id).catch(() => undefined);
      }
      if (queue.size > 0) {
        logger.error({ confirmationIds: [...queue.keys()] }, 'confirmations not written before shutdown');
      }
    },
  };
}
