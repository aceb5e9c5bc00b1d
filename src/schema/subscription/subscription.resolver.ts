import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';

import type { Context } from '../../context';
import type { ImportEvent, ImportSnapshot } from '../../imports/import-snapshot';
import { toGatewayError } from '../../live/poll-failure';
import type { TransactionRecord } from '../../providers/provider';
import type { TransactionEvent } from '../../live/transaction-watch';
import { ImportCommand } from '../import/import-command.type';
import { watchImport } from '../import/import.service';
import { Transaction } from '../transaction/transaction.type';
import { watchTransactions } from './transaction-added';

type Subscribe<Args> = SubscribeResolverData<unknown, Args, Context>;

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => ImportCommand, {
    description:
      "The import's current state at once, then every change of its status until it\nends (COMPLETED or FAILED), then the subscription completes.",
    subscribe: ({ args, context }: Subscribe<{ id: string }>) => watchImport(context, args.id),
  })
  importStatusChanged(
    @Root() event: ImportEvent,
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: 'The id an import mutation returned.' }) _id: string,
  ): ImportSnapshot {
    context.renewLoaders();
    if (event.kind !== 'snapshot') {
      // Told, not dropped: an unavailable provider leaves the subscription open and the
      // gateway asking; a rejection (or a lost import) is the last event, and it ends.
      throw toGatewayError(event);
    }
    return event.snapshot;
  }

  @Subscription(() => Transaction, {
    description:
      "Transactions that appear on the caller's accounts from now on (all of them, or the\none account given), as the gateway sees them arrive upstream.",
    subscribe: ({ args, context }: Subscribe<{ accountId?: string | null }>) =>
      watchTransactions(context, args.accountId ?? undefined),
  })
  transactionAdded(
    @Root() event: TransactionEvent,
    @Ctx() context: Context,
    @Arg('accountId', () => ID, { nullable: true, description: 'Only this account; all of them without.' })
    _accountId?: string,
  ): TransactionRecord {
    context.renewLoaders();
    if (event.kind !== 'added') {
      // As for imports: PROVIDER_UNAVAILABLE while polling goes on; UNAUTHENTICATED, and the end.
      throw toGatewayError(event);
    }
    return event.transaction;
  }
}
