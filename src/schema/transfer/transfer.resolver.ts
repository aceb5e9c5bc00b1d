import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import type { TransferRecord } from '../../providers/payments';
import type { AccountRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { confirmationIdOf } from '../confirmation/confirmation.resolver';
import { Confirmation } from '../confirmation/confirmation.type';
import type { ConfirmationView } from '../confirmation/confirmation.view';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { orderAccount } from '../order-account';
import { confirmPayment, startPayment } from '../payment-flow';
import { checkTransferOrder } from '../payment-rules';
import { CreateTransferInput } from './create-transfer.input';
import { Transfer } from './transfer.type';

/** A transfer with the confirmation that executed it: the provider cannot be asked for it later. */
export type ExecutedTransfer = TransferRecord & { confirmationId: string };

@Resolver(() => Transfer)
export class TransferResolver {
  @Mutation(() => Confirmation, { description: 'Step 1 of a SEPA credit transfer: registers it and has a TAN sent.' })
  createTransfer(
    @Ctx() context: Context,
    @Arg('input', () => CreateTransferInput, { description: 'The transfer.' }) input: CreateTransferInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'createTransfer', input, () =>
      startPayment(context, input.accountId, {
        operation: 'CREATE_TRANSFER',
        order: checkTransferOrder(input),
      }),
    );
  }

  @Mutation(() => Transfer, { description: 'Step 2: executes the registered transfer with the TAN.' })
  confirmTransfer(
    @Ctx() context: Context,
    @Arg('confirmationId', () => ID, { description: 'The id createTransfer returned.' }) confirmationId: string,
    @Arg('authorizationToken', () => String, { description: 'The TAN from the SMS.' }) authorizationToken: string,
  ): Promise<ExecutedTransfer> {
    const args = { confirmationId, authorizationToken };
    return context.idempotent(context.callerKey, context.idempotencyKey, 'confirmTransfer', args, async () => {
      const result = await confirmPayment(context, confirmationId, authorizationToken, ['CREATE_TRANSFER']);
      if (result.kind !== 'TRANSFER') {
        throw new Error(`a transfer's confirmation produced a ${result.kind}`);
      }
      return { ...result.transfer, confirmationId: confirmationIdOf(confirmationId) };
    });
  }

  @FieldResolver(() => ID, { description: "The transfer's opaque global id." })
  id(@Root() transfer: ExecutedTransfer): string {
    return toGlobalId(
      'Transfer',
      transfer.provider,
      transfer.providerAccountId,
      transfer.providerTransferId,
      transfer.confirmationId,
    );
  }

  @FieldResolver(() => Account, { description: 'The account the money is sent from.' })
  account(@Ctx() context: Context, @Root() transfer: ExecutedTransfer): Promise<AccountRecord> {
    return orderAccount(context, transfer.providerAccountId, transfer.provider);
  }
}

/** A transfer executed through this gateway, by global id; null where the caller has none such. */
export async function findTransfer(context: Context, id: string, field: string): Promise<ExecutedTransfer | null> {
  const { parts } = fromGlobalId(id, field, ['Transfer']);
  const [, transferId, confirmationId] = parts as [string, string, string];
  try {
    const { state } = await context.payments.find(confirmationId, context.callerKey);
    const transfer = state.status === 'CONFIRMED' && state.result.kind === 'TRANSFER' ? state.result.transfer : null;
    return transfer?.providerTransferId === transferId ? { ...transfer, confirmationId } : null;
  } catch (error) {
    if (error instanceof NotFoundError) {
      return null;
    }
    throw error;
  }
}
