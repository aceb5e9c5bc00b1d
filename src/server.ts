import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { useServer } from 'graphql-ws/use/ws';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';

import type { Config } from './config';
import { createContextFactory, type Context } from './context';
import { createConfirmations } from './confirmations/confirmations';
import { createIdempotent } from './confirmations/idempotency';
import { createMemoryIdempotencyStore, createRedisIdempotencyStore } from './confirmations/idempotency-store';
import { createMemoryStore } from './confirmations/memory-store';
import { createRedisStore } from './confirmations/redis-store';
import { createFormatError } from './errors';
import { createImportPoll } from './imports/import-polls';
import { createMemoryImportStore } from './imports/import-store';
import { createImportTracker } from './imports/import-tracker';
import { createGatewayPubSub } from './imports/pubsub';
import { createRedisImportStore } from './imports/redis-import-store';
import { graphiqlLandingPage } from './graphiql';
import { queryLimitsFrom } from './limits/query-limits';
import { queryLimitsPlugin } from './limits/query-limits.plugin';
import { createSubscribeGuard } from './limits/subscribe-guard';
import { createLogger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { createProviders, type Providers } from './providers/registry';
import { createRedis, isRedisReachable } from './redis';
import { requestIdFrom } from './request-id';
import { responseErrorsPlugin } from './response-errors.plugin';
import { buildGatewaySchema } from './schema/build-schema';
import { rateLimitMiddleware } from './rate-limit/rate-limit.middleware';
import { createRateLimiter } from './rate-limit/rate-limiter';
import { createTransactionWatch } from './transactions/transaction-watch';
import { websocketOptions } from './websocket';
import { corsMiddleware, isAllowedOrigin } from './cors';

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
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<GatewayServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const providers = createProviders(config, metrics, logger);
  const redis: Redis | undefined = config.redisUrl ? createRedis(config.redisUrl) : undefined;
  const confirmations = createConfirmations({
    store: redis ? createRedisStore(redis) : createMemoryStore(),
    ttlMs: config.confirmationTtlS * 1000,
    maxAttempts: config.tanMaxAttempts,
  });
  const idempotent = createIdempotent(redis ? createRedisIdempotencyStore(redis) : createMemoryIdempotencyStore());
  const pubsub = createGatewayPubSub(
    config.redisUrl ? { connect: () => createRedis(config.redisUrl as string), logger } : undefined,
  );
  const imports = createImportTracker({
    store: redis ? createRedisImportStore(redis) : createMemoryImportStore(),
    pubsub: pubsub.pubsub,
    poll: createImportPoll(providers),
    logger,
    metrics,
    pollMs: config.importPollMs,
    pollMaxMs: config.importPollMaxMs,
    leaseMs: config.importLeaseMs,
    unavailableAfterMs: config.importUnavailableAfterMs,
    unwatchedMs: config.importUnwatchedMs,
  });
  const transactionWatch = createTransactionWatch({
    accountProviders: providers.accountProviders,
    pollMs: config.transactionPollMs,
    logger,
    metrics,
  });
  const createContext = createContextFactory({
    providers,
    confirmations,
    idempotent,
    imports,
    transactionWatch,
    logger,
  });
  const schema = await buildGatewaySchema(pubsub.pubsub);
  const limits = queryLimitsFrom(config);
  const rateLimiter = createRateLimiter({ perMinute: config.rateLimitPerMinute, redis });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const wsCleanup = useServer(
    websocketOptions({
      schema,
      createContext,
      logger,
      metrics,
      guard: createSubscribeGuard({ schema, limits, rateLimiter }),
    }),
    wsServer,
  );

  const formatError = createFormatError(({ error }) =>
    logger.error({ err: error }, 'unexpected error, masked for the client'),
  );
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // The token limit, counted by graphql-js while it parses; queryLimitsPlugin names the refusal.
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    includeStacktraceInErrorResponses: false,
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
              await wsCleanup.dispose();
            },
          };
        },
      },
      graphiqlLandingPage({ demoHeaders: options.demoHeaders ?? config.sandbox }),
      queryLimitsPlugin(limits),
      responseErrorsPlugin(formatError),
      {
        async requestDidStart({ contextValue }) {
          const started = process.hrtime.bigint();
          return {
            async willSendResponse({ operation, errors, response }) {
              const failed =
                Boolean(errors?.length) ||
                (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
              metrics.operations.observe(
                { type: operation?.operation ?? 'unknown', outcome: failed ? 'error' : 'ok' },
                Number(process.hrtime.bigint() - started) / 1e9,
              );
              contextValue.logger.debug({ operation: operation?.operation, failed }, 'operation done');
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.use((req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => metrics.httpRequests.inc({ method: req.method, status: String(res.statusCode) }));
    next();
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
  app.use(
    '/graphql',
    corsMiddleware(config.corsOrigins),
    rateLimitMiddleware(rateLimiter),
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const aborted = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) {
            aborted.abort();
          }
        });
        return createContext({
          requestId: res.locals.requestId as string,
          credentials: {
            kontistAuthorization: req.headers['x-kontist-authorization'],
            bankimportToken: req.headers['x-bankimport-token'],
          },
          idempotencyKey: req.headers['idempotency-key'],
          signal: aborted.signal,
        });
      },
    }),
  );
  app.use('/graphql', (req: Request, res: Response) => {
    res
      .status(405)
      .setHeader('Allow', 'GET, POST')
      .json(requestError(res, 'Only GET and POST are allowed on /graphql.'));
  });
  // Body parser failures: too large (413) or not JSON (400), in GraphQL's error shape.
  app.use((error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = error.status === 413 ? 413 : error.status && error.status < 500 ? 400 : 500;
    if (status === 500) {
      logger.error({ err: error }, 'unexpected error');
    }
    res
      .status(status)
      .json(
        requestError(
          res,
          status === 413
            ? `The request body is larger than ${config.maxBodyBytes} bytes.`
            : status === 400
              ? 'The request body is not valid JSON.'
              : 'Internal server error.',
          status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
        ),
      );
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
    listen(port = config.port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
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
        transactionWatch.close();
        pubsub.close();
        providers.close();
        redis?.disconnect();
      })();
      return stopped;
    },
  };
}

function requestError(res: Response, message: string, code = 'BAD_REQUEST') {
  return { errors: [{ message, extensions: { code, requestId: res.locals.requestId as string } }] };
}
