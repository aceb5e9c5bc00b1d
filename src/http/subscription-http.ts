import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Subscriber } from './subscription-operations';

/**
 * The subscriber behind an HTTP request (SSE, multipart): credentials from the same
 * headers as POST /graphql, and not counted again against the rate limit, which the
 * route counted before reading the body.
 */
export function httpSubscriber(req: IncomingMessage, requestId: string, transport: string): Subscriber {
  return {
    requestId,
    credentials: { headers: req.headers },
    request: req,
    transport,
    counted: false,
  };
}

/** Writes a chunk of a streamed response; false once the client is gone (then nothing more should be). */
export function writeChunk(res: ServerResponse, chunk: string): Promise<boolean> {
  if (!res.writable || res.destroyed) {
    return Promise.resolve(false);
  }
  if (res.write(chunk)) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const drained = () => {
      res.off('close', closed);
      resolve(true);
    };
    const closed = () => {
      res.off('drain', drained);
      resolve(false);
    };
    res.once('drain', drained);
    res.once('close', closed);
  });
}
