import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';

import axios, { AxiosError, type AxiosInstance } from 'axios';

import { createLeanAdapter, createLeanTransport, type LeanCall } from '../../src/providers/http-adapter';

/** A provider stand-in: every path is one behaviour. */
function aProvider(handler: http.RequestListener) {
  const server = http.createServer(handler);
  return new Promise<{ url: string; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}

interface Seen {
  method?: string;
  url?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A provider stand-in that records every request (body read whole) before `answer` replies. */
function aRecordingProvider(seen: Seen[], answer: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  return aProvider((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      answer(req, res);
    });
  });
}

const agents = () => ({
  httpAgent: new http.Agent({ keepAlive: true }),
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
});

const aClient = (baseURL: string, overrides: Partial<Parameters<typeof createLeanAdapter>[0]> = {}): AxiosInstance =>
  axios.create({
    baseURL,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    proxy: false,
    adapter: createLeanAdapter({ ...agents(), maxBytes: 1024, viaProxy: false, ...overrides }),
  });

describe('the lean transport under axios', () => {
  let provider: Awaited<ReturnType<typeof aProvider>>;
  const seen: Seen[] = [];
  beforeAll(async () => {
    provider = await aRecordingProvider(seen, (req, res) => {
      switch (req.url?.split('?')[0]) {
        case '/big':
          res.end('x'.repeat(4096));
          return;
        case '/redirect':
          res.writeHead(302, { location: '/elsewhere' }).end('moved');
          return;
        case '/gzip':
          res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync('{"amount":"24323.49"}'));
          return;
        case '/slow':
          setTimeout(() => res.end('late'), 2000).unref();
          return;
        default:
          res.writeHead(201, { 'content-type': 'application/json', 'x-trace': 'abc' }).end('{"ok":true}');
      }
    });
  });
  afterAll(() => provider.close());

  it('sends method, path, params, headers and body as axios would, and reads the reply as text', async () => {
    const response = await aClient(provider.url).request({
      method: 'POST',
      url: '/api/accounts/4711/transfer',
      params: { page: 2, skip: undefined, q: 'a b&c' },
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      data: '{"amount":1250}',
    });
    expect(response).toMatchObject({ status: 201, data: '{"ok":true}' });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-trace']).toBe('abc');
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'POST', body: '{"amount":1250}' });
    expect(new URL(request.url!, 'http://x').searchParams.get('q')).toBe('a b&c');
    expect(new URL(request.url!, 'http://x').searchParams.get('page')).toBe('2');
    expect(new URL(request.url!, 'http://x').searchParams.has('skip')).toBe(false);
    expect(request.headers).toMatchObject({ authorization: 'Bearer t', 'content-length': '15' });
  });

  it('refuses a reply over the size cap unread, in the words the fault mapping knows', async () => {
    await expect(aClient(provider.url).get('/big')).rejects.toThrow(/maxContentLength size of 1024 exceeded/);
  });

  it('follows no redirect: a 3xx is the answer', async () => {
    const response = await aClient(provider.url).get('/redirect');
    expect(response).toMatchObject({ status: 302, data: 'moved' });
    expect(seen.some((r) => r.url === '/elsewhere')).toBe(false);
  });

  it('reads a compressed reply', async () => {
    expect((await aClient(provider.url).get('/gzip')).data).toBe('{"amount":"24323.49"}');
  });

  it('stops a call when its signal aborts, as a cancellation', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await aClient(provider.url)
      .get('/slow', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(axios.isCancel(error)).toBe(true);
  });

  it('reports a refused connection with its code, as axios does', async () => {
    const error = (await aClient('http://127.0.0.1:9')
      .get('/')
      .catch((e: unknown) => e)) as { code?: string };
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('speaks HTTPS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=127.0.0.1',
          '-days',
          '1',
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const server = https.createServer(
        { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
        (_req, res) => res.end('secure'),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
        expect((await aClient(url).get('/')).data).toBe('secure');
      } finally {
        server.closeAllConnections();
        server.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands the call to axios’s own adapter where a proxy is configured', async () => {
    const proxied: string[] = [];
    const proxy = await aProvider((req, res) => {
      proxied.push(req.url ?? '');
      res.end('via proxy');
    });
    try {
      const { port } = new URL(proxy.url);
      const client = axios.create({
        baseURL: 'http://provider.invalid',
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        proxy: { protocol: 'http', host: '127.0.0.1', port: Number(port) },
        adapter: createLeanAdapter({ ...agents(), maxBytes: 1024, viaProxy: true }),
      });
      expect((await client.get('/api/accounts')).data).toBe('via proxy');
      expect(proxied).toEqual(['http://provider.invalid/api/accounts']);
    } finally {
      await proxy.close();
    }
  });
});

describe('the lean transport without axios', () => {
  let provider: Awaited<ReturnType<typeof aProvider>>;
  const seen: Seen[] = [];
  beforeAll(async () => {
    provider = await aRecordingProvider(seen, (req, res) => {
      if (req.url === '/big') {
        res.end('x'.repeat(4096));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'retry-after': '2' }).end('{"ok":true}');
    });
  });
  afterAll(() => provider.close());

  const calls: Array<[string, LeanCall]> = [
    ['a GET with params', { method: 'GET', path: '/api/accounts', params: { page: 2, skip: undefined, q: 'a b&c' } }],
    [
      'a GET with its own Accept',
      { method: 'GET', path: '/x', headers: { accept: 'application/xml', Authorization: 'Bearer t' } },
    ],
    [
      'a JSON POST',
      { method: 'POST', path: '/t', headers: { 'Content-Type': 'application/json' }, data: ' {"amount":1250}\n' },
    ],
    [
      'a JSON POST that is no JSON',
      { method: 'POST', path: '/t', headers: { 'content-type': 'application/json' }, data: 'x' },
    ],
    ['a POST without a type', { method: 'POST', path: '/oauth/token', data: 'grant_type=refresh_token&x=%C3%A9' }],
    ['a PUT without a body', { method: 'PUT', path: '/s/1' }],
    ['a DELETE', { method: 'DELETE', path: '/s/1', headers: { 'X-Api-Key': 'k' } }],
    ['a header with a line break', { method: 'GET', path: '/h', headers: { 'X-Note': 'a\r\nInjected: yes' } }],
  ];

  it.each(calls)('sends %s as axios with the lean adapter does', async (_what, call) => {
    const { path, ...config } = call;
    await aClient(provider.url).request({ ...config, url: path });
    const viaAxios = seen.at(-1)!;
    const reply = await createLeanTransport({ ...agents(), maxBytes: 1024, baseURL: provider.url })(call);
    const direct = seen.at(-1)!;
    expect(direct).toEqual(viaAxios);
    expect(reply).toMatchObject({ status: 200, body: '{"ok":true}', headers: { 'retry-after': '2' } });
  });

  it('fails as the adapter does: size cap, cancellation, refused connection', async () => {
    const transport = createLeanTransport({ ...agents(), maxBytes: 1024, baseURL: provider.url });
    await expect(transport({ method: 'GET', path: '/big' })).rejects.toThrow(/maxContentLength size of 1024 exceeded/);
    const aborted = new AbortController();
    aborted.abort();
    expect(axios.isCancel(await transport({ method: 'GET', path: '/', signal: aborted.signal }).catch((e) => e))).toBe(
      true,
    );
    const refused = createLeanTransport({ ...agents(), maxBytes: 1024, baseURL: 'http://127.0.0.1:9' });
    const error = (await refused({ method: 'GET', path: '/' }).catch((e: unknown) => e)) as { code?: string };
    expect(error).toBeInstanceOf(AxiosError);
    expect(error.code).toBe('ECONNREFUSED');
  });
});
