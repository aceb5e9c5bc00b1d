import { randomUUID } from 'node:crypto';

import type { ImportSnapshot } from '../../src/imports/import-snapshot';
import { createMemoryImportStore, withDeadline, type ImportStore } from '../../src/imports/import-store';
import { ImportStoreTimeoutError } from '../../src/errors/internal-errors';
import { createRedisImportStore } from '../../src/imports/redis-import-store';
import { createRedis } from '../../src/state/redis';

const snapshot = (id: string): ImportSnapshot => ({
  provider: 'KONTOMATIK',
  id,
  providerImportId: id,
  status: 'QUEUED',
  startedAt: '2026-06-30T12:00:00.000Z',
  estimatedFinishAt: null,
  finishedAt: null,
  error: null,
  accountId: null,
  ownerKey: null,
  baseline: null,
});

const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
afterAll(() => redis.disconnect());

describe.each([
  ['in memory', () => createMemoryImportStore()],
  ['on Redis', () => createRedisImportStore(redis)],
])('the import store %s', (_name, create: () => ImportStore) => {
  it('keeps snapshots by key', async () => {
    const store = create();
    const key = `KONTOMATIK:${randomUUID()}`;
    expect(await store.get(key)).toBeNull();
    await store.put(key, snapshot('a'));
    expect(await store.get(key)).toEqual(snapshot('a'));
  });
});

describe('an import store with a deadline', () => {
  it('fails a call the store does not answer in time, and passes answers through', async () => {
    const memory = createMemoryImportStore();
    const hung: ImportStore = { ...memory, get: () => new Promise(() => undefined) };
    const store = withDeadline(hung, 20);
    await expect(store.get('KONTOMATIK:x')).rejects.toBeInstanceOf(ImportStoreTimeoutError);
    await store.put('KONTOMATIK:x', snapshot('x'));
    expect(await memory.get('KONTOMATIK:x')).toEqual(snapshot('x'));
  });
});
