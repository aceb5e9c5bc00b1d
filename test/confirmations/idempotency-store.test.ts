import { randomUUID } from 'node:crypto';

import {
  createMemoryIdempotencyStore,
  createRedisIdempotencyStore,
  type IdempotencyStore,
} from '../../src/confirmations/idempotency-store';
import { createRedis } from '../../src/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['in memory', () => ({ stores: [createMemoryIdempotencyStore()], close: async () => undefined })],
  [
    'in Redis, two instances',
    () => {
      const a = createRedis(REDIS_URL);
      const b = createRedis(REDIS_URL);
      return {
        stores: [createRedisIdempotencyStore(a), createRedisIdempotencyStore(b)],
        close: async () => {
          a.disconnect();
          b.disconnect();
        },
      };
    },
  ],
])('the idempotency store %s', (_name, factory) => {
  let stores: IdempotencyStore[];
  let close: () => Promise<void>;
  beforeEach(() => {
    ({ stores, close } = factory());
  });
  afterEach(() => close());
  const any = (i: number) => stores[i % stores.length]!;

  it('lets one of many concurrent first calls run; the others see it running', async () => {
    const key = randomUUID();
    const reservations = await Promise.all(Array.from({ length: 10 }, (_, i) => any(i).reserve(key, 'args-1')));
    expect(reservations.filter((r) => r.reserved)).toHaveLength(1);
    expect(reservations.filter((r) => !r.reserved)).toEqual(
      Array(9).fill({ reserved: false, existing: { argumentsHash: 'args-1', state: 'running' } }),
    );
  });

  it('answers a retry with the first result, errors included', async () => {
    const key = randomUUID();
    await any(0).reserve(key, 'args-1');
    const error = { code: 'TAN_INVALID', message: 'Wrong TAN.', extensions: { attemptsLeft: 2 } };
    await any(0).complete(key, { argumentsHash: 'args-1', state: 'done', error });
    expect(await any(1).reserve(key, 'args-1')).toEqual({
      reserved: false,
      existing: { argumentsHash: 'args-1', state: 'done', error },
    });
  });

  it('can be used again once released', async () => {
    const key = randomUUID();
    await any(0).reserve(key, 'args-1');
    await any(0).release(key);
    expect(await any(1).reserve(key, 'args-1')).toEqual({ reserved: true });
  });
});
