import { EventEmitter } from 'node:events';

import { createLogger } from '../../src/ops/logger';
import { createRedis, REDIS_DISCONNECT_MS, redisErrorFields, reportRedisErrors } from '../../src/state/redis';
import { jsonLineSink } from '../support/logs';
import { freePort as closedPort } from '../support/ports';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function capturedLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const sink = jsonLineSink((line, text) => {
    lines.push(line);
    raw.push(text);
  });
  return { logger: createLogger('debug', sink), lines, raw };
}

describe('createRedis', () => {
  it('logs an unreachable Redis once at warn through its logger, never on stderr, never its password', async () => {
    const { logger, lines, raw } = capturedLogger();
    const stderr = jest.spyOn(process.stderr, 'write');
    const consoleError = jest.spyOn(console, 'error');
    const redis = createRedis(`redis://:the-redis-password@127.0.0.1:${await closedPort()}`, logger);
    // ioredis prints an error event to stderr only when nobody listens to it.
    expect(redis.listenerCount('error')).toBe(1);
    // Reconnections fail at 200, 400, 600 … ms: several errors, one line. Disconnecting while
    // the failed socket is still open lets ioredis end at once, not after its 2 s disconnect timer.
    const threeErrors = new Promise<void>((resolve) => {
      let errors = 0;
      redis.on('error', () => {
        errors += 1;
        if (errors === 3) {
          redis.disconnect();
          resolve();
        }
      });
    });
    try {
      await expect(redis.get('anything')).rejects.toThrow();
      await threeErrors;
      expect(lines.filter((line) => line.level === 40)).toEqual([
        expect.objectContaining({
          msg: 'Redis is unreachable, retrying',
          err: expect.objectContaining({ name: 'Error', code: 'ECONNREFUSED' }),
        }),
      ]);
      expect(raw.join('\n')).not.toContain('the-redis-password');
      expect(stderr).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      redis.disconnect();
      stderr.mockRestore();
      consoleError.mockRestore();
    }
  });
});

describe('a Redis client disconnected while Redis is away', () => {
  afterEach(() => jest.useRealTimers());

  it('leaves nothing to keep the process alive once REDIS_DISCONNECT_MS have passed', async () => {
    // ioredis's timers on fake time, the sockets for real.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const redis = createRedis(`redis://127.0.0.1:${await closedPort()}`, createLogger('silent'));
    const reconnecting = new Promise((resolve) => redis.once('reconnecting', resolve));
    redis.connect().catch(() => undefined);
    await reconnecting;

    redis.disconnect();
    // ioredis then waits for the `close` of a socket that closed already, on a timer that
    // holds the process (redis/ioredis#1247): at its default, two seconds of every shutdown.
    expect(jest.getTimerCount()).toBe(1);
    await jest.advanceTimersByTimeAsync(REDIS_DISCONNECT_MS);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('reportRedisErrors', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });

  it('warns once per loss, then every 30 s while it lasts, and tells at info when Redis is back', () => {
    const { logger, lines } = capturedLogger();
    const client = new EventEmitter();
    let now = 0;
    reportRedisErrors(client, logger, () => now);

    for (; now < 65_000; now += 500) {
      client.emit('error', refused);
    }
    client.emit('ready');
    now = 70_000;
    client.emit('error', refused);

    expect(lines.map(({ level, msg, downForMs, unreported }) => ({ level, msg, downForMs, unreported }))).toEqual([
      { level: 40, msg: 'Redis is unreachable, retrying', downForMs: undefined, unreported: undefined },
      { level: 40, msg: 'Redis is still unreachable, retrying', downForMs: 30_000, unreported: 59 },
      { level: 40, msg: 'Redis is still unreachable, retrying', downForMs: 60_000, unreported: 59 },
      { level: 30, msg: 'Redis is reachable again', downForMs: 65_000, unreported: undefined },
      { level: 40, msg: 'Redis is unreachable, retrying', downForMs: undefined, unreported: undefined },
    ]);
  });

  it('says nothing when a connection becomes ready without having been lost', () => {
    const { logger, lines } = capturedLogger();
    const client = new EventEmitter();
    reportRedisErrors(client, logger);
    client.emit('ready');
    expect(lines).toEqual([]);
  });

  it('listens once however often a client is handed to it', () => {
    const { logger, lines } = capturedLogger();
    const client = new EventEmitter();
    reportRedisErrors(client, logger);
    reportRedisErrors(client, logger);
    client.emit('error', refused);
    expect(client.listenerCount('error')).toBe(1);
    expect(lines).toHaveLength(1);
  });
});

describe('redisErrorFields', () => {
  it('logs a reply error by name, message and code, without the command or its arguments', async () => {
    const { logger, raw, lines } = capturedLogger();
    const redis = createRedis(REDIS_URL, logger);
    try {
      // HSET with a field and no value: Redis refuses the arity.
      const error = await redis.call('HSET', 'gateway:test:record', 'DE89370400440532013000').catch((e: unknown) => e);
      // What pino's err serializer would have printed.
      expect(error).toMatchObject({ command: { args: ['gateway:test:record', 'DE89370400440532013000'] } });

      logger.warn({ ...redisErrorFields(error), key: 'k' }, 'a store call failed');

      expect(lines.at(-1)!.err).toEqual({
        type: 'ReplyError',
        name: 'ReplyError',
        code: 'ERR',
        message: expect.stringContaining('wrong number of arguments'),
        stack: '',
      });
      expect(raw.at(-1)).not.toContain('DE89370400440532013000');
      expect(raw.at(-1)).not.toContain('gateway:test:record');
      expect(raw.at(-1)).not.toContain('args');
    } finally {
      await redis.quit();
    }
  });

  it('keeps the code an error carries, and blanks a URL password a message quotes', () => {
    const error = Object.assign(new Error('cannot reach redis://gateway:s3cret@redis.internal:6379'), {
      code: 'ENOTFOUND',
    });
    expect({ ...redisErrorFields(error).err }).toEqual({
      name: 'Error',
      message: 'cannot reach redis://gateway:[redacted]@redis.internal:6379',
      code: 'ENOTFOUND',
    });
  });

  it('describes something thrown that is not an error', () => {
    expect({ ...redisErrorFields('timeout').err }).toEqual({ name: 'Error', message: 'timeout' });
  });
});
