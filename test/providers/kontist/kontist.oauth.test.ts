import request from 'supertest';

import {
  AccountsDocument,
  ExchangeKontistCodeDocument,
  KontistAuthorizationUrlDocument,
  RefreshKontistTokenDocument,
} from '../../generated/graphql';
import { startGateway, type TestGateway } from '../../support/gateway';

describe('Kontist OAuth helpers', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const redirectUri = 'http://localhost:3000/callback';

  const authorize = async () => {
    const { body } = await t.gql(KontistAuthorizationUrlDocument, { redirectUri, state: 'xyz-1' });
    const url = new URL(body.data!.kontistAuthorizationUrl);
    const answer = await request(url.origin)
      .get(url.pathname + url.search)
      .redirects(0);
    expect(answer.status).toBe(302);
    const back = new URL(answer.headers.location as string);
    expect(back.searchParams.get('state')).toBe('xyz-1');
    return back.searchParams.get('code')!;
  };

  it("builds the authorize URL with the gateway's client id and the default scopes", async () => {
    const { body } = await t.gql(KontistAuthorizationUrlDocument, { redirectUri, state: 's' });
    const url = new URL(body.data!.kontistAuthorizationUrl);
    expect(url.pathname).toBe('/kontist/api/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      scope: 'offline accounts transactions transfers',
      response_type: 'code',
      client_id: 'sandbox-client',
      redirect_uri: redirectUri,
      state: 's',
    });
    expect(body.data!.kontistAuthorizationUrl).not.toContain('sandbox-secret');
  });

  it('exchanges a code for tokens that work as Bearer credentials, and refreshes them', async () => {
    const code = await authorize();
    const { body } = await t.gql(ExchangeKontistCodeDocument, { code, redirectUri });
    expect(body.errors).toBeUndefined();
    const tokens = body.data!.exchangeKontistCode;
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 3599, scope: expect.stringContaining('offline') });
    const accounts = await t.gql(AccountsDocument, {}, { 'X-Kontist-Authorization': `Bearer ${tokens.accessToken}` });
    expect(accounts.body.data!.accounts.map((a) => a.providerAccountId)).toEqual(['4711']);
    const refreshed = await t.gql(RefreshKontistTokenDocument, { refreshToken: tokens.refreshToken! });
    expect(refreshed.body.data!.refreshKontistToken.accessToken).not.toBe(tokens.accessToken);
  });

  it("passes on Kontist's refusal of a used code as PROVIDER_ERROR", async () => {
    const code = await authorize();
    await t.gql(ExchangeKontistCodeDocument, { code, redirectUri });
    const { body } = await t.gql(ExchangeKontistCodeDocument, { code, redirectUri });
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      provider: 'KONTIST',
      status: 400,
      reason: 'INVALID_GRANT',
    });
    expect(body.errors![0]!.message).toContain('invalid_grant');
  });

  it('refuses a redirect URI that is not an absolute http(s) URL', async () => {
    const { body } = await t.gql(KontistAuthorizationUrlDocument, { redirectUri: 'javascript:alert(1)', state: 's' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redirectUri' });
  });
});
