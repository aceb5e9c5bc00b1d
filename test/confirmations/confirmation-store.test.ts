import { randomUUID } from 'node:crypto';

import type { Confirmation } from '../../src/confirmations/confirmation';
import type { ConfirmationStore } from '../../src/confirmations/confirmation-store';
import { createMemoryStore } from '../../src/confirmations/memory-store';
import { createRedisStore } from '../../src/confirmations/redis-store';
import { createRedis } from '../../src/redis';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const aConfirmation = (overrides: Partial<Confirmation> = {}): Confirmation => ({
  id: randomUUID(),
  operation: 'CREATE_TRANSFER',
  provider: 'KONTIST',
  callerKey: 'caller-hash',
  providerAccountId: '4711',
  execution: { transferPath: '/api/accounts/4711/transfer/abc', payload: { amount: 1250, tags: [] } },
  summary: { recipient: 'Karl Brenner', iban: 'DE89370400440532013000', amount: 1250, note: 'Lunch', endToEndId: null },
  tokenLength: 6,
  expiresAt: Date.now() + 60_000,
  attemptsLeft: 3,
  state: 'PENDING',
  ...overrides,
});

type Factory = () => { store: ConfirmationStore; other: ConfirmationStore; close: () => Promise<void> };

const memory: Factory = () => {
  const store = createMemoryStore();
  return { store, other: store, close: async () => undefined };
};

/** Two stores on two connections: two gateway instances sharing one Redis. */
const redis: Factory = () => {
  const a = createRedis(REDIS_URL);
  const b = createRedis(REDIS_URL);
  return {
    store: createRedisStore(a),
    other: createRedisStore(b),
    close: async () => {
      a.disconnect();
      b.disconnect();
    },
  };
};

describe.each([
  ['in memory', memory],
  ['in Redis', redis],
])('the confirmation store %s', (_name, factory) => {
  let stores: ReturnType<Factory>;
  beforeEach(() => {
    stores = factory();
  });
  afterEach(() => stores.close());

  it('gives back what was stored, arrays and nested objects intact', async () => {
    const confirmation = aConfirmation();
    await stores.store.create(confirmation);
    expect(await stores.other.get(confirmation.id)).toEqual(confirmation);
    expect(await stores.store.get(randomUUID())).toBeNull();
  });

  it('lets exactly one of 20 concurrent claims win, across instances', async () => {
    const confirmation = aConfirmation();
    await stores.store.create(confirmation);
    const now = Date.now();
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? stores.other : stores.store).claim(confirmation.id, now)),
    );
    expect(claims.filter((c) => c.won)).toHaveLength(1);
    expect(claims.filter((c) => !c.won).every((c) => c.confirmation?.state === 'EXECUTING')).toBe(true);
    expect((await stores.other.get(confirmation.id))?.state).toBe('EXECUTING');
  });

  it('refuses to claim an expired confirmation', async () => {
    const confirmation = aConfirmation({ expiresAt: Date.now() + 50 });
    await stores.store.create(confirmation);
    const claim = await stores.store.claim(confirmation.id, Date.now() + 100);
    expect(claim).toEqual({ won: false, confirmation: expect.objectContaining({ state: 'PENDING' }) });
  });

  it('can be claimed again once settled back to PENDING (a wrong TAN), never once final', async () => {
    const confirmation = aConfirmation();
    await stores.store.create(confirmation);
    const first = await stores.store.claim(confirmation.id, Date.now());
    expect(first.won).toBe(true);
    await stores.store.settle({ ...confirmation, state: 'PENDING', attemptsLeft: 2 });
    const second = await stores.other.claim(confirmation.id, Date.now());
    expect(second).toMatchObject({ won: true, confirmation: { attemptsLeft: 2, state: 'EXECUTING' } });
    await stores.other.settle({ ...confirmation, state: 'CONFIRMED', attemptsLeft: 2, result: { id: 20 } });
    const third = await stores.store.claim(confirmation.id, Date.now());
    expect(third).toMatchObject({ won: false, confirmation: { state: 'CONFIRMED', result: { id: 20 } } });
  });

  it('answers a claim of an unknown id with no confirmation', async () => {
    expect(await stores.store.claim(randomUUID(), Date.now())).toEqual({ won: false, confirmation: null });
  });
});
