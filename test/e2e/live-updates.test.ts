import http from 'node:http';

import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { print } from 'graphql';
import { createClient as createSseClient, type ExecutionResult } from 'graphql-sse';
import request from 'supertest';
import WebSocket from 'ws';

import { GatewayError, UnauthenticatedError } from '../../src/errors/errors';
import type { ImportEvent, ImportSnapshot } from '../../src/imports/import-snapshot';
import * as importService from '../../src/schema/import/import.service';
import { createLogger } from '../../src/ops/logger';
import { createServer, type GatewayServer } from '../../src/server';
import {
  CreateMockSessionDocument,
  ImportStatusChangedDocument,
  StartImportDocument,
  type ImportStatusChangedSubscription,
} from '../generated/graphql';
import { alice, bob, startGateway, type TestGateway } from '../support/gateway';
import { subscribe, wsClient } from '../support/subscriptions';

const WATCH = print(ImportStatusChangedDocument);
/** Over MAX_QUERY_COST (50000): the cost alone refuses it. */
const COSTLY = `subscription { transactionAdded { account {
  transactions(first: 500) { edges { node { account { transactions(first: 500) { edges { node { id } } } } } } }
} } }`;

type ImportResult = ExecutionResult<ImportStatusChangedSubscription, unknown>;

/** A Kontomatik import of a mock session: it goes QUEUED, RUNNING, COMPLETED in about `importMs`. */
async function startMockImport(t: TestGateway): Promise<string> {
  const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
  const started = await t.gql(StartImportDocument, {
    input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
  });
  expect(started.body.errors).toBeUndefined();
  return started.body.data!.startImport.id;
}

/** Everything one SSE subscription delivers until it completes (or fails). */
function sseSubscription(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  options: { singleConnection: boolean; headers?: Record<string, string> },
) {
  const client = createSseClient({
    url: `${url}/graphql/stream`,
    // A copy: in single-connection mode the client adds its stream's token to the object it is given.
    headers: { ...(options.headers ?? alice) },
    singleConnection: options.singleConnection,
    retryAttempts: 0,
  });
  const results: ImportResult[] = [];
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe<ImportStatusChangedSubscription, unknown>(
      { query, variables },
      { next: (result) => void results.push(result), error: reject, complete: resolve },
    );
  });
  done.catch(() => undefined);
  return { results, done, dispose: () => client.dispose() };
}

/** Resolves once `check` holds, asking every 20 ms (the test's timeout is the deadline). */
async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The gateway's log lines at error level or above. */
function errorLines(t: TestGateway): string[] {
  return t.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
}

/** `watchImport` replaced by an event stream that yields a RUNNING state, then throws `error`. */
function failingWatch(error: Error): () => Promise<AsyncIterableIterator<ImportEvent>> {
  const snapshot: ImportSnapshot = {
    provider: 'KONTOMATIK',
    id: 'x',
    providerImportId: 'x',
    status: 'RUNNING',
    startedAt: new Date().toISOString(),
    estimatedFinishAt: null,
    finishedAt: null,
    error: null,
    accountId: null,
    ownerKey: null,
    baseline: null,
  };
  return async () => {
    let sent = false;
    const events: AsyncIterableIterator<ImportEvent> = {
      async next() {
        if (sent) {
          throw error;
        }
        sent = true;
        return { done: false, value: { kind: 'snapshot', snapshot } };
      },
      async return() {
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return events;
      },
    };
    return events;
  };
}

