import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';

import type { Config } from './config';
import { createContextFactory, type Context } from './context';
import { idempotencyRulePlugin } from './payments/idempotency-rule.plugin';
import { createRedisApqCache } from './http/apq-cache';
import { createFormatError } from './errors/errors';
import { createGraphiQL } from './http/graphiql';
import { queryLimitsFrom } from './limits/query-limits';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { createLogger } from './ops/logger';
import { createMetrics, type Metrics } from './ops/metrics';
import type { ProviderDescriptor } from './providers/descriptor';
import { banks } from './providers/registry';
import type { Credentials } from './providers/credentials';
import type { Providers } from './providers/providers';
import { createServices } from './services';
import { responseErrorsPlugin } from './errors/response-errors.plugin';
import { operationsPlugin } from './ops/operations.plugin';
import { buildGatewaySchema } from './schema/build-schema';
import { tracingPlugin } from './ops/telemetry';
import { rateLimitCheck } from './limits/rate-limit-check';
import { createRateLimiter } from './limits/rate-limiter';
import { serveWebsocket, websocketOptions } from './http/websocket';
import { sseRoute } from './http/sse-route';
import { createSubscriptionOperations } from './http/subscription-operations';
import { multipartSubscriptions } from './http/subscription-multipart';
import { subscriptionRefusalPlugin } from './http/subscription-refusal.plugin';
import { graphqlRoute } from './http/graphql-route';
import { drainStreamsPlugin } from './http/drain.plugin';
import { noStorePlugin } from './http/no-store.plugin';
import { requestHandler, upgradeHandler } from './http/routes';

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
  /** The banks behind this gateway; the registry's by default. */
  providers?: readonly ProviderDescriptor[];
  logger?: Logger;
  /** Credentials GraphiQL's Headers tab starts with (the sandbox's demo user). */
  demoCredentials?: Credentials;
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
  const descriptors = options.providers ?? banks;
  const logger = options.logger ?? createLogger(config.logLevel, undefined, descriptors);
  const metrics = createMetrics();
  const services = createServices(config, descriptors, logger, metrics);
  const { providers, credentials, redis, stateCrypto, pubsub } = services;
  const createContext = createContextFactory({
    providers,
    payments: services.payments,
    idempotent: services.idempotent,
    imports: services.imports,
    transactionWatch: services.transactionWatch,
    logger,
    stateCrypto,
    credentials,
  });
  const schema = await buildGatewaySchema(descriptors, pubsub.pubsub);
  const limits = queryLimitsFrom(config);
  const rateLimiter = createRateLimiter({
    perMinute: config.rateLimitPerMinute,
    redis,
    stateCrypto,
    credentials,
  });

  const formatError = createFormatError(credentials.headers);
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
    credentialHeaders: credentials.headers,
    rateLimit: rateLimitCheck(rateLimiter, logger),
    maxBodyBytes: config.maxBodyBytes,
    logger,
  });

  const graphiql = config.introspection
    ? createGraphiQL({ providers: descriptors, demoCredentials: options.demoCredentials })
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
      requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', ...credentials.headers],
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      drainStreamsPlugin(() => Promise.all([wsCleanup.dispose(), subscriptions.close().then(() => stream.close())])),
      // GraphiQL is served by its own route (compressed, cacheable), and only with introspection on.
      ApolloServerPluginLandingPageDisabled(),
      // Nothing is cacheable: no per-field cache hints (a hook on every field), only `Cache-Control: no-store`.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
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
    credentialHeaders: credentials.headers,
    rateLimit: rateLimitCheck(rateLimiter, logger),
    maxBodyBytes: config.maxBodyBytes,
    maxUpstreamCalls: config.maxUpstreamCalls,
    trusted: config.trustedDocuments,
    multipart: multipartSubscriptions({ subscriptions, heartbeatMs: options.multipartHeartbeatMs }),
    logger,
  });
  httpServer.on('request', requestHandler({ graphql, stream, graphiql, metrics, redis }));
  httpServer.on('upgrade', upgradeHandler(wsServer, config.corsOrigins));

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
        await services.close();
      })();
      return stopped;
    },
  };
}
