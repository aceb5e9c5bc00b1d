import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Credentials } from '../providers/credentials';
import type { ProviderDescriptor } from '../providers/descriptor';
import type * as GraphiQLPageModule from './graphiql-page';
import { compressed, contentHash, serveStaticFile, staticFile, type StaticFile } from './static-file';

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

/** Where GraphiQL's assets are served, each under a name that changes with its content. */
export const GRAPHIQL_ASSETS_PATH = '/graphql/assets/';

/** The page names its assets, so it is revalidated on every load (a 304 while unchanged). */
const PAGE_CACHE = 'no-cache';
/** An asset's URL changes with its content: browsers keep it and never ask again. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/**
 * GraphiQL served by the gateway itself: a small page and its assets (about 9 MB, mostly
 * Monaco and GraphiQL), so it works offline and loads nothing from a CDN. Subscriptions
 * go over the WebSocket, with the Headers tab in `connection_init`. The assets are
 * loaded on the first request for the page or one of them (a gateway nobody opens
 * GraphiQL on never spends the memory), compressed once off the main thread (brotli
 * and gzip; plain until then), and cached by browsers for good: a second visit loads
 * only the page, and the browser runs its cached compilation of the scripts.
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
  let files: { page: StaticFile; assets: Map<string, StaticFile> } | undefined;
  const loaded = () => {
    if (!files) {
      const { graphiqlAssets, renderGraphiQLPage } = require('./graphiql-page') as typeof GraphiQLPageModule;
      const assets = new Map<string, StaticFile>();
      const urls = {} as Record<GraphiQLPageModule.GraphiQLAssetKey, string>;
      for (const [key, asset] of Object.entries(graphiqlAssets) as Array<
        [GraphiQLPageModule.GraphiQLAssetKey, GraphiQLPageModule.GraphiQLAsset]
      >) {
        const dot = asset.name.lastIndexOf('.');
        const name = `${asset.name.slice(0, dot)}-${contentHash(asset.body)}${asset.name.slice(dot)}`;
        assets.set(name, staticFile(asset.body, asset.contentType, ASSET_CACHE));
        urls[key] = `${GRAPHIQL_ASSETS_PATH}${name}`;
      }
      const html = renderGraphiQLPage(
        {
          title: 'Banking Gateway',
          endpoint: '/graphql',
          connectionParamsByHeader,
          defaultQuery: FIRST_QUERY,
          headers: JSON.stringify(demoHeaders, null, 2),
          shouldPersistHeaders: false,
        },
        (key) => urls[key],
      );
      files = { page: staticFile(html, 'text/html; charset=utf-8', PAGE_CACHE), assets };
    }
    return files;
  };

  return {
    isFor(req) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return false;
      }
      const path = req.url?.split('?', 1)[0];
      if (path?.startsWith(GRAPHIQL_ASSETS_PATH)) {
        return true;
      }
      return (path === '/graphql' || path === '/graphql/') && (req.headers.accept ?? '').includes('text/html');
    },
    serve(req, res) {
      const { page, assets } = loaded();
      const path = req.url?.split('?', 1)[0] ?? '';
      if (!path.startsWith(GRAPHIQL_ASSETS_PATH)) {
        // Opening the page is when the assets' compressed copies are wanted next.
        for (const asset of assets.values()) {
          void compressed(asset);
        }
        serveStaticFile(req, res, page);
        return;
      }
      const asset = assets.get(path.slice(GRAPHIQL_ASSETS_PATH.length));
      if (!asset) {
        // An older page's asset after an upgrade, or a mistyped name.
        res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(
          req.method === 'HEAD'
            ? undefined
            : JSON.stringify({ error: `Not found: ${path}. Reload GraphiQL at /graphql.` }),
        );
        return;
      }
      serveStaticFile(req, res, asset);
    },
  };
}

export interface GraphiQLRoute {
  /** A browser asking for the page (GET /graphql preferring HTML), or for one of its assets. */
  isFor(req: IncomingMessage): boolean;
  serve(req: IncomingMessage, res: ServerResponse): void;
}
