import type { IncomingMessage, ServerResponse } from 'node:http';

import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { Logger } from 'pino';

import type { Context, ContextFactory } from '../context';
import { allowedHeaders, corsMiddleware } from './cors';
import { createAdmission, type WithBody } from './admission';
import { GatewayError } from '../errors/errors';
import { sendError } from '../errors/http-errors';
import type { TrustedDocuments } from './trusted-documents';
import { limitUpstreamCalls } from '../limits/upstream-calls';
import type { RateLimitCheck } from '../limits/rate-limit-check';
import type { MultipartSubscriptions } from './subscription-multipart';

export interface GraphQLRouteOptions {
  apollo: ApolloServer<Context>;
  createContext: ContextFactory;
  corsOrigins: string[] | undefined;
  /** The banks' credential headers, which browsers may send too. */
  credentialHeaders: readonly string[];
  rateLimit: RateLimitCheck;
  maxBodyBytes: number;
  /** Provider calls one operation may make (MAX_UPSTREAM_CALLS). */
  maxUpstreamCalls: number;
  /** TRUSTED_DOCUMENTS: only these run; undefined runs any document. */
  trusted?: TrustedDocuments;
  /** Subscriptions POSTed with Apollo's multipart Accept; Apollo refuses any other subscription. */
  multipart: MultipartSubscriptions;
  logger: Logger;
}

/** Answers one request to /graphql; `requestId` is already on the response's header. */
export type GraphQLRoute = (req: IncomingMessage, res: ServerResponse, requestId: string) => void;

/**
 * /graphql over HTTP: CORS, the rate limit, the JSON body (MAX_BODY_BYTES), then Apollo.
 * Plain node:http rather than an Express route: this is every query's path, and
 * Express's router, `res.send` and its ETag hashing cost a tenth of a request's CPU for
 * nothing a GraphQL endpoint uses. Every refusal carries the request id, Apollo's own
 * (CSRF, batches, content types) included.
 */
export function graphqlRoute({
  apollo,
  createContext,
  corsOrigins,
  credentialHeaders,
  rateLimit,
  maxBodyBytes,
  maxUpstreamCalls,
  trusted,
  multipart,
  logger,
}: GraphQLRouteOptions): GraphQLRoute {
  const admit = createAdmission({
    path: '/graphql',
    corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: allowedHeaders(credentialHeaders),
    cors: corsMiddleware(corsOrigins, allowedHeaders(credentialHeaders)),
    rateLimit,
    maxBodyBytes,
    logger,
  });

  const execute = async (req: WithBody, res: ServerResponse, requestId: string) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) {
        headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (req.method ?? 'GET').toUpperCase(),
        headers,
        search: query < 0 ? '' : url.slice(query),
        body: req.body,
      },
      context: async () => createContext(contextInput(req, res, requestId, maxUpstreamCalls)),
    });
    await send(res, response, requestId);
  };

  return (req, res, requestId) =>
    admit(req, res, requestId, (internalError) => {
      if (trusted && !useTrustedDocument(req, trusted, res, requestId)) {
        return;
      }
      const subscription = multipart.requested(req);
      if (subscription) {
        multipart.serve(req, res, requestId, subscription).catch(internalError);
        return;
      }
      execute(req, res, requestId).catch(internalError);
    });
}

/**
 * What the resolvers' context is made of. The signal that aborts upstream calls when the
 * client goes away (and carries the operation's budget of provider calls) is made when a
 * resolver first needs it: requests that call no provider skip an AbortController and a
 * listener.
 */
function contextInput(req: IncomingMessage, res: ServerResponse, requestId: string, maxUpstreamCalls: number) {
  const signal = () => {
    const aborted = new AbortController();
    limitUpstreamCalls(aborted.signal, maxUpstreamCalls, requestId);
    if (res.destroyed && !res.writableFinished) {
      aborted.abort();
    } else {
      res.once('close', () => {
        if (!res.writableFinished) {
          aborted.abort();
        }
      });
    }
    return aborted.signal;
  };
  return {
    requestId,
    credentials: { headers: req.headers },
    idempotencyKey: req.headers['idempotency-key'],
    signal,
  };
}

async function send(res: ServerResponse, response: HTTPGraphQLResponse, requestId: string): Promise<void> {
  for (const [key, value] of response.headers) {
    res.setHeader(key, value);
  }
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(res.statusCode >= 400 ? withRequestId(response.body.string, requestId) : response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) {
    res.write(chunk);
  }
  res.end();
}

/**
 * Apollo's refusals made before a request has a context (CSRF, batches, a missing body,
 * a mutation over GET) come without the request id that the resolvers' errors carry.
 */
function withRequestId(body: string, requestId: string): string {
  let parsed: { errors?: Array<{ extensions?: Record<string, unknown> }> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return body;
  }
  if (!Array.isArray(parsed.errors) || parsed.errors.every((error) => error.extensions?.requestId)) {
    return body;
  }
  for (const error of parsed.errors) {
    error.extensions = { ...error.extensions, requestId };
  }
  return JSON.stringify(parsed);
}

/**
 * Puts the trusted document a request names in place of whatever it sent, in its body
 * (POST) or its query string (GET); false when it named none and has been refused.
 */
function useTrustedDocument(req: WithBody, trusted: TrustedDocuments, res: ServerResponse, requestId: string): boolean {
  try {
    if (req.method === 'GET') {
      const url = new URL(req.url ?? '/graphql', 'http://gateway');
      const asked: Record<string, unknown> = Object.fromEntries(url.searchParams);
      if (typeof asked.extensions === 'string') {
        asked.extensions = JSON.parse(asked.extensions) as unknown;
      }
      const resolved = trusted.resolve(asked);
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(resolved)) {
        search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
      }
      req.url = `${url.pathname}?${search.toString()}`;
    } else if (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)) {
      req.body = trusted.resolve(req.body as Record<string, unknown>);
    } else {
      trusted.resolve({});
    }
    return true;
  } catch (error) {
    const code = error instanceof GatewayError ? error.code : 'PERSISTED_QUERY_NOT_FOUND';
    const message = error instanceof GatewayError ? error.message : 'Only trusted documents run on this gateway.';
    sendError(res, 200, message, code, requestId);
    return false;
  }
}