describe('subscriptions over Server-Sent Events (/graphql/stream)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // Long enough that a stream opened after the start sees the import before it ends,
    // on a machine as busy as CI's.
    t = await startGateway({ IMPORT_POLL_MS: '100', IMPORT_POLL_MAX_MS: '200' }, { importMs: 1000 });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['distinct connections', false],
    ['a single connection', true],
  ])('follows an import to COMPLETED over %s, then completes', async (_mode, singleConnection) => {
    const id = await startMockImport(t);
    const watch = sseSubscription(t.url, WATCH, { id }, { singleConnection });
    await watch.done;
    await watch.dispose();
    const statuses = watch.results.map((result) => result.data!.importStatusChanged.status);
    expect(statuses[0]).toMatch(/^(QUEUED|RUNNING)$/);
    expect(statuses.at(-1)).toBe('COMPLETED');
    expect(watch.results.at(-1)!.data!.importStatusChanged.accounts.length).toBeGreaterThanOrEqual(2);
    expect(watch.results.every((result) => result.errors === undefined)).toBe(true);
  });

  it('refuses a query with BAD_REQUEST for that operation, with the request id', async () => {
    const watch = sseSubscription(t.url, '{ banks { id } }', {}, { singleConnection: false });
    await watch.done;
    expect(watch.results).toEqual([
      {
        errors: [
          {
            message: 'Only subscriptions go over /graphql/stream; send queries and mutations to POST /graphql.',
            extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) },
          },
        ],
      },
    ]);
  });

  it('refuses a subscription over the query limits with QUERY_TOO_COMPLEX, in both modes', async () => {
    for (const singleConnection of [false, true]) {
      const watch = sseSubscription(t.url, COSTLY, {}, { singleConnection });
      await watch.done;
      await watch.dispose();
      expect(watch.results).toEqual([
        {
          errors: [
            expect.objectContaining({
              extensions: expect.objectContaining({
                code: 'QUERY_TOO_COMPLEX',
                limit: 'cost',
                requestId: expect.any(String),
              }),
            }),
          ],
        },
      ]);
    }
  });

  it('gives each operation the X-Request-Id it was sent with', async () => {
    const response = await request(t.url)
      .post('/graphql/stream')
      .set('Accept', 'text/event-stream')
      .set('X-Request-Id', 'sse-request-0001')
      .send({ query: '{ banks { id } }' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(response.headers['x-request-id']).toBe('sse-request-0001');
    expect(response.text).toContain('"requestId":"sse-request-0001"');
    expect(response.text).toMatch(/event: complete\n/);
  });

  it('refuses a disallowed Origin with 403 before anything runs, and answers an allowed one’s preflight', async () => {
    await t.resetStats();
    const refused = await request(t.url)
      .post('/graphql/stream')
      .set('Origin', 'https://evil.example')
      .set('Accept', 'text/event-stream')
      .set(alice)
      .send({ query: WATCH, variables: { id: 'x' } });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions).toEqual({
      code: 'BAD_REQUEST',
      requestId: refused.headers['x-request-id'],
    });
    expect(await t.stats()).toEqual({});

    const evilPreflight = await request(t.url)
      .options('/graphql/stream')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'PUT');
    expect(evilPreflight.status).toBe(403);

    const preflight = await request(t.url)
      .options('/graphql/stream')
      .set('Origin', 'http://localhost:5173')
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'x-kontist-authorization,x-graphql-event-stream-token');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(preflight.headers['access-control-allow-methods']).toContain('PUT');
    expect(preflight.headers['access-control-allow-headers']).toContain('X-Kontist-Authorization');
    expect(preflight.headers['access-control-allow-headers']).toContain('x-graphql-event-stream-token');
  });

  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const response = await request(t.url)
      .post('/graphql/stream')
      .set('Accept', 'text/event-stream')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ query: `subscription { __typename } # ${'x'.repeat(1_100_000)}` }));
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions).toEqual({
      code: 'BAD_REQUEST',
      requestId: response.headers['x-request-id'],
    });
  });

  it('binds a reserved stream to the credentials that reserved it', async () => {
    const reserved = await request(t.url).put('/graphql/stream').set(alice);
    expect(reserved.status).toBe(201);
    const token = reserved.text;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const foreign = await request(t.url)
      .post('/graphql/stream')
      .set(bob)
      .set('X-GraphQL-Event-Stream-Token', token)
      .send({ query: WATCH, variables: { id: 'x' }, extensions: { operationId: '1' } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const unknown = await request(t.url)
      .post('/graphql/stream')
      .set(alice)
      .set('X-GraphQL-Event-Stream-Token', 'no-such-token')
      .send({ query: WATCH, variables: { id: 'x' }, extensions: { operationId: '1' } });
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['distinct connections', false],
    ['a single connection', true],
  ])(
    'delivers what the event stream throws as an error of the operation, then ends (%s)',
    async (_mode, singleConnection) => {
      jest.spyOn(importService, 'watchImport').mockImplementation(failingWatch(new UnauthenticatedError('BANKIMPORT')));
      const watch = sseSubscription(t.url, WATCH, { id: 'x' }, { singleConnection });
      await watch.done;
      await watch.dispose();
      expect(watch.results).toHaveLength(2);
      expect(watch.results[0]!.data!.importStatusChanged.status).toBe('RUNNING');
      expect(watch.results[1]).toEqual({
        errors: [
          {
            message: 'Missing or rejected credentials for BANKIMPORT.',
            extensions: { code: 'UNAUTHENTICATED', provider: 'BANKIMPORT', requestId: expect.any(String) },
          },
        ],
      });
    },
  );

  it('masks a bug the event stream throws, and logs it under the request id', async () => {
    jest.spyOn(importService, 'watchImport').mockImplementation(failingWatch(new TypeError('internal-7f3a')));
    const watch = sseSubscription(t.url, WATCH, { id: 'x' }, { singleConnection: false });
    await watch.done;
    const failed = watch.results.at(-1)!;
    expect(failed).toEqual({
      errors: [
        {
          message: 'Internal server error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
        },
      ],
    });
    expect(JSON.stringify(watch.results)).not.toContain('internal-7f3a');
    const requestId = (failed.errors![0]!.extensions as { requestId: string }).requestId;
    const logged = t.logs
      .map((line) => JSON.parse(line) as { requestId?: string; err?: { message?: string } })
      .find((entry) => entry.requestId === requestId && entry.err);
    expect(logged?.err?.message).toBe('internal-7f3a');
  });
});

