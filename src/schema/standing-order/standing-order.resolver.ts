import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors';
import type { StandingOrderBody } from '../../providers/kontist/kontist-orders.client';
import type { StandingOrderRecord } from '../../providers/kontist/kontist-orders.mapper';
import type { AccountRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { confirmationIdOf } from '../confirmation/confirmation.resolver';
import { Confirmation } from '../confirmation/confirmation.type';
import { toConfirmationView, type ConfirmationView } from '../confirmation/confirmation.view';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { orderAccount } from '../order-account';
import { recordPartial } from '../partial';
import { kontistPaymentAccount, paymentAccount } from '../payment-account';
import {
  checkAmount,
  checkEndToEndId,
  checkIban,
  checkNotBefore,
  checkNotBeforeToday,
  checkNote,
  checkRecipient,
} from '../payment-rules';
import { CreateStandingOrderInput, UpdateStandingOrderInput } from './standing-order.inputs';
import { StandingOrder } from './standing-order.type';

const OPERATIONS = ['CREATE_STANDING_ORDER', 'UPDATE_STANDING_ORDER', 'CANCEL_STANDING_ORDER'] as const;

@Resolver(() => StandingOrder)
export class StandingOrderResolver {
  @Mutation(() => Confirmation, { description: 'Step 1 of a new standing order: registers it and has a TAN sent.' })
  createStandingOrder(
    @Ctx() context: Context,
    @Arg('input', () => CreateStandingOrderInput, { description: 'The standing order.' })
    input: CreateStandingOrderInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'createStandingOrder', input, async () => {
      const first = checkNotBeforeToday(input.firstExecutionDate, 'firstExecutionDate');
      const body: StandingOrderBody = {
        recipient: checkRecipient(input.recipient),
        iban: checkIban(input.iban),
        amount: checkAmount(input.amount),
        note: checkNote(input.note),
        e2eId: checkEndToEndId(input.endToEndId),
        reoccurrence: input.reoccurrence,
        firstExecutionDate: first.toISOString(),
        lastExecutionDate:
          checkNotBefore(input.lastExecutionDate, first, 'lastExecutionDate', 'firstExecutionDate')?.toISOString() ??
          null,
      };
      const payment = await paymentAccount(context, input.accountId);
      const { requestId } = await context.providers.kontistOrders.requestStandingOrder(
        payment.call,
        payment.account.providerAccountId,
        { kind: 'create', body },
      );
      return pending(context, payment, 'CREATE_STANDING_ORDER', requestId, {
        recipient: body.recipient ?? null,
        iban: body.iban ?? null,
        amount: body.amount ?? null,
        note: body.note ?? null,
        endToEndId: body.e2eId ?? null,
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
        const body: StandingOrderBody = {};
        if (input.amount != null) {
          body.amount = checkAmount(input.amount);
        }
        if (input.note !== undefined) {
          body.note = checkNote(input.note);
        }
        if (input.endToEndId !== undefined) {
          body.e2eId = checkEndToEndId(input.endToEndId);
        }
        if (input.reoccurrence != null) {
          body.reoccurrence = input.reoccurrence;
        }
        if (input.lastExecutionDate) {
          body.lastExecutionDate = checkNotBeforeToday(input.lastExecutionDate, 'lastExecutionDate').toISOString();
        }
        if (Object.keys(body).length === 0) {
          throw new BadUserInputError('input', 'input must change at least one attribute.');
        }
        const { payment, order } = await activeOrder(context, id);
        const { requestId } = await context.providers.kontistOrders.requestStandingOrder(
          payment.call,
          payment.account.providerAccountId,
          { kind: 'update', id: order.providerStandingOrderId, body },
        );
        return pending(context, payment, 'UPDATE_STANDING_ORDER', requestId, {
          recipient: order.recipient,
          iban: order.iban,
          amount: body.amount ?? order.amount.minorUnits,
          note: body.note !== undefined ? body.note : order.note,
          endToEndId: body.e2eId !== undefined ? body.e2eId : order.endToEndId,
        });
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
      const { payment, order } = await activeOrder(context, id);
      const { requestId } = await context.providers.kontistOrders.requestStandingOrder(
        payment.call,
        payment.account.providerAccountId,
        { kind: 'cancel', id: order.providerStandingOrderId },
      );
      return pending(context, payment, 'CANCEL_STANDING_ORDER', requestId, {
        recipient: order.recipient,
        iban: order.iban,
        amount: order.amount.minorUnits,
        note: order.note,
        endToEndId: order.endToEndId,
      });
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
    return context.idempotent(context.callerKey, context.idempotencyKey, 'confirmStandingOrder', args, () =>
      context.confirmations.confirm(
        confirmationIdOf(confirmationId),
        context.callerKey,
        OPERATIONS,
        authorizationToken,
        (stored) =>
          context.providers.kontistOrders.confirmStandingOrder(
            context.callFor('KONTIST'),
            stored.providerAccountId,
            (stored.execution as { requestId: string }).requestId,
            authorizationToken,
          ),
      ),
    );
  }

  @FieldResolver(() => ID, { description: "The standing order's opaque global id." })
  id(@Root() order: StandingOrderRecord): string {
    return toGlobalId('StandingOrder', 'KONTIST', order.providerAccountId, order.providerStandingOrderId);
  }

  @FieldResolver(() => Account, { description: 'The account the money is sent from.' })
  account(@Ctx() context: Context, @Root() order: StandingOrderRecord): Promise<AccountRecord> {
    return orderAccount(context, order.providerAccountId);
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
    if (account.provider !== 'KONTIST') {
      return [];
    }
    try {
      return await context.providers.kontistOrders.standingOrders(
        context.callFor('KONTIST'),
        account.providerAccountId,
      );
    } catch (error) {
      recordPartial(context, info, error);
      return [];
    }
  }
}

/** A standing order by global id; null where the caller has none such. */
export async function findStandingOrder(
  context: Context,
  id: string,
  field: string,
): Promise<StandingOrderRecord | null> {
  const { parts } = fromGlobalId(id, field, ['StandingOrder']);
  const [accountId, orderId] = parts as [string, string];
  const orders = await context.providers.kontistOrders.standingOrders(context.callFor('KONTIST'), accountId);
  return orders.find((order) => order.providerStandingOrderId === orderId) ?? null;
}

async function activeOrder(context: Context, id: string) {
  const { parts } = fromGlobalId(id, 'id', ['StandingOrder']);
  const payment = await kontistPaymentAccount(context, parts[0] as string, 'id');
  const order = await findStandingOrder(context, id, 'id');
  if (!order) {
    throw new NotFoundError('No such standing order.');
  }
  if (order.status !== 'ACTIVE') {
    throw new BadUserInputError('id', `id is a ${order.status} standing order: only ACTIVE ones can change.`);
  }
  return { payment, order };
}

async function pending(
  context: Context,
  payment: Awaited<ReturnType<typeof paymentAccount>>,
  operation: (typeof OPERATIONS)[number],
  requestId: string,
  summary: Parameters<Context['confirmations']['create']>[0]['summary'],
): Promise<ConfirmationView> {
  const confirmation = await context.confirmations.create({
    operation,
    account: payment.account,
    callerKey: payment.callerKey,
    execution: { requestId },
    summary,
    // Kontist's standing-order answers do not tell the TAN's length.
    tokenLength: null,
  });
  return toConfirmationView(confirmation);
}
