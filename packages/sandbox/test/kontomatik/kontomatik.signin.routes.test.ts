import request from 'supertest';
import type { Express } from 'express';
import { createSandbox } from '../../src/sandbox';
import { SIGN_IN_TTL_MS } from '../../src/kontomatik/kontomatik.sessions';
import { BASE, KEY, createClock, exceptionOf, kontomatikApp, postForm } from './kontomatik.helpers';

interface SignInReply {
  sessionId: string;
  sessionIdSignature: string;
  redirectUrl: string;
}

function signIn(app: Express, body: object): request.Test {
  return request(app).post(`${BASE}/signin/redirection`).set(KEY).send(body);
}

async function statusOf(app: Express, sessionId: string): Promise<string> {
  const res = await request(app).get(`${BASE}/signin/redirection-status`).query({ sessionId }).set(KEY).expect(200);
  expect(res.body).toEqual({ sessionId, status: expect.any(String) });
  return (res.body as { status: string }).status;
}

/** The bank page's path, as the browser would open it from `redirectUrl`. */
function bankPagePath(reply: SignInReply): string {
  return new URL(reply.redirectUrl).pathname;
}

describe('sandbox Kontomatik redirection sign-in', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox({ importMs: 0 }).app;
  });

  it('starts a sign-in with an unguessable signed session and the sandbox bank page as redirectUrl', async () => {
    const res = await signIn(app, { target: 'PlMbank', accessMode: 'SINGLE' })
      .set('Host', 'sandbox.test:4010')
      .expect(200);
    const reply = res.body as SignInReply;
    expect(Object.keys(reply).sort()).toEqual(['redirectUrl', 'sessionId', 'sessionIdSignature']);
    expect(reply.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(reply.sessionIdSignature).toMatch(/^[0-9a-f]{64}$/);
    expect(reply.redirectUrl).toBe(`http://sandbox.test:4010/kontomatik/v1/signin/bank/${reply.sessionId}`);

    const other = (await signIn(app, { target: 'PlMbank', accessMode: 'SINGLE' }).expect(200)).body as SignInReply;
    expect(other.sessionId).not.toBe(reply.sessionId);
    expect(other.sessionIdSignature).not.toBe(reply.sessionIdSignature);
  });

  it('is PENDING until the bank page approves, which sends the browser back to redirectUrl with the sessionId', async () => {
    const reply = (
      await signIn(app, {
        target: 'PlMbank',
        accessMode: 'MULTIPLE',
        ownerExternalId: 'customer-42',
        redirectUrl: 'https://app.example/kontomatik/done?step=2',
      }).expect(200)
    ).body as SignInReply;
    expect(await statusOf(app, reply.sessionId)).toBe('PENDING');

    // The end user's browser carries no API key.
    const page = await request(app).get(bankPagePath(reply)).expect(302);
    expect(page.headers.location).toBe(`https://app.example/kontomatik/done?step=2&sessionId=${reply.sessionId}`);
    expect(await statusOf(app, reply.sessionId)).toBe('COMPLETED');

    // Opening it again changes nothing.
    await request(app).get(bankPagePath(reply)).expect(302);
    expect(await statusOf(app, reply.sessionId)).toBe('COMPLETED');
  });

  it('shows a small HTML page after approving when the sign-in named no redirectUrl', async () => {
    const reply = (await signIn(app, { target: 'EsSantander', accessMode: 'SINGLE' }).expect(200)).body as SignInReply;
    const page = await request(app).get(bankPagePath(reply)).expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('Signed in at Banco Santander. You can close this page.');
    expect(await statusOf(app, reply.sessionId)).toBe('COMPLETED');
  });

  it('answers an unknown session on the bank page with 404 HTML', async () => {
    const page = await request(app).get(`${BASE}/signin/bank/0123456789abcdef0123456789abcdef`).expect(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('unknown');
  });

  it('answers the status of an unknown session with 404 SessionNotFound, and of none with 400', async () => {
    const unknown = await request(app)
      .get(`${BASE}/signin/redirection-status?sessionId=0123456789abcdef0123456789abcdef`)
      .set(KEY)
      .expect(404);
    expect(unknown.body).toEqual({ error: 'SessionNotFound', message: expect.any(String) });
    const missing = await request(app).get(`${BASE}/signin/redirection-status`).set(KEY).expect(400);
    expect(missing.body).toEqual({ error: 'InvalidRequest', message: expect.any(String) });
  });

  it('refuses a target that is not in the catalog: 400 UnknownTarget', async () => {
    const res = await signIn(app, { target: 'DeDeutscheBank', accessMode: 'SINGLE' }).expect(400);
    expect(res.body).toEqual({ error: 'UnknownTarget', message: expect.stringContaining('DeDeutscheBank') });
  });

  it.each([
    ['a mode the bank does not offer', 'EsBbva', 'MULTIPLE'],
    ['a mode that does not exist', 'PlMbank', 'FOREVER'],
  ])('refuses %s: 400 UnsupportedAccessMode', async (_case, target, accessMode) => {
    const res = await signIn(app, { target, accessMode }).expect(400);
    expect(res.body).toEqual({ error: 'UnsupportedAccessMode', message: expect.any(String) });
  });

  it.each([
    ['no target', { accessMode: 'SINGLE' }],
    ['no accessMode', { target: 'PlMbank' }],
    ['a target that is not a text', { target: 7, accessMode: 'SINGLE' }],
    [
      'a redirectUrl that is not an http(s) URL',
      { target: 'PlMbank', accessMode: 'SINGLE', redirectUrl: 'javascript:alert(1)' },
    ],
    ['a relative redirectUrl', { target: 'PlMbank', accessMode: 'SINGLE', redirectUrl: '/back' }],
  ])('refuses a request with %s: 400 InvalidRequest', async (_case, body) => {
    const res = await signIn(app, body).expect(400);
    expect(res.body).toEqual({ error: 'InvalidRequest', message: expect.any(String) });
  });

  it('refuses a body that is not JSON: 400 InvalidRequest', async () => {
    const res = await request(app)
      .post(`${BASE}/signin/redirection`)
      .set(KEY)
      .type('json')
      .send('{"target": "PlMbank",')
      .expect(400);
    expect(res.body).toEqual({ error: 'InvalidRequest', message: expect.any(String) });
  });

  it('does not let a session that is still PENDING import: 400 SessionNotSignedIn', async () => {
    const reply = (await signIn(app, { target: 'PlMbank', accessMode: 'SINGLE' }).expect(200)).body as SignInReply;
    const res = await postForm(app, '/command/default-import.xml', {
      sessionId: reply.sessionId,
      sessionIdSignature: reply.sessionIdSignature,
    }).expect(400);
    expect(exceptionOf(res).name).toBe('SessionNotSignedIn');
  });
});