describe('SSE and the rate limit (RATE_LIMIT_PER_MINUTE=2)', () => {
  it('counts each request to /graphql/stream and refuses the third with 429 RATE_LIMITED', async () => {
    const t = await startGateway({ RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const headers = { 'X-Bankimport-Token': `sse-${Date.now()}` };
      const send = () =>
        request(t.url)
          .post('/graphql/stream')
          .set('Accept', 'text/event-stream')
          .set(headers)
          .send({ query: '{ banks { id } }' });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const limited = await send();
      expect(limited.status).toBe(429);
      expect(limited.body.errors[0].extensions).toMatchObject({
        code: 'RATE_LIMITED',
        requestId: limited.headers['x-request-id'],
      });
    } finally {
      await t.close();
    }
  });
});

describe('subscriptions over multipart HTTP (POST /graphql)', () => {
  let t: TestGateway;
  /** The same gateway's configuration, with heartbeats every 50 ms. */
  let fast: GatewayServer;
  let fastUrl: string;
  beforeAll(async () => {
    t = await startGateway({ IMPORT_POLL_MS: '100', IMPORT_POLL_MAX_MS: '200' }, { importMs: 300 });
    fast = await createServer(t.gateway.config, { logger: createLogger('silent'), multipartHeartbeatMs: 50 });
    fastUrl = await fast.listen(0);
  });
  afterAll(async () => {
    await fast.stop();
    await t.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const ACCEPT = 'multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json';

  /** POSTs and reads the whole response body as it came. */
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: ACCEPT, ...headers },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  it('streams an import to COMPLETED in Apollo’s exact framing, with heartbeats, then the closing delimiter', async () => {
    const id = await startMockImport(t);
    const response = await post(fastUrl, { query: WATCH, variables: { id } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    expect(response.text.startsWith('\r\n--graphql\r\n')).toBe(true);
    expect(response.text.endsWith('\r\n--graphql--\r\n')).toBe(true);
    const parts = response.text.slice('\r\n--graphql'.length, -'\r\n--graphql--\r\n'.length).split('\r\n--graphql');
    const bodies = parts.map((part) => {
      expect(part.startsWith('\r\nContent-Type: application/json\r\n\r\n')).toBe(true);
      return JSON.parse(part.slice('\r\nContent-Type: application/json\r\n\r\n'.length)) as {
        payload?: ImportResult;
      };
    });
    const heartbeats = bodies.filter((body) => Object.keys(body).length === 0);
    const payloads = bodies.filter((body) => body.payload).map((body) => body.payload!);
    expect(heartbeats.length).toBeGreaterThanOrEqual(1);
    expect(heartbeats.length + payloads.length).toBe(bodies.length);
    expect(payloads.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
    expect(payloads.every((payload) => payload.errors === undefined)).toBe(true);
  });

  it('accepts the Accept header with the spec version quoted, as Apollo’s docs write it', async () => {
    jest.spyOn(importService, 'watchImport').mockImplementation(failingWatch(new UnauthenticatedError('BANKIMPORT')));
    const response = await post(
      t.url,
      { query: WATCH, variables: { id: 'x' } },
      {
        Accept: 'multipart/mixed;subscriptionSpec="1.0", application/json',
      },
    );
    expect(response.headers['content-type']).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
  });

  it('delivers what the event stream throws as the last payload’s errors, with the request id, then ends', async () => {
    jest.spyOn(importService, 'watchImport').mockImplementation(failingWatch(new UnauthenticatedError('BANKIMPORT')));
    const response = await post(t.url, { query: WATCH, variables: { id: 'x' } }, { 'X-Request-Id': 'multipart-0001' });
    expect(response.status).toBe(200);
    const parts = response.text.split('\r\n--graphql').slice(1, -1);
    const last = JSON.parse(parts.at(-1)!.split('\r\n\r\n')[1]!) as { payload: ImportResult };
    expect(last).toEqual({
      payload: {
        errors: [
          {
            message: 'Missing or rejected credentials for BANKIMPORT.',
            extensions: { code: 'UNAUTHENTICATED', provider: 'BANKIMPORT', requestId: 'multipart-0001' },
          },
        ],
      },
    });
    expect(response.text.endsWith('\r\n--graphql--\r\n')).toBe(true);
  });

  it('refuses a subscription over the query limits with a 400 QUERY_TOO_COMPLEX answer in JSON', async () => {
    const response = await post(t.url, { query: COSTLY });
    expect(response.status).toBe(400);
    const body = JSON.parse(response.text) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      requestId: response.headers['x-request-id'],
    });
  });

  it('serves a query sent with the multipart Accept as any other query', async () => {
    const response = await post(t.url, { query: '{ banks { id } }' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).data.banks.length).toBeGreaterThan(0);
  });

  it.each([
    [
      'POSTed without the multipart Accept',
      () =>
        request(t.url)
          .post('/graphql')
          .set('Accept', 'application/json')
          .send({ query: WATCH, variables: { id: 'x' } }),
    ],
    [
      'sent over GET',
      () =>
        request(t.url)
          .get('/graphql')
          .set('Apollo-Require-Preflight', '1')
          .query({ query: WATCH, variables: JSON.stringify({ id: 'x' }) }),
    ],
  ])('answers a subscription %s with 400 BAD_REQUEST naming the WebSocket and SSE endpoints', async (_how, send) => {
    const logged = errorLines(t).length;
    const response = await send();
    expect(response.status).toBe(400);
    const host = new URL(t.url).host;
    expect(response.body.errors).toEqual([
      {
        message: expect.stringContaining(`ws://${host}/graphql (protocol graphql-transport-ws`),
        extensions: { code: 'BAD_REQUEST', requestId: response.headers['x-request-id'] },
      },
    ]);
    expect(response.body.errors[0].message).toContain(`http://${host}/graphql/stream`);
    expect(errorLines(t).slice(logged)).toEqual([]);
  });
});

describe('multipart subscriptions with Apollo Client’s HttpLink', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ IMPORT_POLL_MS: '100', IMPORT_POLL_MAX_MS: '200' }, { importMs: 300 });
  });
  afterAll(() => t.close());

  it('follows an import to COMPLETED, then completes', async () => {
    const id = await startMockImport(t);
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${t.url}/graphql`, headers: alice }),
      cache: new InMemoryCache(),
    });
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      client.subscribe({ query: ImportStatusChangedDocument, variables: { id } }).subscribe({
        next: (result) => {
          if (result.error) {
            reject(result.error);
          } else {
            statuses.push(result.data!.importStatusChanged.status);
          }
        },
        error: reject,
        complete: resolve,
      });
    });
    client.stop();
    expect(statuses.at(-1)).toBe('COMPLETED');
  });
});

describe('the WebSocket', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('puts a request id on its refusals (BAD_REQUEST for a query, QUERY_TOO_COMPLEX)', async () => {
    const client = wsClient(t.url);
    try {
      const errorsOf = (query: string) =>
        new Promise<unknown>((resolve) => {
          client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
        });
      expect(await errorsOf('{ banks { id } }')).toEqual([
        {
          message: 'Only subscriptions go over the WebSocket; send queries and mutations to POST /graphql.',
          extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) },
        },
      ]);
      expect(await errorsOf(COSTLY)).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', requestId: expect.any(String) }),
        }),
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('reports what the event stream throws as the operation’s error, masked where it is a bug', async () => {
    jest.spyOn(importService, 'watchImport').mockImplementation(failingWatch(new GatewayError('NOT_FOUND', 'Gone.')));
    const client = wsClient(t.url);
    try {
      const watch = subscribe(client, WATCH, { id: 'x' });
      await expect(watch.done).rejects.toThrow(/"code":"NOT_FOUND","requestId":"[0-9a-f-]{36}"/);
      jest.spyOn(importService, 'watchImport').mockImplementation(failingWatch(new TypeError('internal-7f3a')));
      const masked = subscribe(client, WATCH, { id: 'x' });
      await expect(masked.done).rejects.toThrow(
        /"message":"Internal server error.","extensions":\{"code":"INTERNAL_SERVER_ERROR","requestId"/,
      );
    } finally {
      await client.dispose();
    }
  });

  it('closes the socket with 1009 for a 70 KB message, printing nothing to stderr', async () => {
    const stderr = jest.spyOn(process.stderr, 'write');
    const consoleError = jest.spyOn(console, 'error');
    const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.once('message', () => resolve());
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `subscription { __typename } # ${'x'.repeat(70 * 1024)}` },
      }),
    );
    expect(await closed).toBe(1009);
    // ws reports the refused frame a tick later: give it the time to print, if it would.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    const other = wsClient(t.url);
    await expect(subscribe(other, '{ __typename }').done).rejects.toThrow(/BAD_REQUEST/);
    await other.dispose();
  });
});

