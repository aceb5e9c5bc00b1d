import pino, { type DestinationStream, type Logger } from 'pino';

import { createLogger } from '../../src/ops/logger';
import { createRedaction } from '../../src/ops/redaction';

const CENSOR = '[redacted]';
const PATHS = [
  'req.headers["x-kontist-authorization"]',
  'headers["x-kontist-authorization"]',
  '*.kontistAuthorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'connectionParams',
  'variables',
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.apiKey',
];

function collect(): { lines: string[]; destination: DestinationStream } {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

/** pino redacting every path itself: the output the gateway's logger must match. */
function pinosOwn(destination: DestinationStream): Logger {
  return pino(
    {
      base: { service: 'test' },
      timestamp: false,
      redact: { paths: PATHS, censor: CENSOR },
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

function splitRedaction(destination: DestinationStream): Logger {
  const redaction = createRedaction(PATHS, CENSOR, ['err']);
  return redaction.coverChildren(
    pino(
      {
        base: { service: 'test' },
        timestamp: false,
        redact: { paths: redaction.paths, censor: CENSOR },
        formatters: { log: redaction.log },
        serializers: { err: redaction.serialized(pino.stdSerializers.err) },
      },
      destination,
    ),
  );
}

class WithToken extends Error {
  token = 'error-token';
  code = 'E_TOKEN';
}
// Made once: both loggers must see the same stack.
const failed = new WithToken('failed');

const lines: Array<[string, (logger: Logger) => void]> = [
  [
    'an access line',
    (l) => l.info({ operationName: null, status: 200, outcome: 'ok', durationMs: 1.5, providerCalls: 1 }, 'done'),
  ],
  ['a message only', (l) => l.warn('provider circuit opened: "calls" fail fast\n')],
  [
    'secrets one level down in any value',
    (l) =>
      l.info({
        call: { token: 'call-token', kontistAuthorization: 'Bearer alice', keep: 1 },
        config: { apiKey: 'key-1', Authorization: 'Basic x', nested: { token: 'deeper' } },
        list: [{ token: 'in-array' }],
        when: new Date(0),
        nothing: null,
        gone: undefined,
      }),
  ],
  [
    'credential headers of a request',
    (l) =>
      l.info({
        req: {
          method: 'POST',
          headers: { authorization: 'Bearer a', 'x-kontist-authorization': 'Bearer b', cookie: 'c=1', host: 'h' },
          token: 'req-token',
        },
        headers: { authorization: 'Bearer d', 'x-kontist-authorization': 'Bearer e', accept: '*/*' },
      }),
  ],
  ['whole values', (l) => l.info({ variables: { iban: 'DE89' }, connectionParams: 'Bearer f', n: 3 })],
  ['an error with a secret of its own', (l) => l.error({ err: failed, requestId: 'r-1' }, 'boom')],
  ['an error as the first argument', (l) => l.error(failed)],
  ['a token that is undefined', (l) => l.info({ call: { token: undefined, other: 'x' } })],
  [
    'a child with secrets in its bindings',
    (l) =>
      l
        .child({ requestId: 'r-2', call: { token: 'bound-token' } })
        .child({ more: 1 })
        .info({ x: 1 }, 'child'),
  ],
];

describe('createRedaction', () => {
  it.each(lines)('writes %s exactly as pino redacting every path would', (_name, write) => {
    const own = collect();
    const split = collect();
    write(pinosOwn(own.destination));
    write(splitRedaction(split.destination));
    expect(split.lines).toEqual(own.lines);
    expect(split.lines.join('\n')).not.toMatch(/call-token|Bearer alice|key-1|Bearer [abdef]|error-token|bound-token/);
  });

  it('leaves a line without secrets as it is, without copying it', () => {
    const redaction = createRedaction(PATHS, CENSOR);
    const line = { requestId: 'r', status: 200, call: { provider: 'KONTIST' } };
    expect(redaction.log(line)).toBe(line);
  });

  it('hands pino only the paths that name their first key', () => {
    expect(createRedaction(PATHS, CENSOR).paths).toEqual(PATHS.filter((path) => !path.startsWith('*.')));
  });
});

describe('createLogger', () => {
  it('censors credentials in headers, arguments and errors', () => {
    const { lines: written, destination } = collect();
    const logger = createLogger('info', destination);
    logger.info({ headers: { authorization: 'Bearer secret-1' }, call: { token: 'secret-2' }, variables: { x: 1 } });
    logger.error({ err: Object.assign(new Error('x'), { password: 'secret-3' }) }, 'failed');
    logger.child({ requestId: 'r' }).info({ config: { clientSecret: 'secret-4' } }, 'child');
    const all = written.join('\n');
    expect(all).not.toMatch(/secret-[1-4]/);
    expect(all.match(/\[redacted\]/g)).toHaveLength(5);
  });
});
