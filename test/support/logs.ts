import { Writable } from 'node:stream';

/** A pino destination that hands each JSON line it gets, parsed, to `onLine`. */
export function jsonLineSink(onLine: (line: Record<string, unknown>, raw: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const raw of chunk.toString('utf8').split('\n').filter(Boolean)) {
        onLine(JSON.parse(raw) as Record<string, unknown>, raw);
      }
      done();
    },
  });
}
