import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';

/** What Yoga's GraphiQL takes, less what the page's own fetcher replaces. */
export type GraphiQLPageOptions = Omit<
  NonNullable<Parameters<typeof renderGraphiQL>[0]>,
  'endpoint' | 'subscriptionsProtocol'
> & {
  /** Where queries are POSTed and the WebSocket opens (same origin). */
  endpoint: string;
  /** Headers-tab header → graphql-ws `connection_init` key; names match case-insensitively. */
  connectionParamsByHeader: Readonly<Record<string, string>>;
};

/** graphql-ws's browser build: the same client library the gateway's tests use. */
const graphqlWsClient = readFileSync(
  join(dirname(require.resolve('graphql-ws/package.json')), 'umd', 'graphql-ws.min.js'),
  'utf8',
);

/**
 * GraphiQL's fetcher, run in the page. Queries and mutations are POSTed with the
 * Headers tab as HTTP headers. A subscription goes over graphql-ws, whose credentials
 * are the `connection_init` payload: it carries the Headers tab as it is when the
 * subscription starts, under the gateway's keys. graphql-ws sends that payload once
 * per socket, so other headers take another client; a lazy client closes its socket
 * when its last subscription ends, so the one it replaces goes away by itself.
 */
const fetcherScript = `
function createGatewayFetcher({ endpoint, connectionParamsByHeader }) {
  const httpUrl = new URL(endpoint, location.href);
  const socketUrl = new URL(httpUrl);
  socketUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  let current = null;

  function connectionParamsOf(headers) {
    const byName = new Map(Object.entries(headers || {}).map(([name, value]) => [name.toLowerCase(), value]));
    const params = {};
    for (const [header, key] of Object.entries(connectionParamsByHeader)) {
      const value = byName.get(header.toLowerCase());
      if (value !== undefined && value !== null) {
        params[key] = String(value);
      }
    }
    return params;
  }

  function clientFor(params) {
    const key = JSON.stringify(params);
    if (!current || current.key !== key) {
      // No retries: GraphiQL shows a failed connection at once rather than after backing off.
      const client = graphqlWs.createClient({ url: socketUrl.href, connectionParams: params, lazy: true, retryAttempts: 0 });
      current = { key, client };
    }
    return current.client;
  }

  // As @graphiql/toolkit's fetcher tells a subscription: from the document GraphiQL parsed.
  function operationOf(documentAST, operationName) {
    const operations = ((documentAST && documentAST.definitions) || []).filter((d) => d.kind === 'OperationDefinition');
    if (operationName) {
      return operations.find((o) => o.name && o.name.value === operationName);
    }
    return operations.length === 1 ? operations[0] : undefined;
  }

  function errorsOf(error) {
    if (Array.isArray(error)) {
      return error;
    }
    if (error && typeof error.code === 'number') {
      return [{ message: 'The WebSocket closed (' + error.code + (error.reason ? ': ' + error.reason : '') + ').' }];
    }
    return [{ message: error instanceof Error ? error.message : String(error) }];
  }

  function overWebSocket(params, headers) {
    const client = clientFor(connectionParamsOf(headers));
    return {
      subscribe(observer) {
        const unsubscribe = client.subscribe(params, {
          next: (result) => observer.next(result),
          // Shown as a result, as an HTTP error response would be.
          error: (error) => {
            observer.next({ errors: errorsOf(error) });
            observer.complete();
          },
          complete: () => observer.complete(),
        });
        return { unsubscribe };
      },
    };
  }

  async function overHttp(params, headers) {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify(params),
    });
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch {
      return { errors: [{ message: 'HTTP ' + response.status + ': the answer is not JSON.' }] };
    }
  }

  return function fetcher(params, options) {
    const headers = (options && options.headers) || {};
    const operation = operationOf(options && options.documentAST, params.operationName);
    return operation && operation.operation === 'subscription'
      ? overWebSocket(params, headers)
      : overHttp(params, headers);
  };
}
`;

/** JSON that is safe inside a <script> element. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A file the page loads: its name (the hash goes into the URL) and body. */
export interface GraphiQLAsset {
  name: string;
  contentType: string;
  body: Buffer | string;
}

const JS = 'text/javascript; charset=utf-8';

/** Everything the page loads besides itself: Yoga's GraphiQL build, split into files. */
export const graphiqlAssets = {
  graphiql: { name: 'graphiql.js', contentType: JS, body: js },
  css: { name: 'graphiql.css', contentType: 'text/css; charset=utf-8', body: css },
  favicon: {
    name: 'favicon.ico',
    contentType: 'image/x-icon',
    body: Buffer.from(favicon.slice(favicon.indexOf(',') + 1), 'base64'),
  },
  graphqlWs: { name: 'graphql-ws.js', contentType: JS, body: graphqlWsClient },
  fetcher: { name: 'gateway-fetcher.js', contentType: JS, body: fetcherScript },
  // Monaco's workers, by the label Monaco asks for them by.
  editorWorkerService: { name: 'editor.worker.js', contentType: JS, body: editorWorkerService },
  json: { name: 'json.worker.js', contentType: JS, body: jsonWorker },
  graphql: { name: 'graphql.worker.js', contentType: JS, body: graphqlWorker },
} satisfies Record<string, GraphiQLAsset>;

export type GraphiQLAssetKey = keyof typeof graphiqlAssets;

/**
 * Yoga's GraphiQL as `renderGraphiQL` renders it, but with its assets as files of their
 * own (cached by the browser for good, under names that change with their content) and
 * with a fetcher of the page's own (see `fetcherScript`): `renderGraphiQL` passes its
 * options as JSON, which cannot carry a fetcher.
 */
export function renderGraphiQLPage(options: GraphiQLPageOptions, url: (asset: GraphiQLAssetKey) => string): string {
  const { endpoint, connectionParamsByHeader, ...graphiql } = options;
  const workers = {
    editorWorkerService: url('editorWorkerService'),
    json: url('json'),
    graphql: url('graphql'),
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${graphiql.title ?? 'GraphiQL'}</title>
    <link rel="icon" href="${graphiql.favicon ?? url('favicon')}" />
    <link rel="stylesheet" href="${url('css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${inlineJson(workers)};
      self['MonacoEnvironment'] = {
        globalAPI: false,
        getWorkerUrl: function (moduleId, label) {
          return workers[label];
        },
      };
    </script>
    <script src="${url('graphqlWs')}"></script>
    <script src="${url('graphiql')}"></script>
    <script src="${url('fetcher')}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(window.document.querySelector('#root'), {
        ...${inlineJson(graphiql)},
        fetcher: createGatewayFetcher(${inlineJson({ endpoint, connectionParamsByHeader })}),
      });
    </script>
  </body>
</html>
`;
}
