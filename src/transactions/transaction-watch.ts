import { Repeater } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';

import type { Credentials } from '../credentials';
import type { Metrics } from '../metrics';
import type { AccountProvider, AccountRecord, TransactionRecord, TransactionSequence } from '../providers/provider';
import type { StateCrypto } from '../state/state-crypto';

/** How many of the newest transactions each poll looks at per source. */
const NEWEST = 50;
/** Ids remembered per poller, so that nothing is announced twice. */
const REMEMBERED = 5000;

export interface TransactionWatchOptions {
  accountProviders: readonly AccountProvider[];
  pollMs: number;
  logger: Logger;
  metrics: Metrics;
  /** Pollers are shared by callers' keyed hashes, never by the credentials themselves. */
  stateCrypto: StateCrypto;
}

/** One account, or every account the credentials reach. */
export interface WatchScope {
  credentials: Credentials;
  account: AccountRecord | null;
}

/**
 * `transactionAdded`: one poller per account (or per "all accounts") and credentials,
 * shared by its subscribers on this instance. The first look only learns what is
 * there; every later one announces what is new, oldest first. Pollers need the
 * caller's credentials, which never leave the instance that received them, so each
 * instance polls for its own subscribers.
 */
export interface TransactionWatch {
  watch(scope: WatchScope): AsyncIterableIterator<TransactionRecord>;
  close(): void;
}

interface Poller {
  key: string;
  scope: WatchScope;
  watchers: Set<(transaction: TransactionRecord) => void>;
  seen: Set<string> | null;
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
}

export function createTransactionWatch(options: TransactionWatchOptions): TransactionWatch {
  const { accountProviders, logger, metrics, stateCrypto } = options;
  const pollers = new Map<string, Poller>();

  const keyOf = ({ credentials, account }: WatchScope): string => {
    if (account) {
      const credential = credentials[account.provider] ?? '';
      return `${stateCrypto.providerCallerKey(account.provider, credential)}:${account.provider}:${account.providerAccountId}`;
    }
    return `${stateCrypto.callerKey(credentials) ?? 'anonymous'}:ALL`;
  };

  const sources = async ({ credentials, account }: WatchScope): Promise<TransactionSequence[]> => {
    const byName = new Map(accountProviders.map((provider) => [provider.name, provider]));
    if (account) {
      const provider = byName.get(account.provider);
      const credential = credentials[account.provider];
      return provider && credential
        ? [provider.transactions({ credential }, account.providerAccountId, {}, 'BOOKING_DATE_DESC')]
        : [];
    }
    const lists = await Promise.all(
      accountProviders.map(async (provider): Promise<TransactionSequence[]> => {
        const credential = credentials[provider.name];
        if (!credential) {
          return [];
        }
        if (provider.feed) {
          return [provider.feed({ credential }, {})];
        }
        const { items } = await provider.listAccounts({ credential }, {});
        return items.map((item) =>
          provider.transactions({ credential }, item.providerAccountId, {}, 'BOOKING_DATE_DESC'),
        );
      }),
    );
    return lists.flat();
  };

  const look = async (poller: Poller) => {
    const reads = await Promise.allSettled((await sources(poller.scope)).map((sequence) => sequence.read(0, NEWEST)));
    const items = reads.flatMap((read) => (read.status === 'fulfilled' ? read.value.items.slice(0, NEWEST) : []));
    for (const read of reads) {
      if (read.status === 'rejected') {
        logger.warn({ reason: (read.reason as Error).message }, 'transaction poll failed, trying again later');
      }
    }
    const idOf = (t: TransactionRecord) => `${t.provider}:${t.providerAccountId}:${t.providerTransactionId}`;
    if (!poller.seen) {
      poller.seen = new Set(items.map(idOf));
      return;
    }
    const added = items.filter((t) => !poller.seen?.has(idOf(t))).reverse();
    for (const transaction of added) {
      poller.seen.add(idOf(transaction));
      for (const watcher of poller.watchers) {
        watcher(transaction);
      }
    }
    for (const id of poller.seen) {
      if (poller.seen.size <= REMEMBERED) {
        break;
      }
      poller.seen.delete(id);
    }
  };

  const stop = (poller: Poller) => {
    if (!poller.stopped) {
      poller.stopped = true;
      clearTimeout(poller.timer);
      pollers.delete(poller.key);
      metrics.activePollers.dec({ kind: 'transactions' });
    }
  };

  const run = async (poller: Poller) => {
    try {
      await look(poller);
    } catch (error) {
      logger.warn({ reason: (error as Error).message }, 'transaction poll failed, trying again later');
    }
    if (!poller.stopped) {
      poller.timer = setTimeout(() => void run(poller), options.pollMs);
      poller.timer.unref();
    }
  };

  return {
    watch(scope) {
      return new Repeater<TransactionRecord>(async (push, done) => {
        const key = keyOf(scope);
        let poller = pollers.get(key);
        if (!poller) {
          poller = { key, scope, watchers: new Set(), seen: null, timer: undefined, stopped: false };
          pollers.set(key, poller);
          metrics.activePollers.inc({ kind: 'transactions' });
          void run(poller);
        }
        const watcher = (transaction: TransactionRecord) => void push(transaction);
        poller.watchers.add(watcher);
        await done;
        poller.watchers.delete(watcher);
        if (poller.watchers.size === 0) {
          stop(poller);
        }
      });
    },
    close() {
      for (const poller of [...pollers.values()]) {
        stop(poller);
      }
    },
  };
}
