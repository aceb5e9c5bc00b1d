import request from 'supertest';
import { demoCredentials } from '../src/demo-credentials';
import { sandboxEndpoints } from '../src/endpoints';
import { createSandbox, type Sandbox } from '../src/sandbox';

describe('what a gateway is given to use the sandbox', () => {
  let sandbox: Sandbox;
  let base: string;
  beforeAll(async () => {
    sandbox = createSandbox({ transactions: 10 });
    base = await sandbox.listen(0);
  });
  afterAll(() => sandbox.close());

  it("names each bank's base URL under the sandbox's, a trailing slash or not", () => {
    expect(sandboxEndpoints('http://127.0.0.1:4010/')).toEqual({
      kontist: { url: 'http://127.0.0.1:4010/kontist', clientId: 'sandbox-client', clientSecret: 'sandbox-secret' },
      bankimport: { url: 'http://127.0.0.1:4010/bankimport' },
      kontomatik: { url: 'http://127.0.0.1:4010/kontomatik/v1', apiKey: 'sandbox-api-key' },
    });
  });

  it('gives a Kontomatik API key that the sandbox accepts, and no other key is', async () => {
    const { kontomatik } = sandboxEndpoints(base);
    const catalog = await request(kontomatik.url).get('/ais-catalog').set('X-Api-Key', kontomatik.apiKey);
    expect(catalog.status).toBe(200);
    expect(catalog.body.targets.length).toBeGreaterThan(0);
    await request(kontomatik.url).get('/ais-catalog').set('X-Api-Key', 'other-key').expect(401);
  });

  it('gives a Kontist OAuth client that the sandbox knows, and it refuses a wrong secret', async () => {
    const { kontist } = sandboxEndpoints(base);
    const exchange = (secret: string) =>
      request(kontist.url).post('/api/oauth/token').type('form').send({
        grant_type: 'authorization_code',
        code: 'no-such-code',
        client_id: kontist.clientId,
        client_secret: secret,
        redirect_uri: 'http://localhost/cb',
      });
    // The right client gets as far as the code; a wrong secret is stopped at the client.
    expect((await exchange(kontist.clientSecret)).body).toEqual({ error: 'invalid_grant' });
    expect((await exchange('wrong-secret')).body).toEqual({ error: 'invalid_client' });
  });
});

describe('demoCredentials', () => {
  let sandbox: Sandbox;
  let endpoints: ReturnType<typeof sandboxEndpoints>;
  beforeAll(async () => {
    sandbox = createSandbox({ transactions: 10 });
    endpoints = sandboxEndpoints(await sandbox.listen(0));
  });
  afterAll(() => sandbox.close());

  it("are the contract's demo credentials", () => {
    expect(demoCredentials.alice).toEqual({
      kontistBearerToken: 'sandbox-alice',
      kontistLogin: { username: 'alice', password: 'alice-password' },
      bankimportToken: 'sandbox-alice',
      hbciLogin: { bankCode: '30070024', username: 'alice', secret: 'alice-hbci-pin', customerNumber: null },
    });
    expect(demoCredentials.bob).toMatchObject({
      kontistBearerToken: 'sandbox-bob',
      kontistLogin: { username: 'bob', password: 'bob-password' },
      bankimportToken: 'sandbox-bob',
      hbciLogin: { bankCode: '30070024', username: 'bob', secret: 'bob-hbci-pin' },
    });
  });

  it.each(['alice', 'bob'] as const)("reach %s's own accounts at every bank", async (user) => {
    const credentials = demoCredentials[user];
    const { kontistLogin: login, hbciLogin: hbci } = credentials;
    const bearer = await request(endpoints.kontist.url)
      .get('/api/accounts')
      .set('Authorization', `Bearer ${credentials.kontistBearerToken}`)
      .expect(200);
    const basic = await request(endpoints.kontist.url)
      .get('/api/accounts')
      .auth(login.username, login.password)
      .expect(200);
    expect(basic.body.map((account: { id: number }) => account.id)).toEqual(
      bearer.body.map((account: { id: number }) => account.id),
    );
    const bankimport = await request(endpoints.bankimport.url)
      .get('/api/v1/bank-accounts')
      .set('Authorization', `Token token=${credentials.bankimportToken}`)
      .expect(200);
    expect(bankimport.body.bank_accounts.length).toBeGreaterThan(0);
    const linked = await request(endpoints.bankimport.url)
      .post('/api/v1/bank-account/hbci')
      .set('Authorization', `Token token=${credentials.bankimportToken}`)
      .type('form')
      .send({
        title: 'Tagesgeld',
        hbci_bank_code: hbci.bankCode,
        username: hbci.username,
        secret: hbci.secret,
        ...(hbci.customerNumber === null ? {} : { customer_number: hbci.customerNumber }),
      });
    expect(linked.status).toBe(201);
    // All of the login's accounts, the one it linked now among them.
    expect(linked.body.bank_accounts).toContainEqual(
      expect.objectContaining({ bank_code: hbci.bankCode, title: 'Tagesgeld' }),
    );
  });
});
