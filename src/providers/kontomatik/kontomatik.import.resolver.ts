import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import type { ImportSnapshot } from '../../imports/import-snapshot';
import { ImportCommand } from '../../schema/import/import-command.type';
import { trackImport } from '../../schema/import/import.service';
import { kontomatikOf } from './kontomatik.of';
import { checkExternalId, checkSince, checkToken } from './kontomatik.sign-in.rules';
import { ReuseConsentInput, StartImportInput } from './kontomatik.sign-in.types';

/** Kontomatik's import commands and consents: the contract's operations that only Kontomatik offers. */
@Resolver()
export class KontomatikImportResolver {
  @Mutation(() => ImportCommand, {
    description: 'Starts the default background import of a signed-in session (KONTOMATIK).',
  })
  async startImport(
    @Ctx() context: Context,
    @Arg('input', () => StartImportInput, { description: 'The session and what to import.' }) input: StartImportInput,
  ): Promise<ImportSnapshot> {
    const started = await kontomatikOf(context).startImport(
      {
        sessionId: checkToken(input.sessionId, 'sessionId'),
        sessionIdSignature: checkToken(input.sessionIdSignature, 'sessionIdSignature'),
        since: checkSince(input.since, 'since'),
        ownerExternalId: checkExternalId(input.ownerExternalId, 'ownerExternalId'),
      },
      context.signal,
    );
    return trackImport(context, 'KONTOMATIK', { id: started.commandId, status: started.status });
  }

  @Mutation(() => ImportCommand, {
    description: 'Imports again with a MULTIPLE-access consent token, without the user (KONTOMATIK).',
  })
  async reuseConsent(
    @Ctx() context: Context,
    @Arg('input', () => ReuseConsentInput, { description: 'The consent token and what to import.' })
    input: ReuseConsentInput,
  ): Promise<ImportSnapshot> {
    const started = await kontomatikOf(context).reuseConsent(
      checkToken(input.multipleAccessToken, 'multipleAccessToken'),
      checkSince(input.since, 'since'),
      context.signal,
    );
    return trackImport(context, 'KONTOMATIK', { id: started.commandId, status: started.status });
  }

  @Mutation(() => Boolean, { description: 'Revokes a MULTIPLE-access consent token (KONTOMATIK).' })
  async revokeConsent(
    @Ctx() context: Context,
    @Arg('multipleAccessToken', () => String, { description: 'The token to revoke.' }) multipleAccessToken: string,
  ): Promise<boolean> {
    await kontomatikOf(context).revokeConsent(checkToken(multipleAccessToken, 'multipleAccessToken'), context.signal);
    return true;
  }
}
