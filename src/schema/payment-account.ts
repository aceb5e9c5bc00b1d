import type { GraphQLResolveInfo } from 'graphql';

import type { Context } from '../context';
import { BadUserInputError, NotFoundError } from '../errors/errors';
import type { PaymentProvider } from '../providers/payments';
import type { AccountRecord, ProviderCall } from '../providers/provider';
import { findAccount } from './account/account.resolver';
import { fromGlobalId, toGlobalId } from './node/global-id';
import { recordPartial } from './partial';

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
  const provider = context.providers.payments(account.provider);
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

/** Reads one kind of an account's orders at its bank. */
export type OrderList<T> = (provider: PaymentProvider, call: ProviderCall, providerAccountId: string) => Promise<T[]>;

/**
 * An account's orders of one kind: none where its bank moves no money; a failing bank
 * adds an error beside the rest of the answer.
 */
export async function accountOrders<T>(
  context: Context,
  info: GraphQLResolveInfo,
  account: AccountRecord,
  list: OrderList<T>,
): Promise<T[]> {
  const provider = context.providers.payments(account.provider);
  if (!provider) {
    return [];
  }
  try {
    return await list(provider, context.callFor(account.provider), account.providerAccountId);
  } catch (error) {
    recordPartial(context, info, error);
    return [];
  }
}

/** An order by its global id (account id, order id), among its account's orders; null where it is not there. */
export async function findOrder<T>(
  context: Context,
  id: string,
  field: string,
  type: 'StandingOrder' | 'TimedOrder',
  list: OrderList<T>,
  idOf: (order: T) => string,
): Promise<T | null> {
  const { provider, parts } = fromGlobalId(id, field, [type]);
  const [accountId, orderId] = parts as [string, string];
  const payments = context.providers.payments(provider);
  const orders = payments ? await list(payments, context.callFor(provider), accountId) : [];
  return orders.find((order) => idOf(order) === orderId) ?? null;
}
