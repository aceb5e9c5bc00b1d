import { randomUUID } from 'node:crypto';

import { createIdempotent } from '../../src/payments/idempotency';
import { createRedisIdempotencyStore } from '../../src/payments/idempotency-store';
import { GatewayError, ProviderUnavailableError, ServiceUnavailableError } from '../../src/errors/errors';
import { createLogger } from '../../src/ops/logger';
import { createRedis } from '../../src/state/redis';
import { createStateCrypto } from '../../src/state/state-crypto';
import { jsonLineSink } from '../support/logs';
import { freePort as closedPort } from '../support/ports';
import { startRedisServer, type RedisServer } from '../support/redis-server';

const crypto = createStateCrypto('idempotency-faults-test-secret-0123456789abcdef');
const CALLER = 'caller-of-the-faults-test';
const aTransfer = () => ({ recipient: 'Karl Brenner', iban: 'DE89370400440532013000', amount: 1250 });
const aResult = () => ({ id: 'Q29uZmlybWF0aW9uOjE', status: 'PENDING', iban: 'DE89370400440532013000' });

/** An instance's guard on its own Redis connection, its log lines kept. */
function anInstance(url: string, deadlineMs = 300) {
  const logs: string[] = [];
  const sink = jsonLineSink((_line, raw) => logs.push(raw));
  const logger = createLogger('info', sink);
  const redis = createRedis(url, logger);
  const guard = createIdempotent(createRedisIdempotencyStore(redis, crypto), {
    crypto,
    logger,
    storeDeadlineMs: deadlineMs,
    retryFirstMs: 50,
    retryMaxMs: 400,
  });
  return {
    guard,
    redis,
    logs,
    close() {
      guard.close();
      redis.disconnect();
    },
  };
}

/** Why each refusal was made, as the guard logged it. */
function refusals(logs: string[]): string[] {
  return logs
    .map((line) => JSON.parse(line) as { msg: string; reason: string })
    .filter((line) => line.msg === 'idempotency store unavailable; refused before the provider')
    .map((line) => line.reason);
}

