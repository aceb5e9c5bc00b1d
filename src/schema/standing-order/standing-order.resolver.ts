import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import type { StandingOrderChange, StandingOrderRecord } from '../../providers/payments';
import type { AccountRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { Confirmation } from '../confirmation/confirmation.type';
import type { ConfirmationView } from '../confirmation/confirmation.view';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { orderAccount } from '../order-account';
import { accountOrders, findOrder, type OrderList } from '../payment-account';
import { confirmPayment, startPayment } from '../payment-flow';
import {
  checkAmount,
  checkEndToEndId,
  checkNotBefore,
  checkNotBeforeToday,
  checkNote,
  checkTransferOrder,
} from '../payment-rules';
import { CreateStandingOrderInput, UpdateStandingOrderInput } from './standing-order.inputs';
import { StandingOrder } from './standing-order.type';

@Resolver(() => StandingOrder)
export class StandingOrderResolver {
  @Mutation(() => Confirmation, { description: 'Step 1 of a new standing order: registers it and has a TAN sent.' })
  createStandingOrder(
    @Ctx() context: Context,
    @Arg('input', () => CreateStandingOrderInput, { description: 'The standing order.' })
    input: CreateStandingOrderInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'createStandingOrder', input, () => {
      const first = checkNotBeforeToday(input.firstExecutionDate, 'firstExecutionDate');
      return startPayment(context, input.accountId, {
        operation: 'CREATE_STANDING_ORDER',
        order: {
          ...checkTransferOrder(input),
          reoccurrence: input.reoccurrence,
          firstExecutionDate: first.toISOString(),
          lastExecutionDate:
            checkNotBefore(input.lastExecutionDate, first, 'lastExecutionDate', 'firstExecutionDate')?.toISOString() ??
            null,
        },
      });
    });
  }

  @Mutation(() => Confirmation, { description: 'Step 1 of a change to an ACTIVE standing order: has a TAN sent.' })
  updateStandingOrder(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The standing order's id." }) id: string,
    @Arg('input', () => UpdateStandingOrderInput, { description: 'What changes.' }) input: UpdateStandingOrderInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(
      context.callerKey,
      context.idempotencyKey,
      'updateStandingOrder',
      { id, input },
      async () => {
        const change = checkChange(input);
        const standingOrder = await activeOrder(context, id);
        return startPayment(
          context,
          accountIdOf(id),
          { operation: 'UPDATE_STANDING_ORDER', standingOrder, change },
          'id',
        );
      },
    );
  }

  @Mutation(() => Confirmation, {
    description: 'Step 1 of the cancelation of an ACTIVE standing order: has a TAN sent.',
  })
  cancelStandingOrder(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The standing order's id." }) id: string,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'cancelStandingOrder', { id }, async () => {
      const standingOrder = await activeOrder(context, id);
      return startPayment(context, accountIdOf(id), { operation: 'CANCEL_STANDING_ORDER', standingOrder }, 'id');
    });
  }

  @Mutation(() => StandingOrder, {
    description: 'Executes the registered creation, update or cancelation with the TAN.',
  })
  confirmStandingOrder(
    @Ctx() context: Context,
    @Arg('confirmationId', () => ID, { description: 'The id the create, update or cancel mutation returned.' })
    confirmationId: string,
    @Arg('authorizationToken', () => String, { description: 'The TAN from the SMS.' }) authorizationToken: string,
  ): Promise<StandingOrderRecord> {
    const args = { confirmationId, authorizationToken };
    return context.idempotent(context.callerKey, context.idempotencyKey, 'confirmStandingOrder', args, async () => {
      const result = await confirmPayment(context, confirmationId, authorizationToken, [
        'CREATE_STANDING_ORDER',
        'UPDATE_STANDING_ORDER',
        'CANCEL_STANDING_ORDER',
      ]);
      if (result.kind !== 'STANDING_ORDER') {
        throw new Error(`a standing order's confirmation produced a ${result.kind}`);
      }
      return result.standingOrder;
    });
  }

  @FieldResolver(() => ID, { description: "The standing order's opaque global id." })
  id(@Root() order: StandingOrderRecord): string {
    return toGlobalId('StandingOrder', order.provider, order.providerAccountId, order.providerStandingOrderId);
  }

  @FieldResolver(() => Account, { description: 'The account the money is sent from.' })
  account(@Ctx() context: Context, @Root() order: StandingOrderRecord): Promise<AccountRecord> {
    return orderAccount(context, order.providerAccountId, order.provider);
  }
}

@Resolver(() => Account)
export class AccountStandingOrdersResolver {
  @FieldResolver(() => [StandingOrder], {
    description: 'Standing orders of any status; empty where the provider has none.',
  })
  async standingOrders(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Root() account: AccountRecord,
  ): Promise<StandingOrderRecord[]> {
    return accountOrders(context, info, account, standingOrders);
  }
}

/** A standing order by global id; null where the caller has none such. */
export async function findStandingOrder(
  context: Context,
  id: string,
  field: string,
): Promise<StandingOrderRecord | null> {
  return findOrder(context, id, field, 'StandingOrder', standingOrders, (order) => order.providerStandingOrderId);
}

const standingOrders: OrderList<StandingOrderRecord> = (provider, call, accountId) =>
  provider.standingOrders(call, accountId);

/** The account global id of a standing order's global id. */
function accountIdOf(id: string): string {
  const { provider, parts } = fromGlobalId(id, 'id', ['StandingOrder']);
  return toGlobalId('Account', provider, parts[0] as string);
}

async function activeOrder(context: Context, id: string): Promise<StandingOrderRecord> {
  const order = await findStandingOrder(context, id, 'id');
  if (!order) {
    throw new NotFoundError('No such standing order.');
  }
  if (order.status !== 'ACTIVE') {
    throw new BadUserInputError('id', `id is a ${order.status} standing order: only ACTIVE ones can change.`);
  }
  return order;
}

/** What an update changes, checked against the input rules; at least one attribute. */
function checkChange(input: UpdateStandingOrderInput): StandingOrderChange {
  const change: StandingOrderChange = {};
  if (input.amount != null) {
    change.amount = checkAmount(input.amount);
  }
  if (input.note !== undefined) {
    change.note = checkNote(input.note);
  }
  if (input.endToEndId !== undefined) {
    change.endToEndId = checkEndToEndId(input.endToEndId);
  }
  if (input.reoccurrence != null) {
    change.reoccurrence = input.reoccurrence;
  }
  if (input.lastExecutionDate) {
    change.lastExecutionDate = checkNotBeforeToday(input.lastExecutionDate, 'lastExecutionDate').toISOString();
  }
  if (Object.keys(change).length === 0) {
    throw new BadUserInputError('input', 'input must change at least one attribute.');
  }
  return change;
}
