import { createPubSub } from '@graphql-yoga/subscription';

import { ProviderUnavailableError } from '../../src/errors/errors';
import type { GatewayPubSub } from '../../src/live/pubsub';
import { createLogger } from '../../src/ops/logger';
import { assumedResult } from '../../src/payments/assumed-result';
import { createMetrics, type Metrics } from '../../src/ops/metrics';
import type { Confirmation } from '../../src/payments/confirmation';
import { confirmationChanges } from '../../src/payments/confirmation-changes';
import * as machine from '../../src/payments/confirmation-machine';
import type { ConfirmationStore } from '../../src/payments/confirmation-store';
import { createMemoryStore } from '../../src/payments/memory-store';
import {
  createPayments,
  type CallFor,
  type ConfirmationEvent,
  type Payments,
} from '../../src/payments/payment-service';
import { OutcomeUnknownError } from '../../src/errors/payment-errors';
import { createWriteBehind } from '../../src/payments/write-behind';
import type { Evidence, PaymentProvider, PaymentResult } from '../../src/providers/payments';
import { createStateCrypto } from '../../src/state/state-crypto';
import { aConfirmation } from './confirmation.factory';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const EXECUTING_MS = 15_000;
const RECONCILE: machine.ReconcileSchedule = { delaysMs: [1000, 2000, 4000], forMs: 20_000 };
/** The service looks this long after a time it waits for: timers may fire a millisecond early. */
const LATE_MS = 10;
const crypto = createStateCrypto('payment-service-test-secret-0123456789abcdef');
const alice: CallFor = () => ({ credential: 'Bearer alice' });
const failure = { code: 'PROVIDER_UNAVAILABLE', message: 'no answer' };

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
};

/** The bank: executions a test settles, and looks for evidence it answers and counts. */
function aBank() {
  const looks: Array<{ at: number; credential: string }> = [];
  let evidence: (look: number) => Evidence | null = () => null;
  let execution: ReturnType<typeof deferred<PaymentResult>> | undefined;
  const provider: PaymentProvider = {
    name: 'KONTIST',
    register: async () => ({ reference: 'transfer-1', tokenLength: 6 }),
    execute: () => {
      execution = deferred<PaymentResult>();
      return execution.promise;
    },
    findExecuted: async (call) => {
      looks.push({ at: Date.now(), credential: call.credential });
      return evidence(looks.length);
    },
    standingOrders: async () => [],
    timedOrders: async () => [],
    cancelTimedOrder: () => Promise.reject(new Error('not in these tests')),
  };
  return {
    provider,
    looks,
    /** From the `look`th look on, the bank shows the executed transfer. */
    showsItFrom(look: number) {
      evidence = (n) => (n >= look ? { result: null } : null);
    },
    /** The execution now running loses its answer. */
    loseAnswer() {
      if (!execution) {
        throw new Error('nothing is executing');
      }
      execution.reject(new ProviderUnavailableError('KONTIST', 'the connection was reset'));
      execution = undefined;
    },
  };
}

/** Instances of the gateway on one store and one pub/sub, as on one Redis; the store counts its reads. */
function aCluster() {
  const memory = createMemoryStore(() => Date.now());
  const reads: number[] = [];
  const shared: ConfirmationStore = {
    ...memory,
    get(id) {
      reads.push(Date.now());
      return memory.get(id);
    },
  };
  const changes = confirmationChanges(createPubSub() as GatewayPubSub, crypto);
  const bank = aBank();
  const logger = createLogger('silent');
  const instances: Payments[] = [];
  return {
    reads,
    bank,
    changes,
    async seed(record: Confirmation) {
      await memory.put(record, { version: null }, 'seed');
      return record;
    },
    stored: (id: string) => memory.get(id),
    instance(metrics: Metrics = createMetrics()) {
      const payments = createPayments({
        store: createWriteBehind(shared, logger),
        providerFor: () => bank.provider,
        changes,
        logger,
        ttlMs: 300_000,
        maxAttempts: 3,
        executingMs: EXECUTING_MS,
        reconcile: RECONCILE,
        // The sweep has tests of its own: here only watchers move overdue claims.
        sweepMs: 3_600_000,
        metrics,
      });
      instances.push(payments);
      return payments;
    },
    close: () => Promise.all(instances.map((payments) => payments.close())),
  };
}

