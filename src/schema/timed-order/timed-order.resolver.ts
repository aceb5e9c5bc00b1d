import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError, ProviderError } from '../../errors/errors';
import type { TimedOrderRecord } from '../../providers/payments';
import type { AccountRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { Confirmation } from '../confirmation/confirmation.type';
import type { ConfirmationView } from '../confirmation/confirmation.view';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { orderAccount } from '../order-account';
import { accountOrders, findOrder, orderPaymentAccount, type OrderList } from '../payment-account';
import { confirmPayment, startPayment } from '../payment-flow';
import { checkFuture, checkTransferOrder } from '../payment-rules';
import { CreateTimedOrderInput } from './create-timed-order.input';
import { TimedOrder } from './timed-order.type';

@Resolver(() => TimedOrder)
export class TimedOrderResolver {
  @Mutation(() => Confirmation, { description: 'Step 1 of a timed order: registers it and has a TAN sent.' })
  createTimedOrder(
    @Ctx() context: Context,
    @Arg('input', () => CreateTimedOrderInput, { description: 'The timed order.' }) input: CreateTimedOrderInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'createTimedOrder', input, () =>
      startPayment(context, input.accountId, {
        operation: 'CREATE_TIMED_ORDER',
        order: {
          ...checkTransferOrder(input),
          executeAt: checkFuture(input.executeAt, 'executeAt').toISOString(),
        },
      }),
    );
  }

  @Mutation(() => TimedOrder, { description: 'Step 2: schedules the registered timed order with the TAN.' })
  confirmTimedOrder(
    @Ctx() context: Context,
    @Arg('confirmationId', () => ID, { description: 'The id createTimedOrder returned.' }) confirmationId: string,
    @Arg('authorizationToken', () => String, { description: 'The TAN from the SMS.' }) authorizationToken: string,
  ): Promise<TimedOrderRecord> {
    const args = { confirmationId, authorizationToken };
    return context.idempotent(context.callerKey, context.idempotencyKey, 'confirmTimedOrder', args, async () => {
      const result = await confirmPayment(context, confirmationId, authorizationToken, ['CREATE_TIMED_ORDER']);
      if (result.kind !== 'TIMED_ORDER') {
        throw new Error(`a timed order's confirmation produced a ${result.kind}`);
      }
      return result.timedOrder;
    });
  }

  @Mutation(() => TimedOrder, { description: 'Cancels a SCHEDULED timed order; no TAN is needed.' })
  cancelTimedOrder(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The timed order's id." }) id: string,
  ): Promise<TimedOrderRecord> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'cancelTimedOrder', { id }, async () => {
      const { provider, call, account } = await orderPaymentAccount(context, id, 'id');
      try {
        return await provider.cancelTimedOrder(
          call,
          account.providerAccountId,
          fromGlobalId(id, 'id').parts[1] as string,
        );
      } catch (error) {
        if (error instanceof ProviderError && error.extensions.reason === 'TIMED_ORDER_NOT_SCHEDULED') {
          throw new BadUserInputError('id', 'id is not a SCHEDULED timed order: only those can be canceled.');
        }
        throw error;
      }
    });
  }

  @FieldResolver(() => ID, { description: "The timed order's opaque global id." })
  id(@Root() order: TimedOrderRecord): string {
    return toGlobalId('TimedOrder', order.provider, order.providerAccountId, order.providerTimedOrderId);
  }

  @FieldResolver(() => Account, { description: 'The account the money is sent from.' })
  account(@Ctx() context: Context, @Root() order: TimedOrderRecord): Promise<AccountRecord> {
    return orderAccount(context, order.providerAccountId, order.provider);
  }
}

@Resolver(() => Account)
export class AccountTimedOrdersResolver {
  @FieldResolver(() => [TimedOrder], {
    description: 'Timed orders still SCHEDULED; empty where the provider has none.',
  })
  async timedOrders(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Root() account: AccountRecord,
  ): Promise<TimedOrderRecord[]> {
    return accountOrders(context, info, account, timedOrders);
  }
}

/** A SCHEDULED timed order by global id; null otherwise (Kontist lists no others). */
export async function findTimedOrder(context: Context, id: string, field: string): Promise<TimedOrderRecord | null> {
  return findOrder(context, id, field, 'TimedOrder', timedOrders, (order) => order.providerTimedOrderId);
}

const timedOrders: OrderList<TimedOrderRecord> = (provider, call, accountId) => provider.timedOrders(call, accountId);
