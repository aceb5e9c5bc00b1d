import type { ServerResponse } from 'node:http';

import type { GraphQLFormattedError } from 'graphql';

/** Answers with GraphQL's error shape, for refusals made before GraphQL runs (413, 429, 405...). */
export function sendErrors(res: ServerResponse, status: number, errors: GraphQLFormattedError[]): void {
  const body = JSON.stringify({ errors });
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** One refusal with its code and the request id, as every other error carries it. */
export function sendError(res: ServerResponse, status: number, message: string, code: string, requestId: string): void {
  sendErrors(res, status, [{ message, extensions: { code, requestId } }]);
}
