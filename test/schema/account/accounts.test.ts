import { AccountDocument, AccountsDocument } from '../../generated/graphql';
import { alice, bob, callCount, startGateway, type TestGateway } from '../../support/gateway';

describe('accounts', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  afterEach(() => t.clearFaults());

  it("lists alice's Kontist and Bankimport accounts with exact balances", async () => {
    const { body } = await t.gql(AccountsDocument, {}, alice);
    expect(body.errors).toBeUndefined();
    const accounts = body.data!.accounts;
    expect(accounts.map((a) => [a.provider, a.providerAccountId])).toEqual([
      ['KONTIST', '4711'],
      ['BANKIMPORT', '7856278'],
      ['BANKIMPORT', '7856279'],
    ]);
    const [kontist, giro, card] = accounts;
    expect(kontist).toMatchObject({ currency: 'EUR', bankCode: '11010100', canInitiatePayments: true });
    expect(kontist!.iban).toMatch(/^DE\d{20}$/);
    expect(giro).toMatchObject({
      bankCode: '30070024',
      bankName: 'Deutsche Bank',
      bic: 'DEUTDEDBDUE',
      type: 'Kontokorrentkonto',
      canInitiatePayments: false,
      balance: { minorUnits: 2432349, currency: 'EUR', decimal: '24323.49' },
    });
    expect(card!.balance).toEqual({ minorUnits: -532321, currency: 'EUR', decimal: '-5323.21' });
  });

  it('gives each account an opaque id that account(id) resolves', async () => {
    const { body } = await t.gql(AccountsDocument, {}, alice);
    const giro = body.data!.accounts[1]!;
    expect(giro.id).not.toContain('7856278');
    const found = await t.gql(AccountDocument, { id: giro.id }, alice);
    expect(found.body.data!.account).toMatchObject({ id: giro.id, provider: 'BANKIMPORT', iban: giro.iban });
  });

  it("never shows bob alice's account: account(id) is null", async () => {
    const { body } = await t.gql(AccountsDocument, {}, alice);
    const aliceKontist = body.data!.accounts[0]!;
    const asBob = await t.gql(AccountDocument, { id: aliceKontist.id }, bob);
    expect(asBob.body.errors).toBeUndefined();
    expect(asBob.body.data!.account).toBeNull();
  });

  it('reaches only the providers the request has credentials for', async () => {
    await t.resetStats();
    const { body } = await t.gql(AccountsDocument, {}, { 'X-Bankimport-Token': 'sandbox-alice' });
    expect(body.data!.accounts.every((a) => a.provider === 'BANKIMPORT')).toBe(true);
    expect(callCount(await t.stats(), 'KONTIST')).toBe(0);
  });

  it('answers an empty list for KONTOMATIK, whose accounts come through imports, without an error or a call', async () => {
    await t.resetStats();
    for (const headers of [alice, {}]) {
      const { body } = await t.gql('{ accounts(filter: { provider: KONTOMATIK }) { id } }', {}, headers);
      expect(body).toEqual({ data: { accounts: [] } });
    }
    expect(callCount(await t.stats())).toBe(0);
  });

  it('fails with UNAUTHENTICATED and no provider without any credentials', async () => {
    const { body } = await t.gql(AccountsDocument, {});
    expect(body.data).toBeNull();
    expect(body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors![0]!.extensions.provider).toBeUndefined();
  });

  it('names the provider whose credentials are rejected upstream, and still returns the others', async () => {
    const { body } = await t.gql(AccountsDocument, {}, { ...alice, 'X-Bankimport-Token': 'wrong-token' });
    expect(body.data!.accounts.map((a) => a.provider)).toEqual(['KONTIST']);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({
      path: ['accounts'],
      extensions: { code: 'UNAUTHENTICATED', provider: 'BANKIMPORT' },
    });
  });

  it("returns the healthy providers' accounts plus PROVIDER_UNAVAILABLE when one is down", async () => {
    await t.faults({ provider: 'KONTIST', down: true });
    const { body } = await t.gql(AccountsDocument, {}, alice);
    expect(body.data!.accounts.map((a) => a.provider)).toEqual(['BANKIMPORT', 'BANKIMPORT']);
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['accounts'],
        extensions: expect.objectContaining({ code: 'PROVIDER_UNAVAILABLE', provider: 'KONTIST' }),
      }),
    ]);
  });

  it('asks the providers in parallel: both calls arrive before either answers', async () => {
    await t.resetStats();
    await t.faults({ provider: 'KONTIST', latencyMs: 1500 });
    await t.faults({ provider: 'BANKIMPORT', latencyMs: 1500 });
    let answered = false;
    const response = t.gql(AccountsDocument, {}, alice).then((r) => {
      answered = true;
      return r;
    });
    let arrived: Record<string, number> = {};
    while (!answered && Object.keys(arrived).length < 2) {
      arrived = await t.stats();
    }
    expect(answered).toBe(false);
    expect(arrived).toEqual({ 'BANKIMPORT GET /api/v1/bank-accounts': 1, 'KONTIST GET /api/accounts': 1 });
    expect((await response).body.data!.accounts).toHaveLength(3);
  });

  describe('filter', () => {
    const providersOf = async (filter: object) => {
      const { body } = await t.gql(AccountsDocument, { filter }, alice);
      expect(body.errors).toBeUndefined();
      return body.data!.accounts.map((a) => a.providerAccountId);
    };

    it('keeps one provider', async () => {
      expect(await providersOf({ provider: 'KONTIST' })).toEqual(['4711']);
    });

    it('matches bank codes and account numbers by prefix, at every provider', async () => {
      expect(await providersOf({ bankCode: '300' })).toEqual(['7856278', '7856279']);
      expect(await providersOf({ bankCode: '1101' })).toEqual(['4711']);
    });

    it('compares balances in minor units, inclusively', async () => {
      expect(await providersOf({ balanceMin: 2432349 })).toEqual(['7856278']);
      expect(await providersOf({ balanceMax: -532321 })).toEqual(['7856279']);
      expect(await providersOf({ balanceMin: 2432350, provider: 'BANKIMPORT' })).toEqual([]);
    });

    it('passes Bankimport its native filters rather than filtering in the gateway', async () => {
      await t.resetStats();
      await providersOf({ provider: 'BANKIMPORT', bankCode: '30070024', balanceMin: 0 });
      expect(await t.stats()).toEqual({ 'BANKIMPORT GET /api/v1/bank-accounts': 1 });
    });

    it('asks for UNAUTHENTICATED naming the provider when filtering on one without credentials', async () => {
      const { body } = await t.gql(
        AccountsDocument,
        { filter: { provider: 'KONTIST' } },
        { 'X-Bankimport-Token': 'sandbox-alice' },
      );
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'KONTIST' });
    });
  });
});

describe('account(id)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it('refuses an id the gateway did not issue with BAD_USER_INPUT naming the argument', async () => {
    const { body } = await t.gql(AccountDocument, { id: 'not-an-id' }, alice);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('answers UNAUTHENTICATED naming the provider when its credentials are missing', async () => {
    const { body: listed } = await t.gql(AccountsDocument, {}, alice);
    const kontistId = listed.data!.accounts[0]!.id;
    const { body } = await t.gql(AccountDocument, { id: kontistId }, { 'X-Bankimport-Token': 'sandbox-alice' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'KONTIST' });
  });
});
