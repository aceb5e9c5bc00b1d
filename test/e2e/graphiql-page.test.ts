import http from 'node:http';
import zlib from 'node:zlib';

import request from 'supertest';

import { startGateway, type TestGateway } from '../support/gateway';

/** CONTRACT.md, Gateway endpoints: GraphiQL served compressed and cacheable, only with introspection on. */
describe('the GraphiQL page', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  /** The page as the wire carries it: node:http, which decompresses nothing. */
  const page = (headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${t.url}/graphql`, { headers: { Accept: 'text/html', ...headers } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    });

  it('is compressed with brotli or gzip, whichever the browser takes, and is the same page', async () => {
    const plain = await page({ 'Accept-Encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const html = plain.body;
    expect(html.toString()).toContain('<title>Banking Gateway</title>');

    // Compressed once, off the main thread, right after start: until then it goes out plain.
    const deadline = Date.now() + 20_000;
    let br = await page({ 'Accept-Encoding': 'gzip, deflate, br' });
    while (br.headers['content-encoding'] !== 'br' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      br = await page({ 'Accept-Encoding': 'gzip, deflate, br' });
    }
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(html)).toBe(true);
    expect(br.body.length).toBeLessThan(html.length / 3);

    const gzip = await page({ 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).equals(html)).toBe(true);
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/);
  });

  it('carries an ETag and Cache-Control, and answers 304 on revalidation', async () => {
    const first = await page();
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await page({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('is not served when introspection is off, and the refusal names INTROSPECTION=on', async () => {
    const off = await startGateway({ INTROSPECTION: 'off' });
    try {
      const response = await request(off.url).get('/graphql').set('Accept', 'text/html');
      expect(response.text).not.toContain('GraphiQL');
      expect(response.status).toBeGreaterThanOrEqual(400);
      const { body } = await off.gql('{ __schema { types { name } } }');
      expect(body.errors?.[0]?.message).toMatch(/INTROSPECTION=on/);
      expect(body.errors?.[0]?.message).not.toMatch(/ApolloServer/);
    } finally {
      await off.close();
    }
  });
});
