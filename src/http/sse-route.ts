import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import cors from 'cors';
import {
  TOKEN_HEADER_KEY,
  TOKEN_QUERY_KEY,
  createHandler,
  type ExecutionResult,
  type Response as StreamResponse,
} from 'graphql-sse';
import type { Logger } from 'pino';

import { allowedHeaders } from './cors';
import { createAdmission, type WithBody } from './admission';
import { sendErrors } from '../errors/http-errors';
import type { RateLimitCheck } from '../limits/rate-limit-check';
import { httpSubscriber, writeChunk } from './subscription-http';
import type { SubscriptionOperations } from './subscription-operations';

/** The path of GraphQL over Server-Sent Events. */
export const SSE_PATH = '/graphql/stream';

export interface SseRouteOptions {
  subscriptions: SubscriptionOperations;
  corsOrigins: string[] | undefined;
  /** The banks' credential headers, which browsers may send too. */
  credentialHeaders: readonly string[];
  rateLimit: RateLimitCheck;
  maxBodyBytes: number;
  logger: Logger;
  /** How long a stream reserved by PUT (single-connection mode) waits to be connected. @default 30000 */
  reservationMs?: number;
}

export interface SseRoute {
  /** Answers one request to /graphql/stream; `requestId` is already on the response's header. */
  serve(req: IncomingMessage, res: ServerResponse, requestId: string): void;
  /** Ends every open event stream (graceful shutdown). */
  close(): Promise<void>;
}

interface RequestContext {
  requestId: string;
  /** A reservation ending unconnected: its token is let through once more, to be disposed of. */
  expiring?: boolean;
}

interface Reservation {
  /** The credentials' keyed hash: only requests with the same credentials may use the token. */
  caller: string | null;
  timer: NodeJS.Timeout | undefined;
}

/**
 * GraphQL over Server-Sent Events (the graphql-sse protocol), subscriptions only, in
 * both of the graphql-sse client's modes: distinct connections (one request per
 * operation) and single connection (PUT reserves a stream, GET connects it, POST adds
 * operations, DELETE stops one). Every request passes the Origin check (403), CORS, the
 * rate limit and the body limit, as /graphql does; every operation passes the same
 * checks as a WebSocket `subscribe`, through the shared subscription core.
 *
 * A reservation's token is random (graphql-sse's default is Math.random) and bound to
 * the credentials that made it, so that no one else attaches to or reads that stream;
 * one never connected is dropped after `reservationMs`.
 */
