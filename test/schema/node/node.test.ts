import { FeedDocument, NodeDocument, TransactionDocument } from '../../generated/graphql';
import { alice, bob, startGateway, type TestGateway } from '../../support/gateway';

describe('node(id) and transaction(id)', () => {
  let t: TestGateway;
  let kontistTx: string;
  let bankimportTx: string;

  beforeAll(async () => {
    t = await startGateway();
    const { body } = await t.gql(FeedDocument, { first: 300 }, alice);
    const edges = body.data!.transactions.edges;
    kontistTx = edges.find((e) => e.node.account.provider === 'KONTIST')!.node.id;
    bankimportTx = edges.find((e) => e.node.account.provider === 'BANKIMPORT')!.node.id;
  });
  afterAll(() => t.close());

  it.each([
    ['Kontist', () => kontistTx],
    ['Bankimport', () => bankimportTx],
  ])('resolves a %s transaction with its account', async (_name, id) => {
    const { body } = await t.gql(TransactionDocument, { id: id() }, alice);
    expect(body.errors).toBeUndefined();
    expect(body.data!.transaction).toMatchObject({ id: id(), account: { iban: expect.stringMatching(/^DE/) } });
  });

  it('resolves accounts and transactions through node with their type', async () => {
    const tx = await t.gql(NodeDocument, { id: kontistTx }, alice);
    expect(tx.body.data!.node).toMatchObject({ __typename: 'Transaction', id: kontistTx });
    const { body } = await t.gql(TransactionDocument, { id: bankimportTx }, alice);
    const accountId = body.data!.transaction!.account.id;
    const account = await t.gql(NodeDocument, { id: accountId }, alice);
    expect(account.body.data!.node).toMatchObject({ __typename: 'Account', id: accountId });
  });

  it.each([
    ['Kontist', () => kontistTx],
    ['Bankimport', () => bankimportTx],
  ])("answers null, never data, for alice's %s transaction asked by bob", async (_name, id) => {
    const asBob = await t.gql(TransactionDocument, { id: id() }, bob);
    expect(asBob.body.errors).toBeUndefined();
    expect(asBob.body.data!.transaction).toBeNull();
    const node = await t.gql(NodeDocument, { id: id() }, bob);
    expect(node.body.data!.node).toBeNull();
  });

  it('refuses a string that is not a global id, naming the argument', async () => {
    for (const id of ['4711', 'QWNjb3VudA', '%%%']) {
      const { body } = await t.gql(NodeDocument, { id }, alice);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    }
  });

  it('refuses an account id where a transaction id belongs', async () => {
    const { body } = await t.gql(TransactionDocument, { id: kontistTx }, alice);
    const accountId = body.data!.transaction!.account.id;
    const wrong = await t.gql(TransactionDocument, { id: accountId }, alice);
    expect(wrong.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