/** What a subscriber saw, as the client reads it at that moment, and whether it ended. */
function collect(events: AsyncIterableIterator<ConfirmationEvent>) {
  const seen: ConfirmationEvent[] = [];
  const statuses: string[] = [];
  let ended = false;
  void (async () => {
    for await (const event of events) {
      seen.push(event);
      statuses.push(
        event.kind !== 'changed'
          ? event.kind
          : machine.isExpired(event.confirmation, Date.now())
            ? 'EXPIRED'
            : event.confirmation.state.status,
      );
    }
    ended = true;
  })();
  return {
    seen,
    statuses,
    versions: () => seen.flatMap((event) => (event.kind === 'changed' ? [event.confirmation.version] : [])),
    last: () => seen.at(-1),
    ended: () => ended,
    stop: () => void events.return?.(),
  };
}

const pollers = async (metrics: Metrics) =>
  (await metrics.activePollers.get()).values.find((value) => value.labels.kind === 'confirmation')?.value ?? 0;

/** An UNKNOWN transfer whose answer was lost at T0, next looked for at `nextCheckAt`. */
const anUnknown = (nextCheckAt: number) =>
  aConfirmation({
    version: 2,
    expiresAt: T0 + 300_000,
    state: { status: 'UNKNOWN', failure, since: T0, checks: 0, nextCheckAt },
  });

