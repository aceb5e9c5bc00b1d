import { ProviderUnavailableError, UnauthenticatedError } from '../../src/errors/errors';
import { toGatewayError } from '../../src/live/poll-failure';
import { createLogger } from '../../src/ops/logger';
import { createMetrics } from '../../src/ops/metrics';
import type { AccountProvider, AccountRecord, TransactionRecord } from '../../src/providers/provider';
import type { ProviderName } from '../../src/providers/provider-name';
import { createStateCrypto } from '../../src/state/state-crypto';
import {
  createTransactionWatch,
  type TransactionEvent,
  type TransactionWatch,
  type WatchScope,
} from '../../src/live/transaction-watch';
import { aTransaction } from '../support/factories';
import { jsonLineSink } from '../support/logs';

const POLL_MS = 1000;
const UNAVAILABLE_AFTER_MS = 3000;

/** A provider whose transactions (newest first) and faults a test sets; it counts its calls. */
function aProvider(name: ProviderName, options: { feed: boolean }) {
  const state = {
    items: [] as TransactionRecord[],
    fault: null as Error | null,
    calls: 0,
  };
  const sequence = () => ({
    applied: new Set<never>(),
    read: async () => {
      state.calls += 1;
      if (state.fault) {
        throw state.fault;
      }
      return { items: [...state.items], total: state.items.length };
    },
  });
  const provider: AccountProvider = {
    name,
    listAccounts: async () => {
      state.calls += 1;
      if (state.fault) {
        throw state.fault;
      }
      return { items: [anAccount(name)], applied: new Set() };
    },
    transactions: sequence,
    ...(options.feed ? { feed: sequence } : {}),
    transaction: async () => null,
  };
  return {
    provider,
    state,
    /** A transaction that just appeared upstream. */
    add(id: string) {
      state.items.unshift(aTransaction({ provider: name, providerAccountId: 'a1', providerTransactionId: id }));
    },
  };
}

const anAccount = (provider: ProviderName): AccountRecord => ({ provider, providerAccountId: 'a1' }) as AccountRecord;

/** Everything a watch yields, and whether it ended. */
function collect(events: AsyncIterableIterator<TransactionEvent>) {
  const seen: TransactionEvent[] = [];
  let ended = false;
  void (async () => {
    for await (const event of events) {
      seen.push(event);
    }
    ended = true;
  })();
  return {
    seen,
    added: () => seen.flatMap((e) => (e.kind === 'added' ? [e.transaction.providerTransactionId] : [])),
    ended: () => ended,
    stop: () => void events.return?.(),
  };
}

