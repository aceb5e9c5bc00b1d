import request from 'supertest';
import type { Express } from 'express';
import { createSandbox } from '../src/sandbox';

describe('sandbox faults', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox().app;
  });

  function setFaults(body: object): request.Test {
    return request(app).put('/sandbox/faults').send(body);
  }

  const kontistAccounts = (): request.Test =>
    request(app).get('/kontist/api/accounts').set('Authorization', 'Bearer sandbox-alice');
  const bankimportAccounts = (): request.Test =>
    request(app).get('/bankimport/api/v1/bank-accounts').set('Authorization', 'Token token=sandbox-alice');

  it('shows no faults for any provider at first', async () => {
    const res = await request(app).get('/sandbox/faults').expect(200);
    expect(res.body).toEqual({
      faults: ['KONTIST', 'BANKIMPORT', 'KONTOMATIK'].map((provider) => ({
        provider,
        latencyMs: 0,
        errorRate: 0,
        status: 503,
        down: false,
        afterWrite: null,
      })),
    });
  });

  it('sets one provider and fills in the defaults', async () => {
    const res = await setFaults({ provider: 'BANKIMPORT', errorRate: 0.25 }).expect(200);
    expect(res.body).toEqual({
      provider: 'BANKIMPORT',
      latencyMs: 0,
      errorRate: 0.25,
      status: 503,
      down: false,
      afterWrite: null,
    });
    const shown = await request(app).get('/sandbox/faults').expect(200);
    expect(shown.body.faults[1]).toEqual(res.body);
    expect(shown.body.faults[0].errorRate).toBe(0);
  });

  it('answers every request with the status when errorRate is 1, counting it', async () => {
    await setFaults({ provider: 'KONTIST', errorRate: 1, status: 502 }).expect(200);
    for (let i = 0; i < 3; i++) {
      const res = await kontistAccounts().expect(502);
      expect(res.body).toEqual({ error: 'injected fault' });
    }
    const stats = await request(app).get('/sandbox/stats').expect(200);
    expect(stats.body.requests).toEqual([{ provider: 'KONTIST', method: 'GET', route: '/api/accounts', count: 3 }]);
  });

  it('injects faults before authentication, as a failing upstream would', async () => {
    await setFaults({ provider: 'KONTOMATIK', errorRate: 1 }).expect(200);
    await request(app).get('/kontomatik/v1/ais-catalog').expect(503);
  });

  it('never injects an error when errorRate is 0', async () => {
    await setFaults({ provider: 'KONTIST', errorRate: 0, status: 500 }).expect(200);
    for (let i = 0; i < 5; i++) {
      await kontistAccounts().expect(200);
    }
  });

  it("delays answers by latencyMs: a delayed provider's answer comes after another's asked later", async () => {
    await setFaults({ provider: 'BANKIMPORT', latencyMs: 300 }).expect(200);
    const order: string[] = [];
    const delayed = bankimportAccounts().then((res) => order.push(`bankimport ${res.status}`));
    await kontistAccounts().then((res) => order.push(`kontist ${res.status}`));
    await delayed;
    expect(order).toEqual(['kontist 200', 'bankimport 200']);
  });

  it('resets the connection without an answer when down', async () => {
    await setFaults({ provider: 'KONTIST', down: true }).expect(200);
    await expect(kontistAccounts()).rejects.toThrow(/socket hang up|ECONNRESET/);
    const stats = await request(app).get('/sandbox/stats').expect(200);
    expect(stats.body.requests).toEqual([{ provider: 'KONTIST', method: 'GET', route: '/api/accounts', count: 1 }]);
  });

  it('keeps faults to their provider and away from /sandbox', async () => {
    await setFaults({ provider: 'KONTIST', down: true }).expect(200);
    await setFaults({ provider: 'KONTOMATIK', errorRate: 1 }).expect(200);
    await bankimportAccounts().expect(200);
    await request(app).get('/sandbox/sms').expect(200);
    await request(app).get('/sandbox/stats').expect(200);
  });

  it('replaces a provider’s earlier settings and leaves the others as they are', async () => {
    await setFaults({ provider: 'KONTIST', errorRate: 1 }).expect(200);
    await setFaults({ provider: 'BANKIMPORT', errorRate: 1, status: 500 }).expect(200);
    await setFaults({ provider: 'KONTIST', latencyMs: 1 }).expect(200);
    await kontistAccounts().expect(200);
    await bankimportAccounts().expect(500);
  });

  it('clears all faults with DELETE', async () => {
    await setFaults({ provider: 'KONTIST', down: true }).expect(200);
    await setFaults({ provider: 'BANKIMPORT', errorRate: 1 }).expect(200);
    await request(app).delete('/sandbox/faults').expect(204);
    await kontistAccounts().expect(200);
    await bankimportAccounts().expect(200);
  });

  it.each([
    ['an unknown provider', { provider: 'N26' }],
    ['no provider', { errorRate: 1 }],
    ['a negative latency', { provider: 'KONTIST', latencyMs: -1 }],
    ['a fractional latency', { provider: 'KONTIST', latencyMs: 1.5 }],
    ['an errorRate over 1', { provider: 'KONTIST', errorRate: 1.5 }],
    ['an errorRate as text', { provider: 'KONTIST', errorRate: '0.5' }],
    ['a status that is not an error', { provider: 'KONTIST', status: 200 }],
    ['down as text', { provider: 'KONTIST', down: 'yes' }],
    ['an unknown field', { provider: 'KONTIST', latency: 50 }],
  ])('refuses %s with 400', async (_case, body) => {
    const res = await setFaults(body).expect(400);
    expect(res.body).toEqual({ error: expect.any(String) });
    const shown = await request(app).get('/sandbox/faults').expect(200);
    expect(
      shown.body.faults.every((fault: { errorRate: number; down: boolean }) => fault.errorRate === 0 && !fault.down),
    ).toBe(true);
  });

  it('refuses a body that is not JSON with 400', async () => {
    await request(app).put('/sandbox/faults').set('Content-Type', 'application/json').send('{oops').expect(400);
  });
});
