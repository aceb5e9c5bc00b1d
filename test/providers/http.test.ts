import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxiosError } from 'axios';

import { GatewayError, NotFoundError } from '../../src/errors/errors';
import { createLogger } from '../../src/ops/logger';
import { createMetrics, type Metrics } from '../../src/ops/metrics';
import {
  createUpstream,
  parseJson,
  toUpstreamError,
  type Upstream,
  type UpstreamOptions,
} from '../../src/providers/http';
import { bankimport } from '../../src/providers/bankimport/bankimport.descriptor';
import { kontomatik } from '../../src/providers/kontomatik/kontomatik.descriptor';

const PREFIX = 'BANKIMPORT refused the request: ';

/** The error `fn` throws or rejects with, for assertions on its fields. */
async function caught(fn: () => unknown): Promise<GatewayError> {
  try {
    await fn();
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected a failure');
}

describe('toUpstreamError', () => {
  const httpFault = (status: number, body = '') =>
    toUpstreamError('BANKIMPORT', { status, body }, undefined, bankimport);

  it('maps 401 to UNAUTHENTICATED naming the provider', () => {
    const error = toUpstreamError('KONTIST', { status: 401, body: '{"error":"invalid_token"}' });
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', provider: 'KONTIST' });
  });

  it('maps 404 to NOT_FOUND', () => {
    const error = httpFault(404, '{"error":"not found"}');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.extensions.code).toBe('NOT_FOUND');
  });

  it.each([500, 502, 503, 504])('maps %i to PROVIDER_UNAVAILABLE naming the provider', (status) => {
    const error = httpFault(status, '<html>Bad Gateway</html>');
    expect(error.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'BANKIMPORT' });
    expect(error.message).toContain(String(status));
  });

  it("maps a 400 to PROVIDER_ERROR with the status and the provider's reason", () => {
    const error = toUpstreamError('KONTIST', { status: 400, body: '{"error":"invalid_grant"}' });
    expect(error.extensions).toEqual({
      code: 'PROVIDER_ERROR',
      provider: 'KONTIST',
      status: 400,
      reason: 'INVALID_GRANT',
    });
    expect(error.message).toBe('KONTIST refused the request: invalid_grant');
  });

  it.each([
    ['{"error":"hbci_login_failed","message":"wrong PIN"}', 'HBCI_LOGIN_FAILED'],
    ['<reply><exception name="SessionNotSignedIn">sign in first</exception></reply>', 'SESSION_NOT_SIGNED_IN'],
    ['<reply><exception name="InvalidSessionSignature"/></reply>', 'INVALID_SESSION_SIGNATURE'],
    [
      '{"error":"insufficient_funds","message":"The account balance does not cover this payment."}',
      'INSUFFICIENT_FUNDS',
    ],
  ])('names the refusal in %s with a stable UPPER_SNAKE reason, %s', (body, reason) => {
    expect(toUpstreamError('KONTOMATIK', { status: 422, body }, undefined, kontomatik).extensions.reason).toBe(reason);
  });

  it("takes a bank's own code where its name would not do, and none from a body that names nothing", () => {
    const revoked = '<reply><exception name="MultipleAccessRevoked">revoked</exception></reply>';
    expect(
      toUpstreamError('KONTOMATIK', { status: 400, body: revoked }, undefined, {
        reasons: { MultipleAccessRevoked: 'CONSENT_REVOKED' },
        refusal: kontomatik.refusal,
      }).extensions.reason,
    ).toBe('CONSENT_REVOKED');
    expect(
      toUpstreamError('KONTIST', { status: 400, body: '{"message":"bad things"}' }).extensions.reason,
    ).toBeUndefined();
    expect(
      toUpstreamError('KONTIST', { status: 400, body: '{"error":"not a <code>"}' }).extensions.reason,
    ).toBeUndefined();
  });

  it('takes the reason from a JSON message field', () => {
    expect(httpFault(422, '{"message":"limit exceeded"}').message).toBe(`${PREFIX}limit exceeded`);
  });

  it('takes the reason from an XML error element', () => {
    const error = httpFault(
      422,
      '<?xml version="1.0" encoding="UTF-8"?>\n<error>purpose must have at least 3 characters</error>',
    );
    expect(error.extensions).toEqual({ code: 'PROVIDER_ERROR', provider: 'BANKIMPORT', status: 422 });
    expect(error.message).toBe(`${PREFIX}purpose must have at least 3 characters`);
  });

  it('names the status where the body gives no reason', () => {
    expect(httpFault(409, '').message).toBe(`${PREFIX}HTTP 409`);
    expect(httpFault(400, '{"error":42}').message).toBe(`${PREFIX}HTTP 400`);
    expect(httpFault(400, 'null').message).toBe(`${PREFIX}HTTP 400`);
  });

  it('replaces control characters in the reason', () => {
    const error = httpFault(400, JSON.stringify({ error: 'bad\u0000request\u001b[31m\r\nInjected: yes\u0007' }));
    expect(error.message).toBe(`${PREFIX}bad request [31m  Injected: yes`);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it('caps a long JSON reason at 200 characters', () => {
    const error = httpFault(400, JSON.stringify({ error: `${'x'.repeat(300)}END` }));
    expect(error.message).toBe(PREFIX + 'x'.repeat(200));
  });

  it('caps a long XML reason at 200 characters', () => {
    const error = httpFault(400, `<error>${'y'.repeat(450)}</error>`);
    expect(error.message).toBe(PREFIX + 'y'.repeat(200));
  });

  it('maps a timeout to PROVIDER_UNAVAILABLE naming the time waited', () => {
    const error = toUpstreamError('KONTOMATIK', new Error('aborted'), 100);
    expect(error.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'KONTOMATIK' });
    expect(error.message).toContain('100 ms');
  });

  it('maps a refused connection to PROVIDER_UNAVAILABLE', () => {
    const error = toUpstreamError('KONTIST', new AxiosError('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'));
    expect(error.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'KONTIST' });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('maps an oversized answer to PROVIDER_ERROR', () => {
    const error = toUpstreamError(
      'KONTIST',
      new AxiosError('maxContentLength size of 20971520 exceeded', 'ERR_BAD_RESPONSE'),
    );
    expect(error.extensions.code).toBe('PROVIDER_ERROR');
  });

  it('passes a contract error through as it is', () => {
    const original = new NotFoundError('No such account.');
    expect(toUpstreamError('KONTIST', original)).toBe(original);
  });
});

describe('parseJson', () => {
  it('keeps decimals as their literal text', () => {
    expect(parseJson('{"balance": 24323.49, "other": -5323.21, "cents": 2.50}')).toEqual({
      balance: '24323.49',
      other: '-5323.21',
      cents: '2.50',
    });
  });

  it('gives integers as numbers', () => {
    expect(parseJson('{"id": 7856278, "amount": -50433, "zero": 0, "list": [1, 2]}')).toEqual({
      id: 7856278,
      amount: -50433,
      zero: 0,
      list: [1, 2],
    });
  });

  it('keeps integers beyond 2^53 and exponents as text', () => {
    expect(parseJson('[9007199254740993, 1e5, 9007199254740991]')).toEqual([
      '9007199254740993',
      '1e5',
      9007199254740991,
    ]);
  });

  it('keeps strings, booleans and null', () => {
    expect(parseJson('{"a": "760", "b": true, "c": null}')).toEqual({ a: '760', b: true, c: null });
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseJson('<error>no</error>')).toThrow();
    expect(() => parseJson('{"a": 1')).toThrow();
  });
});

