import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import { accountKey } from '../loaders';
import type { Connection } from '../../paging/connection';
import type { AccountRecord } from '../../providers/provider';
import { fromGlobalId, toGlobalId } from '../node/global-id';
import { TransactionConnection } from '../transaction/transaction-connection.type';
import { toTransactionQuery, accountTransactions } from '../transaction/transaction.service';
import { TransactionsArgs } from '../transaction/transactions.args';
import { AccountFilter } from './account-filter.input';
import { listAccounts } from './account.service';
import { Account } from './account.type';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => [Account], { description: 'Accounts of every provider that the request carries credentials for.' })
  accounts(
    @Ctx() context: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => AccountFilter, { nullable: true, description: 'Only accounts that match.' })
    filter?: AccountFilter,
  ): Promise<AccountRecord[]> {
    return listAccounts(context, info, filter);
  }

  @Query(() => Account, {
    nullable: true,
    description: "One of the caller's accounts; null where there is no such account.",
  })
  account(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The account's global id." }) id: string,
  ): Promise<AccountRecord | null> {
    return findAccount(context, id, 'id');
  }

  @FieldResolver(() => ID, { description: "The account's opaque global id." })
  id(@Root() account: AccountRecord): string {
    return toGlobalId('Account', account.provider, account.providerAccountId);
  }

  @FieldResolver(() => TransactionConnection, {
    description: "The account's transactions, newest first unless orderBy says otherwise.\nfirst: 1 to 500.",
  })
  transactions(
    @Ctx() context: Context,
    @Root() account: AccountRecord,
    @Args(() => TransactionsArgs) args: TransactionsArgs,
  ): Promise<Connection> {
    const { first, filter } = toTransactionQuery(args.first, args.filter);
    return accountTransactions(context, account, first, filter, args.orderBy, args.after ?? undefined);
  }
}

/** An account by global id; null where the caller has none such. */
export async function findAccount(context: Context, id: string, field: string): Promise<AccountRecord | null> {
  const { provider, parts } = fromGlobalId(id, field, ['Account']);
  context.callFor(provider);
  return context.loaders.account.load(accountKey(provider, parts[0] as string));
}
