import { print } from 'graphql';
import request from 'supertest';

import {
  ConfirmTransferDocument,
  CreateTransferDocument,
  TransactionAddedDocument,
  type TransactionAddedSubscription,
} from '../generated/graphql';
import { alice, callCount, startGateway, type TestGateway } from '../support/gateway';
import { subscribe, wsClient } from '../support/subscriptions';

const POLL_MS = 100;
const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';
const ADDED = print(TransactionAddedDocument);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('transactionAdded over the WebSocket when upstream fails', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startGateway({
      TRANSACTION_POLL_MS: String(POLL_MS),
      IMPORT_UNAVAILABLE_AFTER_MS: '300',
      UPSTREAM_TIMEOUT_MS: '500',
      // The outage below must not open Kontist's circuit: the transfer after it goes through.
      CIRCUIT_FAILURES: '1000',
    });
  });
  afterAll(() => t.close());

  /** Resolves once the sandbox has counted `calls` requests to `route`. */
  const untilCalled = async (route: string, calls: number) => {
    while (((await t.stats())[route] ?? 0) < calls) {
      await sleep(20);
    }
  };

  const transactionPollers = async () => {
    const metrics = (await request(t.url).get('/metrics')).text;
    return Number(/gateway_active_pollers\{kind="transactions"\} (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  it('ends with UNAUTHENTICATED naming KONTIST at the first rejected poll, and polls no more', async () => {
    await t.resetStats();
    const client = wsClient(t.url, { kontistAuthorization: 'Bearer wrong' });
    const watch = subscribe<TransactionAddedSubscription>(client, ADDED, {});
    await watch.done;

    expect(watch.results).toHaveLength(1);
    expect(watch.results[0]!.data ?? null).toBeNull();
    expect(watch.results[0]!.errors).toEqual([
      expect.objectContaining({
        message: 'Missing or rejected credentials for KONTIST.',
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', provider: 'KONTIST' }),
      }),
    ]);
    const rejected = callCount(await t.stats(), 'KONTIST');
    expect(rejected).toBeGreaterThanOrEqual(1);

    // Ten poll intervals later: not one more call upstream, no poller left, no log line per poll.
    await sleep(POLL_MS * 10);
    expect(callCount(await t.stats(), 'KONTIST')).toBe(rejected);
    expect(await transactionPollers()).toBe(0);
    expect(t.logs.filter((line) => line.includes('transactions poll failed'))).toEqual([]);
    await client.dispose();
  });

  it('tells PROVIDER_UNAVAILABLE while Kontist is down, keeps the subscription, and announces what comes after', async () => {
    await t.resetStats();
    const client = wsClient(t.url, { kontistAuthorization: 'Bearer sandbox-alice' });
    const watch = subscribe<TransactionAddedSubscription>(client, ADDED, {});
    // The first look only learns what is there; each look lists the accounts once, so
    // the first is over once a second has begun.
    await untilCalled('KONTIST GET /api/accounts', 2);
    await t.faults({ provider: 'KONTIST', down: true });
    try {
      const unavailable = await watch.next((r) => Boolean(r.errors?.length));
      expect(unavailable.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'KONTIST' });
    } finally {
      await t.clearFaults();
    }

    const created = await t.gql(
      CreateTransferDocument,
      { input: { accountId: KONTIST_4711, recipient: 'Karl Brenner', iban: 'DE89370400440532013000', amount: 2345 } },
      alice,
    );
    expect(created.body.errors).toBeUndefined();
    const confirmed = await t.gql(
      ConfirmTransferDocument,
      { confirmationId: created.body.data!.createTransfer.id, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(confirmed.body.errors).toBeUndefined();
    const announced = await watch.next((r) => r.data?.transactionAdded.amount.minorUnits === -2345);
    expect(announced.data!.transactionAdded.account.id).toBe(KONTIST_4711);
    // One report for the outage, not one per failed poll.
    expect(watch.results.filter((r) => r.errors?.length)).toHaveLength(1);
    watch.stop();
    await client.dispose();
  });
});
