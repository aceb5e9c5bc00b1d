import type { GraphQLResolveInfo } from 'graphql';

import type { Context } from '../../context';
import { UnauthenticatedError } from '../../errors/errors';
import type { AccountFilter, AccountRecord } from '../../providers/provider';
import type { ProviderName } from '../../providers/provider-name';
import { recordPartial } from '../partial';
import type { AccountFilter as AccountFilterInput } from './account-filter.input';

/**
 * The caller's accounts at every provider it has credentials for, fetched in parallel;
 * a failing provider adds an error and leaves the others' accounts in the answer.
 */
export async function listAccounts(
  context: Context,
  info: GraphQLResolveInfo,
  input: AccountFilterInput | undefined,
): Promise<AccountRecord[]> {
  const only = input?.provider as ProviderName | undefined;
  if (only && !context.providers.accountProviders.some((provider) => provider.name === only)) {
    // Its accounts come through imports (importCommand), never through `accounts`.
    return [];
  }
  if (Object.keys(context.credentials).length === 0) {
    throw new UnauthenticatedError();
  }
  if (only && !context.credentials[only]) {
    throw new UnauthenticatedError(only);
  }
  const filter = toAccountFilter(input);
  const unfiltered = Object.keys(filter).length === 0;
  const providers = context.providers.accountProviders.filter(
    (p) => context.credentials[p.name] && (!only || p.name === only),
  );
  const lists = await Promise.all(
    providers.map(async (provider) => {
      try {
        if (unfiltered) {
          return await context.loaders.accountsOf(provider.name);
        }
        const { items, applied } = await provider.listAccounts(context.callFor(provider.name), filter);
        return items.filter((account) => matchesAccount(account, filter, applied));
      } catch (error) {
        recordPartial(context, info, error);
        return [];
      }
    }),
  );
  return lists.flat();
}

function toAccountFilter(input: AccountFilterInput | undefined): AccountFilter {
  const filter: AccountFilter = {};
  if (input?.bankCode !== undefined && input.bankCode !== null) {
    filter.bankCode = input.bankCode;
  }
  if (input?.accountNumber !== undefined && input.accountNumber !== null) {
    filter.accountNumber = input.accountNumber;
  }
  if (input?.lastUpdatedAfter) {
    filter.lastUpdatedAfter = input.lastUpdatedAfter;
  }
  if (input?.balanceMin !== undefined && input.balanceMin !== null) {
    filter.balanceMin = input.balanceMin;
  }
  if (input?.balanceMax !== undefined && input.balanceMax !== null) {
    filter.balanceMax = input.balanceMax;
  }
  return filter;
}

/** The filter parts a provider could not apply itself. */
function matchesAccount(
  account: AccountRecord,
  filter: AccountFilter,
  applied: ReadonlySet<keyof AccountFilter>,
): boolean {
  const open = (key: keyof AccountFilter) => filter[key] !== undefined && !applied.has(key);
  if (open('bankCode') && !account.bankCode?.startsWith(filter.bankCode as string)) {
    return false;
  }
  if (open('accountNumber') && !account.accountNumber?.startsWith(filter.accountNumber as string)) {
    return false;
  }
  if (
    open('lastUpdatedAfter') &&
    !(account.lastUpdatedAt && account.lastUpdatedAt > (filter.lastUpdatedAfter as Date))
  ) {
    return false;
  }
  if (open('balanceMin') && !(account.balance && account.balance.minorUnits >= (filter.balanceMin as number))) {
    return false;
  }
  if (open('balanceMax') && !(account.balance && account.balance.minorUnits <= (filter.balanceMax as number))) {
    return false;
  }
  return true;
}
