import { Redis } from 'ioredis';

import type { ImportEvent } from '../../src/imports/import-snapshot';
import { createGatewayPubSub } from '../../src/live/pubsub';
import { createLogger } from '../../src/ops/logger';
import { createRedis } from '../../src/state/redis';
import { freePort as closedPort } from '../support/ports';
import { jsonLineSink } from '../support/logs';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function capturedLogger() {
  const lines: string[] = [];
  const sink = jsonLineSink((_line, raw) => lines.push(raw));
  return { logger: createLogger('info', sink), lines };
}

const event: ImportEvent = { kind: 'unavailable', provider: 'KONTOMATIK', reason: 'down' };

describe('the pub/sub on Redis', () => {
  it('delivers an event published on one instance to a subscriber on another', async () => {
    const { logger } = capturedLogger();
    const [a, b] = [
      createGatewayPubSub({ connect: () => createRedis(REDIS_URL, logger), logger }),
      createGatewayPubSub({ connect: () => createRedis(REDIS_URL, logger), logger }),
    ];
    const key = `test-${Date.now()}`;
    const events = b.pubsub.subscribe('import', key)[Symbol.asyncIterator]();
    const next = events.next();
    // The subscription reaches Redis asynchronously; publish until it has.
    const publishing = setInterval(() => a.pubsub.publish('import', key, event), 20);
    await expect(next).resolves.toEqual({ done: false, value: event });
    clearInterval(publishing);
    await events.return?.();
    a.close();
    b.close();
  });

  it('logs, rather than rejects unhandled, the commands a closed connection refuses', async () => {
    const { logger, lines } = capturedLogger();
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const handle = createGatewayPubSub({ connect: () => createRedis(REDIS_URL, logger), logger });
      const events = handle.pubsub.subscribe('import', 'closing')[Symbol.asyncIterator]();
      void events.next();
      // A shutdown disconnects while the unsubscribe and a publish are still queued.
      void events.return?.();
      handle.pubsub.publish('import', 'closing', event);
      handle.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rejections).toEqual([]);
      expect(lines.some((line) => line.includes('Redis pub/sub command failed'))).toBe(true);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('reports its connections’ errors through its logger, even for clients made without a listener', async () => {
    const { logger, lines } = capturedLogger();
    const port = await closedPort();
    const clients: Redis[] = [];
    const handle = createGatewayPubSub({
      connect: () => {
        // No retries: the client ends after its first failure, leaving no timer behind.
        const client = new Redis(port, '127.0.0.1', { lazyConnect: true, retryStrategy: () => null });
        clients.push(client);
        return client;
      },
      logger,
    });
    const ended = Promise.all(clients.map((client) => new Promise((resolve) => client.once('end', resolve))));
    const events = handle.pubsub.subscribe('import', 'unreachable')[Symbol.asyncIterator]();
    void events.next();
    handle.pubsub.publish('import', 'unreachable', event);
    await ended;
    // Both clients have ended on their own: closing them would only start ioredis's 2 s disconnect timer.
    void events.return?.();

    expect(clients.map((client) => client.listenerCount('error'))).toEqual([1, 1]);
    const warnings = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.level === 40);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        msg: 'Redis is unreachable, retrying',
        err: expect.objectContaining({ code: 'ECONNREFUSED' }),
      }),
    );
  });
});
