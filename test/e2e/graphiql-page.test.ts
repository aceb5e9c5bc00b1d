import zlib from 'node:zlib';

import request from 'supertest';

import { startGateway, type TestGateway } from '../support/gateway';
import { rawRequest } from '../support/raw-http';

/** CONTRACT.md, Gateway endpoints: GraphiQL served compressed and cacheable, only with introspection on. */
describe('the GraphiQL page', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  /** The page (or `path`) as the wire carries it: node:http, which decompresses nothing. */
  const page = (headers: Record<string, string> = {}, path = '/graphql', method = 'GET') =>
    rawRequest(`${t.url}${path}`, { Accept: 'text/html', ...headers }, method);

  /** The asset URLs the page names, in the order it names them. */
  const assetUrls = (html: string) =>
    [...html.matchAll(/(?:src|href)="(\/graphql\/assets\/[^"]+)"|"(\/graphql\/assets\/[^"]+\.worker-[^"]+)"/g)].map(
      (match) => (match[1] ?? match[2]) as string,
    );

  /** An asset, once its compressed copies are made (right after the page is first asked for). */
  async function compressedAsset(url: string, encoding: string) {
    const deadline = Date.now() + 20_000;
    let asset = await page({ 'Accept-Encoding': encoding }, url);
    while (asset.headers['content-encoding'] !== encoding && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      asset = await page({ 'Accept-Encoding': encoding }, url);
    }
    return asset;
  }

  it('is a small page naming its assets, each served by the gateway under a name that changes with its content', async () => {
    const { status, headers, body } = await page({ 'Accept-Encoding': 'identity' });
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    const html = body.toString();
    expect(html).toContain('<title>Banking Gateway</title>');
    expect(body.length).toBeLessThan(16 * 1024);

    const urls = assetUrls(html);
    // GraphiQL's script and style sheet, the favicon, graphql-ws, the fetcher, Monaco's three workers.
    expect(urls).toHaveLength(8);
    expect(urls.some((url) => /\/graphiql-[\w-]{27}\.js$/.test(url))).toBe(true);
    expect(urls.some((url) => /\/graphiql-[\w-]{27}\.css$/.test(url))).toBe(true);
    expect(urls.filter((url) => /\.worker-[\w-]{27}\.js$/.test(url))).toHaveLength(3);
    let bytes = 0;
    for (const url of urls) {
      const asset = await page({ 'Accept-Encoding': 'identity' }, url);
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-type']).toMatch(/^(text\/javascript|text\/css|image\/x-icon)/);
      expect(asset.headers['content-length']).toBe(String(asset.body.length));
      bytes += asset.body.length;
    }
    expect(bytes).toBeGreaterThan(5_000_000);
  });

  it('serves its assets compressed with brotli or gzip, whichever the browser takes, and the same bytes', async () => {
    const html = (await page()).body.toString();
    const script = assetUrls(html).find((url) => /\/graphiql-[\w-]+\.js$/.test(url))!;
    const plain = (await page({ 'Accept-Encoding': 'identity' }, script)).body;

    // Compressed once, off the main thread, once the page is asked for: until then it goes out plain.
    const br = await compressedAsset(script, 'br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(plain)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.length / 3);
    expect(br.headers.vary).toMatch(/Accept-Encoding/);

    // Both copies go live together.
    const gzip = await page({ 'Accept-Encoding': 'gzip, deflate' }, script);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).equals(plain)).toBe(true);

    const preferred = await page({ 'Accept-Encoding': 'gzip, deflate, br' }, script);
    expect(preferred.headers['content-encoding']).toBe('br');
    const refused = await page({ 'Accept-Encoding': 'br;q=0, gzip' }, script);
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('answers 304 when the page or an asset is revalidated by its ETag, and HEAD without a body', async () => {
    const first = await page();
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await page({ 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const [asset] = assetUrls(first.body.toString());
    const fetched = await page({}, asset);
    const revalidated = await page({ 'If-None-Match': `"other", ${fetched.headers.etag as string}` }, asset);
    expect(revalidated.status).toBe(304);

    const head = await page({ 'Accept-Encoding': 'identity' }, asset, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(fetched.body.length));
    expect(head.body.length).toBe(0);
  });

  it("answers 404 for an asset it does not have, such as an older version's", async () => {
    const missing = await page({}, '/graphql/assets/graphiql-AAAAAAAAAAAAAAAAAAAAAAAAAAA.js');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body.toString()).error).toMatch(/Reload GraphiQL/);
    // And the GraphQL endpoint is not mistaken for an asset.
    expect((await t.gql('{ banks { id } }')).body.errors).toBeUndefined();
  });

  it('is not served when introspection is off, and the refusal names INTROSPECTION=on', async () => {
    const off = await startGateway({ INTROSPECTION: 'off' });
    try {
      const response = await request(off.url).get('/graphql').set('Accept', 'text/html');
      expect(response.text).not.toContain('GraphiQL');
      expect(response.status).toBeGreaterThanOrEqual(400);
      const asset = assetUrls((await page()).body.toString())[0]!;
      expect((await request(off.url).get(asset)).status).toBe(404);
      const { body } = await off.gql('{ __schema { types { name } } }');
      expect(body.errors?.[0]?.message).toMatch(/INTROSPECTION=on/);
      expect(body.errors?.[0]?.message).not.toMatch(/ApolloServer/);
    } finally {
      await off.close();
    }
  });
});
