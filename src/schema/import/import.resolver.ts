import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import type { ImportSnapshot } from '../../imports/import-snapshot';
import type { CommandResult, OwnerRecord } from '../../providers/imports';
import type { AccountRecord } from '../../providers/provider';
import { accountKey } from '../loaders';
import { Account } from '../account/account.type';
import { toGlobalId } from '../node/global-id';
import { AccountOwner, ImportCommand } from './import-command.type';
import { findImport } from './import.service';

@Resolver(() => ImportCommand)
export class ImportResolver {
  @Query(() => ImportCommand, {
    nullable: true,
    description: 'An import by id: a Bankimport refresh of the caller, or a Kontomatik command (a capability).',
  })
  importCommand(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: 'The id an import mutation returned.' }) id: string,
  ): Promise<ImportSnapshot> {
    return findImport(context, id, 'id');
  }

  @FieldResolver(() => ID, { description: "The import's opaque global id." })
  id(@Root() snapshot: ImportSnapshot): string {
    return toGlobalId('ImportCommand', snapshot.provider, snapshot.id);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'The one linked account that this import refreshes (BANKIMPORT).',
  })
  account(@Ctx() context: Context, @Root() snapshot: ImportSnapshot): Promise<AccountRecord | null> | null {
    return snapshot.accountId ? context.loaders.account.load(accountKey(snapshot.provider, snapshot.accountId)) : null;
  }

  @FieldResolver(() => [Account], {
    description: 'The accounts that the import delivered, once COMPLETED (KONTOMATIK); empty before.',
  })
  async accounts(@Ctx() context: Context, @Root() snapshot: ImportSnapshot): Promise<AccountRecord[]> {
    return (await resultOf(context, snapshot))?.accounts ?? [];
  }

  @FieldResolver(() => [AccountOwner], { description: 'Who owns the imported accounts, once COMPLETED.' })
  async owners(@Ctx() context: Context, @Root() snapshot: ImportSnapshot): Promise<OwnerRecord[]> {
    return (await resultOf(context, snapshot))?.owners ?? [];
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'A consent token for MULTIPLE access: import again later without the user.',
  })
  async multipleAccessToken(@Ctx() context: Context, @Root() snapshot: ImportSnapshot): Promise<string | null> {
    return (await resultOf(context, snapshot))?.multipleAccessToken ?? null;
  }
}

/** What a completed import delivered, where its bank delivers results (fetched once per bank client). */
async function resultOf(context: Context, snapshot: ImportSnapshot): Promise<CommandResult | null> {
  const result = context.providers.imports(snapshot.provider)?.result;
  if (!result || snapshot.status !== 'COMPLETED') {
    return null;
  }
  return result(snapshot.providerImportId, context.signal);
}
