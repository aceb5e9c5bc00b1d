import { GraphQLError, validate, type GraphQLSchema } from 'graphql';
import type { Context, SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

import { type RateLimiter } from './rate-limiter';
import { RateLimitedError } from '../errors/limit-errors';
import { createQueryMeasure, parseWithinLimits, type QueryLimits } from './query-limits';
import { withoutSuggestions } from './suggestions';

/** The errors to answer a WebSocket `subscribe` message with, or undefined to let it run. */
export type SubscribeGuard = (
  ctx: Context<Record<string, unknown>, Extra>,
  payload: SubscribePayload,
) => Promise<readonly GraphQLError[] | undefined>;

export interface SubscribeGuardDeps {
  schema: GraphQLSchema;
  limits: QueryLimits;
  rateLimiter: RateLimiter;
}

/**
 * What HTTP requests go through before they execute, for each `subscribe` message: the
 * caller's rate limit (credentials from `connection_init`, else the socket's IP), the
 * token limit while parsing, validation without suggestions, and the other query limits.
 */
export function createSubscribeGuard({ schema, limits, rateLimiter }: SubscribeGuardDeps): SubscribeGuard {
  const measure = createQueryMeasure(schema, limits);
  return async (ctx, payload) => {
    const key = rateLimiter.keyOf({ params: ctx.connectionParams }, ctx.extra.request.socket.remoteAddress);
    const decision = await rateLimiter.hit(key);
    if (!decision.allowed) {
      return [forSocket(new RateLimitedError(decision.retryAfterS))];
    }
    let document;
    try {
      document = parseWithinLimits(payload.query, limits);
    } catch (error) {
      return [forSocket(error instanceof GraphQLError ? error : new GraphQLError('The query does not parse.'))];
    }
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      return invalid.map(forSocket);
    }
    const refused = measure({ document, operationName: payload.operationName, variables: payload.variables });
    return refused ? [forSocket(refused)] : undefined;
  };
}

/** The error as a socket client sees it: no suggestions, no HTTP status. */
function forSocket(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return new GraphQLError(withoutSuggestions(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions,
  });
}
