import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { CloseCode, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import type { WebSocket, WebSocketServer } from 'ws';

import type { Context } from '../context';
import type { SubscriptionOperations } from './subscription-operations';

type SocketContext = Parameters<NonNullable<ServerOptions<Record<string, unknown>, Extra>['onSubscribe']>>[0];

interface Operation {
  context: Context;
  refused: boolean;
  /** Counts the subscription closed in the gauge and logs it; absent for a refused one. */
  closed?: (outcome?: string) => void;
}

/**
 * graphql-ws on the gateway's subscription core: credentials from `connection_init`,
 * the same checks and context as SSE and multipart HTTP, only subscriptions (queries
 * and mutations belong to HTTP), and every error finished as HTTP finishes it, with
 * the request id that each `subscribe` message gets.
 */
export function websocketOptions(subscriptions: SubscriptionOperations): ServerOptions<Record<string, unknown>, Extra> {
  const operations = new WeakMap<SocketContext, Map<string, Operation>>();
  const signals = new WeakMap<SocketContext, AbortSignal>();
  const operationsOf = (ctx: SocketContext) => {
    let ids = operations.get(ctx);
    if (!ids) {
      ids = new Map();
      operations.set(ctx, ids);
    }
    return ids;
  };
  // One signal per connection, however many operations it carries.
  const signalOf = (ctx: SocketContext) => {
    let signal = signals.get(ctx);
    if (!signal) {
      const aborted = new AbortController();
      ctx.extra.socket.once('close', () => aborted.abort());
      signal = aborted.signal;
      signals.set(ctx, signal);
    }
    return signal;
  };
  const end = (ctx: SocketContext, id: string, outcome: string) => {
    operations.get(ctx)?.get(id)?.closed?.(outcome);
    operations.get(ctx)?.delete(id);
  };
  return {
    onSubscribe: async (ctx, id, payload) => {
      const prepared = await subscriptions.prepare(payload, {
        requestId: randomUUID(),
        credentials: { params: ctx.connectionParams },
        request: ctx.extra.request,
        transport: 'the WebSocket',
        counted: true,
        signal: signalOf(ctx),
      });
      if (prepared.kind === 'refused') {
        operationsOf(ctx).set(id, { context: prepared.context, refused: true });
        return [...prepared.errors];
      }
      operationsOf(ctx).set(id, {
        context: prepared.context,
        refused: false,
        closed: subscriptions.opened(prepared.context),
      });
      return prepared.args;
    },
    onNext: (ctx, id, _payload, _args, result) => {
      const operation = operations.get(ctx)?.get(id);
      return operation && result.errors?.length ? subscriptions.formatResult(result, operation.context) : undefined;
    },
    // A refusal (safe to show as it is), or what the event stream threw (masked unless the
    // contract's); either with the request id.
    onError: (ctx, id, _payload, errors) => {
      const operation = operations.get(ctx)?.get(id);
      end(ctx, id, 'error');
      if (!operation) {
        return undefined;
      }
      return operation.refused
        ? subscriptions.formatRefusal(errors, operation.context)
        : subscriptions.formatErrors(errors, operation.context);
    },
    onComplete: (ctx, id) => end(ctx, id, 'completed'),
  };
}

export interface WebsocketServing {
  /** Closes every socket with 1001 Going Away and stops the server. */
  dispose(): Promise<void>;
}

/**
 * Serves graphql-ws on a `ws` server, as graphql-ws's own `useServer` does, except
 * that what goes wrong is logged through the gateway's logger, never printed to
 * stderr: a frame that ws refuses (1009 for one over `maxPayload`) is the client's
 * doing and needs no stack, and a socket gone while a message was being sent is not
 * an error at all.
 */
export function serveWebsocket(
  wsServer: WebSocketServer,
  options: ServerOptions<Record<string, unknown>, Extra>,
  logger: Logger,
  /** How often each socket is pinged, and how long its pong may take. @default 12000 */
  keepAliveMs = 12_000,
): WebsocketServing {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on('error', (error) => logger.error({ err: error }, 'WebSocket server error'));
  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    // ws has closed the socket already, with the code that says why (1009, 1002...).
    socket.on('error', (error: Error & { code?: string }) =>
      logger.warn({ code: error.code, reason: error.message }, 'WebSocket frame refused'),
    );
    let pongWait: NodeJS.Timeout | undefined;
    const pinger = setInterval(() => {
      if (socket.readyState === socket.OPEN) {
        pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
        socket.once('pong', () => clearTimeout(pongWait));
        socket.ping();
      }
    }, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN) {
              resolve();
              return;
            }
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer) => {
            handle(data.toString('utf8')).catch((error: unknown) => {
              logger.error({ err: error }, 'unexpected error on a WebSocket message');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request },
    );
    socket.once('close', (code: number, reason: Buffer) => {
      clearTimeout(pongWait);
      clearInterval(pinger);
      closed(code, reason.toString('utf8')).catch((error: unknown) =>
        logger.error({ err: error }, 'unexpected error closing a WebSocket'),
      );
    });
  });
  return {
    async dispose() {
      for (const client of wsServer.clients) {
        client.close(1001, 'Going away');
      }
      wsServer.removeAllListeners();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