describe('the open subscriptions gauge', () => {
  it('counts SSE and multipart subscriptions while they last', async () => {
    // An import that takes a minute: its watchers stay open until they leave.
    const t = await startGateway({}, { importMs: 60_000 });
    try {
      const id = await startMockImport(t);
      const gauge = async () =>
        Number(/^gateway_open_subscriptions (\d+)$/m.exec((await request(t.url).get('/metrics')).text)![1]);
      const before = await gauge();
      const sse = createSseClient({ url: `${t.url}/graphql/stream`, headers: { ...alice }, retryAttempts: 0 });
      sse.subscribe(
        { query: WATCH, variables: { id } },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
      const multipart = http.request(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'multipart/mixed;subscriptionSpec=1.0', ...alice },
      });
      multipart.on('error', () => undefined);
      multipart.end(JSON.stringify({ query: WATCH, variables: { id } }));
      await until(async () => (await gauge()) === before + 2);
      await sse.dispose();
      multipart.destroy();
      await until(async () => (await gauge()) === before);
    } finally {
      await t.close();
    }
  });
});

describe('a graceful shutdown with streams open', () => {
  it('ends SSE and multipart streams when the server stops', async () => {
    // An import that takes a minute: its watchers stay open until the server stops.
    const t = await startGateway({}, { importMs: 60_000 });
    const id = await startMockImport(t);
    const sse = createSseClient({ url: `${t.url}/graphql/stream`, headers: { ...alice }, retryAttempts: 0 });
    const sseEnded = new Promise<string>((resolve) => {
      sse.subscribe(
        { query: WATCH, variables: { id } },
        { next: () => undefined, error: () => resolve('error'), complete: () => resolve('complete') },
      );
    });
    const multipart = new Promise<string>((resolve, reject) => {
      const req = http.request(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'multipart/mixed;subscriptionSpec=1.0', ...alice },
      });
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query: WATCH, variables: { id } }));
    });
    const gauge = async () =>
      Number(/^gateway_open_subscriptions (\d+)$/m.exec((await request(t.url).get('/metrics')).text)![1]);
    await until(async () => (await gauge()) === 2);
    await t.close();
    // Ended by the shutdown itself: a drain that ran out of time would cut them off instead,
    // without SSE's `complete` or multipart's closing delimiter.
    expect(await sseEnded).toBe('complete');
    expect((await multipart).endsWith('\r\n--graphql--\r\n')).toBe(true);
    await sse.dispose();
  });
});