export function sseRoute({
  subscriptions,
  corsOrigins,
  credentialHeaders,
  rateLimit,
  maxBodyBytes,
  logger,
  reservationMs = 30_000,
}: SseRouteOptions): SseRoute {
  const methods = ['GET', 'POST', 'PUT', 'DELETE'];
  const headers = [...allowedHeaders(credentialHeaders), TOKEN_HEADER_KEY];
  const admit = createAdmission({
    path: SSE_PATH,
    corsOrigins,
    methods,
    allowedHeaders: headers,
    cors: cors({
      // Refused with 403 before this runs.
      origin: true,
      allowedHeaders: headers,
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      methods,
      maxAge: 600,
    }),
    rateLimit,
    maxBodyBytes,
    logger,
  });
  const reservations = new Map<string, Reservation>();
  const openStreams = new Set<AsyncGenerator<string, void, undefined>>();

  const callerOf = (req: IncomingMessage) => subscriptions.callerKeyOf(httpSubscriber(req, '', '').credentials);

  const handler = createHandler<IncomingMessage | undefined, RequestContext>({
    authenticate(req) {
      if (req.method === 'PUT') {
        const token = randomUUID();
        const timer = setTimeout(() => void expire(token), reservationMs);
        timer.unref();
        reservations.set(token, { caller: req.raw ? callerOf(req.raw) : null, timer });
        return token;
      }
      const token =
        req.headers.get(TOKEN_HEADER_KEY) ?? new URL(req.url, 'http://localhost').searchParams.get(TOKEN_QUERY_KEY);
      if (!token) {
        return undefined;
      }
      const reservation = reservations.get(token);
      if (req.context.expiring || (reservation && req.raw && reservation.caller === callerOf(req.raw))) {
        return token;
      }
      return [JSON.stringify({ errors: [{ message: 'Stream not found' }] }), { status: 404, statusText: 'Not Found' }];
    },
    async onSubscribe(req, params) {
      const raw = req.raw as IncomingMessage;
      const prepared = await subscriptions.prepare(params, httpSubscriber(raw, req.context.requestId, SSE_PATH));
      // Results formatted already (errors masked, with the request id): graphql-sse only serializes them.
      return (await subscriptions.run(prepared)) as AsyncGenerator<ExecutionResult>;
    },
  });

  /** A reserved stream is dropped by graphql-sse only when a connection to it ends: one is made and ended. */
  const expire = async (token: string) => {
    const reservation = reservations.get(token);
    if (!reservation || reservation.timer === undefined) {
      return;
    }
    reservations.delete(token);
    const [body] = await handler({
      method: 'GET',
      url: SSE_PATH,
      headers: { get: (key) => ({ accept: 'text/event-stream', [TOKEN_HEADER_KEY]: token })[key] },
      body: null,
      raw: undefined,
      context: { requestId: '', expiring: true },
    });
    if (body && typeof body !== 'string') {
      await body.return(undefined);
    }
  };

  const respond = async (
    res: ServerResponse,
    requestId: string,
    [body, init]: StreamResponse,
    token: string | undefined,
  ) => {
    if (init.status >= 400) {
      refusal(res, init.status, init.statusText, body, init.headers, requestId);
      return;
    }
    res.writeHead(init.status, init.statusText, init.headers);
    if (!body || typeof body === 'string') {
      res.end(body ?? undefined);
      return;
    }
    const reservation = token === undefined ? undefined : reservations.get(token);
    if (reservation) {
      clearTimeout(reservation.timer);
      reservation.timer = undefined;
    }
    openStreams.add(body);
    const stop = () => void body.return(undefined);
    res.once('close', stop);
    if (res.destroyed) {
      // The client left before the stream began.
      stop();
    }
    try {
      for await (const chunk of body) {
        if (!(await writeChunk(res, chunk))) {
          break;
        }
      }
    } finally {
      res.off('close', stop);
      openStreams.delete(body);
      if (token !== undefined) {
        reservations.delete(token);
      }
      if (res.writable) {
        res.end();
      }
    }
  };

  const serve = (req: WithBody, res: ServerResponse, requestId: string) =>
    admit(req, res, requestId, (internalError) => {
      // The connection of a reserved stream (single-connection mode): its reservation ends with it.
      const token = isEventStream(req) ? tokenOf(req) : undefined;
      handler({
        method: req.method ?? 'GET',
        url: req.url ?? SSE_PATH,
        headers: { get: (key) => headerValue(req, key) },
        body: (req.body as Record<string, unknown> | undefined) ?? null,
        raw: req,
        context: { requestId },
      })
        .then((response) => respond(res, requestId, response, token))
        .catch(internalError);
    });

  return {
    serve,
    async close() {
      for (const { timer } of reservations.values()) {
        clearTimeout(timer);
      }
      // Operations that just ended queue their `complete` event in a few promise turns: sent first.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([...openStreams].map((body) => body.return(undefined)));
    },
  };
}

/** graphql-sse's own refusals (a missing query, a stream that is not there...) in the gateway's error shape. */
function refusal(
  res: ServerResponse,
  status: number,
  statusText: string,
  body: unknown,
  headers: Record<string, string> | undefined,
  requestId: string,
): void {
  let messages = [statusText];
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { errors?: Array<{ message?: string }> };
      messages = parsed.errors?.map((error) => error.message ?? statusText) ?? messages;
    } catch {
      // Not JSON: the status text says it.
    }
  }
  if (headers?.allow) {
    res.setHeader('Allow', headers.allow);
  }
  sendErrors(
    res,
    status,
    messages.map((message) => ({ message, extensions: { code: 'BAD_REQUEST', requestId } })),
  );
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = headerValue(req, TOKEN_HEADER_KEY);
  return header ?? new URL(req.url ?? '', 'http://localhost').searchParams.get(TOKEN_QUERY_KEY) ?? undefined;
}

function isEventStream(req: IncomingMessage): boolean {
  return req.headers.accept === 'text/event-stream';
}

function headerValue(req: IncomingMessage, key: string): string | undefined {
  const value = req.headers[key];
  return Array.isArray(value) ? value.join(', ') : value;
}
