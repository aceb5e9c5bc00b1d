import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import type { Context } from '../../context';
import type { ImportSnapshot } from '../../imports/import-snapshot';
import type { CommandResult, OwnerRecord } from '../../providers/imports';
import type { AccountRecord } from '../../providers/provider';
import { accountKey } from '../loaders';
import { Account } from '../account/account.type';
import { toGlobalId } from '../node/global-id';
import { checkExternalId, checkSince, checkToken } from '../sign-in/sign-in.rules';
import { ReuseConsentInput, StartImportInput } from '../sign-in/sign-in.types';
import { AccountOwner, ImportCommand } from './import-command.type';
import { findImport, refreshAccount, trackCommand } from './import.service';

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

  @Mutation(() => ImportCommand, {
    description: 'Asks the provider to import new transactions of one linked account now (BANKIMPORT).',
  })
  refreshAccount(
    @Ctx() context: Context,
    @Arg('accountId', () => ID, { description: 'A Bankimport account of the caller.' }) accountId: string,
  ): Promise<ImportSnapshot> {
    return refreshAccount(context, accountId);
  }

  @Mutation(() => ImportCommand, {
    description: 'Starts the default background import of a signed-in session (KONTOMATIK).',
  })
  async startImport(
    @Ctx() context: Context,
    @Arg('input', () => StartImportInput, { description: 'The session and what to import.' }) input: StartImportInput,
  ): Promise<ImportSnapshot> {
    const started = await context.providers.kontomatik.startImport(
      {
        sessionId: checkToken(input.sessionId, 'sessionId'),
        sessionIdSignature: checkToken(input.sessionIdSignature, 'sessionIdSignature'),
        since: checkSince(input.since, 'since'),
        ownerExternalId: checkExternalId(input.ownerExternalId, 'ownerExternalId'),
      },
      context.signal,
    );
    return trackCommand(context, started);
  }

  @Mutation(() => ImportCommand, {
    description: 'Imports again with a MULTIPLE-access consent token, without the user (KONTOMATIK).',
  })
  async reuseConsent(
    @Ctx() context: Context,
    @Arg('input', () => ReuseConsentInput, { description: 'The consent token and what to import.' })
    input: ReuseConsentInput,
  ): Promise<ImportSnapshot> {
    const started = await context.providers.kontomatik.reuseConsent(
      checkToken(input.multipleAccessToken, 'multipleAccessToken'),
      checkSince(input.since, 'since'),
      context.signal,
    );
    return trackCommand(context, started);
  }

  @Mutation(() => Boolean, { description: 'Revokes a MULTIPLE-access consent token (KONTOMATIK).' })
  async revokeConsent(
    @Ctx() context: Context,
    @Arg('multipleAccessToken', () => String, { description: 'The token to revoke.' }) multipleAccessToken: string,
  ): Promise<boolean> {
    await context.providers.kontomatik.revokeConsent(
      checkToken(multipleAccessToken, 'multipleAccessToken'),
      context.signal,
    );
    return true;
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

/** A completed Kontomatik command's results: kept by the client once fetched, never refetched. */
async function resultOf(context: Context, snapshot: ImportSnapshot): Promise<CommandResult | null> {
  if (snapshot.provider !== 'KONTOMATIK' || snapshot.status !== 'COMPLETED') {
    return null;
  }
  return context.providers.kontomatik.command(snapshot.id, context.signal);
}
