import type { IncomingMessage, ServerResponse } from 'node:http';

import bodyParser from 'body-parser';
import type { Logger } from 'pino';

import { corsRefusal, type CorsHandler } from './cors';
import { sendError } from '../errors/http-errors';
import type { RateLimitCheck } from '../limits/rate-limit-check';

export type WithBody = IncomingMessage & { body?: unknown };

export interface AdmissionOptions {
  /** For the log line of an unexpected error. */
  path: string;
  corsOrigins: string[] | undefined;
  /** The route's methods: a preflight or request for another gets 403 or 405, saying so. */
  methods: readonly string[];
  /** Request headers a browser may send here. */
  allowedHeaders: readonly string[];
  /** The route's CORS headers and preflight answers. */
  cors: CorsHandler;
  rateLimit: RateLimitCheck;
  maxBodyBytes: number;
  logger: Logger;
}

/** What a request that passed every check goes on to; `internalError` answers a bug. */
export type Admitted = (internalError: (error: unknown) => void) => void;

/**
 * What every GraphQL route checks before it looks at a request, in this order: the
 * browser's Origin, method and headers (403 or 405 saying what was refused), CORS, the
 * rate limit (before the body is read), then the JSON body (MAX_BODY_BYTES). Every
 * refusal carries the request id.
 */
export function createAdmission(options: AdmissionOptions) {
  const { path, corsOrigins, methods, allowedHeaders, cors, rateLimit, maxBodyBytes, logger } = options;
  const readJson = bodyParser.json({ limit: maxBodyBytes });
  return (req: WithBody, res: ServerResponse, requestId: string, next: Admitted): void => {
    const internalError = (error: unknown) => {
      logger.error({ err: error, requestId }, `unexpected error on ${path}`);
      if (!res.headersSent) {
        sendError(res, 500, 'Internal server error.', 'INTERNAL_SERVER_ERROR', requestId);
      } else {
        res.destroy();
      }
    };
    const refusal = corsRefusal(req, corsOrigins, methods, allowedHeaders);
    if (refusal) {
      sendError(res, 403, refusal, 'BAD_REQUEST', requestId);
      return;
    }
    cors(req, res, (corsError?: unknown) => {
      if (corsError) {
        internalError(corsError);
        return;
      }
      if (!methods.includes(req.method ?? '')) {
        res.setHeader('Allow', methods.join(', '));
        sendError(res, 405, `Only ${methods.join(', ')} are allowed on ${path}.`, 'BAD_REQUEST', requestId);
        return;
      }
      rateLimit(req, res, requestId).then((allowed) => {
        if (!allowed) {
          return;
        }
        readJson(req, res, (bodyError?: { status?: number }) => {
          if (bodyError) {
            refuseBody(res, bodyError, maxBodyBytes, requestId, internalError);
            return;
          }
          next(internalError);
        });
      }, internalError);
    });
  };
}

/** Body-parser's refusals: too large (413) or unreadable (400), in GraphQL's error shape. */
function refuseBody(
  res: ServerResponse,
  error: { status?: number },
  maxBodyBytes: number,
  requestId: string,
  internalError: (error: unknown) => void,
): void {
  if (error.status === 413) {
    sendError(res, 413, `The request body is larger than ${maxBodyBytes} bytes.`, 'BAD_REQUEST', requestId);
  } else if (error.status && error.status < 500) {
    sendError(res, 400, 'The request body is not valid JSON.', 'BAD_REQUEST', requestId);
  } else {
    internalError(error);
  }
}
