import { randomUUID } from 'node:crypto';

import {
  IDEMPOTENCY_TTL_MS,
  createMemoryIdempotencyStore,
  createRedisIdempotencyStore,
  type IdempotencyStore,
} from '../../src/payments/idempotency-store';
import { createRedis } from '../../src/state/redis';
import { createStateCrypto } from '../../src/state/state-crypto';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const crypto = createStateCrypto('idempotency-store-test-secret-0123456789abcdef');
const inADay = () => Date.now() + IDEMPOTENCY_TTL_MS;

describe.each([
  ['in memory', () => ({ stores: [createMemoryIdempotencyStore()], close: async () => undefined })],
  [
    'in Redis, two instances',
    () => {
      const a = createRedis(REDIS_URL);
      const b = createRedis(REDIS_URL);
      return {
        stores: [createRedisIdempotencyStore(a, crypto), createRedisIdempotencyStore(b, crypto)],
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
    const reservations = await Promise.all(
      Array.from({ length: 10 }, (_, i) => any(i).reserve(key, 'args-1', inADay())),
    );
    expect(reservations.filter((r) => r.reserved)).toHaveLength(1);
    expect(reservations.filter((r) => !r.reserved)).toEqual(
      Array(9).fill({ reserved: false, existing: { argumentsHash: 'args-1', state: 'running' } }),
    );
  });

  it('answers a retry with the first result, errors included', async () => {
    const key = randomUUID();
    await any(0).reserve(key, 'args-1', inADay());
    const error = { code: 'TAN_INVALID', message: 'Wrong TAN.', extensions: { attemptsLeft: 2 } };
    await any(0).complete(key, { argumentsHash: 'args-1', state: 'done', error }, inADay());
    expect(await any(1).reserve(key, 'args-1', inADay())).toEqual({
      reserved: false,
      existing: { argumentsHash: 'args-1', state: 'done', error },
    });
  });

  it('can be used again once released', async () => {
    const key = randomUUID();
    await any(0).reserve(key, 'args-1', inADay());
    await any(0).release(key);
    expect(await any(1).reserve(key, 'args-1', inADay())).toEqual({ reserved: true });
  });

  it('forgets a record at the expiry its key was reserved with, a late completion included', async () => {
    const key = randomUUID();
    const expiresAt = Date.now() + 150;
    await any(0).reserve(key, 'args-1', expiresAt);
    await any(0).complete(key, { argumentsHash: 'args-1', state: 'done', data: { id: 'T1' } }, expiresAt);
    expect(await any(1).reserve(key, 'args-1', inADay())).toMatchObject({ reserved: false });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await any(1).reserve(key, 'args-2', inADay())).toEqual({ reserved: true });
  });
});

describe('the idempotency store in Redis', () => {
  const redis = createRedis(REDIS_URL);
  const store = createRedisIdempotencyStore(redis, crypto);
  afterAll(() => redis.disconnect());

  const aTransferResult = () => ({
    recipient: 'Karl Brenner',
    iban: 'DE89370400440532013000',
    note: 'Thank you for paying my lunch',
  });

  it('keeps records sealed: Redis holds no recipient, IBAN or note', async () => {
    const key = randomUUID();
    await store.reserve(key, 'args-1', inADay());
    await store.complete(key, { argumentsHash: 'args-1', state: 'done', data: aTransferResult() }, inADay());
    const raw = (await redis.get(`gateway:idempotency:${key}`))!;
    expect(raw).toMatch(/^v1\./);
    for (const text of ['Karl', 'DE89', 'lunch', 'args-1', 'done']) {
      expect(raw).not.toContain(text);
    }
    expect(await store.reserve(key, 'args-1', inADay())).toEqual({
      reserved: false,
      existing: { argumentsHash: 'args-1', state: 'done', data: aTransferResult() },
    });
  });

  it('refuses a record copied under another key, rather than replaying it to another caller', async () => {
    const key = randomUUID();
    const copy = randomUUID();
    await store.reserve(key, 'args-1', inADay());
    await store.complete(key, { argumentsHash: 'args-1', state: 'done', data: aTransferResult() }, inADay());
    await redis.set(`gateway:idempotency:${copy}`, (await redis.get(`gateway:idempotency:${key}`))!, 'PX', 60_000);
    await expect(store.reserve(copy, 'args-1', inADay())).rejects.toThrow('does not open');
  });

  it('does not open records sealed with another STATE_SECRET', async () => {
    const key = randomUUID();
    await store.reserve(key, 'args-1', inADay());
    const other = createRedisIdempotencyStore(redis, createStateCrypto('another-secret-0123456789abcdefghijklmnop'));
    await expect(other.reserve(key, 'args-1', inADay())).rejects.toThrow('does not open');
  });
});
