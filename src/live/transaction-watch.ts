import type { Logger } from 'pino';

import type { Credentials } from '../providers/credentials';
import { ProviderUnavailableError } from '../errors/errors';
import type { Clock } from './clock';
import { isRejection, providerOfError, reasonOf, type PollFailure } from './poll-failure';
import { createPoller, type Polled, type Turn } from './poller';
import type { Metrics } from '../ops/metrics';
import type { AccountProvider, AccountRecord, TransactionRecord, TransactionSequence } from '../providers/provider';
import type { ProviderName } from '../providers/provider-name';
import type { StateCrypto } from '../state/state-crypto';

/** How many of the newest transactions each poll looks at per source. */
const NEWEST = 50;
/** Ids remembered per source, so that nothing is announced twice. */
const REMEMBERED = 5000;

export interface TransactionWatchOptions {
  accountProviders: readonly AccountProvider[];
  /** How often upstream is asked (six times less often, at most, while it fails). */
  pollMs: number;
  /** How long a provider may fail before subscribers are told PROVIDER_UNAVAILABLE. */
  unavailableAfterMs: number;
  /** How long a poll may take before it counts as failed. @default 60000 */
  pollTimeoutMs?: number;
  logger: Logger;
  metrics: Metrics;
  /** Pollers are shared by callers' keyed hashes, never by the credentials themselves. */
  stateCrypto: StateCrypto;
  clock?: Clock;
}

/** One account, or every account the credentials reach. */
export interface WatchScope {
  credentials: Credentials;
  account: AccountRecord | null;
}

/**
 * What a `transactionAdded` subscriber is told: a new transaction, a provider that has
 * failed for a while (polling goes on), or rejected credentials (the subscription ends).
 */
export type TransactionEvent = { kind: 'added'; transaction: TransactionRecord } | PollFailure;

/**
 * `transactionAdded`, on the one poller (live/poller.ts): one poller per account (or per
 * "all accounts") and credentials, shared by its subscribers on this instance. The first
 * look at a source only learns what is there; every later one announces what is new,
 * oldest first. Pollers need the caller's credentials, which never leave the instance
 * that received them, so each instance polls for its own subscribers (no lease).
 */
export interface TransactionWatch {
  watch(scope: WatchScope): AsyncIterableIterator<TransactionEvent>;
  close(): void;
}

/** Where transactions come from: one account's list, or a provider's feed. */
interface Source {
  /** Stable across polls, so that each source's first look only learns. */
  id: string;
  provider: ProviderName;
  sequence: TransactionSequence;
}

/** A provider that could not be asked, and why. */
interface SourceFailure {
  provider: ProviderName;
  error: unknown;
}

/** Transaction ids seen, by source. */
type Seen = Map<string, Set<string>>;

const idOf = (t: TransactionRecord) => `${t.provider}:${t.providerAccountId}:${t.providerTransactionId}`;

