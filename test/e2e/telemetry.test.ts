import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { createSandbox, type Sandbox } from '@banking-gateway/sandbox';
import request from 'supertest';

import { routeTemplate } from '../../src/ops/telemetry';
import { alice } from '../support/gateway';
import { sandboxEnv } from '../support/sandbox-env';
import { spawnGateway, type GatewayProcess } from '../support/spawn-gateway';
import { aliceConnection, subscribe, wsClient } from '../support/subscriptions';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

const SERVER = 2;
const CLIENT = 3;
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
};

/** An OTLP/HTTP receiver (JSON), as a collector would run it, holding every span it got. */
function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const payload = JSON.parse(body) as {
        resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
      };
      for (const resource of payload.resourceSpans) {
        for (const scope of resource.scopeSpans) {
          spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise<{ url: string; spans: OtlpSpan[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        spans,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/** CONTRACT.md, Operations: a trace per operation, a span per provider call and per Redis command. */
describe('OpenTelemetry traces', () => {
  let sandbox: Sandbox;
  let sandboxUrl: string;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let gateway: GatewayProcess;
  const upstreamTraceparents: string[] = [];
  let recorder: http.Server;

  beforeAll(async () => {
    sandbox = createSandbox();
    sandboxUrl = await sandbox.listen(0);
    receiver = await otlpReceiver();
    // Between the gateway and Kontist: what the provider receives.
    recorder = http.createServer((req, res) => {
      upstreamTraceparents.push(String(req.headers.traceparent ?? ''));
      const forward = http.request(
        `${sandboxUrl}/kontist${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
    gateway = await spawnGateway({
      ...sandboxEnv(sandboxUrl),
      KONTIST_URL: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_BSP_SCHEDULE_DELAY: '50',
      OTEL_SERVICE_NAME: 'gateway-under-test',
    });
  }, 30_000);
  afterAll(async () => {
    await gateway.kill();
    await receiver.close();
    recorder.closeAllConnections();
    await new Promise((resolve) => recorder.close(resolve));
    await sandbox.close();
  });

  const spansOf = async (traceId: string, until: (spans: OtlpSpan[]) => boolean) => {
    const deadline = Date.now() + 10_000;
    let spans = receiver.spans.filter((s) => s.traceId === traceId);
    while (!until(spans) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      spans = receiver.spans.filter((s) => s.traceId === traceId);
    }
    return spans;
  };

  it('continues the client’s trace, with a CLIENT span per provider call, and sends traceparent upstream', async () => {
    const { body } = await request(gateway.url)
      .post('/graphql')
      .set(alice)
      .set('traceparent', `00-${TRACE_ID}-${PARENT_ID}-01`)
      .send({ query: 'query MyAccounts { accounts(filter: { provider: KONTIST }) { iban } }' });
    expect(body.errors).toBeUndefined();

    const spans = await spansOf(
      TRACE_ID,
      (all) => all.some((s) => s.kind === SERVER) && all.some((s) => s.kind === CLIENT),
    );
    const server = spans.find((s) => s.kind === SERVER)!;
    expect(server).toMatchObject({ name: 'query MyAccounts', parentSpanId: PARENT_ID });
    expect(attribute(server, 'graphql.operation.name')).toBe('MyAccounts');
    const call = spans.find((s) => attribute(s, 'banking.provider') === 'KONTIST')!;
    expect(call).toMatchObject({ kind: CLIENT, parentSpanId: server.spanId, name: 'GET /api/accounts' });
    expect(attribute(call, 'http.request.method')).toBe('GET');
    expect(attribute(call, 'http.route')).toBe('/api/accounts');
    expect(Number(attribute(call, 'http.response.status_code'))).toBe(200);
    expect(upstreamTraceparents.some((t) => t.startsWith(`00-${TRACE_ID}-${call.spanId}-`))).toBe(true);
  });

  it('traces each subscription over the WebSocket as a SERVER span, from subscribe to its end', async () => {
    const client = wsClient(gateway.url, aliceConnection);
    try {
      await expect(subscribe(client, 'subscription Refused { providers { provider } }').done).rejects.toThrow();
    } finally {
      await client.dispose();
    }
    const deadline = Date.now() + 10_000;
    const refused = () => receiver.spans.find((s) => attribute(s, 'gateway.outcome') === 'refused');
    let span = refused();
    while (!span && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      span = refused();
    }
    expect(span).toMatchObject({ kind: SERVER, name: expect.stringMatching(/^subscription /) });
    expect(attribute(span!, 'gateway.transport')).toBe('WebSocket');
    expect(attribute(span!, 'gateway.outcome')).toBe('refused');
  });

  it('traces Redis commands by name, and puts no credential, IBAN or TAN in any attribute', async () => {
    const traceId = 'aaf92f3577b34da6a3ce929d0e0e4799';
    const { body } = await request(gateway.url)
      .post('/graphql')
      .set(alice)
      .set('traceparent', `00-${traceId}-${PARENT_ID}-01`)
      .send({
        query: `mutation { createTransfer(input: { accountId: "QWNjb3VudDpLT05USVNUOjQ3MTE", recipient: "Karl Brenner",
          iban: "DE89370400440532013000", amount: 1250, note: "Lunch" }) { id } }`,
      });
    expect(body.errors).toBeUndefined();
    const spans = await spansOf(traceId, (all) =>
      all.some((s) => s.name === 'POST /api/accounts/:id/transfer' && all.some((r) => r.name.includes('eval'))),
    );
    const redis = spans.filter(
      (s) => attribute(s, 'db.system') === 'redis' || attribute(s, 'db.system.name') === 'redis',
    );
    expect(redis.length).toBeGreaterThan(0);
    expect(spans.map((s) => s.name)).toContain('POST /api/accounts/:id/transfer');
    const everything = JSON.stringify(receiver.spans);
    for (const secret of ['DE89370400440532013000', 'Karl Brenner', 'sandbox-alice', 'Lunch']) {
      expect(everything).not.toContain(secret);
    }
  });
});

describe('route templates in spans', () => {
  it.each([
    ['/api/accounts/4711/transfer/8c2e-11', '/api/accounts/:id/transfer/:id'],
    ['/api/v1/bank-account/12/import.xml', '/api/v1/bank-account/:id/import.xml'],
    ['/command/ab12cd.xml', '/command/:id.xml'],
    ['/api/accounts?page=2', '/api/accounts'],
  ])('%s → %s', (path, template) => {
    expect(routeTemplate(path)).toBe(template);
  });
});
