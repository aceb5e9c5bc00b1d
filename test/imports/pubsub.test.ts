import { Writable } from 'node:stream';

import type { ImportEvent } from '../../src/imports/import-snapshot';
import { createGatewayPubSub } from '../../src/imports/pubsub';
import { createLogger } from '../../src/logger';
import { createRedis } from '../../src/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

const event: ImportEvent = { kind: 'unavailable', provider: 'KONTOMATIK', reason: 'down' };

describe('the pub/sub on Redis', () => {
  it('delivers an event published on one instance to a subscriber on another', async () => {
    const { logger } = capturedLogger();
    const [a, b] = [
      createGatewayPubSub({ connect: () => createRedis(REDIS_URL), logger }),
      createGatewayPubSub({ connect: () => createRedis(REDIS_URL), logger }),
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
      const handle = createGatewayPubSub({ connect: () => createRedis(REDIS_URL), logger });
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
});
