import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { kontomatikOf } from './kontomatik.of';
import type { SignInSessionRecord, SignInStatusName } from '../imports';
import { SignInStatusEnum } from '../../schema/enums';
import { checkExternalId, checkRedirectUrl, checkTarget, checkToken } from './kontomatik.sign-in.rules';
import { SignInSession, StartSignInInput } from './kontomatik.sign-in.types';

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
    return kontomatikOf(context).startSignIn(
      { target: input.target, accessMode: input.accessMode, redirectUrl, ownerExternalId },
      context.signal,
    );
  }

  @Mutation(() => SignInSession, {
    description: "A signed-in session against the provider's mock bank, for trying things out (KONTOMATIK).",
  })
  createMockSession(@Ctx() context: Context): Promise<SignInSessionRecord> {
    return kontomatikOf(context).createMockSession(context.signal);
  }

  @Query(() => SignInStatusEnum, { description: 'Where a redirection sign-in stands (KONTOMATIK).' })
  signInStatus(
    @Ctx() context: Context,
    @Arg('sessionId', () => String, { description: 'From startSignIn.' }) sessionId: string,
  ): Promise<SignInStatusName> {
    return kontomatikOf(context).signInStatus(checkToken(sessionId, 'sessionId'), context.signal);
  }
}