export function createTransactionWatch(options: TransactionWatchOptions): TransactionWatch {
  const { accountProviders, stateCrypto } = options;
  const byName = new Map(accountProviders.map((provider) => [provider.name, provider]));

  const keyOf = ({ credentials, account }: WatchScope): string => {
    if (account) {
      const credential = credentials[account.provider] ?? '';
      return `${stateCrypto.providerCallerKey(account.provider, credential)}:${account.provider}:${account.providerAccountId}`;
    }
    return `${stateCrypto.callerKey(credentials) ?? 'anonymous'}:ALL`;
  };

  const accountSource = (provider: AccountProvider, credential: string, accountId: string, signal: AbortSignal) => ({
    id: `${provider.name}:${accountId}`,
    provider: provider.name,
    sequence: provider.transactions({ credential, signal }, accountId, {}, 'BOOKING_DATE_DESC'),
  });

  const sources = async (
    { credentials, account }: WatchScope,
    signal: AbortSignal,
  ): Promise<{ sources: Source[]; failures: SourceFailure[] }> => {
    if (account) {
      const provider = byName.get(account.provider);
      const credential = credentials[account.provider];
      return {
        sources: provider && credential ? [accountSource(provider, credential, account.providerAccountId, signal)] : [],
        failures: [],
      };
    }
    const found: Source[] = [];
    const failures: SourceFailure[] = [];
    await Promise.all(
      accountProviders.map(async (provider) => {
        const credential = credentials[provider.name];
        if (!credential) {
          return;
        }
        if (provider.feed) {
          found.push({
            id: `${provider.name}:feed`,
            provider: provider.name,
            sequence: provider.feed({ credential, signal }, {}),
          });
          return;
        }
        try {
          const { items } = await provider.listAccounts({ credential, signal }, {});
          found.push(...items.map((item) => accountSource(provider, credential, item.providerAccountId, signal)));
        } catch (error) {
          failures.push({ provider: provider.name, error });
        }
      }),
    );
    return { sources: found, failures };
  };

  const look = async ({ key, memo: seen, signal }: Turn<WatchScope, Seen>): Promise<Polled<TransactionEvent>> => {
    const found = await sources(key, signal);
    const reads = await Promise.allSettled(found.sources.map((source) => source.sequence.read(0, NEWEST)));
    const failures = [...found.failures];
    const events: TransactionEvent[] = [];
    reads.forEach((read, index) => {
      const source = found.sources[index] as Source;
      if (read.status === 'rejected') {
        failures.push({ provider: source.provider, error: read.reason });
        return;
      }
      const items = read.value.items.slice(0, NEWEST);
      const known = seen.get(source.id);
      if (!known) {
        seen.set(source.id, new Set(items.map(idOf)));
        return;
      }
      for (const transaction of items.filter((t) => !known.has(idOf(t))).reverse()) {
        known.add(idOf(transaction));
        events.push({ kind: 'added', transaction });
      }
      for (const id of known) {
        if (known.size <= REMEMBERED) {
          break;
        }
        known.delete(id);
      }
    });
    // Rejected credentials first: they end the subscription, whatever else failed.
    const failure = failures.find((f) => isRejection(f.error)) ?? failures[0];
    return failure ? { kind: 'failed', events, error: attributed(failure) } : { kind: 'going', events };
  };

  const poller = createPoller<WatchScope, TransactionEvent, Seen>({
    kind: 'transactions',
    idOf: keyOf,
    remember: () => new Map(),
    poll: look,
    isLast: (event) => event.kind === 'rejected',
    failures: {
      isFinal: isRejection,
      final: ({ key }, error) => ({ kind: 'rejected', provider: providerOf(error, key) }),
      unavailable: ({ key }, error) => ({
        kind: 'unavailable',
        provider: providerOf(error, key),
        reason: reasonOf(error),
      }),
      unavailableAfterMs: options.unavailableAfterMs,
    },
    // As often as TRANSACTION_POLL_MS asks while upstream answers.
    backoff: { firstMs: options.pollMs, maxMs: options.pollMs, failingMaxMs: options.pollMs * 6 },
    stepTimeoutMs: options.pollTimeoutMs,
    clock: options.clock,
    logger: options.logger,
    metrics: options.metrics,
  });

  return {
    watch: (scope) => poller.subscribe(scope),
    close() {
      // Nothing to hand back: these pollers hold no lease.
      void poller.close();
    },
  };
}

/** The failure as an error naming its provider, whatever was thrown (a fault of no provider's own too). */
function attributed({ provider, error }: SourceFailure): unknown {
  return providerOfError(error) ? error : new ProviderUnavailableError(provider, 'it could not be asked');
}

/** The provider a failure names; for one that names none (a poll past its deadline), the scope's. */
function providerOf(error: unknown, { account, credentials }: WatchScope): ProviderName {
  // A watch always has credentials (one without any is refused before it starts).
  return providerOfError(error) ?? account?.provider ?? Object.keys(credentials)[0] ?? '';
}