describe('transactionAdded’s watch, on fake time', () => {
  let watch: TransactionWatch;
  let logs: Array<Record<string, unknown>>;

  const start = (...providers: AccountProvider[]) => {
    logs = [];
    const sink = jsonLineSink((line) => logs.push(line));
    watch = createTransactionWatch({
      accountProviders: providers,
      pollMs: POLL_MS,
      unavailableAfterMs: UNAVAILABLE_AFTER_MS,
      logger: createLogger('debug', sink),
      metrics: createMetrics(),
      stateCrypto: createStateCrypto('a-state-secret-for-the-transaction-watch-tests-0123456789'),
    });
  };

  const all = (credentials: WatchScope['credentials']): WatchScope => ({ credentials, account: null });

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    watch.close();
    jest.useRealTimers();
  });

  it('announces only what appears after its first look, oldest first, each once', async () => {
    const kontist = aProvider('KONTIST', { feed: true });
    kontist.add('t1');
    kontist.add('t2');
    start(kontist.provider);
    const added = collect(watch.watch(all({ KONTIST: 'Bearer alice' })));
    await jest.advanceTimersByTimeAsync(0);
    expect(added.seen).toEqual([]);

    kontist.add('t3');
    kontist.add('t4');
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(added.added()).toEqual(['t3', 't4']);
    await jest.advanceTimersByTimeAsync(3 * POLL_MS);
    expect(added.added()).toEqual(['t3', 't4']);
    expect(kontist.state.calls).toBe(5);
  });

  it('ends every subscriber with UNAUTHENTICATED naming the provider at the first rejected poll, and polls no more', async () => {
    const kontist = aProvider('KONTIST', { feed: true });
    kontist.state.fault = new UnauthenticatedError('KONTIST', 'KONTIST rejected the credentials.');
    start(kontist.provider);
    const scope = all({ KONTIST: 'Bearer wrong' });
    const watches = [collect(watch.watch(scope)), collect(watch.watch(scope))];
    await jest.advanceTimersByTimeAsync(0);

    for (const one of watches) {
      expect(one.seen).toEqual([{ kind: 'rejected', provider: 'KONTIST' }]);
      expect(one.ended()).toBe(true);
    }
    const error = toGatewayError(watches[0]!.seen[0] as Extract<TransactionEvent, { kind: 'rejected' }>);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'KONTIST' });
    expect(kontist.state.calls).toBe(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(kontist.state.calls).toBe(1);
    expect(logs.filter((line) => line.msg === 'transactions poll failed, trying again later')).toEqual([]);
  });

  it('tells PROVIDER_UNAVAILABLE once the provider has failed past the threshold, and watches on', async () => {
    const kontist = aProvider('KONTIST', { feed: true });
    start(kontist.provider);
    const added = collect(watch.watch(all({ KONTIST: 'Bearer alice' })));
    await jest.advanceTimersByTimeAsync(0);

    kontist.state.fault = new ProviderUnavailableError('KONTIST', 'the request timed out');
    // Failing at 1 s, then (backed off) at 5 s: told then, 3 s after the outage began.
    await jest.advanceTimersByTimeAsync(4 * POLL_MS);
    expect(added.seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(added.seen).toEqual([
      { kind: 'unavailable', provider: 'KONTIST', reason: 'KONTIST is unavailable: the request timed out.' },
    ]);
    const error = toGatewayError(added.seen[0] as Extract<TransactionEvent, { kind: 'unavailable' }>);
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'KONTIST' });

    kontist.state.fault = null;
    kontist.add('t9');
    await jest.advanceTimersByTimeAsync(6 * POLL_MS);
    expect(added.added()).toEqual(['t9']);
    expect(added.ended()).toBe(false);
  });

  it('announces a healthy provider’s transactions while another one fails', async () => {
    const kontist = aProvider('KONTIST', { feed: true });
    const bankimport = aProvider('BANKIMPORT', { feed: false });
    start(kontist.provider, bankimport.provider);
    const added = collect(watch.watch(all({ KONTIST: 'Bearer alice', BANKIMPORT: 'alice' })));
    await jest.advanceTimersByTimeAsync(0);

    bankimport.state.fault = new ProviderUnavailableError('BANKIMPORT', 'the request timed out');
    kontist.add('k1');
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(added.added()).toEqual(['k1']);
    await jest.advanceTimersByTimeAsync(10 * POLL_MS);
    expect(added.seen).toContainEqual(expect.objectContaining({ kind: 'unavailable', provider: 'BANKIMPORT' }));
  });

  it('only learns from a source whose first look failed, rather than announcing what was there', async () => {
    const bankimport = aProvider('BANKIMPORT', { feed: false });
    bankimport.add('old1');
    bankimport.add('old2');
    bankimport.state.fault = new ProviderUnavailableError('BANKIMPORT', 'the request timed out');
    start(bankimport.provider);
    const added = collect(watch.watch(all({ BANKIMPORT: 'alice' })));
    await jest.advanceTimersByTimeAsync(0);
    bankimport.state.fault = null;
    await jest.advanceTimersByTimeAsync(10 * POLL_MS);
    expect(added.added()).toEqual([]);
    bankimport.add('new1');
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(added.added()).toEqual(['new1']);
  });

  it('stops polling when the last subscriber leaves', async () => {
    const kontist = aProvider('KONTIST', { feed: true });
    start(kontist.provider);
    const scope = all({ KONTIST: 'Bearer alice' });
    const [one, two] = [collect(watch.watch(scope)), collect(watch.watch(scope))];
    await jest.advanceTimersByTimeAsync(2 * POLL_MS);
    expect(kontist.state.calls).toBe(3);
    one.stop();
    await jest.advanceTimersByTimeAsync(POLL_MS);
    expect(kontist.state.calls).toBe(4);
    two.stop();
    await jest.advanceTimersByTimeAsync(10 * POLL_MS);
    expect(kontist.state.calls).toBe(4);
  });
});
