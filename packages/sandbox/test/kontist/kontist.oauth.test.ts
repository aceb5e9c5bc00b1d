import request from 'supertest';
import type { Express } from 'express';
import { createSandbox } from '../../src/sandbox';

const REDIRECT = 'https://gateway.example/callback';

describe('sandbox Kontist OAuth', () => {
  let app: Express;

  beforeAll(() => {
    app = createSandbox().app;
  });

  async function authorize(scope = 'offline transactions', redirectUri = REDIRECT): Promise<URL> {
    const res = await request(app)
      .get('/kontist/api/oauth/authorize')
      .query({
        scope,
        response_type: 'code',
        client_id: 'sandbox-client',
        redirect_uri: redirectUri,
        state: 'opaque 1',
      })
      .expect(302);
    return new URL(res.headers.location);
  }

  function exchange(fields: Record<string, string>): request.Test {
    return request(app)
      .post('/kontist/api/oauth/token')
      .type('form')
      .send({ client_id: 'sandbox-client', client_secret: 'sandbox-secret', ...fields });
  }

  async function codeFor(scope?: string): Promise<string> {
    return (await authorize(scope)).searchParams.get('code')!;
  }

  it('approves alice at once and redirects back with a code and the state', async () => {
    const location = await authorize();
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
    expect(location.searchParams.get('state')).toBe('opaque 1');
  });

  it('keeps the query the redirect URI already has', async () => {
    const location = await authorize('offline', 'https://gateway.example/cb?tenant=7');
    expect(location.searchParams.get('tenant')).toBe('7');
    expect(location.searchParams.has('code')).toBe(true);
  });

  it.each([
    ['an unknown client', { client_id: 'other' }, 'invalid_client'],
    ['another response type', { response_type: 'token' }, 'unsupported_response_type'],
    ['no redirect URI', { redirect_uri: undefined }, 'invalid_request'],
  ])('refuses to authorize %s with 400', async (_case, override, error) => {
    const query = {
      scope: 'offline',
      response_type: 'code',
      client_id: 'sandbox-client',
      redirect_uri: REDIRECT,
      ...override,
    };
    const res = await request(app).get('/kontist/api/oauth/authorize').query(query).expect(400);
    expect(res.body.error).toBe(error);
  });

  it('exchanges a code for a bearer token that acts as alice', async () => {
    const res = await exchange({
      grant_type: 'authorization_code',
      code: await codeFor(),
      redirect_uri: REDIRECT,
    }).expect(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3599,
      refresh_token: expect.any(String),
      scope: 'offline transactions',
    });
    const accounts = await request(app)
      .get('/kontist/api/accounts')
      .set('Authorization', `Bearer ${res.body.access_token}`)
      .expect(200);
    expect(accounts.body.map((account: { id: number }) => account.id)).toEqual([4711]);
  });

  it('issues no refresh token without the offline scope', async () => {
    const res = await exchange({
      grant_type: 'authorization_code',
      code: await codeFor('transactions'),
      redirect_uri: REDIRECT,
    }).expect(200);
    expect(res.body).not.toHaveProperty('refresh_token');
    expect(res.body.scope).toBe('transactions');
  });

  it('accepts a JSON body and client credentials in HTTP Basic', async () => {
    const res = await request(app)
      .post('/kontist/api/oauth/token')
      .auth('sandbox-client', 'sandbox-secret')
      .send({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT })
      .expect(200);
    expect(res.body.token_type).toBe('Bearer');
  });

  it('lets a code be used only once', async () => {
    const code = await codeFor();
    await exchange({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }).expect(200);
    const again = await exchange({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }).expect(400);
    expect(again.body).toEqual({ error: 'invalid_grant' });
  });

  it('refuses a code with another redirect URI than the authorize call had', async () => {
    const res = await exchange({
      grant_type: 'authorization_code',
      code: await codeFor(),
      redirect_uri: 'https://evil.example/cb',
    }).expect(400);
    expect(res.body).toEqual({ error: 'invalid_grant' });
  });

  it('refuses an unknown code', async () => {
    const res = await exchange({
      grant_type: 'authorization_code',
      code: 'f'.repeat(40),
      redirect_uri: REDIRECT,
    }).expect(400);
    expect(res.body).toEqual({ error: 'invalid_grant' });
  });

  it.each([
    ['a wrong secret', { client_secret: 'guess' }],
    ['an unknown client', { client_id: 'other-client' }],
  ])('refuses %s with 401 invalid_client, and leaves the code usable', async (_case, override) => {
    const code = await codeFor();
    const res = await exchange({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, ...override }).expect(
      401,
    );
    expect(res.body).toEqual({ error: 'invalid_client' });
    await exchange({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }).expect(200);
  });

  it('refreshes an access token as many times as asked, with the same refresh token', async () => {
    const first = await exchange({
      grant_type: 'authorization_code',
      code: await codeFor(),
      redirect_uri: REDIRECT,
    }).expect(200);
    const refreshed = await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }).expect(
      200,
    );
    const again = await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }).expect(200);
    expect(refreshed.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3599,
      scope: 'offline transactions',
    });
    expect(new Set([first.body.access_token, refreshed.body.access_token, again.body.access_token]).size).toBe(3);
    await request(app)
      .get('/kontist/api/accounts')
      .set('Authorization', `Bearer ${again.body.access_token}`)
      .expect(200);
  });

  it('refuses an unknown refresh token', async () => {
    const res = await exchange({ grant_type: 'refresh_token', refresh_token: 'nope' }).expect(400);
    expect(res.body).toEqual({ error: 'invalid_grant' });
  });

  it('refuses an unsupported grant type', async () => {
    const res = await exchange({ grant_type: 'password' }).expect(400);
    expect(res.body).toEqual({ error: 'unsupported_grant_type' });
  });

  it('does not accept a refresh token as a bearer token', async () => {
    const first = await exchange({
      grant_type: 'authorization_code',
      code: await codeFor(),
      redirect_uri: REDIRECT,
    }).expect(200);
    await request(app)
      .get('/kontist/api/accounts')
      .set('Authorization', `Bearer ${first.body.refresh_token}`)
      .expect(401);
  });

  it('keeps tokens to the sandbox that issued them', async () => {
    const res = await exchange({
      grant_type: 'authorization_code',
      code: await codeFor(),
      redirect_uri: REDIRECT,
    }).expect(200);
    const other = createSandbox().app;
    await request(other)
      .get('/kontist/api/accounts')
      .set('Authorization', `Bearer ${res.body.access_token}`)
      .expect(401);
  });
});
