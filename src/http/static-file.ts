import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** A file the gateway serves from memory: GraphiQL's page and its assets. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  /** Strong, from the body's hash. */
  etag: string;
}

export function staticFile(body: Buffer | string, contentType: string, cacheControl: string): StaticFile {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, contentType, cacheControl, etag: `"${contentHash(bytes)}"` };
}

/** 27 base64url characters of the body's SHA-256 (160 bits): names and ETags. */
export function contentHash(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 27);
}

/**
 * GET or HEAD of a file: 304 when `If-None-Match` names its ETag, else the body in the
 * best encoding the client takes (brotli, then gzip) once the compressed copies are
 * made, plain until then.
 */
export function serveStaticFile(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(file.etag)) {
    res.writeHead(304).end();
    return;
  }
  const { encoded } = compressedOnce(file);
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  const encoding = (['br', 'gzip'] as const).find((name) => accepted.has(name) && encoded[name]);
  const body = encoding ? (encoded[encoding] as Buffer) : file.body;
  if (encoding) {
    res.setHeader('Content-Encoding', encoding);
  }
  res.setHeader('Content-Length', String(body.length));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Resolves once the file's compressed copies are made (and starts making them). */
export function compressed(file: StaticFile): Promise<void> {
  return compressedOnce(file).ready;
}

/** Below this, compressing saves less than the CPU it costs. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A file's compressed copies, made once per process however many servers serve it
 * (tests start many) and off the main thread. Brotli 6 and gzip 6: measured on
 * GraphiQL's 9 MB, brotli 9 saves 3 % of the bytes (1.86 against 1.92 MB) for three
 * times the CPU (0.72 against 0.26 s), gzip 9 0.4 % for twice.
 */
const compressions = new Map<string, { encoded: Partial<Record<'br' | 'gzip', Buffer>>; ready: Promise<void> }>();

function compressedOnce({ body, etag }: StaticFile) {
  let made = compressions.get(etag);
  if (!made) {
    const encoded: Partial<Record<'br' | 'gzip', Buffer>> = {};
    // Both copies go live together: a client gets the file plain or in the encoding it
    // prefers, never brotli already and gzip not yet.
    const ready =
      body.length < COMPRESS_FROM_BYTES
        ? Promise.resolve()
        : Promise.all([
            promisify(zlib.brotliCompress)(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
            promisify(zlib.gzip)(body, { level: 6 }),
          ]).then(
            ([br, gzip]) => {
              encoded.br = br;
              encoded.gzip = gzip;
            },
            // Should zlib ever fail, the file goes out plain, as before the copies were made.
            () => undefined,
          );
    made = { encoded, ready };
    compressions.set(etag, made);
  }
  return made;
}

/** `gzip, deflate, br;q=1.0, identity;q=0` → the encodings it takes (q > 0). */
function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    if (name && (q === undefined || Number(q) > 0)) {
      accepted.add(name);
    }
  }
  return accepted;
}
