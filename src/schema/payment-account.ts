import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../errors';
import type { AccountRecord, ProviderCall } from '../providers/provider';
import { findAccount } from './account/account.resolver';
import { toGlobalId } from './node/global-id';

export interface PaymentAccount {
  account: AccountRecord;
  call: ProviderCall;
  callerKey: string;
}

/** The caller's account (by global id) that a payment starts from, and the call to make. */
export async function paymentAccount(
  context: Context,
  accountId: string,
  field = 'accountId',
): Promise<PaymentAccount> {
  const account = await findAccount(context, accountId, field);
  if (!account) {
    throw new NotFoundError('No such account.');
  }
  if (!account.canInitiatePayments || account.provider !== 'KONTIST') {
    throw new BadUserInputError(
      field,
      `${field} is an account that cannot initiate payments (only Kontist accounts can).`,
    );
  }
  return { account, call: context.callFor(account.provider), callerKey: context.callerKey as string };
}

/** The same for an order's account, known by its Kontist id. */
export function kontistPaymentAccount(
  context: Context,
  providerAccountId: string,
  field: string,
): Promise<PaymentAccount> {
  return paymentAccount(context, toGlobalId('Account', 'KONTIST', providerAccountId), field);
}
