import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';

import type { Context } from '../../context';
import { NotFoundError, ServiceUnavailableError } from '../../errors/errors';
import type { ConfirmationEvent } from '../../payments/payment-service';
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
      return toConfirmationView(await context.payments.find(parts[0] as string, context.callerKey, callFor(context)));
    } catch (error) {
      if (error instanceof NotFoundError) {
        return null;
      }
      throw error;
    }
  }

  @Subscription(() => Confirmation, {
    description:
      "The confirmation's current state at once, then every change of its status\n(EXECUTING, CONFIRMED, FAILED, EXPIRED, UNKNOWN and UNKNOWN resolved), then the\nsubscription completes once the status is final. Only for the credentials that\ncreated it (others: NOT_FOUND).",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) => {
      const id = confirmationIdOf(args.id, 'id');
      const first = await context.payments.find(id, context.callerKey, callFor(context));
      return context.payments.watch(first, callFor(context));
    },
  })
  confirmationChanged(
    @Root() event: ConfirmationEvent,
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: 'The id a create mutation returned.' }) _id: string,
  ): ConfirmationView {
    context.renewLoaders();
    if (event.kind !== 'changed') {
      // Told, not dropped: the subscription stays open, and the gateway goes on looking.
      throw new ServiceUnavailableError(event.reason);
    }
    return toConfirmationView(event.confirmation);
  }

  @FieldResolver(() => Account, { description: 'The account the operation runs on.' })
  account(@Ctx() context: Context, @Root() view: ConfirmationView): Promise<AccountRecord> {
    return orderAccount(context, view.providerAccountId, view.provider);
  }
}

/** The stored id behind a confirmation's global id. */
export function confirmationIdOf(id: string, field = 'confirmationId'): string {
  return fromGlobalId(id, field, ['Confirmation']).parts[0] as string;
}

/** Reconciliation looks at the provider with the caller's own credentials. */
const callFor = (context: Context) => (provider: Parameters<Context['callFor']>[0]) => context.callFor(provider);