describe('streams and the HTTP server’s request timeout', () => {
  it('outlive it: the timeout is for receiving a request, not for answering', async () => {
    const t = await startGateway({}, { importMs: 60_000 });
    const gateway = await createServer(t.gateway.config, {
      logger: createLogger('silent'),
      httpTimeouts: { headersMs: 200, requestMs: 200, checkEveryMs: 50 },
    });
    const url = await gateway.listen(0);
    try {
      const id = await startMockImport(t);
      const sse = createSseClient({ url: `${url}/graphql/stream`, headers: { ...alice }, retryAttempts: 0 });
      const sseOutcome: string[] = [];
      const sseEnded = new Promise<void>((resolve) => {
        sse.subscribe(
          { query: WATCH, variables: { id } },
          {
            next: () => void sseOutcome.push('next'),
            error: () => resolve(void sseOutcome.push('error')),
            complete: () => resolve(void sseOutcome.push('complete')),
          },
        );
      });
      let multipartText = '';
      let multipartEnded = false;
      const req = http.request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'multipart/mixed;subscriptionSpec=1.0', ...alice },
      });
      req.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (multipartText += chunk));
        res.on('close', () => (multipartEnded = true));
      });
      req.end(JSON.stringify({ query: WATCH, variables: { id } }));
      // Well past requestMs and the next check after it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sseOutcome).toEqual(['next']);
      expect(multipartEnded).toBe(false);
      expect(multipartText).toContain('"status":"');
      await gateway.stop();
      await sseEnded;
      expect(sseOutcome).toEqual(['next', 'complete']);
      await sse.dispose();
    } finally {
      await gateway.stop();
      await t.close();
    }
  });
});
