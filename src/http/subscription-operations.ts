import type { IncomingMessage } from 'node:http';

import {
  GraphQLError,
  getOperationAST,
  parse,
  subscribe,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationTypeNode,
} from 'graphql';
import type { Context as SocketContext } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';

import type { Context, ContextFactory } from '../context';
import type { CredentialSource } from '../providers/credentials';
import type { QueryLimits } from '../limits/query-limits';
import { createSubscribeGuard } from '../limits/subscribe-guard';
import type { Metrics } from '../ops/metrics';
import type { RateLimiter } from '../limits/rate-limiter';
import { finishErrors } from '../errors/response-errors.plugin';
import { traceSubscription, type SubscriptionSpan } from '../ops/telemetry';
import type { TrustedDocuments } from './trusted-documents';

/** What a client sends to subscribe, over any transport. */
export interface SubscriptionRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** Who subscribes, over which transport. */
export interface Subscriber {
  requestId: string;
  credentials: CredentialSource;
  /** The HTTP request, or the WebSocket's upgrade request: its address counts where credentials are absent. */
  request: IncomingMessage;
  /** Where queries and mutations belong instead, for the refusal's message: "the WebSocket". */
  transport: string;
  /**
   * Whether this subscribe counts against the rate limit. Over HTTP the route counted
   * the request already; over the WebSocket each `subscribe` message counts.
   */
  counted: boolean;
  /** The connection's signal (WebSocket); without one, the operation gets its own, aborted when it ends. */
  signal?: AbortSignal;
}

/** A subscription checked and ready to run, or refused before anything ran. */
export type Prepared =
  | { kind: 'ready'; context: Context; args: ExecutionArgs & { contextValue: Context } }
  | { kind: 'refused'; context: Context; errors: readonly GraphQLError[] };

export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A running subscription's formatted results, as HTTP transports send them. */
export type ResultStream = AsyncGenerator<FormattedExecutionResult, void, undefined>;

/**
 * The one core behind every subscription transport (WebSocket, SSE, multipart HTTP):
 * the same rate limit and query limits, the same context, only subscriptions, the
 * same error finishing, the same open-subscriptions gauge.
 */
export interface SubscriptionOperations {
  /** Checks a subscribe (rate limit, query limits, subscription only) and makes its context. */
  prepare(request: SubscriptionRequest, subscriber: Subscriber): Promise<Prepared>;
  /**
   * Runs a prepared subscription for an HTTP transport: formatted results, a refusal
   * or a failure of the event stream as a last result with errors, then the end.
   */
  run(prepared: Prepared): Promise<ResultStream>;
  /** The operation type of a request's document; undefined when it does not parse. */
  operationTypeOf(request: SubscriptionRequest): OperationTypeNode | undefined;
  /** An event's errors as HTTP shows them: masked unless the contract's, each with the request id. */
  formatResult(result: ExecutionResult, context: Context): FormattedExecutionResult;
  /** What an event stream threw, as graphql-ws wraps it: masked unless the contract's, with the request id. */
  formatErrors(errors: readonly GraphQLError[], context: Context): GraphQLFormattedError[];
  /**
   * A refusal's errors (query limits, validation, not a subscription), safe for the
   * client as they are: each gets a code (GRAPHQL_PARSE_FAILED or GRAPHQL_VALIDATION_FAILED
   * where graphql-js gave none, as Apollo names them over HTTP) and the request id.
   */
  formatRefusal(errors: readonly GraphQLError[], context: Context): GraphQLFormattedError[];
  /**
   * Counts one open subscription in the gauge; the function returned counts it closed
   * and writes its access-log line (how it ended, how long it ran).
   */
  opened(context: Context): (outcome?: string) => void;
  /** The keyed hash that identifies credentials (null without any). */
  callerKeyOf(credentials: CredentialSource): string | null;
  /** Ends every subscription `run` started (graceful shutdown): each sends its end first. */
  close(): Promise<void>;
}

export interface SubscriptionOperationsDeps {
  schema: GraphQLSchema;
  createContext: ContextFactory;
  limits: QueryLimits;
  rateLimiter: RateLimiter;
  /** The same formatError as HTTP's: what a client may see of an error. */
  formatError: FormatError;
  metrics: Metrics;
  /** TRUSTED_DOCUMENTS: only these documents subscribe, as over POST /graphql. */
  trusted?: TrustedDocuments;
}

