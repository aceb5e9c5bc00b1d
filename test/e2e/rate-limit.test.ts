import { randomUUID } from 'node:crypto';
import http from 'node:http';

import { createClient, type Client } from 'graphql-ws';
import request from 'supertest';
import WebSocket from 'ws';

import { alice, bob, startGateway, type TestGateway } from '../support/gateway';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUERY = { query: '{ __typename }' };

/** POSTs a query from a chosen local address of the loopback network (127.0.0.0/8). */
function postFrom(
  url: string,
  localAddress: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL('/graphql', url);
    const body = JSON.stringify(QUERY);
    const req = http.request(
      target,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const post = (t: TestGateway, headers: Record<string, string> = {}) =>
  request(t.url).post('/graphql').set('Content-Type', 'application/json').set(headers).send(QUERY);

describe('rate limiting in memory (RATE_LIMIT_PER_MINUTE=5)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('answers the 6th request of the same credentials within a minute with 429, Retry-After and RATE_LIMITED', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await post(t, alice)).status).toBe(200);
    }
    const limited = await post(t, alice);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(limited.body).toEqual({
      errors: [
        {
          message: `Too many requests: try again in ${retryAfter} s.`,
          extensions: { code: 'RATE_LIMITED', retryAfter, requestId: limited.headers['x-request-id'] },
        },
      ],
    });
  });

  it('counts other credentials separately', async () => {
    expect((await post(t, bob)).status).toBe(200);
  });

  it('counts requests without credentials per IP address', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await postFrom(t.url, '127.0.0.2')).status).toBe(200);
    }
    const limited = await postFrom(t.url, '127.0.0.2');
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await postFrom(t.url, '127.0.0.3')).status).toBe(200);
  });

  it('applies to GET requests too', async () => {
    const headers = { 'X-Bankimport-Token': `get-${randomUUID()}` };
    for (let i = 0; i < 5; i++) {
      await request(t.url).get('/graphql').query(QUERY).set(headers).expect(200);
    }
    await request(t.url).get('/graphql').query(QUERY).set(headers).expect(429);
  });

  it('does not limit health, readiness and metrics', async () => {
    for (let i = 0; i < 8; i++) {
      await request(t.url).get('/healthz').expect(200);
      await request(t.url).get('/readyz').expect(200);
      await request(t.url).get('/metrics').expect(200);
    }
  });

  it('does not count CORS preflights', async () => {
    for (let i = 0; i < 8; i++) {
      await request(t.url)
        .options('/graphql')
        .set('Origin', 'http://localhost:5173')
        .set('Access-Control-Request-Method', 'POST')
        .expect(204);
    }
    // The first request of this IP without credentials: the preflights before it did not count.
    expect((await post(t)).status).toBe(200);
  });
});

describe('rate limiting over the WebSocket (RATE_LIMIT_PER_MINUTE=3)', () => {
  let t: TestGateway;
  let client: Client;
  const token = `ws-${randomUUID()}`;
  beforeAll(async () => {
    t = await startGateway({ RATE_LIMIT_PER_MINUTE: '3' });
    client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { bankimportToken: token },
      retryAttempts: 0,
      lazy: false,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await t.close();
  });

  const errorsOf = (query: string) =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
    });

  it('counts each subscribe message against the credentials from connection_init, shared with HTTP', async () => {
    expect((await post(t, { 'X-Bankimport-Token': token })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect(await errorsOf('{ __typename }')).toEqual([
        expect.objectContaining({ extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }),
      ]);
    }
    const [limited] = (await errorsOf('{ __typename }')) as Array<{
      message: string;
      extensions: { retryAfter: number };
    }>;
    expect(limited).toEqual({
      message: expect.stringMatching(/^Too many requests: try again in \d+ s\.$/),
      extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number), requestId: expect.any(String) },
    });
    expect(limited!.extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect(limited!.extensions.retryAfter).toBeLessThanOrEqual(60);
    expect((await post(t, { 'X-Bankimport-Token': token })).status).toBe(429);
  });
});

describe('rate limiting off (RATE_LIMIT_PER_MINUTE=0)', () => {
  it('lets any number of requests through', async () => {
    const t = await startGateway({ RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const statuses = await Promise.all(Array.from({ length: 30 }, () => post(t, alice).then((r) => r.status)));
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await t.close();
    }
  });
});

describe('rate limiting in Redis, shared by two instances', () => {
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    a = await startGateway({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '5' });
    b = await startGateway({ REDIS_URL, RATE_LIMIT_PER_MINUTE: '5' }, {}, a);
    // Until its Redis connection is ready, an instance counts in its own memory.
    await request(a.url).get('/readyz').expect(200);
    await request(b.url).get('/readyz').expect(200);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('refuses the 6th request of the same credentials on either instance', async () => {
    // Fresh credentials for every run: their counts in the shared Redis are this run's own.
    const headers = { 'X-Bankimport-Token': `redis-${randomUUID()}` };
    for (const gateway of [a, b, a, b, a]) {
      expect((await post(gateway, headers)).status).toBe(200);
    }
    const onB = await post(b, headers);
    expect(onB.status).toBe(429);
    expect(onB.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(onB.headers['retry-after']).toBe(String(onB.body.errors[0].extensions.retryAfter));
    expect((await post(a, headers)).status).toBe(429);
    expect((await post(a, { 'X-Bankimport-Token': `redis-${randomUUID()}` })).status).toBe(200);
  });
});

describe('rate limiting while the configured Redis is unreachable', () => {
  it("keeps counting in the instance's own memory", async () => {
    const t = await startGateway({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await post(t, alice)).status);
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('a WebSocket flood of subscribe messages', () => {
  it('refuses all but the limit with RATE_LIMITED, keeps the socket and keeps serving others', async () => {
    const t = await startGateway({ RATE_LIMIT_PER_MINUTE: '50' });
    try {
      const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      const codes: string[] = [];
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () =>
          socket.send(JSON.stringify({ type: 'connection_init', payload: { bankimportToken: 'flood-token' } })),
        );
        socket.once('error', reject);
        socket.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString('utf8')) as {
            type: string;
            payload?: Array<{ extensions?: { code?: string } }>;
          };
          if (message.type === 'connection_ack') {
            for (let i = 0; i < 500; i++) {
              socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: '{ __typename }' } }));
            }
          } else if (message.type === 'error') {
            codes.push(message.payload?.[0]?.extensions?.code ?? 'none');
            if (codes.length === 500) {
              resolve();
            }
          }
        });
      });
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(450);
      expect(codes.filter((code) => code === 'BAD_REQUEST')).toHaveLength(50);
      expect(socket.readyState).toBe(WebSocket.OPEN);
      socket.close();
      const other = await t.gql<{ accounts: Array<{ id: string }> }, object>('{ accounts { id } }', {}, alice);
      expect(other.status).toBe(200);
      expect(other.body.data?.accounts.length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