describe('sandbox Kontomatik sign-in expiry', () => {
  const clock = createClock(Date.UTC(2026, 5, 30, 9, 0, 0));
  const app = kontomatikApp(0, clock);

  it('is EXPIRED when nobody approved it within 10 minutes, and the bank page no longer approves it', async () => {
    const reply = (
      await signIn(app, { target: 'PlPkoBp', accessMode: 'SINGLE', redirectUrl: 'https://app.example/back' }).expect(
        200,
      )
    ).body as SignInReply;
    clock.advance(SIGN_IN_TTL_MS);
    expect(await statusOf(app, reply.sessionId)).toBe('PENDING');
    clock.advance(1);
    expect(await statusOf(app, reply.sessionId)).toBe('EXPIRED');

    // Still back to the app, which then reads EXPIRED from redirection-status.
    const page = await request(app).get(bankPagePath(reply)).expect(302);
    expect(page.headers.location).toBe(`https://app.example/back?sessionId=${reply.sessionId}`);
    expect(await statusOf(app, reply.sessionId)).toBe('EXPIRED');

    const res = await postForm(app, '/command/default-import.xml', {
      sessionId: reply.sessionId,
      sessionIdSignature: reply.sessionIdSignature,
    }).expect(400);
    expect(exceptionOf(res).name).toBe('SessionNotSignedIn');
  });

  it('tells the browser without a redirectUrl that an expired sign-in has ended', async () => {
    const reply = (await signIn(app, { target: 'PlPkoBp', accessMode: 'SINGLE' }).expect(200)).body as SignInReply;
    clock.advance(SIGN_IN_TTL_MS + 1);
    const page = await request(app).get(bankPagePath(reply)).expect(410);
    expect(page.text).toContain('expired');
  });

  it('stays COMPLETED once approved, however long ago', async () => {
    const reply = (await signIn(app, { target: 'PlPkoBp', accessMode: 'SINGLE' }).expect(200)).body as SignInReply;
    await request(app).get(bankPagePath(reply)).expect(200);
    clock.advance(24 * 60 * 60_000);
    expect(await statusOf(app, reply.sessionId)).toBe('COMPLETED');
  });
});