/** Counts nothing: HTTP routes count their requests before the body is read. */
const uncounted: RateLimiter = { enabled: false, hit: async () => ({ allowed: true }), keyOf: () => '' };

export function createSubscriptionOperations({
  schema,
  createContext,
  limits,
  rateLimiter,
  formatError,
  metrics,
  trusted,
}: SubscriptionOperationsDeps): SubscriptionOperations {
  const counted = createSubscribeGuard({ schema, limits, rateLimiter });
  const notCounted = createSubscribeGuard({ schema, limits, rateLimiter: uncounted });
  const running = new Set<ResultStream>();
  const operationEnds = new WeakMap<Context, AbortController>();

  /** What the access log says of a subscription; kept from its subscribe to its end. */
  const started = new WeakMap<
    Context,
    { at: number; operationName: string | null; transport: string; span: SubscriptionSpan }
  >();
  const logAccess = (context: Context, outcome: string) => {
    const subscribed = started.get(context);
    subscribed?.span.end(outcome);
    context.logger.info(
      {
        operationName: subscribed?.operationName ?? null,
        operationType: 'subscription',
        transport: subscribed?.transport,
        status: outcome,
        outcome,
        durationMs: subscribed ? Math.round((performance.now() - subscribed.at) * 10) / 10 : 0,
        providerCalls: context.providerCalls(),
      },
      'graphql subscription',
    );
  };

  const opened = (context: Context) => {
    metrics.openSubscriptions.inc();
    let open = true;
    return (outcome = 'ended') => {
      if (open) {
        open = false;
        metrics.openSubscriptions.dec();
        logAccess(context, outcome);
      }
    };
  };

  const formatResult = (result: ExecutionResult, context: Context): FormattedExecutionResult => {
    if (!result.errors?.length) {
      return result as FormattedExecutionResult;
    }
    // A result without data failed before execution (variables that do not coerce):
    // BAD_USER_INPUT, as Apollo names it over HTTP.
    const requestError = result.data === undefined;
    const errors = result.errors.map((error) => {
      const formatted = error.toJSON();
      const uncoded = formatted.extensions?.code === undefined && error.originalError === undefined;
      return formatError(
        requestError && uncoded
          ? { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } }
          : formatted,
        error,
      );
    });
    return { ...result, errors: finishErrors(context, errors) } as FormattedExecutionResult;
  };

  const formatErrors = (errors: readonly GraphQLError[], context: Context) =>
    finishErrors(
      context,
      errors.map((error) => formatError(error.toJSON(), error.originalError ?? error)),
    );

  const formatRefusal = (errors: readonly GraphQLError[], context: Context) =>
    finishErrors(
      context,
      errors.map((error) => {
        const formatted = error.toJSON();
        if (formatted.extensions?.code !== undefined) {
          return formatted;
        }
        const code = error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
        return { ...formatted, extensions: { ...formatted.extensions, code } };
      }),
    );

  return {
    async prepare(asked, subscriber) {
      const ended = subscriber.signal ? undefined : new AbortController();
      const context = createContext({
        requestId: subscriber.requestId,
        credentials: subscriber.credentials,
        signal: subscriber.signal ?? (ended as AbortController).signal,
      });
      if (ended) {
        operationEnds.set(context, ended);
      }
      const transport = subscriber.transport.replace(/^the /, '');
      started.set(context, {
        at: performance.now(),
        operationName: asked.operationName ?? null,
        transport,
        span: traceSubscription(transport, asked.operationName ?? null),
      });
      let request = asked;
      if (trusted) {
        try {
          request = trusted.resolve({ ...asked }) as unknown as SubscriptionRequest;
        } catch (error) {
          logAccess(context, 'refused');
          return { kind: 'refused', context, errors: [error as GraphQLError] };
        }
      }
      const guard = subscriber.counted ? counted : notCounted;
      const refused = await guard(guardContext(subscriber.credentials, subscriber.request), {
        query: request.query,
        operationName: request.operationName,
        variables: request.variables,
      });
      if (refused) {
        logAccess(context, 'refused');
        return { kind: 'refused', context, errors: refused };
      }
      let document: DocumentNode;
      try {
        document = parse(request.query, { maxTokens: limits.maxTokens });
      } catch (error) {
        const parseError = error instanceof GraphQLError ? error : new GraphQLError('The query does not parse.');
        logAccess(context, 'refused');
        return { kind: 'refused', context, errors: [parseError] };
      }
      const operationName = request.operationName ?? undefined;
      const named = getOperationAST(document, operationName)?.name?.value;
      if (named) {
        const subscribed = started.get(context);
        if (subscribed) {
          subscribed.operationName = named;
          subscribed.span.name(named);
        }
      }
      if (getOperationAST(document, operationName)?.operation !== 'subscription') {
        const message = `Only subscriptions go over ${subscriber.transport}; send queries and mutations to POST /graphql.`;
        logAccess(context, 'refused');
        return {
          kind: 'refused',
          context,
          errors: [new GraphQLError(message, { extensions: { code: 'BAD_REQUEST' } })],
        };
      }
      return {
        kind: 'ready',
        context,
        args: {
          schema,
          document,
          operationName,
          variableValues: request.variables ?? undefined,
          contextValue: context,
        },
      };
    },

    async run(prepared) {
      const { context } = prepared;
      const end = () => operationEnds.get(context)?.abort();
      if (prepared.kind === 'refused') {
        end();
        return once({ errors: formatRefusal(prepared.errors, context) });
      }
      const result = await subscribe(prepared.args);
      if (!isAsyncIterable(result)) {
        end();
        return once(formatResult(result, context));
      }
      const closed = opened(context);
      const stream = settle(
        result[Symbol.asyncIterator](),
        (event) => formatResult(event, context),
        (error) => ({ errors: formatErrors([asGraphQLError(error)], context) }),
        () => {
          running.delete(stream);
          closed();
          end();
        },
      );
      running.add(stream);
      return stream;
    },

    operationTypeOf(request) {
      try {
        return getOperationAST(parse(request.query, { maxTokens: limits.maxTokens }), request.operationName)?.operation;
      } catch {
        return undefined;
      }
    },

    formatResult,
    formatErrors,
    formatRefusal,
    opened,

    callerKeyOf(credentials) {
      return createContext({ requestId: '', credentials, signal: neverAborted }).callerKey;
    },

    async close() {
      await Promise.all([...running].map((stream) => stream.return()));
    },
  };
}

