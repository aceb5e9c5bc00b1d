import { randomUUID } from 'node:crypto';

import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import type { ImportSnapshot } from '../../imports/import-snapshot';
import { findAccount } from '../../schema/account/account.resolver';
import { ImportCommand } from '../../schema/import/import-command.type';
import type { BankimportBank } from './bankimport.descriptor';

/** Bankimport's forced imports: the contract's operation that only Bankimport offers. */
@Resolver()
export class RefreshAccountResolver {
  @Mutation(() => ImportCommand, {
    description: 'Asks the provider to import new transactions of one linked account now (BANKIMPORT).',
  })
  refreshAccount(
    @Ctx() context: Context,
    @Arg('accountId', () => ID, { description: 'A Bankimport account of the caller.' }) accountId: string,
  ): Promise<ImportSnapshot> {
    return refreshAccount(context, accountId);
  }
}

/** A forced import of one linked account, owned by the token that asked for it. */
async function refreshAccount(context: Context, accountId: string): Promise<ImportSnapshot> {
  const account = await findAccount(context, accountId, 'accountId');
  if (!account) {
    throw new NotFoundError('No such account.');
  }
  if (account.provider !== 'BANKIMPORT') {
    throw new BadUserInputError('accountId', 'accountId is not a Bankimport account: only those can be refreshed.');
  }
  const call = context.callFor('BANKIMPORT');
  const client = context.providers.bank<BankimportBank>('BANKIMPORT').accounts;
  const started = await client.startImport(call, account.providerAccountId);
  const snapshot: ImportSnapshot = {
    provider: 'BANKIMPORT',
    // Bankimport's import ids are small counters: the gateway's own id never collides.
    id: randomUUID(),
    providerImportId: started.importId,
    status: 'RUNNING',
    startedAt: new Date().toISOString(),
    estimatedFinishAt: started.estimatedFinishAt.toISOString(),
    finishedAt: null,
    error: null,
    accountId: started.providerAccountId,
    ownerKey: context.stateCrypto.providerCallerKey('BANKIMPORT', call.credential),
    baseline: account.lastUpdatedAt?.toISOString() ?? null,
  };
  await context.imports.start(snapshot, call.credential);
  return snapshot;
}
