import { randomUUID } from 'node:crypto';

import {
  GraphQLError,
  getOperationAST,
  parse,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';

import type { Context, ContextFactory } from './context';
import type { CredentialSource } from './credentials';
import type { SubscribeGuard } from './limits/subscribe-guard';
import type { Metrics } from './metrics';
import { finishErrors } from './response-errors.plugin';

export interface WebsocketDeps {
  schema: GraphQLSchema;
  createContext: ContextFactory;
  logger: Logger;
  metrics: Metrics;
  /** Rate and query limits for each `subscribe` message, as over HTTP. */
  guard: SubscribeGuard;
  /** The same formatError as HTTP's: what a client may see of an error. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
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
  formatError,
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
    onNext: (_ctx, _id, _payload, args, result) =>
      result.errors?.length ? formatResult(result, args.contextValue as Context, formatError) : undefined,
    onComplete: (ctx, id) => close(ctx, id),
    onError: (ctx, id) => close(ctx, id),
  };
}

/**
 * An event's errors as HTTP shows them: through formatError (masked unless they belong
 * to the contract), each with the request id, the masked ones logged under it. A result
 * without data failed before execution (variables that do not coerce): BAD_USER_INPUT,
 * as Apollo names it over HTTP.
 */
function formatResult(
  result: ExecutionResult,
  context: Context,
  formatError: WebsocketDeps['formatError'],
): FormattedExecutionResult {
  const requestError = result.data === undefined;
  const errors = (result.errors ?? []).map((error) => {
    const formatted = error.toJSON();
    const uncoded = formatted.extensions?.code === undefined && error.originalError === undefined;
    return formatError(
      requestError && uncoded
        ? { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } }
        : formatted,
      error,
    );
  });
  return { ...result, errors: finishErrors(context, errors) };
}
