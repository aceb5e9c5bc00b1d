import {
  AccountTransactionsDocument,
  AccountsDocument,
  type AccountTransactionsQuery,
  type AccountTransactionsQueryVariables,
} from '../../generated/graphql';
import { alice, bob, startGateway, type TestGateway } from '../../support/gateway';

type Page = NonNullable<AccountTransactionsQuery['account']>['transactions'];

describe.each(['json', 'xml'])('Account.transactions (Bankimport answering %s)', (format) => {
  // Kontist's account (4711) reads the same whatever Bankimport answers in: its cases,
  // and those that hold for any account, run once, beside Bankimport's JSON.
  const once = format === 'json';
  /** The accounts a case runs for: Kontist's only once. */
  const accounts = <T>(kontist: T[], bankimport: T[]): T[] => (once ? [...kontist, ...bankimport] : bankimport);
  let t: TestGateway;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startGateway({ BANKIMPORT_FORMAT: format });
    const { body } = await t.gql(AccountsDocument, {}, alice);
    ids = Object.fromEntries(body.data!.accounts.map((a) => [a.providerAccountId, a.id]));
  });
  afterAll(() => t.close());

  const page = async (variables: AccountTransactionsQueryVariables, headers = alice): Promise<Page> => {
    const { body } = await t.gql(AccountTransactionsDocument, variables, headers);
    expect(body.errors).toBeUndefined();
    return body.data!.account!.transactions;
  };

  /** Every page of a query, following endCursor, as one list of provider ids. */
  const walk = async (variables: AccountTransactionsQueryVariables): Promise<Page['edges']> => {
    const edges: Page['edges'] = [];
    let after: string | null | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const current = await page({ ...variables, after });
      edges.push(...current.edges);
      if (!current.pageInfo.hasNextPage) {
        return edges;
      }
      after = current.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  };

  const dates = (edges: Page['edges']) => edges.map((e) => e.node.bookingDate);

  it.each(
    accounts<[string, number]>(
      [['4711', 260]],
      [
        ['7856278', 1200],
        ['7856279', 150],
      ],
    ),
  )('pages through all of account %s newest first, with no item twice', async (account, count) => {
    const edges = await walk({ id: ids[account]!, first: 97 });
    expect(edges).toHaveLength(count);
    expect(new Set(edges.map((e) => e.node.id)).size).toBe(count);
    const booked = edges.filter((e) => e.node.bookingDate !== null);
    const sorted = [...dates(booked)].sort().reverse();
    expect(dates(booked)).toEqual(sorted);
    // Transactions without a booking date come last.
    expect(edges.slice(booked.length).every((e) => e.node.bookingDate === null)).toBe(true);
  });

  it.each(accounts(['4711'], ['7856279']))(
    'pages through account %s oldest first, the undated last',
    async (account) => {
      const desc = await walk({ id: ids[account]!, first: 500 });
      const asc = await walk({ id: ids[account]!, first: 33, orderBy: 'BOOKING_DATE_ASC' });
      expect(asc).toHaveLength(desc.length);
      const booked = asc.filter((e) => e.node.bookingDate !== null);
      expect(dates(booked)).toEqual([...dates(booked)].sort());
      expect(asc.slice(booked.length).every((e) => e.node.bookingDate === null)).toBe(true);
      expect(new Set(asc.map((e) => e.node.id))).toEqual(new Set(desc.map((e) => e.node.id)));
    },
  );

  if (once) {
    it('tells the total and whether more pages follow', async () => {
      const first = await page({ id: ids['4711']!, first: 10 });
      expect(first.totalCount).toBe(260);
      expect(first.edges).toHaveLength(10);
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.pageInfo.startCursor).toBe(first.edges[0]!.cursor);
      expect(first.pageInfo.endCursor).toBe(first.edges[9]!.cursor);
      const second = await page({ id: ids['4711']!, first: 10, after: first.edges[4]!.cursor });
      expect(second.pageInfo.hasPreviousPage).toBe(true);
      expect(second.edges.map((e) => e.node.id)).toEqual(
        (await page({ id: ids['4711']!, first: 15 })).edges.slice(5).map((e) => e.node.id),
      );
    });
  }

  it('keeps money exact: decimal text equals minor units', async () => {
    const edges = await walk({ id: ids['7856278']!, first: 500 });
    const inexact = edges
      .map(({ node }) => node.amount)
      .filter(({ decimal, minorUnits }) => {
        const [whole, cents] = decimal.replace('-', '').split('.');
        const sign = minorUnits < 0 ? '-' : '';
        return decimal !== `${sign}${whole}.${cents}` || Number(whole) * 100 + Number(cents) !== Math.abs(minorUnits);
      });
    expect(edges).toHaveLength(1200);
    expect(inexact).toEqual([]);
  });

  describe('filter', () => {
    const all = (account: string, filter: object, orderBy?: 'BOOKING_DATE_ASC') =>
      walk({ id: ids[account]!, first: 200, filter, ...(orderBy ? { orderBy } : {}) });

    it.each(accounts(['4711'], ['7856278']))('keeps only pending transactions of account %s', async (account) => {
      const pending = await all(account, { status: 'PENDING' });
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.every((e) => e.node.status === 'PENDING')).toBe(true);
      const booked = await all(account, { status: 'BOOKED' });
      expect(booked.length + pending.length).toBe(account === '4711' ? 260 : 1200);
    });

    it.each(accounts(['4711'], ['7856278']))(
      'bounds amounts inclusively in minor units (account %s)',
      async (account) => {
        const everything = await all(account, {});
        const some = everything[7]!.node.amount.minorUnits;
        const exact = await all(account, { amountMin: some, amountMax: some });
        expect(exact.length).toBeGreaterThan(0);
        expect(exact.every((e) => e.node.amount.minorUnits === some)).toBe(true);
        expect(exact.length).toBe(everything.filter((e) => e.node.amount.minorUnits === some).length);
      },
    );

    it.each(accounts(['4711'], ['7856278']))('finds purposes case-insensitively (account %s)', async (account) => {
      const everything = await all(account, {});
      const word = everything.find((e) => e.node.purpose && e.node.purpose.length >= 6)!.node.purpose!.slice(0, 5);
      const found = await all(account, { purpose: word.toUpperCase() });
      const expected = everything.filter((e) => e.node.purpose?.toLowerCase().includes(word.toLowerCase()));
      expect(found.map((e) => e.node.id)).toEqual(expected.map((e) => e.node.id));
    });

    it.each(accounts(['4711'], ['7856278']))(
      'bounds booking dates inclusively and leaves out undated ones (account %s)',
      async (account) => {
        const everything = await all(account, {});
        const booked = everything.filter((e) => e.node.bookingDate);
        const to = booked[20]!.node.bookingDate!;
        const from = booked[60]!.node.bookingDate!;
        const expected = booked.filter((e) => e.node.bookingDate! >= from && e.node.bookingDate! <= to);
        const desc = await all(account, { bookedFrom: from, bookedTo: to });
        expect(desc.map((e) => e.node.id)).toEqual(expected.map((e) => e.node.id));
        const asc = await all(account, { bookedFrom: from, bookedTo: to }, 'BOOKING_DATE_ASC');
        expect(new Set(asc.map((e) => e.node.id))).toEqual(new Set(expected.map((e) => e.node.id)));
      },
    );

    if (once) {
      it('stops reading Kontist once the dates are past bookedFrom', async () => {
        const everything = await all('4711', {});
        const from = everything[10]!.node.bookingDate!;
        await t.resetStats();
        const recent = await page({ id: ids['4711']!, first: 100, filter: { bookedFrom: from } });
        expect(recent.pageInfo.hasNextPage).toBe(false);
        expect(recent.totalCount).toBeNull();
        // Page 1 holds the eleven newest: nothing past it is read.
        expect(await t.stats()).toEqual({
          'KONTIST GET /api/accounts': 1,
          'KONTIST GET /api/accounts/:id/transactions': 1,
        });
      });
    }

    it('lets Bankimport filter natively and tells the total it reports', async () => {
      await t.resetStats();
      const result = await page({ id: ids['7856278']!, first: 5, filter: { status: 'BOOKED', amountMin: 0 } });
      expect(result.totalCount).toBeGreaterThan(0);
      expect(await t.stats()).toEqual({
        'BANKIMPORT GET /api/v1/bank-accounts': 1,
        'BANKIMPORT GET /api/v1/bank-account/:id/transactions': 1,
      });
    });
  });

  // Refused before any bank is asked.
  if (once) {
    describe('bad input', () => {
      const errorOf = async (variables: AccountTransactionsQueryVariables) => {
        const { body } = await t.gql(AccountTransactionsDocument, variables, alice);
        return body.errors?.[0]?.extensions;
      };

      it.each([0, 501, -1])('refuses first: %s naming the argument', async (first) => {
        expect(await errorOf({ id: ids['4711']!, first })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      });

      it('refuses a purpose under 3 characters', async () => {
        expect(await errorOf({ id: ids['4711']!, filter: { purpose: 'ab' } })).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'filter.purpose',
        });
      });

      it('refuses a cursor the gateway did not issue', async () => {
        expect(await errorOf({ id: ids['4711']!, after: 'bm9wZQ' })).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'after',
        });
      });

      it('refuses a cursor issued for another filter or order', async () => {
        const first = await page({ id: ids['4711']!, first: 2 });
        const cursor = first.pageInfo.endCursor!;
        expect(await errorOf({ id: ids['4711']!, after: cursor, orderBy: 'BOOKING_DATE_ASC' })).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'after',
        });
        expect(await errorOf({ id: ids['4711']!, after: cursor, filter: { status: 'BOOKED' } })).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'after',
        });
        expect(await errorOf({ id: ids['7856278']!, after: cursor })).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'after',
        });
      });
    });
  }

  it("gives bob no way into alice's transactions", async () => {
    const { body } = await t.gql(AccountTransactionsDocument, { id: ids['7856278']!, first: 5 }, bob);
    expect(body.errors).toBeUndefined();
    expect(body.data!.account).toBeNull();
  });
});
