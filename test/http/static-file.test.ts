import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

import { compressed, serveStaticFile, staticFile, type StaticFile } from '../../src/http/static-file';
import { rawRequest } from '../support/raw-http';

/** A node:http server serving one file, and a client that decompresses nothing. */
async function served(file: StaticFile) {
  const server = http.createServer((req, res) => serveStaticFile(req, res, file));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = (headers: Record<string, string> = {}, method = 'GET') =>
    rawRequest(`http://127.0.0.1:${port}/`, headers, method);
  return { get, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('serveStaticFile', () => {
  const big = staticFile('const answer = 42;\n'.repeat(5000), 'text/javascript; charset=utf-8', 'public, max-age=60');

  it('sends the file with its type, cache policy, strong ETag and length', async () => {
    const server = await served(big);
    try {
      const { status, headers, body } = await server.get({ 'Accept-Encoding': 'identity' });
      expect(status).toBe(200);
      expect(headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(headers['cache-control']).toBe('public, max-age=60');
      expect(headers.etag).toBe(big.etag);
      expect(headers.etag).toMatch(/^"[\w-]{27}"$/);
      expect(headers['content-length']).toBe(String(big.body.length));
      expect(body.equals(big.body)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('picks brotli over gzip once both copies are made, honours q=0, and decompresses to the same bytes', async () => {
    const server = await served(big);
    try {
      await compressed(big);
      const br = await server.get({ 'Accept-Encoding': 'gzip, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(br.body).equals(big.body)).toBe(true);
      const gzip = await server.get({ 'Accept-Encoding': 'br;q=0, gzip;q=0.5' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gzip.body).equals(big.body)).toBe(true);
      const none = await server.get({ 'Accept-Encoding': 'br;q=0, gzip;q=0' });
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(none.headers.vary).toBe('Accept-Encoding');
    } finally {
      await server.close();
    }
  });

  it('answers 304 to If-None-Match naming its ETag among others, and HEAD with headers only', async () => {
    const server = await served(big);
    try {
      const revalidated = await server.get({ 'If-None-Match': `"stale", ${big.etag}` });
      expect(revalidated.status).toBe(304);
      expect(revalidated.body.length).toBe(0);
      expect((await server.get({ 'If-None-Match': '"stale"' })).status).toBe(200);
      const head = await server.get({ 'Accept-Encoding': 'identity' }, 'HEAD');
      expect(head.headers['content-length']).toBe(String(big.body.length));
      expect(head.body.length).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('never compresses a file too small to gain from it', async () => {
    const small = staticFile('<!doctype html><title>x</title>', 'text/html; charset=utf-8', 'no-cache');
    const server = await served(small);
    try {
      await compressed(small);
      const { headers, body } = await server.get({ 'Accept-Encoding': 'br, gzip' });
      expect(headers['content-encoding']).toBeUndefined();
      expect(body.equals(small.body)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