/** A tiny provider on 127.0.0.1 that counts hits and connections. */
interface FakeProvider {
  url: string;
  hits: (path: string) => number;
  connections: () => number;
  /** Resolves when the next request for `path` has arrived. */
  arrival: (path: string) => Promise<void>;
  close: () => Promise<void>;
}

async function startFakeProvider(): Promise<FakeProvider> {
  const hits = new Map<string, number>();
  const waiting = new Map<string, Array<() => void>>();
  const held = new Set<http.ServerResponse>();
  let connections = 0;

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    for (const resolve of waiting.get(path) ?? []) {
      resolve();
    }
    waiting.delete(path);
    switch (path) {
      case '/accounts':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": 7856278, "balance": 24323.49}');
        return;
      case '/echo':
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ url: req.url, authorization: req.headers.authorization, method: req.method }));
        return;
      case '/unauthorized':
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_token"}');
        return;
      case '/missing':
        res.writeHead(404).end();
        return;
      case '/refused':
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      case '/unavailable':
        res.writeHead(503).end('Service Unavailable');
        return;
      case '/flaky':
        // Every other call fails: a retry gets through.
        if ((hits.get(path) as number) % 2 === 1) {
          res.writeHead(503).end('Service Unavailable');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
        }
        return;
      case '/busy':
        if ((hits.get(path) as number) % 2 === 1) {
          res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"error":"slow_down"}');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok": true}');
        }
        return;
      case '/later':
        res.writeHead(503, { 'retry-after': '60' }).end('Service Unavailable');
        return;
      case '/garbage':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": 1');
        return;
      case '/huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = 'x'.repeat(1024 * 1024);
        let sent = 0;
        const write = () => {
          while (sent < 21) {
            sent += 1;
            if (!res.write(chunk)) {
              res.once('drain', write);
              return;
            }
          }
          res.end();
        };
        res.on('error', () => undefined);
        write();
        return;
      }
      case '/slow':
        // Held until the test server closes: longer than any timeout under test.
        held.add(res);
        return;
      default:
        res.writeHead(404).end();
    }
  });
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    hits: (path) => hits.get(path) ?? 0,
    connections: () => connections,
    arrival: (path) =>
      new Promise<void>((resolve) => {
        waiting.set(path, [...(waiting.get(path) ?? []), resolve]);
      }),
    close: async () => {
      for (const res of held) {
        res.destroy();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('createUpstream against a real HTTP server', () => {
  let provider: FakeProvider;
  let metrics: Metrics;
  const upstreams: Upstream[] = [];

  const anUpstream = (overrides: Partial<UpstreamOptions> = {}): Upstream => {
    const upstream = createUpstream({
      provider: 'BANKIMPORT',
      baseURL: provider.url,
      timeoutMs: 2000,
      metrics,
      logger: createLogger('silent'),
      circuitFailures: 5,
      circuitHalfOpenMs: 60_000,
      // One attempt: each test below counts calls; the retry tests turn retries on.
      retries: 0,
      ...overrides,
    });
    upstreams.push(upstream);
    return upstream;
  };

  const get = (upstream: Upstream, path: string, signal?: AbortSignal) =>
    upstream.request({ method: 'GET', path, signal, parse: (body) => parseJson(body) });

  beforeAll(async () => {
    provider = await startFakeProvider();
  });

  beforeEach(() => {
    metrics = createMetrics();
  });

  afterEach(() => {
    jest.useRealTimers();
    for (const upstream of upstreams.splice(0)) {
      upstream.close();
    }
  });

  afterAll(async () => {
    await provider.close();
  });

  it("parses the answer with the request's own parser, decimals exact", async () => {
    const upstream = anUpstream();
    await expect(get(upstream, '/accounts')).resolves.toEqual({ id: 7856278, balance: '24323.49' });
  });

  it('sends the method, query parameters and headers it is given', async () => {
    const upstream = anUpstream();
    const answer = await upstream.request({
      method: 'GET',
      path: '/echo',
      params: { page: 2, purpose: 'Miete & Co', skipped: undefined },
      headers: { Authorization: 'Token token=sandbox-alice' },
      parse: (body) => parseJson(body),
    });
    expect(answer).toEqual({
      url: '/echo?page=2&purpose=Miete+%26+Co',
      authorization: 'Token token=sandbox-alice',
      method: 'GET',
    });
  });

  it('keeps the connection alive between calls', async () => {
    const upstream = anUpstream();
    const before = provider.connections();
    for (let i = 0; i < 4; i += 1) {
      await get(upstream, '/accounts');
    }
    expect(provider.connections() - before).toBe(1);
  });

  it('maps a 401 to UNAUTHENTICATED naming the provider', async () => {
    const error = await caught(() => get(anUpstream(), '/unauthorized'));
    expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED', provider: 'BANKIMPORT' });
  });

  it('maps a 404 to NOT_FOUND', async () => {
    const error = await caught(() => get(anUpstream(), '/missing'));
    expect(error.extensions.code).toBe('NOT_FOUND');
  });

  it("maps a 400 to PROVIDER_ERROR with the provider's reason, and stays healthy", async () => {
    const upstream = anUpstream();
    const error = await caught(() => get(upstream, '/refused'));
    expect(error.extensions).toEqual({
      code: 'PROVIDER_ERROR',
      provider: 'BANKIMPORT',
      status: 400,
      reason: 'INVALID_GRANT',
    });
    expect(error.message).toBe(`${PREFIX}invalid_grant`);
    expect(upstream.healthy()).toBe(true);
  });

  it('maps an unreadable answer to PROVIDER_ERROR', async () => {
    const error = await caught(() => get(anUpstream(), '/garbage'));
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'BANKIMPORT', status: 200 });
    expect(error.message).toContain('unreadable answer');
  });

  it('gives up on a provider slower than timeoutMs with PROVIDER_UNAVAILABLE', async () => {
    const upstream = anUpstream({ timeoutMs: 100 });
    const error = await caught(() => get(upstream, '/slow'));
    expect(error.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'BANKIMPORT' });
    // Its own deadline: /slow never answers.
    expect(error.message).toMatch(/no answer within 100 ms/);
    expect(upstream.healthy()).toBe(false);
  });

  it('is unhealthy after an unavailable answer and healthy again after a good one', async () => {
    const upstream = anUpstream();
    expect(upstream.healthy()).toBe(true);

    const error = await caught(() => get(upstream, '/unavailable'));
    expect(error.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'BANKIMPORT' });
    expect(upstream.healthy()).toBe(false);
    expect(upstream.circuit()).toBe('CLOSED');

    await get(upstream, '/accounts');
    expect(upstream.healthy()).toBe(true);
  });

  it('tells the operator at warn when a circuit opens and when it closes again', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    // The circuit's clock on fake time; the calls over real sockets.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const upstream = anUpstream({ circuitFailures: 2, circuitHalfOpenMs: 50, logger });
    for (let i = 0; i < 2; i += 1) {
      await caught(() => get(upstream, '/unavailable'));
    }
    jest.advanceTimersByTime(50);
    await get(upstream, '/accounts');
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string; provider: string });
    expect(logged.filter((l) => l.level === 40).map((l) => [l.provider, l.msg])).toEqual([
      ['BANKIMPORT', 'provider circuit opened: calls fail fast'],
      ['BANKIMPORT', 'provider circuit closed: calls flow again'],
    ]);
  });

  it('opens the circuit after five unavailable answers and then fails fast without calling', async () => {
    const upstream = anUpstream({ circuitFailures: 5 });
    const before = provider.hits('/unavailable');
    for (let i = 0; i < 5; i += 1) {
      expect((await caught(() => get(upstream, '/unavailable'))).extensions.code).toBe('PROVIDER_UNAVAILABLE');
    }
    expect(provider.hits('/unavailable') - before).toBe(5);
    expect(upstream.circuit()).toBe('OPEN');

    const accountsBefore = provider.hits('/accounts');
    const fast = await caught(() => get(upstream, '/accounts'));
    const again = await caught(() => get(upstream, '/unavailable'));

    expect(fast.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'BANKIMPORT' });
    expect(fast.message).toContain('circuit is open');
    expect(again.extensions.code).toBe('PROVIDER_UNAVAILABLE');
    expect(provider.hits('/accounts')).toBe(accountsBefore);
    expect(provider.hits('/unavailable') - before).toBe(5);
    expect(upstream.healthy()).toBe(false);
    expect((await metrics.circuitState.get()).values).toEqual([
      expect.objectContaining({ labels: { provider: 'BANKIMPORT' }, value: 2 }),
    ]);
  });

  it('retries a read that found the provider unavailable, with backoff', async () => {
    const upstream = anUpstream({ retries: 1 });
    const before = provider.hits('/flaky');
    await expect(get(upstream, '/flaky')).resolves.toEqual({ ok: true });
    expect(provider.hits('/flaky') - before).toBe(2);
  });

  it('retries a read once at most: a provider that keeps failing is asked twice, not three times', async () => {
    const upstream = anUpstream({ retries: 1 });
    const before = provider.hits('/unavailable');
    expect((await caught(() => get(upstream, '/unavailable'))).extensions.code).toBe('PROVIDER_UNAVAILABLE');
    expect(provider.hits('/unavailable') - before).toBe(2);
  });

  it('never retries a read that used up its time: a slow provider holds the client for one timeout', async () => {
    const upstream = anUpstream({ retries: 1, timeoutMs: 300 });
    const before = provider.hits('/slow');
    const error = await caught(() => get(upstream, '/slow'));
    expect(error.message).toMatch(/no answer within 300 ms/);
    expect(provider.hits('/slow') - before).toBe(1);
  });

  it('never retries a write: a POST may move money or spend a TAN', async () => {
    const upstream = anUpstream({ retries: 1 });
    const before = provider.hits('/flaky');
    const error = await caught(() =>
      upstream.request({ method: 'POST', path: '/flaky', parse: (body) => parseJson(body) }),
    );
    expect(error.extensions.code).toBe('PROVIDER_UNAVAILABLE');
    expect(provider.hits('/flaky') - before).toBe(1);
  });

  it('waits as long as Retry-After says on a 429, then reads again', async () => {
    // The provider answers over real sockets; the wait is on fake time, stepped meanwhile.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const upstream = anUpstream({ retries: 1 });
    const before = provider.hits('/busy');
    const arrivedAt = () => provider.arrival('/busy').then(() => Date.now());
    const first = arrivedAt();
    let answer: unknown;
    const reading = get(upstream, '/busy').then((read) => (answer = read));
    const firstAt = await first;
    const second = arrivedAt();
    while (answer === undefined) {
      await jest.advanceTimersByTimeAsync(10);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await reading;
    expect(answer).toEqual({ ok: true });
    expect(provider.hits('/busy') - before).toBe(2);
    // Retry-After: 1, on the clock the gateway reads.
    expect((await second) - firstAt).toBeGreaterThanOrEqual(1000);
  });

  it('does not hold the client for a Retry-After longer than the gateway waits', async () => {
    const upstream = anUpstream({ retries: 1 });
    const before = provider.hits('/later');
    expect((await caught(() => get(upstream, '/later'))).extensions.code).toBe('PROVIDER_UNAVAILABLE');
    expect(provider.hits('/later') - before).toBe(1);
  });

  it('caps concurrent calls per provider: beyond the slots and the queue, calls fail fast', async () => {
    const upstream = anUpstream({ maxConcurrent: 1, maxQueued: 0, timeoutMs: 300 });
    const arrived = provider.arrival('/slow');
    const first = caught(() => get(upstream, '/slow'));
    await arrived;
    const second = await caught(() => get(upstream, '/accounts'));
    expect(second.extensions).toEqual({ code: 'PROVIDER_UNAVAILABLE', provider: 'BANKIMPORT' });
    expect(second.message).toMatch(/too many calls/);
    await first;
    await expect(get(upstream, '/accounts')).resolves.toEqual({ id: 7856278, balance: '24323.49' });
  });

  it('does not open the circuit for refusals that are not unavailability', async () => {
    const upstream = anUpstream({ circuitFailures: 2 });
    for (let i = 0; i < 4; i += 1) {
      await caught(() => get(upstream, '/refused'));
    }
    expect(upstream.circuit()).toBe('CLOSED');
    await expect(get(upstream, '/accounts')).resolves.toEqual({ id: 7856278, balance: '24323.49' });
  });

  it('lets one call try after circuitHalfOpenMs and closes the circuit when it succeeds', async () => {
    // The circuit's clock on fake time; the calls over real sockets.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const upstream = anUpstream({ circuitFailures: 1, circuitHalfOpenMs: 100 });
    await caught(() => get(upstream, '/unavailable'));
    expect(upstream.circuit()).toBe('OPEN');
    await expect(get(upstream, '/accounts')).rejects.toMatchObject({ extensions: { code: 'PROVIDER_UNAVAILABLE' } });

    jest.advanceTimersByTime(100);

    await expect(get(upstream, '/accounts')).resolves.toEqual({ id: 7856278, balance: '24323.49' });
    expect(upstream.circuit()).toBe('CLOSED');
    expect(upstream.healthy()).toBe(true);
  });

  it('refuses an answer over 20 MB with PROVIDER_ERROR', async () => {
    const error = await caught(() => get(anUpstream({ timeoutMs: 10_000 }), '/huge'));
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'BANKIMPORT' });
  });

  it('counts calls by provider and outcome', async () => {
    const upstream = anUpstream();
    await get(upstream, '/accounts');
    await caught(() => get(upstream, '/unavailable'));
    const text = await metrics.registry.getSingleMetricAsString('gateway_upstream_call_duration_seconds');
    expect(text).toContain('gateway_upstream_call_duration_seconds_count{provider="BANKIMPORT",outcome="ok"} 1');
    expect(text).toContain(
      'gateway_upstream_call_duration_seconds_count{provider="BANKIMPORT",outcome="provider_unavailable"} 1',
    );
  });

  it('does not hold calls the caller cancelled against the provider', async () => {
    const upstream = anUpstream({ circuitFailures: 5, timeoutMs: 5000 });
    for (let i = 0; i < 5; i += 1) {
      const controller = new AbortController();
      const arrived = provider.arrival('/slow');
      const call = get(upstream, '/slow', controller.signal);
      await arrived;
      controller.abort();
      await expect(call).rejects.toBeInstanceOf(GatewayError);
    }
    // The caller went away (a client closed its connection); the provider did nothing wrong.
    expect(upstream.circuit()).toBe('CLOSED');
    expect(upstream.healthy()).toBe(true);
    await expect(get(upstream, '/accounts')).resolves.toEqual({ id: 7856278, balance: '24323.49' });
  });
});
