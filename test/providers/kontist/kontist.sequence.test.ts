import type { TransactionRecord } from '../../../src/providers/provider';
import {
  createKontistSequence,
  type KontistPage,
  type PageSizeMemo,
} from '../../../src/providers/kontist/kontist.sequence';
import { aTransaction as aBaseTransaction } from '../../support/factories';

const PAGE_SIZE = 50;
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1);

const aTransaction = (overrides: Partial<TransactionRecord> = {}): TransactionRecord =>
  aBaseTransaction({
    provider: 'KONTIST',
    providerTransactionId: '1',
    providerAccountId: '4711',
    counterpartyIban: 'DE89370400440532013000',
    bookingType: 'SEPA_CREDIT_TRANSFER',
    paymentMethod: 'bank_account',
    bookingDate: new Date(FIRST_DAY),
    valueDate: new Date(FIRST_DAY),
    ...overrides,
  });

/** Booked transaction number `day` (1 is the oldest), with an id that tells it apart. */
const booked = (day: number) =>
  aTransaction({ providerTransactionId: `b${day}`, bookingDate: new Date(FIRST_DAY + day * DAY) });
const unbooked = (n: number) =>
  aTransaction({ providerTransactionId: `u${n}`, status: 'PENDING', bookingDate: null, valueDate: null });

/** Kontist's own order: booked by booking date descending, then the unbooked ones. */
function kontistList(bookedCount: number, unbookedCount: number): TransactionRecord[] {
  const list: TransactionRecord[] = [];
  for (let day = bookedCount; day >= 1; day -= 1) {
    list.push(booked(day));
  }
  for (let n = 1; n <= unbookedCount; n += 1) {
    list.push(unbooked(n));
  }
  return list;
}

/** A fake Kontist transaction list in pages of 50 that records which pages were fetched. */
function aKontistAccount(list: TransactionRecord[]) {
  const calls: number[] = [];
  const fetchPage = async (page: number): Promise<KontistPage> => {
    calls.push(page);
    const start = (page - 1) * PAGE_SIZE;
    return {
      total: list.length,
      hasNext: start + PAGE_SIZE < list.length,
      items: list.slice(start, start + PAGE_SIZE),
    };
  };
  return { calls, fetchPage };
}

const ids = (records: TransactionRecord[]) => records.map((r) => r.providerTransactionId);
const sorted = (pages: number[]) => [...pages].sort((a, b) => a - b);

/** The order the gateway asks for oldest first: booked oldest first, then the unbooked ones. */
const ascending = (list: TransactionRecord[]) => [
  ...list.filter((t) => t.bookingDate !== null).reverse(),
  ...list.filter((t) => t.bookingDate === null),
];

/**
 * A read's items are the sequence's items from `offset` on, at least `count` of them
 * unless the sequence ends first; more may come along (TransactionSequence.read).
 */
function expectRead(items: TransactionRecord[], order: TransactionRecord[], offset: number, count: number): void {
  expect(items.length).toBeGreaterThanOrEqual(Math.min(count, Math.max(order.length - offset, 0)));
  expect(ids(items)).toEqual(ids(order.slice(offset, offset + items.length)));
}

describe('createKontistSequence, newest first', () => {
  it('reads the first items from page 1 alone', async () => {
    const list = kontistList(137, 0);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    const { items, total } = await sequence.read(0, 10);

    expectRead(items, list, 0, 10);
    expect(ids(items).slice(0, 2)).toEqual(['b137', 'b136']);
    expect(total).toBe(137);
    expect(account.calls).toEqual([1]);
  });

  it('reads by offset and count from the page that holds them', async () => {
    const list = kontistList(137, 0);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    const { items } = await sequence.read(120, 10);

    expectRead(items, list, 120, 10);
    // Page 1 tells the page size; page 3 holds positions 100 to 149.
    expect(sorted(account.calls)).toEqual([1, 3]);
  });

  it('reads across a page boundary', async () => {
    const list = kontistList(137, 0);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    const { items } = await sequence.read(45, 10);

    expectRead(items, list, 45, 10);
    expect(sorted(account.calls)).toEqual([1, 2]);
  });

  it('learns the page size from a full page 1', async () => {
    const memo: PageSizeMemo = {};
    const account = aKontistAccount(kontistList(137, 0));

    await createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', memo).read(0, 1);

    expect(memo.value).toBe(PAGE_SIZE);
  });

  it('gives the rest of the last page it fetched along, at no extra cost', async () => {
    const list = kontistList(137, 0);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    const { items } = await sequence.read(45, 10);

    expect(ids(items)).toEqual(ids(list.slice(45, 100)));
  });

  it('tells its page size once it knows it', async () => {
    const account = aKontistAccount(kontistList(137, 0));
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    expect(sequence.pageSize?.()).toBeUndefined();
    await sequence.read(0, 1);
    expect(sequence.pageSize?.()).toBe(PAGE_SIZE);
  });

  it('does not learn a page size from an account with a single page', async () => {
    const memo: PageSizeMemo = {};
    const list = kontistList(30, 0);
    const account = aKontistAccount(list);

    const { items, total } = await createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', memo).read(20, 50);

    expect(memo.value).toBeUndefined();
    expect(ids(items)).toEqual(ids(list.slice(20)));
    expect(items).toHaveLength(10);
    expect(total).toBe(30);
  });

  it('reuses a learned page size and fetches only the page that holds the offset', async () => {
    const memo: PageSizeMemo = {};
    await createKontistSequence(aKontistAccount(kontistList(137, 0)).fetchPage, 'BOOKING_DATE_DESC', memo).read(0, 1);
    const list = kontistList(137, 0);
    const account = aKontistAccount(list);

    const { items, total } = await createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', memo).read(100, 20);

    expectRead(items, list, 100, 20);
    expect(total).toBe(137);
    expect(account.calls).toEqual([3]);
  });

  it('fetches each page once per sequence', async () => {
    const list = kontistList(137, 0);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    await sequence.read(0, 10);
    await sequence.read(10, 10);
    await sequence.read(40, 20);
    const { items } = await sequence.read(60, 5);

    expectRead(items, list, 60, 5);
    expect(sorted(account.calls)).toEqual([1, 2]);
  });

  it('returns fewer items when reading past the end', async () => {
    const list = kontistList(130, 7);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    const { items, total } = await sequence.read(130, 50);

    expect(ids(items)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']);
    expect(total).toBe(137);
  });

  it('returns nothing for an offset beyond the end', async () => {
    const account = aKontistAccount(kontistList(137, 0));
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    expect(await sequence.read(500, 10)).toEqual({ items: [], total: 137 });
  });

  it('reads an empty account', async () => {
    const account = aKontistAccount([]);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    expect(await sequence.read(0, 10)).toEqual({ items: [], total: 0 });
    expect(account.calls).toEqual([1]);
  });

  it('answers a read of no items with the total alone', async () => {
    const account = aKontistAccount(kontistList(137, 0));
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {});

    expect(await sequence.read(10, 0)).toEqual({ items: [], total: 137 });
  });

  it('applies no filter itself', () => {
    const account = aKontistAccount([]);
    expect(createKontistSequence(account.fetchPage, 'BOOKING_DATE_DESC', {}).applied.size).toBe(0);
  });

  it('passes a failing page on to the reader', async () => {
    const failure = new Error('Kontist is down');
    const sequence = createKontistSequence(() => Promise.reject(failure), 'BOOKING_DATE_DESC', {});

    await expect(sequence.read(0, 10)).rejects.toBe(failure);
  });
});

