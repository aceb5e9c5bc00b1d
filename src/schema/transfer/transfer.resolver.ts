import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import type { KontistTransferRequest } from '../../providers/kontist/kontist-orders.payloads';
import type { TransferRecord } from '../../providers/kontist/kontist-orders.mapper';
import type { AccountRecord } from '../../providers/provider';
import { confirmationIdOf } from '../confirmation/confirmation.resolver';
import { Confirmation } from '../confirmation/confirmation.type';
import { toConfirmationView, type ConfirmationView } from '../confirmation/confirmation.view';
import { orderAccount } from '../order-account';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { paymentAccount } from '../payment-account';
import { checkAmount, checkEndToEndId, checkIban, checkNote, checkRecipient } from '../payment-rules';
import { Account } from '../account/account.type';
import { CreateTransferInput } from './create-transfer.input';
import { Transfer } from './transfer.type';

/** A transfer with the confirmation that executed it: Kontist cannot be asked for it later. */
export type ExecutedTransfer = TransferRecord & { confirmationId: string };

@Resolver(() => Transfer)
export class TransferResolver {
  @Mutation(() => Confirmation, { description: 'Step 1 of a SEPA credit transfer: registers it and has a TAN sent.' })
  createTransfer(
    @Ctx() context: Context,
    @Arg('input', () => CreateTransferInput, { description: 'The transfer.' }) input: CreateTransferInput,
  ): Promise<ConfirmationView> {
    return context.idempotent(context.callerKey, context.idempotencyKey, 'createTransfer', input, async () => {
      const request: KontistTransferRequest = {
        recipient: checkRecipient(input.recipient),
        iban: checkIban(input.iban),
        amount: checkAmount(input.amount),
        note: checkNote(input.note),
        e2eId: checkEndToEndId(input.endToEndId),
      };
      const { account, call, callerKey } = await paymentAccount(context, input.accountId);
      const { transferId, tokenLength } = await context.providers.kontistOrders.registerTransfer(
        call,
        account.providerAccountId,
        request,
      );
      const confirmation = await context.confirmations.create({
        operation: 'CREATE_TRANSFER',
        account,
        callerKey,
        execution: { transferId, request },
        summary: { ...request, endToEndId: request.e2eId },
        tokenLength,
      });
      return toConfirmationView(confirmation);
    });
  }

  @Mutation(() => Transfer, { description: 'Step 2: executes the registered transfer with the TAN.' })
  confirmTransfer(
    @Ctx() context: Context,
    @Arg('confirmationId', () => ID, { description: 'The id createTransfer returned.' }) confirmationId: string,
    @Arg('authorizationToken', () => String, { description: 'The TAN from the SMS.' }) authorizationToken: string,
  ): Promise<ExecutedTransfer> {
    const args = { confirmationId, authorizationToken };
    return context.idempotent(context.callerKey, context.idempotencyKey, 'confirmTransfer', args, () =>
      context.confirmations.confirm(
        confirmationIdOf(confirmationId),
        context.callerKey,
        ['CREATE_TRANSFER'],
        authorizationToken,
        async (pending) => {
          const { transferId, request } = pending.execution as { transferId: string; request: KontistTransferRequest };
          const transfer = await context.providers.kontistOrders.confirmTransfer(
            context.callFor('KONTIST'),
            pending.providerAccountId,
            transferId,
            request,
            authorizationToken,
          );
          return { ...transfer, confirmationId: pending.id };
        },
      ),
    );
  }

  @FieldResolver(() => ID, { description: "The transfer's opaque global id." })
  id(@Root() transfer: ExecutedTransfer): string {
    return toGlobalId(
      'Transfer',
      'KONTIST',
      transfer.providerAccountId,
      transfer.providerTransferId,
      transfer.confirmationId,
    );
  }

  @FieldResolver(() => Account, { description: 'The account the money is sent from.' })
  account(@Ctx() context: Context, @Root() transfer: ExecutedTransfer): Promise<AccountRecord> {
    return orderAccount(context, transfer.providerAccountId);
  }
}

/** A transfer executed through this gateway, by global id; null where the caller has none such. */
export async function findTransfer(context: Context, id: string, field: string): Promise<ExecutedTransfer | null> {
  const { parts } = fromGlobalId(id, field, ['Transfer']);
  const [, transferId, confirmationId] = parts as [string, string, string];
  try {
    const stored = await context.confirmations.find(confirmationId, context.callerKey);
    const result = stored.state === 'CONFIRMED' ? (stored.result as ExecutedTransfer | undefined) : undefined;
    return result?.providerTransferId === transferId ? result : null;
  } catch (error) {
    if (error instanceof NotFoundError) {
      return null;
    }
    throw error;
  }
}
