import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import request from 'supertest';

import { CreateMockSessionDocument, ImportStatusChangedDocument, StartImportDocument } from '../generated/graphql';
import { alice, startGateway, type TestGateway } from '../support/gateway';
import { aliceConnection, subscribe, wsClient } from '../support/subscriptions';

/** CONTRACT.md, Operations: an access-log line per request, metrics per operation name, bounded. */
describe('access logs and metrics per operation', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ METRICS_MAX_OPERATIONS: '2', LOG_LEVEL: 'info' }, { importMs: 200 });
  });
  afterAll(() => t.close());

  const accessLinesOf = (msg: string) =>
    t.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.msg === msg);
  const accessLines = () => accessLinesOf('graphql request');

  it('writes one line per request with its id, operation, status, duration and provider calls', async () => {
    const response = await request(t.url)
      .post('/graphql')
      .set(alice)
      .set('X-Request-Id', 'req-abc-123')
      .send({ query: 'query MyKontist { accounts(filter: { provider: KONTIST }) { iban } }' });
    expect(response.body.errors).toBeUndefined();
    const line = accessLines().find((l) => l.requestId === 'req-abc-123');
    expect(line).toMatchObject({
      level: 30,
      operationName: 'MyKontist',
      operationType: 'query',
      status: 200,
      outcome: 'ok',
      providerCalls: 1,
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(JSON.stringify(line)).not.toContain('sandbox-alice');
  });

  it('logs refused requests too, with their status', async () => {
    await request(t.url).post('/graphql').set('X-Request-Id', 'req-bad-1').send({ query: '{ nope' });
    expect(accessLines().find((l) => l.requestId === 'req-bad-1')).toMatchObject({ status: 400, outcome: 'error' });
  });

  it('keeps a metrics series for the first named operations only, then counts the rest as (other)', async () => {
    for (const name of ['First', 'Second', 'Third', 'Fourth']) {
      await t.gql(`query ${name} { providers { provider } }`);
    }
    await t.gql('{ providers { provider } }');
    const text = (await request(t.url).get('/metrics')).text;
    const names = [
      ...new Set(
        [...text.matchAll(/gateway_graphql_operation_duration_seconds_count\{[^}]*operation="([^"]+)"/g)].map(
          (m) => m[1],
        ),
      ),
    ];
    expect(names.filter((n) => ['Third', 'Fourth'].includes(n!))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['(other)', '(anonymous)']));
    expect(names.filter((n) => !['(other)', '(anonymous)'].includes(n!))).toHaveLength(2);
  });

  it('logs a rate-limit refusal at info, naming the caller only by its keyed hash', async () => {
    const limited = await startGateway({ RATE_LIMIT_PER_MINUTE: '1', LOG_LEVEL: 'info' });
    try {
      await limited.gql('{ providers { provider } }', {}, alice);
      const refused = await limited.gql('{ providers { provider } }', {}, alice);
      expect(refused.status).toBe(429);
      const line = limited.logs
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'rate limited');
      expect(line).toMatchObject({ level: 30, retryAfter: expect.any(Number) });
      expect(JSON.stringify(line)).not.toContain('sandbox-alice');
    } finally {
      await limited.close();
    }
  });

  it('logs each subscription when it ends, over the WebSocket and SSE, and each refused subscribe', async () => {
    const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    const started = await t.gql(StartImportDocument, {
      input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
    });
    const id = started.body.data!.startImport.id;
    const query = print(ImportStatusChangedDocument);

    const ws = wsClient(t.url, aliceConnection);
    await subscribe(ws, query, { id }).done;
    await expect(subscribe(ws, '{ providers { provider } }').done).rejects.toThrow();
    await ws.dispose();

    const sse = createSseClient({ url: `${t.url}/graphql/stream`, headers: () => ({ ...alice }), retryAttempts: 0 });
    await new Promise<void>((resolve, reject) =>
      sse.subscribe({ query, variables: { id } }, { next: () => undefined, error: reject, complete: resolve }),
    );
    sse.dispose();

    const lines = accessLinesOf('graphql subscription');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          transport: 'WebSocket',
          operationName: 'ImportStatusChanged',
          operationType: 'subscription',
          outcome: 'completed',
        }),
        expect.objectContaining({ transport: 'WebSocket', outcome: 'refused' }),
        expect.objectContaining({ transport: '/graphql/stream', outcome: 'ended' }),
      ]),
    );
    expect(lines.every((l) => typeof l.requestId === 'string' && typeof l.durationMs === 'number')).toBe(true);
  });

  it('puts the request id on the lines its provider calls log', async () => {
    const debug = await startGateway({ LOG_LEVEL: 'debug' });
    try {
      await request(debug.url)
        .post('/graphql')
        .set(alice)
        .set('X-Request-Id', 'req-upstream-7')
        .send({ query: '{ accounts(filter: { provider: KONTIST }) { iban } }' });
      const calls = debug.logs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((l) => l.msg === 'upstream call');
      expect(calls).toEqual([expect.objectContaining({ requestId: 'req-upstream-7', provider: 'KONTIST' })]);
    } finally {
      await debug.close();
    }
  });
});
