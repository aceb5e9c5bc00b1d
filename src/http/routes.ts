import type http from 'node:http';
import type { Duplex } from 'node:stream';

import express from 'express';
import type { Redis } from 'ioredis';
import type { WebSocketServer } from 'ws';

import type { Metrics } from '../ops/metrics';
import { traceRequest } from '../ops/telemetry';
import { isRedisReachable } from '../state/redis';
import { isAllowedOrigin } from './cors';
import type { GraphiQLRoute } from './graphiql';
import type { GraphQLRoute } from './graphql-route';
import { requestIdFrom } from './request-id';
import { SSE_PATH, type SseRoute } from './sse-route';

export interface Routes {
  graphql: GraphQLRoute;
  stream: SseRoute;
  graphiql: GraphiQLRoute | undefined;
  metrics: Metrics;
  redis: Redis | undefined;
}

/**
 * Every HTTP request's way: a request id first, then /graphql/stream (SSE), GraphiQL
 * (its page and /graphql/assets/) or /graphql, and Express only for the operator's
 * routes and the JSON 404.
 */
export function requestHandler({ graphql, stream, graphiql, metrics, redis }: Routes) {
  const operator = operatorRoutes(metrics, redis);
  return (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    res.once('finish', () => metrics.httpRequests.inc({ method: req.method, status: String(res.statusCode) }));
    if (isPath(req.url, SSE_PATH)) {
      stream.serve(req, res, requestId);
    } else if (graphiql?.isFor(req)) {
      graphiql.serve(req, res);
    } else if (isPath(req.url, '/graphql')) {
      traceRequest(req, res, () => graphql(req, res, requestId));
    } else {
      operator(req, res);
    }
  };
}

/** WebSocket upgrades: /graphql only, and only from allowed origins (403 before the socket opens). */
export function upgradeHandler(wsServer: WebSocketServer, corsOrigins: string[] | undefined) {
  return (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== '/graphql') {
      socket.destroy();
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, corsOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  };
}

/** /healthz, /readyz (Redis reachable), /metrics; anything else a JSON 404. */
function operatorRoutes(metrics: Metrics, redis: Redis | undefined): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // A GraphQL answer is never fetched conditionally; hashing every body for an ETag is waste.
  app.set('etag', false);
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
  return app;
}

/** `path`, with or without a query string or a trailing slash. */
function isPath(url: string | undefined, path: string): boolean {
  const requested = url?.split('?', 1)[0];
  return requested === path || requested === `${path}/`;
}
