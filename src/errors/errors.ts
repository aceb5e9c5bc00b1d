import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

import type { ProviderName } from '../providers/provider-name';

/** The contract's error codes (CONTRACT.md, "Errors"). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'TAN_INVALID'
  | 'CONFIRMATION_EXPIRED'
  | 'CONFIRMATION_USED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'INTERNAL_SERVER_ERROR';

/** HTTP status when the error is the only one in a response (CONTRACT.md). */
const httpStatus: Partial<Record<ErrorCode, number>> = {
  QUERY_TOO_COMPLEX: 400,
  RATE_LIMITED: 429,
  BAD_REQUEST: 400,
  SERVICE_UNAVAILABLE: 503,
};

/** An error the client may see as it is: its code and message are part of the contract. */
export class GatewayError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    const status = httpStatus[code];
    super(message, {
      extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
    });
    this.code = code;
    this.name = 'GatewayError';
  }
}

/** Said where a request carries no credentials at all; formatError adds which headers to send. */
const NO_CREDENTIALS = 'No provider credentials.';

/** Missing or rejected credentials; `provider` is absent when no provider is meant. */
export class UnauthenticatedError extends GatewayError {
  constructor(provider?: ProviderName, message?: string) {
    super(
      'UNAUTHENTICATED',
      message ?? (provider ? `Missing or rejected credentials for ${provider}.` : NO_CREDENTIALS),
      provider ? { provider } : {},
    );
  }
}

export class NotFoundError extends GatewayError {
  constructor(message = 'Not found.') {
    super('NOT_FOUND', message);
  }
}

/** An invalid argument; `field` names it as the contract asks (`first`, `filter.purpose`). */
export class BadUserInputError extends GatewayError {
  constructor(field: string, message: string) {
    super('BAD_USER_INPUT', message, { field });
  }
}

export class ProviderUnavailableError extends GatewayError {
  /**
   * @param sent false where the request never left the gateway (circuit open, no free
   * slot, connection refused): then the provider certainly did nothing.
   */
  constructor(
    provider: ProviderName,
    reason: string,
    readonly sent = true,
  ) {
    super('PROVIDER_UNAVAILABLE', `${provider} is unavailable: ${reason}.`, { provider });
  }
}

/** The provider refused for another reason, or answered something unreadable. */
export class ProviderError extends GatewayError {
  /** The provider's own reason, e.g. `invalid_tan`, for clients of that provider to act on. */
  readonly reason: string;

  /**
   * @param reasonCode a stable UPPER_SNAKE code for the refusal (`extensions.reason`), where
   * the provider's folder knows one, e.g. `INSUFFICIENT_FUNDS`.
   */
  constructor(provider: ProviderName, reason: string, status?: number, reasonCode?: string) {
    super('PROVIDER_ERROR', `${provider} refused the request: ${reason}`, {
      provider,
      ...(status !== undefined ? { status } : {}),
      ...(reasonCode !== undefined ? { reason: reasonCode } : {}),
    });
    this.reason = reason;
  }
}

/**
 * The gateway's own state store (Redis) could not be reached: nothing was sent to a
 * provider, so the client may retry later (HTTP 503).
 */
export class ServiceUnavailableError extends GatewayError {
  constructor(
    message = 'The gateway cannot keep payment state right now: nothing was sent to the provider. Retry later.',
  ) {
    super('SERVICE_UNAVAILABLE', message);
  }
}

export function isGatewayError(error: unknown): error is GatewayError {
  return error instanceof GatewayError;
}

/** Codes Apollo Server and graphql-js produce themselves, safe to pass through. */
const passThroughCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** What a masked error really was, by the error the client was shown instead (for the log). */
const maskedCauses = new WeakMap<GraphQLFormattedError, unknown>();

/** The error behind an INTERNAL_SERVER_ERROR that formatError produced; undefined for any other. */
export function maskedCauseOf(shown: GraphQLFormattedError): unknown {
  return maskedCauses.get(shown);
}

/**
 * The one place that decides what a client sees of an error, over HTTP and the
 * WebSocket. Contract errors pass as they are; Apollo's own request errors keep their
 * code; anything else is a bug and becomes INTERNAL_SERVER_ERROR without its message.
 * Whoever sends the response logs the cause (`maskedCauseOf`) with its request id.
 */
export function createFormatError(credentialHeaders: readonly string[] = []) {
  const noCredentials = `No provider credentials: send ${credentialHeaders.join(' and/or ')}.`;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isGatewayError(original)) {
      const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
      const message =
        original.message === NO_CREDENTIALS && credentialHeaders.length ? noCredentials : original.message;
      return { ...formatted, message, extensions };
    }
    if (isApolloRequestRefusal(original)) {
      // Apollo refuses some requests (a persisted query's hash that does not match, an
      // unsupported version) with a plain 400 error and no code: the client's fault.
      return { message: original.message, extensions: { code: 'BAD_REQUEST' } };
    }
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      passThroughCodes.has(code) &&
      !(original instanceof Error && !(original instanceof GraphQLError))
    ) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      // Apollo's own words point at its constructor, not at this gateway's setting.
      const message = formatted.message.startsWith('GraphQL introspection is not allowed')
        ? 'Introspection is off on this gateway: __schema and __type are refused. An operator turns it on with INTROSPECTION=on.'
        : formatted.message;
      return { ...formatted, message, extensions };
    }
    const shown: GraphQLFormattedError = {
      message: 'Internal server error.',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
    maskedCauses.set(shown, original);
    return shown;
  };
}

function isApolloRequestRefusal(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) {
    return false;
  }
  const http = error.extensions.http as { status?: unknown } | undefined;
  return http?.status === 400;
}
