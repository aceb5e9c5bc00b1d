import { randomUUID } from 'node:crypto';

import { GraphQLError, getOperationAST, parse, type GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';

import type { ContextFactory } from './context';
import type { CredentialSource } from './credentials';
import type { SubscribeGuard } from './limits/subscribe-guard';
import type { Metrics } from './metrics';

export interface WebsocketDeps {
  schema: GraphQLSchema;
  createContext: ContextFactory;
  logger: Logger;
  metrics: Metrics;
  /** Rate and query limits for each `subscribe` message, as over HTTP. */
  guard: SubscribeGuard;
}

/**
 * graphql-ws on the gateway's schema: credentials from `connection_init`, the same
 * context as HTTP, and only subscriptions (queries and mutations belong to HTTP).
 */
export function websocketOptions({
  schema,
  createContext,
  metrics,
  guard,
}: WebsocketDeps): ServerOptions<Record<string, unknown>, Extra> {
  const subscriptions = new WeakMap<object, Set<string>>();
  const connectionSignals = new WeakMap<object, AbortController>();
  const open = (ctx: object) => {
    let ids = subscriptions.get(ctx);
    if (!ids) {
      ids = new Set();
      subscriptions.set(ctx, ids);
    }
    return ids;
  };
  const close = (ctx: object, id: string) => {
    if (subscriptions.get(ctx)?.delete(id)) {
      metrics.openSubscriptions.dec();
    }
  };
  return {
    schema,
    context: (ctx) => {
      // One signal per connection, however many operations it carries.
      let aborted = connectionSignals.get(ctx);
      if (!aborted) {
        const controller = new AbortController();
        ctx.extra.socket.once('close', () => controller.abort());
        connectionSignals.set(ctx, controller);
        aborted = controller;
      }
      return createContext({
        requestId: randomUUID(),
        credentials: (ctx.connectionParams ?? {}) as CredentialSource,
        signal: aborted.signal,
      });
    },
    onSubscribe: async (ctx, id, payload) => {
      const refused = await guard(ctx, payload);
      if (refused) {
        return refused;
      }
      let operation;
      try {
        operation = getOperationAST(parse(payload.query), payload.operationName);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('The query does not parse.')];
      }
      if (operation?.operation !== 'subscription') {
        return [
          new GraphQLError('Only subscriptions go over the WebSocket; send queries and mutations over HTTP.', {
            extensions: { code: 'BAD_REQUEST' },
          }),
        ];
      }
      open(ctx).add(id);
      metrics.openSubscriptions.inc();
      return undefined;
    },
    onComplete: (ctx, id) => close(ctx, id),
    onError: (ctx, id) => close(ctx, id),
  };
}