const neverAborted = new AbortController().signal;

/**
 * The guard reads a subscriber's credentials and its request's address, nothing else:
 * an HTTP request passes for a socket's context.
 */
function guardContext(
  credentials: CredentialSource,
  request: IncomingMessage,
): SocketContext<Record<string, unknown>, Extra> {
  return {
    connectionInitReceived: true,
    acknowledged: true,
    subscriptions: {},
    // HTTP subscribers were counted by their route already: only a socket's payload is read.
    connectionParams: 'params' in credentials ? { ...credentials.params } : {},
    extra: { request } as Extra,
  };
}

/** What the event stream threw, as graphql-ws reports it: a GraphQLError that keeps its cause for formatError. */
function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) {
    return error;
  }
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(original.message, { originalError: original });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof Object(value)[Symbol.asyncIterator] === 'function';
}

/** A stream of one result. */
function once(result: FormattedExecutionResult): ResultStream {
  return (async function* single() {
    yield result;
  })();
}

/**
 * The source's results mapped, a thrown error turned into a last result, then done.
 * Not an async generator function: a generator's `return` waits for the `next` it is
 * suspended in, i.e. for the next event, while this one ends the source at once.
 */
function settle(
  source: AsyncIterator<ExecutionResult>,
  map: (result: ExecutionResult) => FormattedExecutionResult,
  failed: (error: unknown) => FormattedExecutionResult,
  onEnd: () => void,
): ResultStream {
  let ended = false;
  const done = { done: true, value: undefined } as const;
  const end = () => {
    if (!ended) {
      ended = true;
      onEnd();
    }
  };
  const stream: ResultStream = {
    async next() {
      if (ended) {
        return done;
      }
      try {
        const step = await source.next();
        if (step.done || ended) {
          end();
          return done;
        }
        return { done: false, value: map(step.value) };
      } catch (error) {
        if (ended) {
          return done;
        }
        end();
        return { done: false, value: failed(error) };
      }
    },
    async return() {
      end();
      await source.return?.();
      return done;
    },
    async throw() {
      return stream.return();
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
