import { randomUUID } from 'node:crypto';

import type { Confirmation } from '../../src/payments/confirmation';
import { claim } from '../../src/payments/confirmation-machine';
import type { ConfirmationStore } from '../../src/payments/confirmation-store';
import { createMemoryStore } from '../../src/payments/memory-store';
import { createRedisStore } from '../../src/payments/redis-store';
import { createLogger } from '../../src/ops/logger';
import { createRedis } from '../../src/state/redis';
import { createStateCrypto } from '../../src/state/state-crypto';
import { aConfirmation } from './confirmation.factory';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const crypto = createStateCrypto('a test secret of more than thirty-two characters');

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
    store: createRedisStore(a, crypto),
    other: createRedisStore(b, crypto),
    close: async () => {
      a.disconnect();
      b.disconnect();
    },
  };
};

const created = async (store: ConfirmationStore, overrides: Partial<Confirmation> = {}) => {
  const confirmation = aConfirmation(overrides);
  expect(await store.put(confirmation, { version: null }, randomUUID())).toBe(true);
  return confirmation;
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

  it('gives back what was stored, nested records intact', async () => {
    const confirmation = await created(stores.store);
    expect(await stores.other.get(confirmation.id)).toEqual(confirmation);
    expect(await stores.store.get(randomUUID())).toBeNull();
  });

  it('creates a record only once', async () => {
    const confirmation = await created(stores.store);
    expect(await stores.other.put({ ...confirmation, attemptsLeft: 1 }, { version: null }, randomUUID())).toBe(false);
  });

  it('lets exactly one of 20 concurrent claims from one version win, across instances', async () => {
    const confirmation = await created(stores.store);
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? stores.other : stores.store).put(
          claim(confirmation, `claim-${i}`, Date.now(), 15_000) as Confirmation,
          { version: 0 },
          randomUUID(),
        ),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await stores.other.get(confirmation.id))?.state.status).toBe('EXECUTING');
  });

  it('recognizes a write that already landed as written, and no one else’s', async () => {
    const confirmation = await created(stores.store);
    const next = { ...confirmation, version: 1, attemptsLeft: 2 };
    expect(await stores.store.put(next, { version: 0 }, 'writer-a')).toBe(true);
    expect(await stores.other.put(next, { version: 0 }, 'writer-a')).toBe(true);
    expect(await stores.other.put(next, { version: 0 }, 'writer-b')).toBe(false);
  });

  it('undoes a claim only in the name of the one who wrote it', async () => {
    const confirmation = await created(stores.store);
    const claimed = claim(confirmation, 'c', Date.now(), 15_000) as Confirmation;
    await stores.store.put(claimed, { version: 0 }, 'claimer');
    const undo = { ...claimed, version: 2, state: { status: 'PENDING' as const } };
    expect(await stores.other.put(undo, { version: 1, writer: 'someone-else' }, randomUUID())).toBe(false);
    expect(await stores.other.put(undo, { version: 1, writer: 'claimer' }, randomUUID())).toBe(true);
  });

  it('writes a record the store lost only where the writer says so', async () => {
    const lost = aConfirmation({ version: 3 });
    expect(await stores.store.put(lost, { version: 2 }, randomUUID())).toBe(false);
    expect(await stores.store.put(lost, { version: 2, orAbsent: true }, randomUUID())).toBe(true);
    expect((await stores.other.get(lost.id))?.version).toBe(3);
  });

  it('lists EXECUTING records past their deadline, and forgets them once they move on', async () => {
    const confirmation = await created(stores.store);
    const claimed = claim(confirmation, 'c', Date.now(), 10) as Confirmation;
    await stores.store.put(claimed, { version: 0 }, randomUUID());
    expect(await stores.other.overdue(Date.now() - 1000)).not.toContain(confirmation.id);
    expect(await stores.other.overdue(Date.now() + 1000)).toContain(confirmation.id);
    await stores.store.put({ ...claimed, version: 2, state: { status: 'PENDING' } }, { version: 1 }, randomUUID());
    expect(await stores.other.overdue(Date.now() + 1000)).not.toContain(confirmation.id);
  });
});

describe('the confirmation store in Redis', () => {
  it('keeps no recipient, IBAN, note or amount in clear', async () => {
    const client = createRedis(REDIS_URL);
    try {
      const store = createRedisStore(client, crypto);
      const confirmation = await created(store);
      const raw = JSON.stringify(await client.hgetall(`gateway:confirmation:${confirmation.id}`));
      expect(raw).not.toMatch(/Karl|DE89370400440532013000|Lunch|1250/);
    } finally {
      client.disconnect();
    }
  });

  it('fails fast with the store unavailable where Redis does not answer', async () => {
    const client = createRedis('redis://127.0.0.1:1', createLogger('silent'));
    try {
      const store = createRedisStore(client, crypto, { timeoutMs: 300 });
      await expect(store.checkWritable()).rejects.toThrow(/state store is unavailable/);
      await expect(store.get(randomUUID())).rejects.toThrow(/state store is unavailable/);
    } finally {
      client.disconnect();
    }
  });
});
