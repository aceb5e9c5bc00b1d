import type { IncomingMessage, ServerResponse } from 'node:http';

import { sendErrors } from '../errors/http-errors';
import { httpSubscriber, writeChunk } from './subscription-http';
import type { SubscriptionOperations, SubscriptionRequest } from './subscription-operations';

/** The response's type: the boundary and the spec version, quoted as Apollo's router sends them. */
export const MULTIPART_CONTENT_TYPE = 'multipart/mixed;boundary="graphql";subscriptionSpec="1.0"';

const DELIMITER = '\r\n--graphql';
const PART_HEADERS = '\r\nContent-Type: application/json\r\n\r\n';

/**
 * Whether an Accept header asks for Apollo's multipart HTTP subscriptions:
 * `multipart/mixed` with `subscriptionSpec=1.0`, quoted or not, e.g. Apollo Client's
 * `multipart/mixed;boundary=graphql;subscriptionSpec=1.0,application/json`.
 */
export function acceptsMultipartSubscription(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    return type === 'multipart/mixed' && parameters.some((p) => /^subscriptionspec\s*=\s*"?1\.0"?$/.test(p));
  });
}

export interface MultipartSubscriptionsOptions {
  subscriptions: SubscriptionOperations;
  /** How often an idle stream sends a heartbeat part `{}`. @default 5000 */
  heartbeatMs?: number;
}

export interface MultipartSubscriptions {
  /** The subscription a POST asks to have served as multipart HTTP; undefined for anything else (Apollo's). */
  requested(req: IncomingMessage & { body?: unknown }): SubscriptionRequest | undefined;
  /** Streams the subscription's results until it ends, the client goes or the server stops. */
  serve(req: IncomingMessage, res: ServerResponse, requestId: string, request: SubscriptionRequest): Promise<void>;
}

/**
 * Apollo's multipart HTTP subscription protocol on POST /graphql: each result a part
 * `{"payload": …}` (errors inside it, masked and with the request id; a failure of the
 * event stream as the last one), a heartbeat part `{}` while nothing happens, and the
 * closing delimiter at the end. Each part ends with the next delimiter, so a client
 * reads it at once. A subscription refused before it runs (query limits, validation)
 * gets a plain JSON answer, as over POST /graphql.
 * https://www.apollographql.com/docs/graphos/routing/operations/subscriptions/multipart-protocol
 */
export function multipartSubscriptions({
  subscriptions,
  heartbeatMs = 5000,
}: MultipartSubscriptionsOptions): MultipartSubscriptions {
  return {
    requested(req) {
      if (req.method !== 'POST' || !acceptsMultipartSubscription(req.headers.accept)) {
        return undefined;
      }
      const body = req.body as Partial<Record<keyof SubscriptionRequest, unknown>> | undefined;
      if (typeof body?.query !== 'string') {
        return undefined;
      }
      const request: SubscriptionRequest = {
        query: body.query,
        operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
        variables: isObject(body.variables) ? body.variables : undefined,
      };
      return subscriptions.operationTypeOf(request) === 'subscription' ? request : undefined;
    },

    async serve(req, res, requestId, request) {
      const prepared = await subscriptions.prepare(request, httpSubscriber(req, requestId, 'multipart HTTP'));
      if (prepared.kind === 'refused') {
        sendErrors(res, 400, subscriptions.formatRefusal(prepared.errors, prepared.context));
        return;
      }
      const stream = await subscriptions.run(prepared);
      res.writeHead(200, { 'Content-Type': MULTIPART_CONTENT_TYPE, 'Cache-Control': 'no-cache, no-store' });
      res.write(DELIMITER);
      const heartbeat = setInterval(() => void writeChunk(res, part({})), heartbeatMs);
      const stop = () => void stream.return();
      res.once('close', stop);
      if (res.destroyed) {
        // The client left before the stream began.
        stop();
      }
      try {
        for await (const result of stream) {
          if (!(await writeChunk(res, part({ payload: result })))) {
            break;
          }
        }
      } finally {
        clearInterval(heartbeat);
        res.off('close', stop);
        if (res.writable) {
          res.end('--\r\n');
        }
      }
    },
  };
}

/** One part, ended by the delimiter that the next part (or the closing `--`) follows. */
function part(value: unknown): string {
  return `${PART_HEADERS}${JSON.stringify(value)}${DELIMITER}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
