import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import type { PaymentProvider } from '../providers/payments';
import type { AccountRecord, ProviderCall } from '../providers/provider';
import { findAccount } from './account/account.resolver';
import { fromGlobalId, toGlobalId } from './node/global-id';

export interface PaymentAccount {
  account: AccountRecord;
  provider: PaymentProvider;
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
  const provider = context.providers.payments[account.provider];
  if (!account.canInitiatePayments || !provider) {
    throw new BadUserInputError(field, `${field} is an account that cannot initiate payments.`);
  }
  return { account, provider, call: context.callFor(account.provider), callerKey: context.callerKey as string };
}

/** The same for an order's account, known by the order's global id. */
export function orderPaymentAccount(context: Context, orderId: string, field: string): Promise<PaymentAccount> {
  const { provider, parts } = fromGlobalId(orderId, field, ['StandingOrder', 'TimedOrder']);
  return paymentAccount(context, toGlobalId('Account', provider, parts[0] as string), field);
}
