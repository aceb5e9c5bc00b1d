import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';

import type { Config } from './config';
import { createContextFactory, type Context } from './context';
import { createIdempotent } from './payments/idempotency';
import { idempotencyRulePlugin } from './payments/idempotency-rule.plugin';
import { createMemoryIdempotencyStore, createRedisIdempotencyStore } from './payments/idempotency-store';
import { confirmationChanges } from './payments/confirmation-changes';
import { createMemoryStore } from './payments/memory-store';
import { createPayments } from './payments/payment-service';
import { createRedisStore } from './payments/redis-store';
import { createWriteBehind } from './payments/write-behind';
import { createRedisApqCache } from './http/apq-cache';
import { createFormatError } from './errors/errors';
import { createImportPoll } from './imports/import-polls';
import { createMemoryImportStore } from './imports/import-store';
import { createImportTracker } from './imports/import-tracker';
import { createGatewayPubSub } from './live/pubsub';
import { createRedisImportLeases, createRedisImportStore } from './imports/redis-import-store';
import { createGraphiQL } from './http/graphiql';
import { queryLimitsFrom } from './limits/query-limits';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { createLogger } from './ops/logger';
import { createMetrics, type Metrics } from './ops/metrics';
import { createProviders, type Providers } from './providers/registry';
import { createRedis, isRedisReachable } from './state/redis';
import { requestIdFrom } from './http/request-id';
import { responseErrorsPlugin } from './errors/response-errors.plugin';
import { operationsPlugin } from './ops/operations.plugin';
import { buildGatewaySchema } from './schema/build-schema';
import { traceRequest, tracingPlugin } from './ops/telemetry';
import { rateLimitCheck } from './limits/rate-limit-check';
import { createRateLimiter } from './limits/rate-limiter';
import { createStateCrypto } from './state/state-crypto';
import { createTransactionWatch } from './live/transaction-watch';
import { serveWebsocket, websocketOptions } from './http/websocket';
import { SSE_PATH, sseRoute } from './http/sse-route';
import { createSubscriptionOperations } from './http/subscription-operations';
import { multipartSubscriptions } from './http/subscription-multipart';
import { subscriptionRefusalPlugin } from './http/subscription-refusal.plugin';
import { isAllowedOrigin } from './http/cors';
import { graphqlRoute } from './http/graphql-route';

export interface GatewayServer {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly providers: Providers;
  /** Starts listening on 127.0.0.1 (or `host`); resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops taking requests, lets in-flight ones finish, closes sockets and connections. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  logger?: Logger;
  /** Show the sandbox's demo credentials in GraphiQL. */
  demoHeaders?: boolean;
  /** The HTTP server's clocks; the contract's by default (tests shorten them). */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** How often an idle multipart HTTP subscription sends a heartbeat part. @default 5000 */
  multipartHeartbeatMs?: number;
}

/** How long a client may take (CONTRACT.md, Operations). */
export interface HttpTimeouts {
  /** Until the request's headers are in. @default 30000 */
  headersMs: number;
  /** Until the whole request is in. @default 60000 */
  requestMs: number;
  /** How often stalled requests are looked for: none outlives requestMs by more. @default 5000 */
  checkEveryMs: number;
  /** An idle keep-alive connection is closed after this. @default 5000 */
  keepAliveMs: number;
}

const HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 30_000, requestMs: 60_000, checkEveryMs: 5000, keepAliveMs: 5000 };

