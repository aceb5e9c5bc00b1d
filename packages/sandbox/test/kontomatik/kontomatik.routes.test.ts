import request from 'supertest';
import type { Express } from 'express';
import type { KontomatikCatalogPayload } from '../../src/kontomatik/kontomatik.wire';
import { createSandbox } from '../../src/sandbox';
import { BASE, defaultImport, exceptionOf, mockSession, postForm } from './kontomatik.helpers';

const KEY = 'sandbox-api-key';

describe('sandbox Kontomatik', () => {
  let app: Express;

  beforeAll(() => {
    app = createSandbox().app;
  });

  it('answers the health check without an API key', async () => {
    const res = await request(app).get('/kontomatik/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'UP' });
  });

  it.each([
    ['no API key', undefined],
    ['a wrong API key', 'guess'],
  ])('rejects the catalog with %s: 401 unauthorized', async (_case, key) => {
    const call = request(app).get('/kontomatik/v1/ais-catalog');
    const res = await (key ? call.set('X-Api-Key', key) : call).expect(401);
    expect(res.body).toEqual({ error: 'unauthorized' });
  });

  it('rejects unknown paths without the key before telling them apart', async () => {
    await request(app).get('/kontomatik/v1/nothing').expect(401);
    await request(app).get('/kontomatik/v1/nothing').set('X-Api-Key', KEY).expect(404);
  });

  it('lists banks in all eight countries plus the KontoBank mock bank', async () => {
    const res = await request(app).get('/kontomatik/v1/ais-catalog').set('X-Api-Key', KEY).expect(200);
    const { targets } = res.body as KontomatikCatalogPayload;
    expect(new Set(targets.map((t) => t.country))).toEqual(new Set(['PL', 'CZ', 'ES', 'PT', 'RO', 'LT', 'LV', 'EE']));
    expect(targets).toContainEqual({
      id: 'KontoBank',
      country: 'PL',
      name: expect.any(String),
      accessModes: ['SINGLE', 'MULTIPLE', 'MIXED'],
    });
    expect(targets).toContainEqual(expect.objectContaining({ id: 'PlMbank', country: 'PL' }));
    expect(targets).toContainEqual(expect.objectContaining({ id: 'EsSantander', country: 'ES' }));
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
    for (const target of targets) {
      expect(target.accessModes.length).toBeGreaterThan(0);
      expect(target.accessModes.every((mode) => ['SINGLE', 'MULTIPLE', 'MIXED'].includes(mode))).toBe(true);
    }
  });

  it('filters the catalog by country', async () => {
    const res = await request(app).get('/kontomatik/v1/ais-catalog?country=es').set('X-Api-Key', KEY).expect(200);
    const { targets } = res.body as KontomatikCatalogPayload;
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t.country === 'ES')).toBe(true);
    const none = await request(app).get('/kontomatik/v1/ais-catalog?country=DE').set('X-Api-Key', KEY).expect(200);
    expect(none.body).toEqual({ targets: [] });
  });

  it.each([
    ['POST', '/signin/redirection'],
    ['GET', '/signin/redirection-status?sessionId=0123456789abcdef0123456789abcdef'],
  ])('rejects %s %s without the key: 401 in JSON', async (method, path) => {
    const res = await request(app)[method === 'GET' ? 'get' : 'post'](`${BASE}${path}`).expect(401);
    expect(res.body).toEqual({ error: 'unauthorized' });
  });

  it.each([
    ['POST', '/mock-session.xml'],
    ['POST', '/command/default-import.xml'],
    ['GET', '/command/0123456789abcdef0123456789abcdef.xml'],
    ['POST', '/command/reuse-multiple-access.xml'],
    ['POST', '/command/delete-multiple-access.xml'],
  ])('rejects %s %s without the key: 401 Unauthorized in XML', async (method, path) => {
    for (const key of [undefined, 'guess']) {
      const call = request(app)[method === 'GET' ? 'get' : 'post'](`${BASE}${path}`);
      const res = await (key ? call.set('X-Api-Key', key) : call).expect(401);
      expect(exceptionOf(res)).toEqual({ name: 'Unauthorized', message: expect.any(String) });
    }
  });

  it('opens the bank page without the key: the end user’s browser has none', async () => {
    const signIn = await request(app)
      .post(`${BASE}/signin/redirection`)
      .set('X-Api-Key', KEY)
      .send({ target: 'PlMbank', accessMode: 'SINGLE' })
      .expect(200);
    await request(app)
      .get(new URL((signIn.body as { redirectUrl: string }).redirectUrl).pathname)
      .expect(200);
  });
});

describe('sandbox Kontomatik stats', () => {
  it('counts every route under its OpenAPI template, the command routes apart from `/command/:id.xml`', async () => {
    const app = createSandbox({ importMs: 0 }).app;
    const signIn = await request(app)
      .post(`${BASE}/signin/redirection`)
      .set('X-Api-Key', KEY)
      .send({ target: 'PlMbank', accessMode: 'MULTIPLE' })
      .expect(200);
    const { sessionId, redirectUrl } = signIn.body as { sessionId: string; redirectUrl: string };
    await request(app).get(`${BASE}/signin/redirection-status`).query({ sessionId }).set('X-Api-Key', KEY).expect(200);
    await request(app).get(new URL(redirectUrl).pathname).expect(200);
    await request(app).get(`${BASE}/signin/bank/unknown`).expect(404);

    const session = await mockSession(app);
    const first = await defaultImport(app, session);
    const second = await defaultImport(app, session);
    await request(app).get(`${BASE}/command/${first}.xml`).set('X-Api-Key', KEY).expect(200);
    await request(app).get(`${BASE}/command/${second}.xml`).set('X-Api-Key', KEY).expect(200);
    const token = /<multipleAccessToken>(\w+)</.exec(
      (await request(app).get(`${BASE}/command/${first}.xml`).set('X-Api-Key', KEY)).text,
    )![1];
    await postForm(app, '/command/reuse-multiple-access.xml', { multipleAccessToken: token }).expect(200);
    await postForm(app, '/command/delete-multiple-access.xml', { multipleAccessToken: token }).expect(200);
    await postForm(app, '/command/delete-multiple-access.xml', { multipleAccessToken: token }).expect(400);

    const stats = await request(app).get('/sandbox/stats').expect(200);
    expect(stats.body.requests).toEqual([
      { provider: 'KONTOMATIK', method: 'GET', route: '/command/:id.xml', count: 3 },
      { provider: 'KONTOMATIK', method: 'POST', route: '/command/default-import.xml', count: 2 },
      { provider: 'KONTOMATIK', method: 'POST', route: '/command/delete-multiple-access.xml', count: 2 },
      { provider: 'KONTOMATIK', method: 'POST', route: '/command/reuse-multiple-access.xml', count: 1 },
      { provider: 'KONTOMATIK', method: 'POST', route: '/mock-session.xml', count: 1 },
      { provider: 'KONTOMATIK', method: 'GET', route: '/signin/bank/:sessionId', count: 2 },
      { provider: 'KONTOMATIK', method: 'POST', route: '/signin/redirection', count: 1 },
      { provider: 'KONTOMATIK', method: 'GET', route: '/signin/redirection-status', count: 1 },
    ]);
  });
});