describe('confirmationChanged’s watch, on the one poller and fake time', () => {
  let cluster: ReturnType<typeof aCluster>;

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
    cluster = aCluster();
  });
  afterEach(async () => {
    await cluster.close();
    jest.useRealTimers();
  });

  it('looks once per confirmation however many subscribe on an instance, and shows every subscriber each step', async () => {
    const metrics = createMetrics();
    const payments = cluster.instance(metrics);
    const record = await cluster.seed(anUnknown(T0 + 1000));
    const watches = [1, 2, 3].map(() => collect(payments.watch(record, alice)));
    await jest.advanceTimersByTimeAsync(0);
    expect(cluster.reads).toEqual([T0]);
    expect(await pollers(metrics)).toBe(1);

    await jest.advanceTimersByTimeAsync(1000 + LATE_MS);
    expect(cluster.bank.looks).toEqual([{ at: T0 + 1000 + LATE_MS, credential: 'Bearer alice' }]);
    expect(cluster.reads).toEqual([T0, T0 + 1000 + LATE_MS]);
    for (const watch of watches) {
      expect(watch.statuses).toEqual(['UNKNOWN', 'UNKNOWN']);
      expect(watch.versions()).toEqual([2, 3]);
    }
  });

  it('waits for the record’s next change of its own, 30 s at most, and shows EXPIRED when it comes', async () => {
    const payments = cluster.instance();
    const record = await cluster.seed(aConfirmation({ expiresAt: T0 + 45_000 }));
    const watch = collect(payments.watch(record, alice));
    await jest.advanceTimersByTimeAsync(45_000 + LATE_MS - 1);
    expect(cluster.reads).toEqual([T0, T0 + 30_000]);
    expect(watch.statuses).toEqual(['PENDING']);

    await jest.advanceTimersByTimeAsync(1);
    expect(cluster.reads).toEqual([T0, T0 + 30_000, T0 + 45_000 + LATE_MS]);
    expect(watch.statuses).toEqual(['PENDING', 'EXPIRED']);
    expect(watch.ended()).toBe(true);
  });

  it('looks again when the last look asked: the wait follows each new nextCheckAt', async () => {
    const payments = cluster.instance();
    const record = await cluster.seed(anUnknown(T0 + 1000));
    collect(payments.watch(record, alice));
    await jest.advanceTimersByTimeAsync(1000 + LATE_MS + 1000 + LATE_MS + 2000 + LATE_MS);
    expect(cluster.bank.looks.map((look) => look.at - T0)).toEqual([1010, 2020, 4030]);
  });

  it('turns an EXECUTING past its deadline UNKNOWN, shows it, and looks for it with the watcher’s credentials', async () => {
    const payments = cluster.instance();
    // Claimed by an instance that died while executing it.
    const claimed = machine.claim(aConfirmation({ expiresAt: T0 + 300_000 }), 'gone', T0, EXECUTING_MS);
    const record = await cluster.seed(claimed as Confirmation);
    const watch = collect(payments.watch(record, alice));
    await jest.advanceTimersByTimeAsync(EXECUTING_MS + LATE_MS - 1);
    expect(watch.statuses).toEqual(['EXECUTING']);

    await jest.advanceTimersByTimeAsync(1);
    expect(watch.statuses).toEqual(['EXECUTING', 'UNKNOWN', 'UNKNOWN']);
    expect(watch.seen[1]).toMatchObject({
      confirmation: { version: 2, state: { failure: { message: expect.stringMatching(/stopped answering/) } } },
    });
    expect(cluster.bank.looks).toEqual([{ at: T0 + EXECUTING_MS + LATE_MS, credential: 'Bearer alice' }]);
    expect(await cluster.stored(record.id)).toMatchObject({ version: 3, state: { status: 'UNKNOWN', checks: 1 } });
  });

  it('turns an UNKNOWN found at the provider CONFIRMED, shows it, completes, and looks no more', async () => {
    const metrics = createMetrics();
    const payments = cluster.instance(metrics);
    cluster.bank.showsItFrom(2);
    const record = await cluster.seed(anUnknown(T0 + 1000));
    const watch = collect(payments.watch(record, alice));
    await jest.advanceTimersByTimeAsync(1000 + LATE_MS + 2000 + LATE_MS);
    expect(watch.statuses).toEqual(['UNKNOWN', 'UNKNOWN', 'CONFIRMED']);
    expect(watch.last()).toMatchObject({
      confirmation: { state: { detail: expect.stringMatching(/found the executed operation/) } },
    });
    expect(watch.ended()).toBe(true);
    expect(await pollers(metrics)).toBe(0);

    await jest.advanceTimersByTimeAsync(600_000);
    expect(cluster.bank.looks).toHaveLength(2);
  });

  it('shows every step another instance makes, in order, then completes', async () => {
    const [here, there] = [cluster.instance(), cluster.instance()];
    cluster.bank.showsItFrom(1);
    const record = await cluster.seed(aConfirmation({ expiresAt: T0 + 300_000 }));
    const watch = collect(here.watch(record, alice));
    await jest.advanceTimersByTimeAsync(0);
    expect(watch.statuses).toEqual(['PENDING']);

    const confirming = there.confirm({
      id: record.id,
      callerKey: record.callerKey,
      operations: ['CREATE_TRANSFER'],
      tan: '123456',
      callFor: alice,
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(watch.statuses).toEqual(['PENDING', 'EXECUTING']);

    cluster.bank.loseAnswer();
    await expect(confirming).resolves.toMatchObject({ kind: 'TRANSFER' });
    await jest.advanceTimersByTimeAsync(0);
    expect(watch.statuses).toEqual(['PENDING', 'EXECUTING', 'UNKNOWN', 'CONFIRMED']);
    expect(watch.versions()).toEqual([0, 1, 2, 3]);
    expect(watch.ended()).toBe(true);
    // The confirming instance looked; the watching one only listened.
    expect(cluster.bank.looks).toHaveLength(1);
  });

  it('shows no step twice and none older than one it showed, however the pub/sub brings them', async () => {
    const payments = cluster.instance();
    const record = await cluster.seed(aConfirmation({ expiresAt: T0 + 300_000 }));
    const claimed = machine.claim(record, 'elsewhere', T0, EXECUTING_MS) as Confirmation;
    const lost = machine.lose(claimed, 'elsewhere', failure, T0) as Confirmation;
    const found = machine.found(lost, assumedResult(lost), T0) as Confirmation;
    const watch = collect(payments.watch(record, alice));
    await jest.advanceTimersByTimeAsync(0);

    for (const change of [lost, claimed, lost, found, found]) {
      cluster.changes.publish(change);
    }
    await jest.advanceTimersByTimeAsync(0);
    expect(watch.versions()).toEqual([0, 2, 3]);
    expect(watch.ended()).toBe(true);
  });

  it('stops when the last subscriber leaves, and not before', async () => {
    const metrics = createMetrics();
    const payments = cluster.instance(metrics);
    const record = await cluster.seed(aConfirmation({ expiresAt: T0 + 300_000 }));
    const [one, two] = [collect(payments.watch(record, alice)), collect(payments.watch(record, alice))];
    await jest.advanceTimersByTimeAsync(0);
    one.stop();
    await jest.advanceTimersByTimeAsync(30_000);
    expect(cluster.reads).toEqual([T0, T0 + 30_000]);
    expect(await pollers(metrics)).toBe(1);

    two.stop();
    await jest.advanceTimersByTimeAsync(0);
    expect(two.ended()).toBe(true);
    expect(await pollers(metrics)).toBe(0);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(cluster.reads).toHaveLength(2);
  });

  it('keeps looking after a lost execution with the confirmer’s credentials, with nobody watching, until found', async () => {
    const metrics = createMetrics();
    const payments = cluster.instance(metrics);
    cluster.bank.showsItFrom(3);
    const record = await cluster.seed(aConfirmation({ expiresAt: T0 + 300_000 }));
    const confirming = payments.confirm({
      id: record.id,
      callerKey: record.callerKey,
      operations: ['CREATE_TRANSFER'],
      tan: '123456',
      callFor: alice,
    });
    await jest.advanceTimersByTimeAsync(0);
    cluster.bank.loseAnswer();
    await expect(confirming).rejects.toThrow(OutcomeUnknownError);
    expect(await pollers(metrics)).toBe(1);

    await jest.advanceTimersByTimeAsync(1000 + LATE_MS + 2000 + LATE_MS);
    expect(cluster.bank.looks).toEqual([
      { at: T0, credential: 'Bearer alice' },
      { at: T0 + 1010, credential: 'Bearer alice' },
      { at: T0 + 3020, credential: 'Bearer alice' },
    ]);
    expect((await cluster.stored(record.id))?.state.status).toBe('CONFIRMED');
    expect(await pollers(metrics)).toBe(0);
  });

  it('stops looking once the reconciliation window is over, and leaves it UNKNOWN', async () => {
    const metrics = createMetrics();
    const payments = cluster.instance(metrics);
    const record = await cluster.seed(aConfirmation({ expiresAt: T0 + 300_000 }));
    const confirming = payments.confirm({
      id: record.id,
      callerKey: record.callerKey,
      operations: ['CREATE_TRANSFER'],
      tan: '123456',
      callFor: alice,
    });
    await jest.advanceTimersByTimeAsync(0);
    cluster.bank.loseAnswer();
    await expect(confirming).rejects.toThrow(OutcomeUnknownError);
    await jest.advanceTimersByTimeAsync(RECONCILE.forMs + 30_000);
    const looks = cluster.bank.looks.length;
    expect(cluster.bank.looks.at(-1)!.at).toBeLessThanOrEqual(T0 + RECONCILE.forMs);
    expect(await cluster.stored(record.id)).toMatchObject({ state: { status: 'UNKNOWN', nextCheckAt: null } });
    expect(await pollers(metrics)).toBe(0);

    await jest.advanceTimersByTimeAsync(600_000);
    expect(cluster.bank.looks).toHaveLength(looks);
  });
});
