import { ProviderUnavailableError } from '../../src/errors/errors';
import { decodeCursor, queryKey, type Position } from '../../src/paging/cursor';
import { readMergedFeed, type FeedSource } from '../../src/paging/merged-feed';
import { residualFilter } from '../../src/paging/residual-filter';
import type { TransactionRecord, TransactionSequence } from '../../src/providers/provider';
import { aTransaction as aBaseTransaction } from '../support/factories';

const HOUR = 3_600_000;
const START = Date.UTC(2024, 5, 30, 12);
const QUERY = queryKey('feed', {}, 'BOOKING_DATE_DESC');

const aTransaction = (overrides: Partial<TransactionRecord> = {}): TransactionRecord =>
  aBaseTransaction({
    provider: 'KONTIST',
    providerTransactionId: 'k1',
    providerAccountId: '4711',
    bookingDate: new Date(START),
    ...overrides,
  });

/** A transaction `hoursAgo` hours before START, named by id. */
const tx = (id: string, hoursAgo: number | null) =>
  aTransaction({
    providerTransactionId: id,
    bookingDate: hoursAgo === null ? null : new Date(START - hoursAgo * HOUR),
  });

/** A newest-first sequence; it fails while `failing.value` is true. */
function aSequence(list: TransactionRecord[], failing = { value: false }) {
  const reads: Array<[number, number]> = [];
  const sequence: TransactionSequence = {
    applied: new Set(),
    async read(offset, count) {
      reads.push([offset, count]);
      if (failing.value) {
        throw new ProviderUnavailableError('BANKIMPORT', 'it answered HTTP 503');
      }
      return { items: list.slice(offset, offset + count), total: list.length };
    },
  };
  return { sequence, reads, failing };
}

const noFilter = residualFilter({}, new Set(), 'BOOKING_DATE_DESC');
const aSource = (key: string, sequence: TransactionSequence, overrides: Partial<FeedSource> = {}): FeedSource => ({
  key,
  sequence,
  filter: noFilter,
  ...overrides,
});

const ids = (page: { connection: { edges: Array<{ node: TransactionRecord }> } }) =>
  page.connection.edges.map((e) => e.node.providerTransactionId);
const positionsOf = (cursor: string | null): Record<string, Position> => decodeCursor(cursor as string, QUERY);

/** Kontist every 3 hours, Bankimport every 5, Kontomatik every 7: interleaved, no ties. */
const kontist = Array.from({ length: 12 }, (_, i) => tx(`k${i + 1}`, i * 3 + 0.1));
const bankimport = Array.from({ length: 9 }, (_, i) => tx(`b${i + 1}`, i * 5 + 0.2));
const kontomatik = Array.from({ length: 6 }, (_, i) => tx(`m${i + 1}`, i * 7 + 0.3));
const everything = [...kontist, ...bankimport, ...kontomatik]
  .sort((a, b) => (b.bookingDate?.getTime() ?? 0) - (a.bookingDate?.getTime() ?? 0))
  .map((t) => t.providerTransactionId);

const threeSources = () => [
  aSource('KONTIST', aSequence(kontist).sequence),
  aSource('BANKIMPORT', aSequence(bankimport).sequence),
  aSource('KONTOMATIK', aSequence(kontomatik).sequence),
];