describe('createKontistSequence, oldest first', () => {
  it('gives the booked transactions oldest first, then the unbooked ones last', async () => {
    const list = kontistList(130, 7);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const { items, total } = await sequence.read(0, 200);

    const expected = [...Array.from({ length: 130 }, (_, i) => `b${i + 1}`), 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7'];
    expect(ids(items)).toEqual(expected);
    expect(total).toBe(137);
    expect(sorted(account.calls)).toEqual([1, 2, 3]);
  });

  it('fetches only page 1 and the tail to read the oldest transactions', async () => {
    const list = kontistList(130, 7);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const { items } = await sequence.read(0, 5);

    expect(ids(items).slice(0, 5)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expectRead(items, ascending(list), 0, 5);
    expect(sorted(account.calls)).toEqual([1, 3]);
  });

  it('reads across a page boundary', async () => {
    const list = kontistList(130, 7);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    // Ascending positions 78 to 82 are Kontist's positions 51 down to 47: pages 2 and 1.
    const { items } = await sequence.read(78, 5);

    expect(ids(items).slice(0, 5)).toEqual(['b79', 'b80', 'b81', 'b82', 'b83']);
    expectRead(items, ascending(list), 78, 5);
  });

  it('moves from the newest booked transaction to the first unbooked one', async () => {
    const list = kontistList(100, 60);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const { items, total } = await sequence.read(98, 4);

    // The unbooked tail fills pages 3 and 4, so the search for the last booked one crosses pages.
    expect(ids(items).slice(0, 4)).toEqual(['b99', 'b100', 'u1', 'u2']);
    expectRead(items, ascending(list), 98, 4);
    expect(total).toBe(160);
  });

  it("gives an account with only unbooked transactions in Kontist's order", async () => {
    const list = kontistList(0, 60);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const { items } = await sequence.read(48, 4);

    expect(ids(items).slice(0, 4)).toEqual(['u49', 'u50', 'u51', 'u52']);
    expectRead(items, ascending(list), 48, 4);
  });

  it('gives an account with only booked transactions in reverse', async () => {
    const list = kontistList(75, 0);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const { items } = await sequence.read(70, 10);

    expect(ids(items)).toEqual(['b71', 'b72', 'b73', 'b74', 'b75']);
  });

  it('walks the whole list page by page in the same order as one read', async () => {
    const list = kontistList(130, 7);
    const whole = await createKontistSequence(aKontistAccount(list).fetchPage, 'BOOKING_DATE_ASC', {}).read(0, 137);
    const account = aKontistAccount(list);
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const walked: TransactionRecord[] = [];
    for (let offset = 0; offset < 140; offset = walked.length) {
      const { items } = await sequence.read(offset, 9);
      if (items.length === 0) {
        break;
      }
      walked.push(...items);
    }

    expect(ids(walked)).toEqual(ids(whole.items));
    expect(sorted(account.calls)).toEqual([1, 2, 3]);
  });

  it('returns fewer items when reading past the end', async () => {
    const account = aKontistAccount(kontistList(130, 7));
    const sequence = createKontistSequence(account.fetchPage, 'BOOKING_DATE_ASC', {});

    const { items, total } = await sequence.read(135, 10);

    expect(ids(items)).toEqual(['u6', 'u7']);
    expect(total).toBe(137);
  });
});
