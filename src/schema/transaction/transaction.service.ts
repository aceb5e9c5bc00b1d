import type { GraphQLResolveInfo } from 'graphql';

import type { Context } from '../../context';
import { BadUserInputError, UnauthenticatedError } from '../../errors/errors';
import { decodeCursor, queryKey } from '../../paging/cursor';
import { toConnection, type Connection } from '../../paging/connection';
import { readMergedFeed, type FeedSource } from '../../paging/merged-feed';
import { readWindow, windowStart } from '../../paging/read-window';
import { residualFilter } from '../../paging/residual-filter';
import type { AccountRecord, TransactionFilter, TransactionOrder, TransactionSource } from '../../providers/provider';
import type { ProviderName } from '../../providers/provider-name';
import { recordPartial } from '../partial';
import type { TransactionFilter as TransactionFilterInput } from './transaction-filter.input';

const MAX_FIRST = 500;
const PURPOSE_MIN = 3;
const PURPOSE_MAX = 140;

/** Checks `first` and the filter as the contract's input rules say. */
export function toTransactionQuery(first: number | null | undefined, input: TransactionFilterInput | undefined) {
  const count = first ?? 50;
  if (!Number.isInteger(count) || count < 1 || count > MAX_FIRST) {
    throw new BadUserInputError('first', `first must be from 1 to ${MAX_FIRST}.`);
  }
  const filter: TransactionFilter = {};
  if (input?.status) {
    filter.status = input.status;
  }
  if (input?.amountMin !== undefined && input.amountMin !== null) {
    filter.amountMin = input.amountMin;
  }
  if (input?.amountMax !== undefined && input.amountMax !== null) {
    filter.amountMax = input.amountMax;
  }
  if (input?.purpose !== undefined && input.purpose !== null) {
    const purpose = input.purpose.trim();
    // Counted in characters, not UTF-16 units. The upper bound also keeps the search out of
    // URLs that providers refuse (Bankimport answers 431 to a long query string).
    const length = [...purpose].length;
    if (length < PURPOSE_MIN || length > PURPOSE_MAX) {
      throw new BadUserInputError(
        'filter.purpose',
        `filter.purpose must have from ${PURPOSE_MIN} to ${PURPOSE_MAX} characters.`,
      );
    }
    filter.purpose = purpose;
  }
  if (input?.bookedFrom) {
    filter.bookedFrom = input.bookedFrom;
  }
  if (input?.bookedTo) {
    filter.bookedTo = input.bookedTo;
  }
  return { first: count, filter };
}

/** Whose transactions an account's are (for IMPORTED accounts: those of their imports). */
export function accountProviderOf(context: Context, name: ProviderName): TransactionSource | undefined {
  return context.providers.accountsOf(name);
}

/** One page of one account's transactions. */
export async function accountTransactions(
  context: Context,
  account: AccountRecord,
  first: number,
  filter: TransactionFilter,
  order: TransactionOrder,
  after: string | undefined,
): Promise<Connection> {
  const query = queryKey('account', account.provider, account.providerAccountId, filter, order);
  const start = after ? windowStart(decodeCursor(after, query)) : undefined;
  const provider = accountProviderOf(context, account.provider);
  if (!provider) {
    // Accounts of providers without their own transaction lists (none yet) have no items.
    return toConnection([], false, false, 0);
  }
  const sequence = provider.transactions(context.callFor(account.provider), account.providerAccountId, filter, order);
  return readWindow(sequence, residualFilter(filter, sequence.applied, order), query, start, first);
}

/**
 * The global feed: every account of every provider the caller has credentials for,
 * merged newest first behind one cursor. A provider's own all-accounts feed is used
 * where it has one; otherwise its accounts are merged one by one.
 */
export async function transactionFeed(
  context: Context,
  info: GraphQLResolveInfo,
  first: number,
  filter: TransactionFilter,
  after: string | undefined,
): Promise<Connection> {
  if (Object.keys(context.credentials).length === 0) {
    throw new UnauthenticatedError();
  }
  const query = queryKey('feed', filter);
  const start = after ? decodeCursor(after, query) : undefined;
  const order: TransactionOrder = 'BOOKING_DATE_DESC';
  const providers = context.providers.accountProviders.filter((p) => context.credentials[p.name]);
  const perProvider = await Promise.all(
    providers.map(async (provider): Promise<FeedSource[]> => {
      try {
        const call = context.callFor(provider.name);
        if (provider.feed) {
          const sequence = provider.feed(call, filter);
          return [{ key: provider.name, sequence, filter: residualFilter(filter, sequence.applied, order) }];
        }
        const accounts = await context.loaders.accountsOf(provider.name);
        return accounts.map((account) => {
          const sequence = provider.transactions(call, account.providerAccountId, filter, order);
          return {
            key: `${provider.name}:${account.providerAccountId}`,
            sequence,
            filter: residualFilter(filter, sequence.applied, order),
          };
        });
      } catch (error) {
        recordPartial(context, info, error);
        return [];
      }
    }),
  );
  const { connection, failures } = await readMergedFeed(perProvider.flat(), query, start, first);
  const failed = new Set<string>();
  for (const { key, error } of failures) {
    const provider = key.split(':')[0] as string;
    if (!failed.has(provider)) {
      failed.add(provider);
      recordPartial(context, info, error);
    }
  }
  return connection;
}
