import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import type { Credentials } from '../providers/credentials';
import type { ProviderDescriptor } from '../providers/descriptor';
import type * as GraphiQLPageModule from './graphiql-page';

const FIRST_QUERY = `# Your accounts at every provider your headers carry credentials for.
# The headers below are the sandbox's demo user, alice.
#
# Subscriptions go over the WebSocket, with the headers below.
# New transactions as they arrive, run in a tab of its own:
#
#   subscription { transactionAdded { id amount { decimal } purpose } }
query MyAccounts {
  accounts {
    id
    provider
    iban
    bankName
    balance { decimal currency }
    transactions(first: 5) {
      totalCount
      edges { node { bookingDate amount { decimal currency } counterpartyName purpose } }
    }
  }
}
`;

export interface GraphiQLOptions {
  /** The banks: their credential headers, and which `connection_init` key each goes into. */
  providers: readonly ProviderDescriptor[];
  /** Credentials filled into the Headers tab (the sandbox's demo user), so that the first query returns data. */
  demoCredentials?: Credentials;
}

/**
 * GraphiQL served by the gateway itself: every asset is inlined into one page, so it
 * works offline and loads nothing from a CDN. Subscriptions go over the WebSocket, with
 * the Headers tab in `connection_init`. The page is about 9 MB: it is rendered on its
 * first request (its assets' module is loaded only then), compressed once off the main
 * thread (brotli and gzip), and revalidated by its ETag. Until the compressed copies are
 * made it goes out uncompressed; a gateway nobody opens GraphiQL on never spends the CPU
 * or the memory.
 */
export function createGraphiQL({ providers, demoCredentials = {} }: GraphiQLOptions): GraphiQLRoute {
  // Which header of the Headers tab goes into which key of the WebSocket's `connection_init`
  // (CONTRACT.md, Credentials); header names match case-insensitively.
  const connectionParamsByHeader: Record<string, string> = {};
  const demoHeaders: Record<string, string> = {};
  for (const { name, credentials } of providers) {
    if (credentials) {
      connectionParamsByHeader[credentials.header] = credentials.connectionInitKey;
      const demo = demoCredentials[name];
      if (demo) {
        demoHeaders[credentials.header] = demo;
      }
    }
  }
  let page: { html: Buffer; etag: string } | undefined;
  const rendered = () => {
    if (!page) {
      const { renderGraphiQLPage } = require('./graphiql-page') as typeof GraphiQLPageModule;
      const html = Buffer.from(
        renderGraphiQLPage({
          title: 'Banking Gateway',
          endpoint: '/graphql',
          connectionParamsByHeader,
          defaultQuery: FIRST_QUERY,
          headers: JSON.stringify(demoHeaders, null, 2),
          shouldPersistHeaders: false,
        }),
      );
      page = { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
    }
    return page;
  };
  let compressed: ReturnType<typeof compressedOnce> | undefined;
  const compress = () => {
    const { etag, html } = rendered();
    return (compressed ??= compressedOnce(etag, html));
  };

  return {
    get ready() {
      return compress().ready;
    },
    isFor(req) {
      return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
    },
    serve(req, res) {
      const { html, etag } = rendered();
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'public, max-age=600, must-revalidate');
      res.setHeader('Vary', 'Accept-Encoding');
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304).end();
        return;
      }
      const { encoded } = compress();
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      const encoding = (['br', 'gzip'] as const).find((name) => accepted.has(name) && encoded[name]);
      const body = encoding ? (encoded[encoding] as Buffer) : html;
      if (encoding) {
        res.setHeader('Content-Encoding', encoding);
      }
      res.setHeader('Content-Length', String(body.length));
      res.end(body);
    },
  };
}

export interface GraphiQLRoute {
  /** Resolves once the compressed copies are made; until then the page goes out uncompressed. */
  readonly ready: Promise<void>;
  /** A browser asking for the page: GET /graphql preferring HTML. */
  isFor(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): void;
}

/**
 * The page's compressed copies, made once per process whatever the number of servers
 * in it (tests start many): CPU on the thread pool each time would starve the pool's
 * other work. Brotli 6 and gzip 6: measured on the 9 MB page, brotli 9 saves 3 % of the
 * bytes (1.86 against 1.92 MB) for three times the CPU (0.72 against 0.26 s), gzip 9 0.4 %
 * for twice.
 */
const compressions = new Map<string, { encoded: Partial<Record<'br' | 'gzip', Buffer>>; ready: Promise<void> }>();

function compressedOnce(etag: string, html: Buffer) {
  let made = compressions.get(etag);
  if (!made) {
    const encoded: Partial<Record<'br' | 'gzip', Buffer>> = {};
    const ready = Promise.all([
      promisify(zlib.brotliCompress)(html, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: html.length },
      }).then((body) => (encoded.br = body)),
      promisify(zlib.gzip)(html, { level: 6 }).then((body) => (encoded.gzip = body)),
    ]).then(() => undefined);
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
