import request from 'supertest';
import type { Express } from 'express';
import type { RequestCount } from '../src/stats';
import { createSandbox } from '../src/sandbox';

describe('sandbox stats', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox().app;
  });

  async function stats(): Promise<RequestCount[]> {
    return (await request(app).get('/sandbox/stats').expect(200)).body.requests;
  }

  it('starts empty', async () => {
    expect(await stats()).toEqual([]);
  });

  it('counts requests per provider, method and route template', async () => {
    const alice = { Authorization: 'Bearer sandbox-alice' };
    await request(app).get('/kontist/api/accounts').set(alice);
    await request(app).get('/kontist/api/accounts/').set(alice);
    await request(app).get('/kontist/api/accounts/4711/transactions?page=2').set(alice);
    await request(app).get('/kontist/api/accounts/4711/transactions/900001').set(alice);
    await request(app).post('/kontist/api/oauth/token').send({});
    await request(app).get('/kontist/api/oauth/authorize');
    const token = { Authorization: 'Token token=sandbox-alice' };
    await request(app).get('/bankimport/api/v1/bank-accounts.xml').set(token);
    await request(app).get('/bankimport/api/v1/bank-accounts').set(token);
    await request(app).get('/bankimport/api/v1/bank-account/7856278').set(token);
    await request(app).get('/bankimport/api/v1/bank-account/7856278.xml').set(token);
    await request(app).get('/bankimport/api/v1/bank-account/7856278/transactions.xml?limit=1').set(token);
    await request(app).get('/bankimport/api/v1/transactions?limit=1').set(token);
    await request(app).get('/bankimport/api/v1/transaction/5000000').set(token);
    await request(app).get('/kontomatik/v1/health');
    await request(app).get('/kontomatik/v1/ais-catalog').set('X-Api-Key', 'sandbox-api-key');

    expect(await stats()).toEqual([
      { provider: 'BANKIMPORT', method: 'GET', route: '/api/v1/bank-account/:id', count: 2 },
      { provider: 'BANKIMPORT', method: 'GET', route: '/api/v1/bank-account/:id/transactions', count: 1 },
      { provider: 'BANKIMPORT', method: 'GET', route: '/api/v1/bank-accounts', count: 2 },
      { provider: 'BANKIMPORT', method: 'GET', route: '/api/v1/transaction/:id', count: 1 },
      { provider: 'BANKIMPORT', method: 'GET', route: '/api/v1/transactions', count: 1 },
      { provider: 'KONTIST', method: 'GET', route: '/api/accounts', count: 2 },
      { provider: 'KONTIST', method: 'GET', route: '/api/accounts/:id/transactions', count: 1 },
      { provider: 'KONTIST', method: 'GET', route: '/api/accounts/:id/transactions/:transactionId', count: 1 },
      { provider: 'KONTIST', method: 'GET', route: '/api/oauth/authorize', count: 1 },
      { provider: 'KONTIST', method: 'POST', route: '/api/oauth/token', count: 1 },
      { provider: 'KONTOMATIK', method: 'GET', route: '/ais-catalog', count: 1 },
      { provider: 'KONTOMATIK', method: 'GET', route: '/health', count: 1 },
    ]);
  });

  it('counts rejected requests too', async () => {
    await request(app).get('/kontist/api/accounts').expect(401);
    await request(app).get('/bankimport/api/v1/transactions').expect(401);
    await request(app).get('/kontomatik/v1/ais-catalog').expect(401);
    expect((await stats()).map((entry) => [entry.provider, entry.route, entry.count])).toEqual([
      ['BANKIMPORT', '/api/v1/transactions', 1],
      ['KONTIST', '/api/accounts', 1],
      ['KONTOMATIK', '/ais-catalog', 1],
    ]);
  });

  it('counts an unmatched path under its raw path', async () => {
    await request(app).get('/kontist/api/nothing/here').set('Authorization', 'Bearer sandbox-alice').expect(404);
    expect(await stats()).toEqual([{ provider: 'KONTIST', method: 'GET', route: '/api/nothing/here', count: 1 }]);
  });

  it('does not count the sandbox control routes or paths outside the providers', async () => {
    await request(app).get('/sandbox/sms');
    await request(app).get('/elsewhere').expect(404);
    expect(await stats()).toEqual([]);
  });

  it('resets with DELETE', async () => {
    await request(app).get('/kontomatik/v1/health');
    await request(app).delete('/sandbox/stats').expect(204);
    expect(await stats()).toEqual([]);
    await request(app).get('/kontomatik/v1/health');
    expect(await stats()).toEqual([{ provider: 'KONTOMATIK', method: 'GET', route: '/health', count: 1 }]);
  });
});
