import request from 'supertest';
import type { Express } from 'express';
import type { KontomatikCatalogPayload } from '../../../src/providers/kontomatik/kontomatik.payloads';
import { createSandbox } from '../../../src/sandbox/sandbox';

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
});
