import type { Request, Response } from 'express';
import type { AfterWriteFault } from './faults';

/** The answer a route finished, held back before any byte of it went out. */
export interface HeldAnswer {
  status: number;
  body: Buffer;
  /** Sends the answer as the route wrote it. */
  send(): void;
}

type Chunk = string | Buffer | Uint8Array;

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding) ?? 'utf8') : Buffer.from(chunk);
}

/**
 * Keeps back what the route writes to `res` (status, headers, body) until it ends the answer,
 * then hands it to `decide`, which sends it as it is or something else instead. The route
 * has done all its work by then: only the answer is still open.
 */
export function holdBackAnswer(res: Response, decide: (answer: HeldAnswer) => void): void {
  const chunks: Buffer[] = [];
  const release = (): void => {
    // The instance's own properties shadow the prototype's methods; deleting them restores those.
    delete (res as Partial<Response>).writeHead;
    delete (res as Partial<Response>).write;
    delete (res as Partial<Response>).end;
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) {
        res.setHeader(String(headers[i]), headers[i + 1] as string);
      }
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) {
        res.setHeader(name, value as string);
      }
    }
    return res;
  }) as Response['writeHead'];
  res.write = ((chunk: Chunk, encoding?: unknown, callback?: unknown) => {
    chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') {
      process.nextTick(done as () => void);
    }
    return true;
  }) as Response['write'];
  res.end = ((chunk?: unknown, encoding?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
      chunks.push(toBuffer(chunk as Chunk, typeof encoding === 'string' ? encoding : undefined));
    }
    release();
    const body = Buffer.concat(chunks);
    decide({ status: res.statusCode, body, send: () => res.end(body) });
    return res;
  }) as Response['end'];
}

/** Plays an `afterWrite` fault on a held answer the provider gave with 2xx. */
export function spoilAnswer(fault: AfterWriteFault, answer: HeldAnswer, req: Request, res: Response): void {
  switch (fault.answer) {
    case 'garble':
      // res.send keeps the content type the route set and counts the new length.
      res.status(200).send(Buffer.from('\u0000#!garbled'));
      return;
    case 'empty':
      res.status(200).json({});
      return;
    case 'truncate':
      res.status(answer.status).send(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      return;
    case 'html':
      res.status(200).type('text/html').send('<html><body>Bad gateway</body></html>');
      return;
    case 'reset':
      req.socket.destroy();
      return;
    case 'hold': {
      const timer = setTimeout(answer.send, fault.holdMs);
      // A client that went away gets nothing; and a closing sandbox must not wait for the timer.
      res.once('close', () => clearTimeout(timer));
      return;
    }
    case 'status':
      res.status(fault.status).json({ error: 'injected fault' });
      return;
    default: {
      const unknown: never = fault;
      throw new Error(`unknown afterWrite answer ${JSON.stringify(unknown)}`);
    }
  }
}