/** Resolves once `check` holds, polling; fails the test after `ms`. */
async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`not within ${ms} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('idempotency when the state store fails', () => {
  let server: RedisServer;
  let instances: Array<{ close(): void }> = [];
  const instance = (url = server.url, deadlineMs?: number) => {
    const made = anInstance(url, deadlineMs);
    instances.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    for (const made of instances) {
      made.close();
    }
    instances = [];
    server.resume();
    await server.restart();
  });
  afterAll(() => server.stop());

  it('refuses with SERVICE_UNAVAILABLE, quickly and before the mutation runs, when nothing listens', async () => {
    const { guard, logs } = instance(`redis://127.0.0.1:${await closedPort()}`, 2000);
    const run = jest.fn(async () => aResult());
    const error = await guard(CALLER, randomUUID(), 'createTransfer', aTransfer(), run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as GatewayError).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503 } });
    // Quickly: refused on the failed connection, not after waiting out the 2 s deadline.
    expect(refusals(logs)).toEqual([expect.not.stringMatching(/did not answer/)]);
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses within the deadline when Redis hangs, and gives back a reservation that lands late', async () => {
    const { guard, logs } = instance(server.url, 300);
    const key = randomUUID();
    await guard(CALLER, randomUUID(), 'createTransfer', aTransfer(), async () => aResult()); // connected
    server.pause();
    const run = jest.fn(async () => aResult());
    await expect(guard(CALLER, key, 'createTransfer', aTransfer(), run)).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
    // Refused by the deadline: Redis, paused, would never have answered.
    expect(refusals(logs)).toEqual([expect.stringMatching(/did not answer within 300 ms/)]);
    expect(run).not.toHaveBeenCalled();

    server.resume();
    // The SET NX sent before the deadline now lands; left alone it would hold the key as running for a day.
    await eventually(async () => (await guard(CALLER, key, 'createTransfer', aTransfer(), run)) !== undefined);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('answers with the result when Redis dies after the mutation ran, and writes the record once Redis is back', async () => {
    const a = instance();
    const key = randomUUID();
    const result = aResult();
    const answer = await a.guard(CALLER, key, 'createTransfer', aTransfer(), async () => {
      await server.kill();
      return result;
    });
    expect(answer).toBe(result);

    // Meanwhile a retry on this instance is answered from memory, not run again.
    const rerun = jest.fn(async () => aResult());
    expect(await a.guard(CALLER, key, 'createTransfer', aTransfer(), rerun)).toEqual(result);
    expect(rerun).not.toHaveBeenCalled();

    await server.restart();
    const check = createRedis(server.url);
    try {
      await eventually(async () => (await check.keys('gateway:idempotency:*')).length === 1);
      const [stored] = await check.keys('gateway:idempotency:*');
      expect(await check.pttl(stored!)).toBeGreaterThan(23 * 60 * 60 * 1000);
      expect(await check.get(stored!)).not.toContain('DE89');
    } finally {
      check.disconnect();
    }

    // Another instance now replays it too.
    const b = instance();
    const runOnB = jest.fn(async () => aResult());
    expect(await b.guard(CALLER, key, 'createTransfer', aTransfer(), runOnB)).toEqual(result);
    expect(runOnB).not.toHaveBeenCalled();

    await eventually(async () =>
      a.logs.some((line) => line.includes('idempotency record written after a store fault')),
    );
    const logged = a.logs.join('\n');
    expect(logged).toContain('idempotency store failed after the mutation ran');
    expect(logged).not.toContain('DE89');
    expect(logged).not.toContain('Q29uZmlybWF0aW9uOjE');
  });

  it("passes on the mutation's own error unchanged when Redis hangs after it, and keeps it for retries", async () => {
    const a = instance();
    const key = randomUUID();
    const refused = new GatewayError('TAN_INVALID', 'Wrong TAN.', { attemptsLeft: 2 });
    const error = await a
      .guard(CALLER, key, 'confirmTransfer', { confirmationId: 'c1' }, async () => {
        server.pause();
        throw refused;
      })
      .catch((e: unknown) => e);
    expect(error).toBe(refused);

    server.resume();
    const b = instance();
    await eventually(async () => (await b.redis.keys('gateway:idempotency:*')).length > 0);
    const again = jest.fn();
    await expect(b.guard(CALLER, key, 'confirmTransfer', { confirmationId: 'c1' }, again)).rejects.toMatchObject({
      extensions: { code: 'TAN_INVALID', attemptsLeft: 2 },
    });
    expect(again).not.toHaveBeenCalled();
  });

  it('frees the key after PROVIDER_UNAVAILABLE even when Redis hangs at that moment', async () => {
    const a = instance();
    const key = randomUUID();
    const unavailable = new ProviderUnavailableError('KONTIST', 'timeout');
    await expect(
      a.guard(CALLER, key, 'createTransfer', aTransfer(), async () => {
        server.pause();
        throw unavailable;
      }),
    ).rejects.toBe(unavailable);

    server.resume();
    const b = instance();
    const retry = jest.fn(async () => aResult());
    await eventually(async () => {
      const error = await b.guard(CALLER, key, 'createTransfer', aTransfer(), retry).catch((e: unknown) => e);
      return !(error instanceof Error);
    });
    expect(retry).toHaveBeenCalledTimes(1);
  });
});

describe('a guard whose store never comes back', () => {
  afterEach(() => jest.useRealTimers());

  it('stops retrying when closed, and says how many records were not written', async () => {
    // The retries on fake time.
    jest.useFakeTimers();
    // Only completion fails: a fake store, since a real one fails at reservation first.
    const store = {
      reserve: jest.fn(async () => ({ reserved: true as const })),
      complete: jest.fn(async () => {
        throw new Error('ECONNREFUSED');
      }),
      release: jest.fn(async () => undefined),
    };
    const logs: string[] = [];
    const sink = jsonLineSink((_line, raw) => logs.push(raw));
    const guard = createIdempotent(store, {
      crypto,
      logger: createLogger('info', sink),
      retryFirstMs: 20,
      retryMaxMs: 20,
    });
    expect(await guard(CALLER, 'k1', 'createTransfer', aTransfer(), async () => aResult())).toEqual(aResult());
    await jest.advanceTimersByTimeAsync(40);
    expect(store.complete.mock.calls.length).toBeGreaterThanOrEqual(3);
    guard.close();
    const calls = store.complete.mock.calls.length;
    // Five retry intervals: none comes.
    await jest.advanceTimersByTimeAsync(100);
    expect(store.complete.mock.calls.length).toBe(calls);
    expect(logs.join('')).toContain('"records":1');
    expect(logs.join('')).not.toContain('DE89');
  });
});
