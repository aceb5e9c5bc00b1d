import { AccountTransactionsDocument, AccountsDocument, FeedDocument } from '../../generated/graphql';
import { alice, callCount, startGateway, type TestGateway } from '../../support/gateway';

describe('the purpose filter', () => {
  let t: TestGateway;
  let bankimportAccount: string;

  beforeAll(async () => {
    t = await startGateway();
    const { body } = await t.gql(AccountsDocument, {}, alice);
    bankimportAccount = body.data!.accounts.find((a) => a.providerAccountId === '7856278')!.id;
  });
  afterAll(() => t.close());
  beforeEach(() => t.resetStats());

  it('refuses a purpose over 140 characters in the feed, naming filter.purpose, before any provider call', async () => {
    const { status, body } = await t.gql(FeedDocument, { first: 5, filter: { purpose: 'x'.repeat(16_000) } }, alice);
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'filter.purpose must have from 3 to 140 characters.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.purpose' }),
      }),
    ]);
    expect(callCount(await t.stats())).toBe(0);
  });

  it("refuses it on an account's transactions without asking for them upstream", async () => {
    const { body } = await t.gql(
      AccountTransactionsDocument,
      { id: bankimportAccount, filter: { purpose: 'x'.repeat(141) } },
      alice,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.purpose' });
    expect((await t.stats())['BANKIMPORT GET /api/v1/bank-account/:id/transactions']).toBeUndefined();
  });

  it('refuses a purpose under 3 characters, spaces around it not counted', async () => {
    const { body } = await t.gql(FeedDocument, { first: 5, filter: { purpose: '  ab  ' } }, alice);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.purpose' });
    expect(callCount(await t.stats())).toBe(0);
  });

  it('takes 140 characters, counting an emoji as one, and searches with them', async () => {
    const { body } = await t.gql(FeedDocument, { first: 5, filter: { purpose: '😀'.repeat(140) } }, alice);
    expect(body.errors).toBeUndefined();
    expect(body.data!.transactions.edges).toEqual([]);
    expect(callCount(await t.stats())).toBeGreaterThan(0);
  });
});
