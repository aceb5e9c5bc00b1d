import type { Context } from '../../context';
import { BadUserInputError, NotFoundError, UnauthenticatedError } from '../../errors/errors';
import type { TransactionEvent } from '../../live/transaction-watch';
import { findAccount } from '../account/account.resolver';

/** `transactionAdded`: the account (or all of them) checked when the client subscribes, then watched. */
export async function watchTransactions(
  context: Context,
  accountId: string | undefined,
): Promise<AsyncIterableIterator<TransactionEvent>> {
  if (accountId === undefined) {
    if (Object.keys(context.credentials).length === 0) {
      throw new UnauthenticatedError();
    }
    return context.transactionWatch.watch({ credentials: context.credentials, account: null });
  }
  const account = await findAccount(context, accountId, 'accountId');
  if (!account) {
    throw new NotFoundError('No such account.');
  }
  if (context.providers.descriptor(account.provider)?.capabilities.accounts === 'IMPORTED') {
    throw new BadUserInputError(
      'accountId',
      'accountId is an imported account whose transactions never change: start another import instead.',
    );
  }
  return context.transactionWatch.watch({ credentials: context.credentials, account });
}
