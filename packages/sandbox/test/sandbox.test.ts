import request from 'supertest';
import { createSandbox } from '../src/sandbox';

const V21 = 'application/vnd.kontist.transactionlist.v2.1+json';

describe('createSandbox', () => {
  it('gives identical demo data on every start', async () => {
    const [one, two] = [createSandbox().app, createSandbox().app];
    for (const path of ['/bankimport/api/v1/transactions?page=2', '/bankimport/api/v1/bank-accounts.xml']) {
      const [a, b] = await Promise.all(
        [one, two].map((app) => request(app).get(path).set('Authorization', 'Token token=sandbox-alice')),
      );
      expect(a.status).toBe(200);
      expect(a.text).toBe(b.text);
    }
    const [a, b] = await Promise.all(
      [one, two].map((app) =>
        request(app)
          .get('/kontist/api/accounts/4711/transactions?page=3')
          .set('Authorization', 'Bearer sandbox-alice')
          .set('Accept', V21),
      ),
    );
    expect(a.body.results).toHaveLength(50);
    expect(a.text).toBe(b.text);
  });

  it('builds the other accounts the same whatever the size of the largest one', async () => {
    const [small, large] = [createSandbox({ transactions: 10 }).app, createSandbox().app];
    const [a, b] = await Promise.all(
      [small, large].map((app) =>
        request(app)
          .get('/bankimport/api/v1/bank-account/7856279/transactions?limit=5')
          .set('Authorization', 'Token token=sandbox-alice'),
      ),
    );
    expect(a.text).toBe(b.text);
    expect(a.body.transactions[0].id).toBe(5000000);
  });

  it('serves an account of 100000 transactions', async () => {
    const app = createSandbox({ transactions: 100_000 }).app;
    const res = await request(app)
      .get('/bankimport/api/v1/bank-account/7856278/transactions?order_by=imported_at_desc&page=100')
      .set('Authorization', 'Token token=sandbox-alice')
      .expect(200);
    expect(res.body.pagination).toEqual({
      current_page: 100,
      per_page: 1000,
      total_entries: 100_000,
      total_pages: 100,
    });
    expect(res.body.transactions).toHaveLength(1000);
    const pending = await request(app)
      .get('/bankimport/api/v1/bank-account/7856278/transactions?status=pending&limit=1')
      .set('Authorization', 'Token token=sandbox-alice')
      .expect(200);
    expect(pending.body.pagination.total_entries).toBe(2000);
  });

  it('shares no state between two sandboxes', async () => {
    const [one, two] = [createSandbox().app, createSandbox().app];
    await request(one).put('/sandbox/faults').send({ provider: 'KONTOMATIK', errorRate: 1 }).expect(200);
    await request(one).get('/kontomatik/v1/health').expect(503);
    await request(two).get('/kontomatik/v1/health').expect(200);
    const stats = await request(two).get('/sandbox/stats').expect(200);
    expect(stats.body.requests).toEqual([{ provider: 'KONTOMATIK', method: 'GET', route: '/health', count: 1 }]);
  });

  it('has an empty SMS outbox at first', async () => {
    const res = await request(createSandbox().app).get('/sandbox/sms').expect(200);
    expect(res.body).toEqual([]);
  });

  it('answers paths outside the providers with 404 JSON', async () => {
    const res = await request(createSandbox().app).get('/nowhere').expect(404);
    expect(res.body).toEqual({ error: 'not_found' });
  });

  it.each([{ transactions: -1 }, { transactions: 1.5 }, { importMs: Number.NaN }])(
    'refuses the options %p',
    (options) => {
      expect(() => createSandbox(options)).toThrow(RangeError);
    },
  );

  it('listens on 127.0.0.1, answers real HTTP and closes', async () => {
    const sandbox = createSandbox();
    const url = await sandbox.listen(0);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/kontomatik/v1/health`);
      expect(await res.json()).toEqual({ status: 'UP' });
    } finally {
      await sandbox.close();
    }
    await expect(fetch(`${url}/kontomatik/v1/health`)).rejects.toThrow();
  });

  it('closes even when never started', async () => {
    await expect(createSandbox().close()).resolves.toBeUndefined();
  });
});
