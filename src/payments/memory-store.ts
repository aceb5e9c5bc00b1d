import type { Confirmation } from './confirmation';
import { RETAIN_MS, type ConfirmationStore } from './confirmation-store';

interface Entry {
  record: Confirmation;
  writer: string;
  dropAt: number;
}

/** One instance's confirmations; compare-and-set is atomic because Node runs it on one thread. */
export function createMemoryStore(now: () => number = Date.now): ConfirmationStore {
  const entries = new Map<string, Entry>();

  const live = (id: string): Entry | undefined => {
    const entry = entries.get(id);
    if (entry && now() > entry.dropAt) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  };

  return {
    async checkWritable() {},
    async get(id) {
      const entry = live(id);
      return entry ? structuredClone(entry.record) : null;
    },
    async put(record, base, writer) {
      const entry = live(record.id);
      if (entry && entry.record.version === record.version && entry.writer === writer) {
        return true;
      }
      const matches = entry
        ? entry.record.version === base.version && (base.writer === undefined || entry.writer === base.writer)
        : base.version === null || base.orAbsent === true;
      if (!matches) {
        return false;
      }
      entries.set(record.id, { record: structuredClone(record), writer, dropAt: record.expiresAt + RETAIN_MS });
      return true;
    },
    async overdue(at) {
      return [...entries.values()]
        .filter(({ record }) => record.state.status === 'EXECUTING' && record.state.deadline <= at)
        .map(({ record }) => record.id);
    },
  };
}
