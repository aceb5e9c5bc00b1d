import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import { accountKey } from '../loaders';
import type { Connection } from '../../paging/connection';
import type { AccountRecord, TransactionRecord } from '../../providers/provider';
import { Account } from '../account/account.type';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { TransactionConnection } from './transaction-connection.type';
import { accountProviderOf, toTransactionQuery, transactionFeed } from './transaction.service';
import { Transaction } from './transaction.type';
import { FeedArgs } from './transactions.args';

@Resolver(() => Transaction)
export class TransactionResolver {
  @Query(() => TransactionConnection, {
    description: "Transactions of all the caller's accounts merged into one feed, newest first.\nfirst: 1 to 500.",
  })
  transactions(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => FeedArgs) args: FeedArgs,
  ): Promise<Connection> {
    const { first, filter } = toTransactionQuery(args.first, args.filter);
    return transactionFeed(context, info, first, filter, args.after ?? undefined);
  }

  @Query(() => Transaction, {
    nullable: true,
    description: "One of the caller's transactions; null where there is no such transaction.",
  })
  transaction(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The transaction's global id." }) id: string,
  ): Promise<TransactionRecord | null> {
    return findTransaction(context, id, 'id');
  }

  @FieldResolver(() => ID, { description: "The transaction's opaque global id." })
  id(@Root() transaction: TransactionRecord): string {
    return toGlobalId(
      'Transaction',
      transaction.provider,
      transaction.providerAccountId,
      transaction.providerTransactionId,
    );
  }

  @FieldResolver(() => Account, { description: 'The account the transaction belongs to.' })
  async account(@Ctx() context: Context, @Root() transaction: TransactionRecord): Promise<AccountRecord> {
    const account = await context.loaders.account.load(accountKey(transaction.provider, transaction.providerAccountId));
    if (!account) {
      throw new NotFoundError("The transaction's account is no longer there.");
    }
    return account;
  }
}

export async function findTransaction(context: Context, id: string, field: string): Promise<TransactionRecord | null> {
  const { provider, parts } = fromGlobalId(id, field, ['Transaction']);
  const [accountId, transactionId] = parts as [string, string];
  const call = context.callFor(provider);
  const source = accountProviderOf(context, provider);
  return source ? source.transaction(call, accountId, transactionId) : null;
}
