import { residualFilter } from '../../src/paging/residual-filter';
import { SequenceReader } from '../../src/paging/sequence-reader';
import type { Position } from '../../src/paging/cursor';
import type { TransactionFilter, TransactionRecord, TransactionSequence } from '../../src/providers/provider';
import { aTransaction } from '../support/factories';

const DAY = 86_400_000;
const LAST_DAY = Date.UTC(2024, 5, 30);

/** `n` transactions newest first: t1 is the newest. */
const newestFirst = (n: number, prefix = 't') =>
  Array.from({ length: n }, (_, i) =>
    aTransaction({ providerTransactionId: `${prefix}${i + 1}`, bookingDate: new Date(LAST_DAY - i * DAY) }),
  );

/** A sequence over a list the test may change between reads; it records every read. */
function aSequence(list: TransactionRecord[]) {
  const reads: Array<[offset: number, count: number]> = [];
  const sequence: TransactionSequence = {
    applied: new Set(),
    async read(offset, count) {
      reads.push([offset, count]);
      return { items: list.slice(offset, offset + count), total: list.length };
    },
  };
  return { sequence, reads, list };
}

const noFilter = residualFilter({}, new Set(), 'BOOKING_DATE_DESC');

/** Takes up to `n` items, returning their ids. */
async function takeIds(reader: SequenceReader, n: number): Promise<string[]> {
  const ids: string[] = [];
  while (ids.length < n) {
    const head = await reader.peek();
    if (!head) {
      break;
    }
    reader.take(head);
    ids.push(head.record.providerTransactionId);
  }
  return ids;
}

