import { AccountTransactionsDocument, AccountsDocument } from '../../generated/graphql';
import { startGateway, type TestGateway } from '../../support/gateway';

const basic = { 'X-Kontist-Authorization': `Basic ${Buffer.from('alice:alice-password').toString('base64')}` };
const bearer = { 'X-Kontist-Authorization': 'Bearer sandbox-alice' };

describe('Kontist through the legacy API (Basic credentials, snake_case lists)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it('lists the same account as the current API, with the legacy bank name', async () => {
    const legacy = await t.gql(AccountsDocument, {}, basic);
    const current = await t.gql(AccountsDocument, {}, bearer);
    expect(legacy.body.errors).toBeUndefined();
    const [account] = legacy.body.data!.accounts;
    expect(account).toMatchObject({
      id: current.body.data!.accounts[0]!.id,
      iban: current.body.data!.accounts[0]!.iban,
      balance: current.body.data!.accounts[0]!.balance,
      bankName: 'solarisBank',
    });
  });

  it('maps the unsigned legacy amounts to the same signed amounts and fields as v2.1', async () => {
    const id = (await t.gql(AccountsDocument, {}, bearer)).body.data!.accounts[0]!.id;
    const page = async (headers: Record<string, string>) => {
      const { body } = await t.gql(AccountTransactionsDocument, { id, first: 120 }, headers);
      expect(body.errors).toBeUndefined();
      return body.data!.account!.transactions.edges.map((e) => e.node);
    };
    const [legacy, current] = await Promise.all([page(basic), page(bearer)]);
    expect(legacy).toHaveLength(120);
    expect(legacy.some((n) => n.amount.minorUnits < 0)).toBe(true);
    expect(legacy.some((n) => n.amount.minorUnits > 0)).toBe(true);
    for (const [i, node] of legacy.entries()) {
      const { mandateNumber: _legacyHasNone, ...rest } = current[i]!;
      expect(node).toMatchObject(rest);
    }
  });

  it('refuses wrong Basic credentials as UNAUTHENTICATED naming Kontist', async () => {
    const wrong = { 'X-Kontist-Authorization': `Basic ${Buffer.from('alice:nope').toString('base64')}` };
    const { body } = await t.gql(AccountsDocument, {}, wrong);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'KONTIST' });
  });
});
