import net from 'node:net';

import request from 'supertest';

import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/ops/logger';
import { createServer, type GatewayServer } from '../../src/server';

/** Writes `text` on a raw connection and resolves with whatever the server answers before it closes it. */
function rawExchange(
  port: number,
  text: string,
  keepOpenMs = 10_000,
): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
    socket.setTimeout(keepOpenMs, () => {
      socket.destroy();
      reject(new Error('the server kept a stalled request open'));
    });
  });
}

/** CONTRACT.md, Operations and Gateway endpoints: a server that does not wait for ever. */
describe('the HTTP server', () => {
  let gateway: GatewayServer;
  let url: string;
  let port: number;
  beforeAll(async () => {
    const config = loadConfig({
      SANDBOX: 'off',
      KONTIST_URL: 'http://127.0.0.1:9/kontist',
      BANKIMPORT_URL: 'http://127.0.0.1:9/bankimport',
      KONTOMATIK_URL: 'http://127.0.0.1:9/kontomatik',
      KONTIST_CLIENT_ID: 'unreachable-client',
      KONTIST_CLIENT_SECRET: 'unreachable-secret',
      KONTOMATIK_API_KEY: 'unreachable-key',
      MAX_CONNECTIONS: '50',
    });
    gateway = await createServer(config, {
      logger: createLogger('silent'),
      httpTimeouts: { headersMs: 400, requestMs: 800, checkEveryMs: 100 },
    });
    url = await gateway.listen(0);
    port = Number(new URL(url).port);
  });
  afterAll(() => gateway.stop());

  it('answers an unknown path with a JSON 404, never an HTML page', async () => {
    const response = await request(url).get('/nope');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.body.error).toMatch(/Not found: GET \/nope/);
  });

  it('cuts a request whose headers stall', async () => {
    const { answer } = await rawExchange(port, 'POST /graphql HTTP/1.1\r\nHost: x\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts a request whose body stalls', async () => {
    const { answer } = await rawExchange(
      port,
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('still serves a request that is slow but in time', async () => {
    const { answer } = await rawExchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  });

  it('refuses a foreign origin with 403 saying which origin, preflight or not', async () => {
    const preflight = await request(url)
      .options('/graphql')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(403);
    expect(preflight.body.errors[0].message).toMatch(
      /Origin "https:\/\/evil\.example" may not call this gateway: CORS_ORIGINS/,
    );
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const post = await request(url)
      .post('/graphql')
      .set('Origin', 'https://evil.example')
      .send({ query: '{ __typename }' });
    expect(post.status).toBe(403);
  });

  it('names the request headers and methods a preflight asks for that are not allowed', async () => {
    const headers = await request(url)
      .options('/graphql')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, x-secret');
    expect(headers.status).toBe(403);
    expect(headers.body.errors[0].message).toMatch(/Request header "x-secret" not allowed; allowed: Content-Type/);
    const method = await request(url)
      .options('/graphql')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'DELETE');
    expect(method.status).toBe(403);
    expect(method.body.errors[0].message).toMatch(/Method "DELETE" is not allowed here; allowed: GET, POST/);
    const allowed = await request(url)
      .options('/graphql')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, x-kontist-authorization');
    expect(allowed.status).toBe(204);
  });
});
