import {
  AccountTransactionsDocument,
  FeedDocument,
  type FeedQuery,
  type FeedQueryVariables,
} from '../../generated/graphql';
import { alice, bob, callCount, startGateway, type TestGateway } from '../../support/gateway';

type Feed = FeedQuery['transactions'];

describe('the transactions feed', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  afterEach(() => t.clearFaults());

  const feed = async (variables: FeedQueryVariables, headers = alice) => {
    const { body } = await t.gql(FeedDocument, variables, headers);
    return body;
  };

  const walk = async (variables: FeedQueryVariables): Promise<Feed['edges']> => {
    const edges: Feed['edges'] = [];
    let after: string | null | undefined;
    for (let pages = 0; pages < 100; pages += 1) {
      const body = await feed({ ...variables, after });
      expect(body.errors).toBeUndefined();
      edges.push(...body.data!.transactions.edges);
      if (!body.data!.transactions.pageInfo.hasNextPage) {
        return edges;
      }
      after = body.data!.transactions.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  };

  it("merges all of alice's accounts at both providers newest first behind one cursor", async () => {
    const edges = await walk({ first: 250 });
    expect(edges).toHaveLength(260 + 1200 + 150);
    expect(new Set(edges.map((e) => e.node.id)).size).toBe(edges.length);
    const providers = new Set(edges.map((e) => e.node.account.provider));
    expect(providers).toEqual(new Set(['KONTIST', 'BANKIMPORT']));
    const dated = edges.filter((e) => e.node.bookingDate).map((e) => Date.parse(e.node.bookingDate!));
    for (let i = 1; i < dated.length; i += 1) {
      expect(dated[i]!).toBeLessThanOrEqual(dated[i - 1]!);
    }
    const undated = edges.findIndex((e) => !e.node.bookingDate);
    expect(edges.slice(undated).every((e) => !e.node.bookingDate)).toBe(true);
  });

  it('tells the total across providers', async () => {
    const body = await feed({ first: 1 });
    expect(body.data!.transactions.totalCount).toBe(260 + 1200 + 150);
  });

  it('applies the filter to every provider', async () => {
    const pending = await walk({ first: 500, filter: { status: 'PENDING' } });
    expect(pending.length).toBeGreaterThan(4);
    expect(pending.every((e) => e.node.status === 'PENDING')).toBe(true);
    expect(new Set(pending.map((e) => e.node.account.provider))).toEqual(new Set(['KONTIST', 'BANKIMPORT']));
  });

  it('shows bob only his own', async () => {
    const edges = await walk({ first: 500 });
    const bobs = await (async () => {
      const body = await feed({ first: 500 }, bob);
      return body.data!.transactions.edges;
    })();
    const alices = new Set(edges.map((e) => e.node.id));
    expect(bobs.length).toBeGreaterThan(0);
    expect(bobs.some((e) => alices.has(e.node.id))).toBe(false);
  });

  it('loads the first 500 with account { iban } in the fewest upstream calls', async () => {
    await t.resetStats();
    const body = await feed({ first: 500 });
    expect(body.data!.transactions.edges).toHaveLength(500);
    expect(body.data!.transactions.edges.every((e) => e.node.account.iban)).toBe(true);
    const stats = await t.stats();
    // One accounts list per provider, for all 500 `account` fields (DataLoader), plus the
    // transaction pages: Kontist's pages of 50 that hold its share, one Bankimport call.
    expect(stats['KONTIST GET /api/accounts']).toBe(1);
    expect(stats['BANKIMPORT GET /api/v1/bank-accounts']).toBe(1);
    expect(stats['BANKIMPORT GET /api/v1/transactions']).toBe(1);
    const kontistShare = body.data!.transactions.edges.filter((e) => e.node.account.provider === 'KONTIST').length;
    expect(stats['KONTIST GET /api/accounts/:id/transactions']).toBe(Math.ceil((kontistShare + 1) / 50));
  });

  it("keeps the other provider's items and names the failed one, whose position the cursor keeps", async () => {
    await t.faults({ provider: 'BANKIMPORT', status: 503, errorRate: 1 });
    const broken = await feed({ first: 20 });
    expect(broken.data!.transactions.edges.every((e) => e.node.account.provider === 'KONTIST')).toBe(true);
    expect(broken.errors).toEqual([
      expect.objectContaining({
        path: ['transactions'],
        extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'BANKIMPORT' }),
      }),
    ]);
    await t.clearFaults();
    const next = await feed({ first: 500, after: broken.data!.transactions.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    // Bankimport's newest items were never shown, so they come now.
    expect(next.data!.transactions.edges.some((e) => e.node.account.provider === 'BANKIMPORT')).toBe(true);
  });

  it('refuses an account cursor as a feed cursor', async () => {
    const { body: own } = await t.gql(
      AccountTransactionsDocument,
      { id: 'QWNjb3VudDpLT05USVNUOjQ3MTE', first: 2 },
      alice,
    );
    const accountCursor = own.data!.account!.transactions.pageInfo.endCursor!;
    const body = await feed({ first: 2, after: accountCursor });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('needs credentials', async () => {
    const body = await feed({ first: 2 }, {} as typeof alice);
    expect(body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(callCount(await t.stats())).toBeGreaterThanOrEqual(0);
  });
});
