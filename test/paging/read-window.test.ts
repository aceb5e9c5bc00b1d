import { decodeCursor, queryKey } from '../../src/paging/cursor';
import { readWindow, windowStart } from '../../src/paging/read-window';
import { residualFilter } from '../../src/paging/residual-filter';
import type { TransactionRecord, TransactionSequence } from '../../src/providers/provider';
import { aTransaction } from '../support/factories';

const DAY = 86_400_000;
const LAST_DAY = Date.UTC(2024, 5, 30);
const QUERY = queryKey('account', 'BANKIMPORT', '7856278', {}, 'BOOKING_DATE_DESC');

/** `n` transactions newest first, t1 the newest; every third one is an incoming 100.00. */
const newestFirst = (n: number, prefix = 't') =>
  Array.from({ length: n }, (_, i) =>
    aTransaction({
      providerTransactionId: `${prefix}${i + 1}`,
      bookingDate: new Date(LAST_DAY - i * DAY),
      amount: { minorUnits: i % 3 === 0 ? 10000 : -1250, currency: 'EUR' },
    }),
  );

function aSequence(list: TransactionRecord[], options: { total?: boolean } = {}) {
  const reads: Array<[number, number]> = [];
  const sequence: TransactionSequence = {
    applied: new Set(),
    async read(offset, count) {
      reads.push([offset, count]);
      return { items: list.slice(offset, offset + count), total: options.total === false ? null : list.length };
    },
  };
  return { sequence, reads };
}

const noFilter = residualFilter({}, new Set(), 'BOOKING_DATE_DESC');
const ids = (connection: { edges: Array<{ node: TransactionRecord }> }) =>
  connection.edges.map((e) => e.node.providerTransactionId);
const after = (cursor: string | null) => windowStart(decodeCursor(cursor as string, QUERY));

describe('readWindow', () => {
  it('gives the first `first` items with a next page behind them', async () => {
    const { sequence } = aSequence(newestFirst(20));

    const page = await readWindow(sequence, noFilter, QUERY, undefined, 5);

    expect(ids(page)).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(false);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
    expect(page.pageInfo.endCursor).toBe(page.edges[4]?.cursor);
  });

  it('looks one item ahead in the same read to tell whether more follow', async () => {
    const { sequence, reads } = aSequence(newestFirst(20));

    await readWindow(sequence, noFilter, QUERY, undefined, 5);

    expect(reads).toEqual([[0, 6]]);
  });

  it('has no next page when the sequence ends exactly at the page end', async () => {
    const { sequence } = aSequence(newestFirst(10));

    const page = await readWindow(sequence, noFilter, QUERY, undefined, 10);

    expect(ids(page)).toHaveLength(10);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('gives the total the provider told when the gateway filters nothing', async () => {
    const page = await readWindow(aSequence(newestFirst(20)).sequence, noFilter, QUERY, undefined, 5);
    expect(page.totalCount).toBe(20);
  });

  it('gives no total when the gateway filters', async () => {
    const filter = residualFilter({ amountMin: 0 }, new Set(), 'BOOKING_DATE_DESC');
    const page = await readWindow(aSequence(newestFirst(20)).sequence, filter, QUERY, undefined, 3);
    expect(ids(page)).toEqual(['t1', 't4', 't7']);
    expect(page.totalCount).toBeNull();
  });

  it('gives no total when the provider tells none', async () => {
    const page = await readWindow(aSequence(newestFirst(20), { total: false }).sequence, noFilter, QUERY, undefined, 5);
    expect(page.totalCount).toBeNull();
  });

  it('reads an empty sequence as an empty page', async () => {
    const page = await readWindow(aSequence([]).sequence, noFilter, QUERY, undefined, 5);
    expect(page).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: 0,
    });
  });

  it('continues exactly where the previous page ended', async () => {
    const { sequence } = aSequence(newestFirst(20));
    const page1 = await readWindow(sequence, noFilter, QUERY, undefined, 5);

    const page2 = await readWindow(sequence, noFilter, QUERY, after(page1.pageInfo.endCursor), 5);

    expect(ids(page2)).toEqual(['t6', 't7', 't8', 't9', 't10']);
    expect(page2.pageInfo.hasPreviousPage).toBe(true);
  });

  it('continues right after any edge whose cursor is given', async () => {
    const { sequence } = aSequence(newestFirst(20));
    const page1 = await readWindow(sequence, noFilter, QUERY, undefined, 5);

    const fromMiddle = await readWindow(sequence, noFilter, QUERY, after(page1.edges[1]?.cursor ?? null), 3);

    expect(ids(fromMiddle)).toEqual(['t3', 't4', 't5']);
  });

  it('walks a whole sequence page by page to exactly the full list', async () => {
    const list = newestFirst(53);
    const { sequence } = aSequence(list);
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await readWindow(sequence, noFilter, QUERY, cursor === null ? undefined : after(cursor), 7);
      walked.push(...ids(page));
      pages += 1;
      if (!page.pageInfo.hasNextPage) {
        break;
      }
      cursor = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(list.map((t) => t.providerTransactionId));
    expect(pages).toBe(8);
  });

  it('walks a filtered sequence to exactly the matching items', async () => {
    const list = newestFirst(40);
    const { sequence } = aSequence(list);
    const filter = residualFilter({ amountMin: 0 }, new Set(), 'BOOKING_DATE_DESC');
    const walked: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const page = await readWindow(sequence, filter, QUERY, cursor === null ? undefined : after(cursor), 3);
      walked.push(...ids(page));
      if (!page.pageInfo.hasNextPage) {
        break;
      }
      cursor = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(list.filter((t) => t.amount.minorUnits >= 0).map((t) => t.providerTransactionId));
  });

  it('neither repeats nor skips items when new ones arrive at the head between pages', async () => {
    const list = newestFirst(12);
    const page1 = await readWindow(aSequence(list).sequence, noFilter, QUERY, undefined, 4);

    const grown = [...newestFirst(2, 'new'), ...list];
    const page2 = await readWindow(aSequence(grown).sequence, noFilter, QUERY, after(page1.pageInfo.endCursor), 4);

    expect(ids(page1)).toEqual(['t1', 't2', 't3', 't4']);
    expect(ids(page2)).toEqual(['t5', 't6', 't7', 't8']);
  });

  it('keeps its cursors inside its own query', async () => {
    const page = await readWindow(aSequence(newestFirst(5)).sequence, noFilter, QUERY, undefined, 2);
    const otherQuery = queryKey('account', 'BANKIMPORT', '7856278', {}, 'BOOKING_DATE_ASC');
    expect(() => decodeCursor(page.pageInfo.endCursor as string, otherQuery)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } }),
    );
  });
});

describe('windowStart', () => {
  it('has no start without a cursor', () => {
    expect(windowStart(undefined)).toBeUndefined();
  });
});