describe('SequenceReader', () => {
  it('reads items in order from the start', async () => {
    const { sequence } = aSequence(newestFirst(10));
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 4);

    expect(await takeIds(reader, 5)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(reader.position()).toEqual({ offset: 5, lastId: 't5' });
  });

  it('peeks without consuming', async () => {
    const { sequence } = aSequence(newestFirst(3));
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 2);

    const first = await reader.peek();
    const again = await reader.peek();

    expect(first?.record.providerTransactionId).toBe('t1');
    expect(again).toEqual(first);
    expect(reader.position()).toEqual({ offset: 0 });
  });

  it('reads the items it wants in one call', async () => {
    const { sequence, reads } = aSequence(newestFirst(100));
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 21);

    await takeIds(reader, 21);

    expect(reads).toEqual([[0, 21]]);
  });

  it('returns null at the end of the sequence', async () => {
    const { sequence } = aSequence(newestFirst(3));
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 10);

    expect(await takeIds(reader, 10)).toEqual(['t1', 't2', 't3']);
    expect(await reader.peek()).toBeNull();
  });

  it('tells the total the provider gave', async () => {
    const { sequence } = aSequence(newestFirst(42));
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 5);

    expect(reader.knownTotal()).toBeNull();
    await reader.peek();
    expect(reader.knownTotal()).toBe(42);
  });

  it('resumes right after the last id it gave out', async () => {
    const { sequence } = aSequence(newestFirst(10));
    const reader = new SequenceReader(sequence, noFilter, { offset: 3, lastId: 't3' }, 3);

    expect(await takeIds(reader, 3)).toEqual(['t4', 't5', 't6']);
  });

  it('resumes after the last id when new items were inserted at the head since', async () => {
    const list = newestFirst(10);
    const first = new SequenceReader(aSequence(list).sequence, noFilter, { offset: 0 }, 4);
    const page1 = await takeIds(first, 3);
    const cursor: Position = first.position();

    const grown = [...newestFirst(2, 'new'), ...list];
    const reader = new SequenceReader(aSequence(grown).sequence, noFilter, cursor, 4);
    const page2 = await takeIds(reader, 3);

    expect(page1).toEqual(['t1', 't2', 't3']);
    expect(page2).toEqual(['t4', 't5', 't6']);
  });

  it('resumes after the last id when more items than a page were inserted at the head since', async () => {
    const list = newestFirst(20);
    const first = new SequenceReader(aSequence(list).sequence, noFilter, { offset: 0 }, 3);
    const page1 = await takeIds(first, 2);
    const cursor = first.position();

    // A refresh brought five new transactions; the page size is two.
    const grown = [...newestFirst(5, 'new'), ...list];
    const reader = new SequenceReader(aSequence(grown).sequence, noFilter, cursor, 3);
    const page2 = await takeIds(reader, 2);

    expect(page1).toEqual(['t1', 't2']);
    expect(page2).toEqual(['t3', 't4']);
  });

  it('skips what the filter skips, doubling its reads while it skips', async () => {
    const list = newestFirst(100).map((t, i) =>
      aTransaction({ ...t, amount: { minorUnits: i === 90 ? 5000 : -100, currency: 'EUR' } }),
    );
    const { sequence, reads } = aSequence(list);
    const filter = residualFilter({ amountMin: 0 }, new Set(), 'BOOKING_DATE_DESC');
    const reader = new SequenceReader(sequence, filter, { offset: 0 }, 10);

    expect(await takeIds(reader, 5)).toEqual(['t91']);
    expect(reads).toEqual([
      [0, 10],
      [10, 20],
      [30, 40],
      [70, 80],
    ]);
  });

  it('stops reading at a stop verdict without asking for more', async () => {
    const list = newestFirst(100);
    const { sequence, reads } = aSequence(list);
    const filter = residualFilter(
      { bookedFrom: new Date(LAST_DAY - 2 * DAY) },
      new Set<keyof TransactionFilter>(),
      'BOOKING_DATE_DESC',
    );
    const reader = new SequenceReader(sequence, filter, { offset: 0 }, 10);

    expect(await takeIds(reader, 10)).toEqual(['t1', 't2', 't3']);
    expect(await reader.peek()).toBeNull();
    expect(reads).toEqual([[0, 10]]);
  });

  it('uses the extra items a provider sends along instead of reading them again', async () => {
    const list = newestFirst(100);
    const reads: Array<[number, number]> = [];
    // Like Kontist: a read returns the rest of the 50-item page that holds its end.
    const sequence: TransactionSequence = {
      applied: new Set(),
      pageSize: () => 50,
      async read(offset, count) {
        reads.push([offset, count]);
        const end = Math.min(Math.ceil((offset + count) / 50) * 50, list.length);
        return { items: list.slice(offset, end), total: list.length };
      },
    };
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 5);

    const taken = await takeIds(reader, 60);

    expect(taken).toEqual(list.slice(0, 60).map((t) => t.providerTransactionId));
    expect(reads).toEqual([
      [0, 5],
      [50, 5],
    ]);
  });

  it('reads a small probe first where a date bound may end the sequence soon', async () => {
    const { sequence, reads } = aSequence(newestFirst(200));
    const filter = residualFilter({ bookedFrom: new Date(LAST_DAY - 60 * DAY) }, new Set(), 'BOOKING_DATE_DESC');
    const reader = new SequenceReader(sequence, filter, { offset: 0 }, 100);

    expect(await takeIds(reader, 100)).toHaveLength(61);
    expect(reads).toEqual([
      [0, 25],
      [25, 50],
    ]);
  });

  it('reads one provider page at a time when lazy', async () => {
    const list = newestFirst(200);
    const reads: Array<[number, number]> = [];
    const sequence: TransactionSequence = {
      applied: new Set(),
      pageSize: () => 50,
      async read(offset, count) {
        reads.push([offset, count]);
        return { items: list.slice(offset, offset + count), total: list.length };
      },
    };
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 200, true);

    expect(await takeIds(reader, 1)).toEqual(['t1']);
    expect(reads).toEqual([[0, 50]]);
  });

  it('reads a single item first when lazy and the page size is not known yet', async () => {
    const list = newestFirst(200);
    const reads: Array<[number, number]> = [];
    const sequence: TransactionSequence = {
      applied: new Set(),
      pageSize: () => undefined,
      async read(offset, count) {
        reads.push([offset, count]);
        return { items: list.slice(offset, offset + count), total: list.length };
      },
    };
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 200, true);

    expect(await takeIds(reader, 1)).toEqual(['t1']);
    expect(reads).toEqual([[0, 1]]);
  });

  it('reads all it wants at once when lazy over a provider without pages', async () => {
    const { sequence, reads } = aSequence(newestFirst(300));
    const reader = new SequenceReader(sequence, noFilter, { offset: 0 }, 200, true);

    await takeIds(reader, 1);

    expect(reads).toEqual([[0, 200]]);
  });

  it('keeps its position when nothing was taken', () => {
    const { sequence } = aSequence(newestFirst(5));
    const reader = new SequenceReader(sequence, noFilter, { offset: 2, lastId: 't2' }, 3);
    expect(reader.position()).toEqual({ offset: 2, lastId: 't2' });
  });
});