describe('readMergedFeed', () => {
  it('merges newest-first sequences into one newest-first page', async () => {
    const page = await readMergedFeed(threeSources(), QUERY, undefined, 10);

    expect(ids(page)).toEqual(everything.slice(0, 10));
    expect(ids(page).slice(0, 4)).toEqual(['k1', 'b1', 'm1', 'k2']);
    expect(page.failures).toEqual([]);
    expect(page.connection.pageInfo.hasNextPage).toBe(true);
    expect(page.connection.pageInfo.hasPreviousPage).toBe(false);
  });

  it("counts every source's total when nothing is filtered by the gateway", async () => {
    const page = await readMergedFeed(threeSources(), QUERY, undefined, 5);
    expect(page.connection.totalCount).toBe(27);
  });

  it('gives no total when a source is filtered by the gateway', async () => {
    const sources = threeSources();
    sources[1] = aSource('BANKIMPORT', aSequence(bankimport).sequence, {
      filter: residualFilter({ purpose: 'lunch' }, new Set(), 'BOOKING_DATE_DESC'),
    });
    const page = await readMergedFeed(sources, QUERY, undefined, 5);
    expect(page.connection.totalCount).toBeNull();
  });

  it("keeps every source's position in one cursor", async () => {
    const page = await readMergedFeed(threeSources(), QUERY, undefined, 4);

    expect(positionsOf(page.connection.pageInfo.endCursor)).toEqual({
      KONTIST: { offset: 2, lastId: 'k2' },
      BANKIMPORT: { offset: 1, lastId: 'b1' },
      KONTOMATIK: { offset: 1, lastId: 'm1' },
    });
  });

  it('continues all sources from one cursor, page by page, to exactly the whole merge', async () => {
    const sources = threeSources();
    const walked: string[] = [];
    let start: Record<string, Position> | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await readMergedFeed(sources, QUERY, start, 4);
      walked.push(...ids(page));
      if (!page.connection.pageInfo.hasNextPage) {
        break;
      }
      start = positionsOf(page.connection.pageInfo.endCursor);
    }
    expect(walked).toEqual(everything);
  });

  it('continues right after any edge whose cursor is given', async () => {
    const page = await readMergedFeed(threeSources(), QUERY, undefined, 6);
    const third = page.connection.edges[2]?.cursor ?? null;

    const next = await readMergedFeed(threeSources(), QUERY, positionsOf(third), 3);

    expect(ids(next)).toEqual(everything.slice(3, 6));
    expect(next.connection.pageInfo.hasPreviousPage).toBe(true);
  });

  it('puts undated transactions last', async () => {
    const sources = [
      aSource('KONTIST', aSequence([tx('k1', 1), tx('k-pending', null)]).sequence),
      aSource('BANKIMPORT', aSequence([tx('b1', 2), tx('b2', 30)]).sequence),
    ];
    const page = await readMergedFeed(sources, QUERY, undefined, 10);
    expect(ids(page)).toEqual(['k1', 'b1', 'b2', 'k-pending']);
    expect(page.connection.pageInfo.hasNextPage).toBe(false);
  });

  it('orders transactions of the same instant by source order', async () => {
    const sources = [
      aSource('KONTIST', aSequence([tx('k1', 1), tx('k2', 2)]).sequence),
      aSource('BANKIMPORT', aSequence([tx('b1', 1), tx('b2', 2)]).sequence),
    ];
    const page = await readMergedFeed(sources, QUERY, undefined, 10);
    expect(ids(page)).toEqual(['k1', 'b1', 'k2', 'b2']);
  });

  it("reports a failing source and still gives the others' items", async () => {
    const failing = aSequence(bankimport, { value: true });
    const sources = [
      aSource('KONTIST', aSequence(kontist).sequence),
      aSource('BANKIMPORT', failing.sequence),
      aSource('KONTOMATIK', aSequence(kontomatik).sequence),
    ];

    const page = await readMergedFeed(sources, QUERY, undefined, 5);

    expect(ids(page)).toEqual(['k1', 'm1', 'k2', 'k3', 'm2']);
    expect(page.failures).toHaveLength(1);
    expect(page.failures[0]?.key).toBe('BANKIMPORT');
    expect(page.failures[0]?.error).toBeInstanceOf(ProviderUnavailableError);
    expect(page.connection.totalCount).toBeNull();
  });

  it("keeps a failing source's position in the cursor, so the next page tries it again", async () => {
    const healthy = await readMergedFeed(threeSources(), QUERY, undefined, 4);
    const start = positionsOf(healthy.connection.pageInfo.endCursor);

    const failing = aSequence(bankimport, { value: true });
    const sources = [
      aSource('KONTIST', aSequence(kontist).sequence),
      aSource('BANKIMPORT', failing.sequence),
      aSource('KONTOMATIK', aSequence(kontomatik).sequence),
    ];
    const degraded = await readMergedFeed(sources, QUERY, start, 3);
    const positions = positionsOf(degraded.connection.pageInfo.endCursor);

    expect(positions.BANKIMPORT).toEqual({ offset: 1, lastId: 'b1' });
    expect(ids(degraded)).toEqual(['k3', 'm2', 'k4']);

    failing.failing.value = false;
    const recovered = await readMergedFeed(sources, QUERY, positions, 3);
    expect(ids(recovered)).toEqual(['b2', 'b3', 'k5']);
    expect(recovered.failures).toEqual([]);
  });

  it('keeps the position after the last item a source gave before it failed', async () => {
    // Only b1 and b2 pass the gateway's filter; reading past them needs a second read, which fails.
    const list = Array.from({ length: 30 }, (_, i) =>
      aTransaction({
        providerTransactionId: `b${i + 1}`,
        bookingDate: new Date(START - (i * 5 + 0.2) * HOUR),
        amount: { minorUnits: i < 2 ? 10000 : -1250, currency: 'EUR' },
      }),
    );
    let reads = 0;
    const flaky: TransactionSequence = {
      applied: new Set(),
      async read(offset, count) {
        reads += 1;
        if (reads > 1) {
          throw new ProviderUnavailableError('BANKIMPORT', 'it answered HTTP 503');
        }
        return { items: list.slice(offset, offset + count), total: list.length };
      },
    };
    const sources = [
      aSource('KONTIST', aSequence(kontist).sequence),
      aSource('BANKIMPORT', flaky, { filter: residualFilter({ amountMin: 0 }, new Set(), 'BOOKING_DATE_DESC') }),
    ];

    const page = await readMergedFeed(sources, QUERY, undefined, 8);

    expect(ids(page)).toEqual(['k1', 'b1', 'k2', 'b2', 'k3', 'k4', 'k5', 'k6']);
    expect(page.failures.map((f) => f.key)).toEqual(['BANKIMPORT']);
    expect(positionsOf(page.connection.pageInfo.endCursor).BANKIMPORT).toEqual({ offset: 2, lastId: 'b2' });
  });

  it('gives an empty page when every source fails', async () => {
    const sources = [
      aSource('KONTIST', aSequence(kontist, { value: true }).sequence),
      aSource('BANKIMPORT', aSequence(bankimport, { value: true }).sequence),
    ];
    const page = await readMergedFeed(sources, QUERY, undefined, 5);
    expect(ids(page)).toEqual([]);
    expect(page.failures.map((f) => f.key)).toEqual(['KONTIST', 'BANKIMPORT']);
  });
});