export async function createServer(config: Config, options: ServerOptions = {}): Promise<GatewayServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const providers = createProviders(config, metrics, logger);
  const redis: Redis | undefined = config.redisUrl ? createRedis(config.redisUrl, logger) : undefined;
  const stateCrypto = createStateCrypto(config.stateSecret);
  const idempotent = createIdempotent(
    redis ? createRedisIdempotencyStore(redis, stateCrypto) : createMemoryIdempotencyStore(),
    { crypto: stateCrypto, logger },
  );
  const pubsub = createGatewayPubSub(
    config.redisUrl ? { connect: () => createRedis(config.redisUrl as string, logger), logger } : undefined,
  );
  const payments = createPayments({
    store: createWriteBehind(redis ? createRedisStore(redis, stateCrypto) : createMemoryStore(), logger),
    providerFor: (name) => {
      const provider = providers.payments[name];
      if (!provider) {
        throw new Error(`${name} moves no money`);
      }
      return provider;
    },
    changes: confirmationChanges(pubsub.pubsub, stateCrypto),
    logger,
    ttlMs: config.confirmationTtlS * 1000,
    maxAttempts: config.tanMaxAttempts,
    executingMs: config.upstreamTimeoutMs + 5000,
    metrics,
  });
  const imports = createImportTracker({
    store: redis ? createRedisImportStore(redis) : createMemoryImportStore(),
    leases: redis ? createRedisImportLeases(redis) : undefined,
    pubsub: pubsub.pubsub,
    poll: createImportPoll(providers),
    logger,
    metrics,
    pollMs: config.importPollMs,
    pollMaxMs: config.importPollMaxMs,
    leaseMs: config.importLeaseMs,
    unavailableAfterMs: config.importUnavailableAfterMs,
    unwatchedMs: config.importUnwatchedMs,
    // A poll is a few upstream calls, each bounded by UPSTREAM_TIMEOUT_MS.
    pollTimeoutMs: config.upstreamTimeoutMs * 3,
  });
  const transactionWatch = createTransactionWatch({
    accountProviders: providers.accountProviders,
    pollMs: config.transactionPollMs,
    unavailableAfterMs: config.importUnavailableAfterMs,
    pollTimeoutMs: config.upstreamTimeoutMs * 3,
    logger,
    metrics,
    stateCrypto,
  });
  const createContext = createContextFactory({
    providers,
    payments,
    idempotent,
    imports,
    transactionWatch,
    logger,
    stateCrypto,
  });
  const schema = await buildGatewaySchema(pubsub.pubsub);
  const limits = queryLimitsFrom(config);
  const rateLimiter = createRateLimiter({ perMinute: config.rateLimitPerMinute, redis, stateCrypto });

  const formatError = createFormatError();
  const app = express();
  app.disable('x-powered-by');
  // A GraphQL answer is never fetched conditionally; hashing every body for an ETag is waste.
  app.set('etag', false);
  const timeouts = { ...HTTP_TIMEOUTS, ...options.httpTimeouts };
  const httpServer = http.createServer({
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    connectionsCheckingInterval: timeouts.checkEveryMs,
    keepAliveTimeout: timeouts.keepAliveMs,
  });
  httpServer.maxConnections = config.maxConnections;
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // One core for the WebSocket, SSE and multipart HTTP: checks, context, errors, the gauge.
  const subscriptions = createSubscriptionOperations({
    schema,
    createContext,
    limits,
    rateLimiter,
    formatError,
    metrics,
    trusted: config.trustedDocuments,
  });
  const wsCleanup = serveWebsocket(wsServer, websocketOptions(subscriptions), logger);
  const stream = sseRoute({
    subscriptions,
    corsOrigins: config.corsOrigins,
    rateLimit: rateLimitCheck(rateLimiter, logger),
    maxBodyBytes: config.maxBodyBytes,
    logger,
  });

  const graphiql = config.introspection
    ? createGraphiQL({ demoHeaders: options.demoHeaders ?? config.sandbox })
    : undefined;
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // Automatic persisted queries: with Redis, one cache for every instance.
    persistedQueries: redis ? { cache: createRedisApqCache(redis, stateCrypto), ttl: 24 * 60 * 60 } : undefined,
    // The token limit, counted by graphql-js while it parses; queryLimitsPlugin names the refusal.
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    includeStacktraceInErrorResponses: false,
    // Compact JSON: Apollo's default indents every response, a third more bytes to write and send.
    stringifyResult: (value) => JSON.stringify(value),
    csrfPrevention: {
      // A request carrying credentials is never a browser's "simple" request.
      requestHeaders: [
        'x-apollo-operation-name',
        'apollo-require-preflight',
        'x-kontist-authorization',
        'x-bankimport-token',
      ],
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              // Operations first, so that each sends its end before its stream closes.
              await Promise.all([wsCleanup.dispose(), subscriptions.close().then(() => stream.close())]);
            },
          };
        },
      },
      // GraphiQL is served by its own route (compressed, cacheable), and only with introspection on.
      ApolloServerPluginLandingPageDisabled(),
      subscriptionRefusalPlugin(),
      queryLimitsPlugin(limits),
      idempotencyRulePlugin(),
      responseErrorsPlugin(formatError),
      tracingPlugin(),
      operationsPlugin({ metrics, maxOperationNames: config.metricsMaxOperations }),
    ],
  });
  await apollo.start();

  const graphql = graphqlRoute({
    apollo,
    createContext,
    corsOrigins: config.corsOrigins,
    rateLimit: rateLimitCheck(rateLimiter, logger),
    maxBodyBytes: config.maxBodyBytes,
    maxUpstreamCalls: config.maxUpstreamCalls,
    trusted: config.trustedDocuments,
    multipart: multipartSubscriptions({ subscriptions, heartbeatMs: options.multipartHeartbeatMs }),
    logger,
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (redis && !(await isRedisReachable(redis))) {
      res.status(503).json({ status: 'unavailable', reason: 'Redis is unreachable' });
      return;
    }
    res.json({ status: 'ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use((req, res) => {
    res.status(404).json({ error: `Not found: ${req.method} ${req.path}. GraphQL is served at /graphql.` });
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    res.once('finish', () => metrics.httpRequests.inc({ method: req.method, status: String(res.statusCode) }));
    if (isPath(req.url, SSE_PATH)) {
      stream.serve(req, res, requestId);
    } else if (isPath(req.url, '/graphql')) {
      if (graphiql?.isFor(req)) {
        graphiql.serve(req, res);
      } else {
        traceRequest(req, res, () => graphql(req, res, requestId));
      }
    } else {
      app(req, res);
    }
  });

  httpServer.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') {
      socket.destroy();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, config.corsOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  });

  let stopped: Promise<void> | undefined;
  return {
    config,
    logger,
    metrics,
    providers,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}`);
        });
      });
    },
    stop() {
      stopped ??= (async () => {
        await apollo.stop();
        if (httpServer.listening) {
          await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        }
        wsServer.close();
        // Leases go back at once, so another instance takes over without waiting for them to run out.
        await imports.close();
        await payments.close();
        transactionWatch.close();
        idempotent.close();
        pubsub.close();
        providers.close();
        redis?.disconnect();
      })();
      return stopped;
    },
  };
}

/** `path`, with or without a query string or a trailing slash. */
function isPath(url: string | undefined, path: string): boolean {
  const requested = url?.split('?', 1)[0];
  return requested === path || requested === `${path}/`;
}
