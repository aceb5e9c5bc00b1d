import request from 'supertest';

import { alice, bob, startGateway, type TestGateway } from '../support/gateway';

const QUERY = '{ accounts(filter: { provider: KONTIST }) { iban balance { decimal } } }';
const ACCOUNTS = 'KONTIST GET /api/accounts';

/** Identical reads in flight share one provider call, like Hive Gateway's deduplication. */
describe('deduplicated reads', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.clearFaults();
    await t.resetStats();
    // Slow enough that the concurrent queries overlap at the provider.
    await t.faults({ provider: 'KONTIST', latencyMs: 300 });
  });

  const metric = async () => {
    const text = (await request(t.url).get('/metrics')).text;
    const line = text.split('\n').find((l) => l.startsWith('gateway_upstream_deduplicated_total{provider="KONTIST"}'));
    return Number(line?.split(' ')[1] ?? 0);
  };

  it('makes one upstream call for 20 concurrent identical queries, and counts the 19 it saved', async () => {
    const before = await metric();
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.gql(QUERY, {}, alice)));
    expect(answers.every((a) => !a.body.errors && a.body.data)).toBe(true);
    expect(new Set(answers.map((a) => JSON.stringify(a.body.data))).size).toBe(1);
    expect((await t.stats())[ACCOUNTS]).toBe(1);
    expect((await metric()) - before).toBe(19);
  });

  it('never shares a read between different credentials', async () => {
    const [a, b] = await Promise.all([t.gql(QUERY, {}, alice), t.gql(QUERY, {}, bob)]);
    expect(a.body.data).not.toEqual(b.body.data);
    expect((await t.stats())[ACCOUNTS]).toBe(2);
  });

  it('keeps serving the others when one of the clients sharing a read hangs up', async () => {
    const hangUp = new AbortController();
    const gone = fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...alice },
      body: JSON.stringify({ query: QUERY }),
      signal: hangUp.signal,
    }).catch(() => 'gone');
    const staying = t.gql(QUERY, {}, alice).then((response) => response);
    // Hung up while the shared read is at the provider.
    while (!(await t.stats())[ACCOUNTS]) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    hangUp.abort();
    expect(await gone).toBe('gone');
    const { body } = await staying;
    expect(body.errors).toBeUndefined();
    expect((await t.stats())[ACCOUNTS]).toBe(1);
  });
});
