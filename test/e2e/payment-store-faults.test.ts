import { createHash } from 'node:crypto';

import { Redis } from 'ioredis';
import request from 'supertest';

import {
  AccountsDocument,
  ConfirmTransferDocument,
  ConfirmationByIdDocument,
  CreateTransferDocument,
} from '../generated/graphql';
import { aTransfer, kontistBookings } from '../support/payments';
import { alice, startGateway, type TestGateway } from '../support/gateway';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { sandboxEnv } from '../support/sandbox-env';
import { spawnGateway } from '../support/spawn-gateway';
import { aliceConnection, subscribe, wsClient } from '../support/subscriptions';

const POST_TRANSFER = 'KONTIST POST /api/accounts/:id/transfer';
const PUT_TRANSFER = 'KONTIST PUT /api/accounts/:id/transfer/:transferId';
const TIMEOUT_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CONTRACT.md, "Payment outcomes", with the state store failing: two gateway instances
 * on a Redis of the test's own, which it kills, pauses and restarts empty. In every
 * case the status a client can read ends equal to what the sandbox booked, with one
 * execution upstream at most and never an internal error.
 */
describe('payment outcomes when the state store fails', () => {
  let redis: RedisServer;
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { REDIS_URL: redis.url, UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), CIRCUIT_FAILURES: '1000' };
    a = await startGateway(env);
    b = await startGateway(env, {}, a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
    await redis.stop();
  });
  afterEach(async () => {
    await a.clearFaults();
    // Each test starts with a Redis that runs, whatever the last one did to it.
    await redis.kill();
    await redis.restart();
  });

  const bookings = (endToEndId: string | null | undefined) => kontistBookings(a.sandboxUrl, endToEndId ?? '');

  const created = async (on: TestGateway = a) => {
    const input = aTransfer();
    const { body } = await on.gql(CreateTransferDocument, { input }, alice);
    expect(body.errors).toBeUndefined();
    return { id: body.data!.createTransfer.id, tan: await a.latestTan(), input };
  };

  const confirm = (on: TestGateway, id: string, tan: string) =>
    on.gql(ConfirmTransferDocument, { confirmationId: id, authorizationToken: tan }, alice);

  const statusOn = async (on: TestGateway, id: string) => {
    const { body } = await on.gql(ConfirmationByIdDocument, { id }, alice);
    return body.data?.confirmation?.status ?? body.errors?.[0]?.extensions.code;
  };

  /** Reads until `expected`, for as long as the contract allows (UPSTREAM_TIMEOUT_MS + 10 s). */
  const eventually = async (on: TestGateway, id: string, expected: string) => {
    const deadline = Date.now() + TIMEOUT_MS + 10_000;
    let seen = await statusOn(on, id);
    while (seen !== expected && Date.now() < deadline) {
      await sleep(100);
      seen = await statusOn(on, id);
    }
    expect(seen).toBe(expected);
  };

  /** Resolves once the sandbox has counted a call to `route`: the write reached the bank. */
  const reached = async (route: string) => {
    while (!(await a.stats())[route]) {
      await sleep(20);
    }
  };

  const noInternalErrors = () => {
    for (const gateway of [a, b]) {
      expect(gateway.logs.filter((line) => line.includes('INTERNAL_SERVER_ERROR'))).toEqual([]);
    }
  };

  it('refuses a payment with SERVICE_UNAVAILABLE (503) while Redis is down: nothing upstream, no TAN; reads go on', async () => {
    await redis.kill();
    await a.resetStats();
    const sms = await a.smsCount();
    const response = await a.gql(CreateTransferDocument, { input: aTransfer() }, alice);
    expect(response.status).toBe(503);
    expect(response.body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await a.stats())[POST_TRANSFER]).toBeUndefined();
    expect(await a.smsCount()).toBe(sms);

    const accounts = await a.gql(AccountsDocument, {}, alice);
    expect(accounts.body.errors).toBeUndefined();
    expect(accounts.body.data!.accounts.length).toBeGreaterThan(0);
    noInternalErrors();
  });

  it('gives the client its result when Redis dies during the execution, and writes it once Redis is back', async () => {
    const { id, tan, input } = await created();
    await a.resetStats();
    await a.faults({ provider: 'KONTIST', afterWrite: { answer: 'hold', holdMs: 400 } });
    // supertest sends when `then` is called.
    const confirming = confirm(a, id, tan).then((response) => response);
    // The claim is in Redis before the write goes out; the bank holds its answer meanwhile.
    await reached(PUT_TRANSFER);
    await redis.kill();
    const { body } = await confirming;
    expect(body.errors).toBeUndefined();
    expect(body.data!.confirmTransfer).toMatchObject({ status: 'ACCEPTED', endToEndId: input.endToEndId });
    expect(await statusOn(a, id)).toBe('CONFIRMED');

    await redis.restart();
    await eventually(b, id, 'CONFIRMED');
    expect(await bookings(input.endToEndId)).toBe(1);
    expect((await a.stats())[PUT_TRANSFER]).toBe(1);
    noInternalErrors();
  });

  it('executes once when Redis pauses briefly under 20 concurrent confirms on two instances', async () => {
    const { id, tan, input } = await created();
    await a.resetStats();
    redis.pause();
    const answers = Promise.all(Array.from({ length: 20 }, (_, i) => confirm(i % 2 ? a : b, id, tan)));
    await sleep(300);
    redis.resume();
    const codes = (await answers).map((r) => r.body.errors?.[0]?.extensions.code ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code !== 'OK' && code !== 'CONFIRMATION_USED')).toEqual([]);
    await eventually(b, id, 'CONFIRMED');
    expect(await bookings(input.endToEndId)).toBe(1);
    expect((await a.stats())[PUT_TRANSFER]).toBe(1);
    noInternalErrors();
  });

  it('answers SERVICE_UNAVAILABLE to every confirm while Redis stays paused, and leaves the TAN usable once it is back', async () => {
    const { id, tan, input } = await created();
    await a.resetStats();
    redis.pause();
    // Every answer comes while Redis is still paused; only then does it resume.
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => confirm(i % 2 ? a : b, id, tan)));
    redis.resume();
    expect(responses.map((r) => r.body.errors?.[0]?.extensions.code)).toEqual(Array(20).fill('SERVICE_UNAVAILABLE'));
    expect(responses.every((r) => r.status === 503)).toBe(true);
    expect((await a.stats())[PUT_TRANSFER]).toBeUndefined();
    expect(await bookings(input.endToEndId)).toBe(0);

    // A claim that landed after its caller gave up is handed back by that caller.
    await eventually(b, id, 'PENDING');
    let confirmed = await confirm(a, id, tan);
    const deadline = Date.now() + 10_000;
    while (confirmed.body.errors && Date.now() < deadline) {
      expect(['SERVICE_UNAVAILABLE', 'CONFIRMATION_USED']).toContain(confirmed.body.errors[0]!.extensions.code);
      await sleep(200);
      confirmed = await confirm(a, id, tan);
    }
    expect(confirmed.body.data!.confirmTransfer.status).toBe('ACCEPTED');
    await eventually(b, id, 'CONFIRMED');
    expect(await bookings(input.endToEndId)).toBe(1);
    expect((await a.stats())[PUT_TRANSFER]).toBe(1);
    noInternalErrors();
  });

  it('moves a confirmation whose executing instance was SIGKILLed to UNKNOWN, then to CONFIRMED on evidence', async () => {
    const doomed = await spawnGateway({
      REDIS_URL: redis.url,
      UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
      ...sandboxEnv(a.sandboxUrl),
    });
    try {
      const { id, tan, input } = await created();
      await a.resetStats();
      await a.faults({ provider: 'KONTIST', afterWrite: { answer: 'hold', holdMs: 5000 } });
      const confirming = request(doomed.url)
        .post('/graphql')
        .set(alice)
        .send({
          query:
            'mutation ($id: ID!, $tan: String!) { confirmTransfer(confirmationId: $id, authorizationToken: $tan) { status } }',
          variables: { id, tan },
        })
        .then(
          () => undefined,
          () => undefined,
        );
      await reached(PUT_TRANSFER);
      await doomed.kill();
      await confirming;
      expect(await statusOn(a, id)).toBe('EXECUTING');
      await eventually(a, id, 'CONFIRMED');
      expect(await bookings(input.endToEndId)).toBe(1);
      expect((await a.stats())[PUT_TRANSFER]).toBe(1);
      noInternalErrors();
    } finally {
      await doomed.kill();
    }
  });

  it('streams every step to confirmationChanged on another instance, then completes', async () => {
    const { id, tan } = await created();
    const client = wsClient(b.url, aliceConnection);
    try {
      const watching = subscribe<{ confirmationChanged: { status: string } }>(
        client,
        'subscription ($id: ID!) { confirmationChanged(id: $id) { status statusDetail } }',
        { id },
      );
      await watching.next((r) => r.data?.confirmationChanged.status === 'PENDING');
      await a.faults({ provider: 'KONTIST', afterWrite: { answer: 'reset' } });
      await confirm(a, id, tan);
      await watching.done;
      expect(watching.results.map((r) => r.data?.confirmationChanged.status)).toEqual([
        'PENDING',
        'EXECUTING',
        'UNKNOWN',
        'CONFIRMED',
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('keeps no IBAN, recipient, note or plain credential hash anywhere in Redis', async () => {
    const { id, tan } = await created();
    await a.gql(CreateTransferDocument, { input: aTransfer() }, { ...alice, 'Idempotency-Key': 'scan-1' });
    await confirm(b, id, tan);
    const client = new Redis(redis.url);
    try {
      const dump: string[] = [];
      for (const key of await client.keys('*')) {
        dump.push(key);
        const type = await client.type(key);
        const value =
          type === 'hash'
            ? await client.hgetall(key)
            : type === 'zset'
              ? await client.zrange(key, 0, -1)
              : type === 'string'
                ? await client.get(key)
                : type;
        dump.push(JSON.stringify(value));
      }
      const everything = dump.join('\n');
      expect(dump.length).toBeGreaterThan(4);
      const plainHashes = [
        JSON.stringify([
          ['BANKIMPORT', 'sandbox-alice'],
          ['KONTIST', 'Bearer sandbox-alice'],
        ]),
        'KONTIST\nBearer sandbox-alice',
        'BANKIMPORT\nsandbox-alice',
      ].map((text) => createHash('sha256').update(text).digest('hex'));
      for (const secret of ['DE89370400440532013000', 'Karl Brenner', 'Lunch', 'sandbox-alice', ...plainHashes]) {
        expect(everything).not.toContain(secret);
      }
    } finally {
      client.disconnect();
    }
    for (const gateway of [a, b]) {
      const logs = gateway.logs.join('\n');
      for (const secret of ['DE89370400440532013000', 'Karl Brenner', 'Bearer sandbox-alice']) {
        expect(logs).not.toContain(secret);
      }
    }
  });
});
