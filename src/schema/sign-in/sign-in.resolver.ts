import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import type { SignInSessionRecord, SignInStatusName } from '../../providers/imports';
import { SignInStatusEnum } from '../enums';
import { checkExternalId, checkRedirectUrl, checkTarget, checkToken } from './sign-in.rules';
import { SignInSession, StartSignInInput } from './sign-in.types';

@Resolver()
export class SignInResolver {
  @Mutation(() => SignInSession, { description: 'Starts a redirection sign-in at a bank (KONTOMATIK).' })
  async startSignIn(
    @Ctx() context: Context,
    @Arg('input', () => StartSignInInput, { description: 'The bank and the access wanted.' }) input: StartSignInInput,
  ): Promise<SignInSessionRecord> {
    const redirectUrl = checkRedirectUrl(input.redirectUrl, 'redirectUrl');
    const ownerExternalId = checkExternalId(input.ownerExternalId, 'ownerExternalId');
    await checkTarget(context, input.target, input.accessMode);
    return context.providers.kontomatik.startSignIn(
      { target: input.target, accessMode: input.accessMode, redirectUrl, ownerExternalId },
      context.signal,
    );
  }

  @Mutation(() => SignInSession, {
    description: "A signed-in session against the provider's mock bank, for trying things out (KONTOMATIK).",
  })
  createMockSession(@Ctx() context: Context): Promise<SignInSessionRecord> {
    return context.providers.kontomatik.createMockSession(context.signal);
  }

  @Query(() => SignInStatusEnum, { description: 'Where a redirection sign-in stands (KONTOMATIK).' })
  signInStatus(
    @Ctx() context: Context,
    @Arg('sessionId', () => String, { description: 'From startSignIn.' }) sessionId: string,
  ): Promise<SignInStatusName> {
    return context.providers.kontomatik.signInStatus(checkToken(sessionId, 'sessionId'), context.signal);
  }
}
