import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { NotFoundError } from '../../errors';
import type { AccountRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { fromGlobalId } from '../node/global-id';
import { orderAccount } from '../order-account';
import { Confirmation } from './confirmation.type';
import { toConfirmationView, type ConfirmationView } from './confirmation.view';

@Resolver(() => Confirmation)
export class ConfirmationResolver {
  @Query(() => Confirmation, {
    nullable: true,
    description:
      "One of the caller's confirmations; null where there is no such confirmation (or it is someone else's).",
  })
  async confirmation(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: 'The id a create mutation returned.' }) id: string,
  ): Promise<ConfirmationView | null> {
    const { parts } = fromGlobalId(id, 'id', ['Confirmation']);
    try {
      return toConfirmationView(await context.confirmations.find(parts[0] as string, context.callerKey));
    } catch (error) {
      if (error instanceof NotFoundError) {
        return null;
      }
      throw error;
    }
  }

  @FieldResolver(() => Account, { description: 'The account the operation runs on.' })
  account(@Ctx() context: Context, @Root() view: ConfirmationView): Promise<AccountRecord> {
    return orderAccount(context, view.providerAccountId, view.provider);
  }
}

/** The stored id behind a confirmationId argument. */
export function confirmationIdOf(id: string): string {
  return fromGlobalId(id, 'confirmationId', ['Confirmation']).parts[0] as string;
}
