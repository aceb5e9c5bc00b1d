import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError, ProviderError } from '../../errors';
import type { TimedOrderRecord } from '../../providers/kontist/kontist-orders.mapper';
import type { AccountRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { confirmationIdOf } from '../confirmation/confirmation.resolver';
import { Confirmation } from '../confirmation/confirmation.type';
import { toConfirmationView, type ConfirmationView } from '../confirmation/confirmation.view';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { orderAccount } from '../order-account';
import { recordPartial } from '../partial';
import { kontistPaymentAccount, paymentAccount } from '../payment-account';
import { checkAmount, checkEndToEndId, checkFuture, checkIban, checkNote, checkRecipient } from '../payment-rules';
import { CreateTimedOrderInput } from './create-timed-order.input';
import { TimedOrder } from './timed-order.type';

@Resolver(() => TimedOrder)
export class TimedOrderResolver {
  @Mutation(() => Confirmation, { description: 'Step 1 of a timed order: registers it and has a TAN sent.' })
  createTimedOrder(
    @Ctx() context: Context,
    @Arg('input', () => CreateTimedOrderInput, { description: 'The timed order.' }) input: CreateTimedOrderInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'createTimedOrder', input, async () => {
      const body = {
        recipient: checkRecipient(input.recipient),
        iban: checkIban(input.iban),
        amount: checkAmount(input.amount),
        note: checkNote(input.note),
        e2eId: checkEndToEndId(input.endToEndId),
        date: checkFuture(input.executeAt, 'executeAt').toISOString(),
      };
      const { account, call, callerKey } = await paymentAccount(context, input.accountId);
      const order = await context.providers.kontistOrders.createTimedOrder(call, account.providerAccountId, body);
      const confirmation = await context.confirmations.create({
        operation: 'CREATE_TIMED_ORDER',
        account,
        callerKey,
        execution: { timedOrderId: order.providerTimedOrderId },
        summary: {
          recipient: body.recipient,
          iban: body.iban,
          amount: body.amount,
          note: body.note,
          endToEndId: body.e2eId,
        },
        tokenLength: null,
      });
      return toConfirmationView(confirmation);
    });
  }

  @Mutation(() => TimedOrder, { description: 'Step 2: schedules the registered timed order with the TAN.' })
  confirmTimedOrder(
    @Ctx() context: Context,
    @Arg('confirmationId', () => ID, { description: 'The id createTimedOrder returned.' }) confirmationId: string,
    @Arg('authorizationToken', () => String, { description: 'The TAN from the SMS.' }) authorizationToken: string,
  ): Promise<TimedOrderRecord> {
    const args = { confirmationId, authorizationToken };
    return context.idempotent(context.callerKey, context.idempotencyKey, 'confirmTimedOrder', args, () =>
      context.confirmations.confirm(
        confirmationIdOf(confirmationId),
        context.callerKey,
        ['CREATE_TIMED_ORDER'],
        authorizationToken,
        (stored) =>
          context.providers.kontistOrders.confirmTimedOrder(
            context.callFor('KONTIST'),
            stored.providerAccountId,
            (stored.execution as { timedOrderId: string }).timedOrderId,
            authorizationToken,
          ),
      ),
    );
  }

  @Mutation(() => TimedOrder, { description: 'Cancels a SCHEDULED timed order; no TAN is needed.' })
  cancelTimedOrder(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The timed order's id." }) id: string,
  ): Promise<TimedOrderRecord> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'cancelTimedOrder', { id }, async () => {
      const { parts } = fromGlobalId(id, 'id', ['TimedOrder']);
      const [accountId, orderId] = parts as [string, string];
      const { call } = await kontistPaymentAccount(context, accountId, 'id');
      try {
        return await context.providers.kontistOrders.cancelTimedOrder(call, accountId, orderId);
      } catch (error) {
        if (error instanceof ProviderError && error.reason === 'timed_order_not_scheduled') {
          throw new BadUserInputError('id', 'id is not a SCHEDULED timed order: only those can be canceled.');
        }
        throw error;
      }
    });
  }

  @FieldResolver(() => ID, { description: "The timed order's opaque global id." })
  id(@Root() order: TimedOrderRecord): string {
    return toGlobalId('TimedOrder', 'KONTIST', order.providerAccountId, order.providerTimedOrderId);
  }

  @FieldResolver(() => Account, { description: 'The account the money is sent from.' })
  account(@Ctx() context: Context, @Root() order: TimedOrderRecord): Promise<AccountRecord> {
    return orderAccount(context, order.providerAccountId);
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
    if (account.provider !== 'KONTIST') {
      return [];
    }
    try {
      return await context.providers.kontistOrders.timedOrders(context.callFor('KONTIST'), account.providerAccountId);
    } catch (error) {
      recordPartial(context, info, error);
      return [];
    }
  }
}

/** A SCHEDULED timed order by global id; null otherwise (Kontist lists no others). */
export async function findTimedOrder(context: Context, id: string, field: string): Promise<TimedOrderRecord | null> {
  const { parts } = fromGlobalId(id, field, ['TimedOrder']);
  const [accountId, orderId] = parts as [string, string];
  const orders = await context.providers.kontistOrders.timedOrders(context.callFor('KONTIST'), accountId);
  return orders.find((order) => order.providerTimedOrderId === orderId) ?? null;
}
