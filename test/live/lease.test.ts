import { randomUUID } from 'node:crypto';

import { createMemoryLeaseStore, createRedisLeaseStore, type LeaseStore } from '../../src/live/lease';
import { createRedis } from '../../src/state/redis';

const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
afterAll(() => redis.disconnect());

describe.each([
  ['in memory', () => createMemoryLeaseStore()],
  ['on Redis', () => createRedisLeaseStore(redis, 'test:lease:')],
])('leases %s', (_name, create: () => LeaseStore) => {
  it('gives a lease to one holder at a time, renews it for that holder, and frees it on release', async () => {
    const leases = create();
    const key = `KONTOMATIK:${randomUUID()}`;
    expect(await leases.acquire(key, 'A', 5000)).toBe(true);
    expect(await leases.acquire(key, 'B', 5000)).toBe(false);
    expect(await leases.acquire(key, 'A', 5000)).toBe(true);
    await leases.release(key, 'B');
    expect(await leases.acquire(key, 'B', 5000)).toBe(false);
    await leases.release(key, 'A');
    expect(await leases.acquire(key, 'B', 5000)).toBe(true);
  });

  it('lets another holder take a lease that ran out', async () => {
    const leases = create();
    const key = `KONTOMATIK:${randomUUID()}`;
    expect(await leases.acquire(key, 'A', 50)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await leases.acquire(key, 'B', 5000)).toBe(true);
  });
});

describe('leases on Redis', () => {
  it('keep the import leases’ key names, so that instances of every version share them', async () => {
    const leases = createRedisLeaseStore(redis, 'gateway:import-lease:');
    const key = `KONTOMATIK:${randomUUID()}`;
    await leases.acquire(key, 'A', 5000);
    expect(await redis.get(`gateway:import-lease:${key}`)).toBe('A');
    expect(await redis.pttl(`gateway:import-lease:${key}`)).toBeGreaterThan(4000);
    await leases.release(key, 'A');
    expect(await redis.exists(`gateway:import-lease:${key}`)).toBe(0);
  });
});
