import type { Context } from '../context';
import { NotFoundError } from '../errors/errors';
import { accountKey } from './loaders';
import type { AccountRecord } from '../providers/provider';
import type { ProviderName } from '../providers/provider-name';

/** The account an order or confirmation belongs to, through the request's account loader. */
export async function orderAccount(
  context: Context,
  providerAccountId: string,
  provider: ProviderName,
): Promise<AccountRecord> {
  const account = await context.loaders.account.load(accountKey(provider, providerAccountId));
  if (!account) {
    throw new NotFoundError("The order's account is no longer there.");
  }
  return account;
}
