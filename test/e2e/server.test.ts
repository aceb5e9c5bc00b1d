import http from 'node:http';

import request from 'supertest';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

import { AccountsDocument } from '../generated/graphql';
import { alice, startGateway, type TestGateway } from '../support/gateway';

describe('the gateway server', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ MAX_BODY_BYTES: '2048' });
  });
  afterAll(() => t.close());

  it('is alive and ready without Redis', async () => {
    await request(t.url).get('/healthz').expect(200, { status: 'ok' });
    await request(t.url).get('/readyz').expect(200, { status: 'ready' });
  });

  it('exposes Prometheus metrics with upstream calls by provider and outcome', async () => {
    await t.gql(AccountsDocument, {}, alice);
    const { text, headers } = await request(t.url).get('/metrics').expect(200);
    expect(headers['content-type']).toContain('text/plain');
    expect(text).toMatch(/gateway_upstream_call_duration_seconds_count\{provider="KONTIST",outcome="ok"\} \d+/);
    expect(text).toMatch(
      /gateway_graphql_operation_duration_seconds_count\{type="query",outcome="ok",operation="[^"]+"\} \d+/,
    );
    expect(text).toContain('gateway_http_requests_total');
    expect(text).toContain('gateway_open_subscriptions');
    expect(text).not.toContain('sandbox-alice');
  });

  it('aborts its upstream calls when the client goes away', async () => {
    // Kontist would answer only after a minute; the gateway's timeout is longer still. Both
    // on fake time, which never moves here: the sockets are real, and no timer of a minute
    // outlives the test (it would hold jest's worker).
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const slow = await startGateway({ UPSTREAM_TIMEOUT_MS: '120000' });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    try {
      await slow.faults({ provider: 'KONTIST', latencyMs: 60_000 });
      const canceled = () =>
        request(slow.url)
          .get('/metrics')
          .then((r) =>
            /gateway_upstream_call_duration_seconds_count\{provider="KONTIST",outcome="provider_unavailable"\} 1/.test(
              r.text,
            ),
          );
      const body = JSON.stringify({ query: '{ accounts { id } }' });
      const client = http.request(`${slow.url}/graphql`, {
        method: 'POST',
        headers: { ...alice, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      });
      client.on('error', () => undefined);
      client.end(body);
      // The call is under way once the sandbox has counted it.
      while (!(await slow.stats())['KONTIST GET /api/accounts']) {
        await turn();
      }
      expect(await canceled()).toBe(false);
      client.destroy();
      while (!(await canceled())) {
        await turn();
      }
      const call = slow.logs.map((line) => JSON.parse(line)).find((entry) => entry.provider === 'KONTIST');
      expect(call).toMatchObject({ msg: 'upstream call', outcome: 'provider_unavailable' });
    } finally {
      // Kontist's answer, a minute away, is dropped with the fake clock.
      jest.useRealTimers();
      await slow.close();
    }
  });

  it('puts a request id on every response and on every error', async () => {
    const response = await t.gql(AccountsDocument, {});
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.errors![0]!.extensions.requestId).toBe(id);
  });

  it('serves GraphiQL to browsers, every asset from the gateway itself', async () => {
    const { text } = await request(t.url).get('/graphql').set('Accept', 'text/html').expect(200);
    expect(text).toContain('Banking Gateway');
    expect(text).not.toMatch(/<script[^>]+src=["'](https?:)?\/\//);
    expect(text).not.toMatch(/<link[^>]+href=["'](https?:)?\/\//);
    expect(text).toMatch(/<script src="\/graphql\/assets\/graphiql-[\w-]+\.js">/);
  });

  it('answers queries over GET and refuses mutations over GET with 405', async () => {
    const query = '{ banks { id } }';
    await request(t.url).get('/graphql').query({ query }).set('Apollo-Require-Preflight', 'true').expect(200);
    const mutation = 'mutation { refreshKontistToken(refreshToken: "x") { accessToken } }';
    await request(t.url).get('/graphql').query({ query: mutation }).set('Apollo-Require-Preflight', 'true').expect(405);
  });

  it('refuses a body over MAX_BODY_BYTES with 413 and keeps serving', async () => {
    const response = await request(t.url)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: `{ banks { id } } # ${'x'.repeat(4096)}` });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await t.gql(AccountsDocument, {}, alice)).body.data!.accounts).toHaveLength(3);
  });

  it('refuses malformed JSON with 400 BAD_REQUEST', async () => {
    const response = await request(t.url).post('/graphql').set('Content-Type', 'application/json').send('{"query": ');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('lets a request carrying credentials through CSRF prevention even as a simple GET', async () => {
    const response = await request(t.url)
      .get('/graphql')
      .query({ query: '{ accounts { id } }' })
      .set('X-Bankimport-Token', 'sandbox-alice');
    expect(response.status).toBe(200);
    expect(response.body.data.accounts).toHaveLength(2);
  });

  it('allows localhost origins by CORS and no others by default', async () => {
    const ok = await request(t.url)
      .options('/graphql')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'POST');
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(ok.headers['access-control-allow-headers']).toContain('X-Kontist-Authorization');
    const evil = await request(t.url)
      .options('/graphql')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('WebSocket', () => {
    const wsUrl = () => t.url.replace('http', 'ws') + '/graphql';

    it('refuses an upgrade from a foreign Origin with 403', async () => {
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', { headers: { Origin: 'https://evil.example' } });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => resolve(101));
      });
      expect(status).toBe(403);
    });

    it('answers a query sent over the socket with a BAD_REQUEST error and stays open', async () => {
      const client = createClient({ url: wsUrl(), webSocketImpl: WebSocket, retryAttempts: 0, lazy: false });
      try {
        const error = await new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: '{ banks { id } }' },
            { next: () => undefined, error: resolve, complete: () => resolve(null) },
          );
        });
        expect(error).toEqual([
          expect.objectContaining({ extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }),
        ]);
        const again = await new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: '{ providers { healthy } }' },
            { next: () => undefined, error: resolve, complete: () => resolve(null) },
          );
        });
        expect(again).toEqual([
          expect.objectContaining({ extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }),
        ]);
      } finally {
        await client.dispose();
      }
    });
  });
});

describe('readiness with Redis', () => {
  it('is ready while the configured Redis answers', async () => {
    const t = await startGateway({ REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
    try {
      await request(t.url).get('/readyz').expect(200);
    } finally {
      await t.close();
    }
  });

  it('turns 503 with a reason when the configured Redis is unreachable', async () => {
    const t = await startGateway({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const { status, body } = await request(t.url).get('/readyz');
      expect(status).toBe(503);
      expect(body).toEqual({ status: 'unavailable', reason: 'Redis is unreachable' });
    } finally {
      await t.close();
    }
  });
});

describe('a graceful shutdown', () => {
  it('finishes the request in flight and closes WebSockets with 1001 Going Away', async () => {
    const t = await startGateway();
    await t.faults({ provider: 'KONTIST', latencyMs: 300 });
    const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.once('message', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const inFlight = t.gql(AccountsDocument, {}, alice).then((response) => response);
    // The request has reached Kontist, which takes its time, when the shutdown begins.
    while (!(await t.stats())['KONTIST GET /api/accounts']) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await t.close();
    expect(await closed).toBe(1001);
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.data?.accounts.length).toBeGreaterThan(0);
  });
});
