import { Arg, Ctx, ID, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';

import type { Context } from '../../context';
import { ProviderUnavailableError } from '../../errors';
import type { ImportEvent, ImportSnapshot } from '../../imports/import-snapshot';
import type { TransactionRecord } from '../../providers/provider';
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
    if (event.kind === 'unavailable') {
      // Told, not dropped: the subscription stays open and the gateway keeps asking.
      throw new ProviderUnavailableError(event.provider, event.reason);
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
    @Root() transaction: TransactionRecord,
    @Ctx() context: Context,
    @Arg('accountId', () => ID, { nullable: true, description: 'Only this account; all of them without.' })
    _accountId?: string,
  ): TransactionRecord {
    context.renewLoaders();
    return transaction;
  }
}
