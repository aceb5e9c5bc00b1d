import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { BadUserInputError } from '../../errors/errors';
import type { KontistBank } from './kontist.descriptor';
import type { OAuthTokens as Tokens } from './kontist.mapper';
import { OAuthTokens } from './kontist.oauth-tokens.type';

const SCOPE = /^[a-z_]{1,40}$/;

function checkRedirectUri(redirectUri: string): void {
  if (!/^https?:\/\//i.test(redirectUri) || !URL.canParse(redirectUri) || redirectUri.length > 2048) {
    throw new BadUserInputError('redirectUri', 'redirectUri must be an absolute http(s) URL.');
  }
}

function checkNonEmpty(value: string, field: string): void {
  if (!value.trim() || value.length > 4096) {
    throw new BadUserInputError(field, `${field} must be from 1 to 4096 characters.`);
  }
}

/** Kontist's client in this request's providers. */
function kontistOf(context: Context) {
  return context.providers.bank<KontistBank>('KONTIST').accounts;
}

/** Kontist's OAuth2 flow: the contract's operations that only Kontist offers. */
@Resolver()
export class OAuthResolver {
  @Query(() => String, {
    description: "Where to send a user to grant this gateway's OAuth client access to their Kontist account.",
  })
  kontistAuthorizationUrl(
    @Ctx() context: Context,
    @Arg('redirectUri', () => String, { description: 'Where Kontist sends the user back with a code.' })
    redirectUri: string,
    @Arg('state', () => String, {
      description: 'An opaque value Kontist sends back, to tie the answer to the request.',
    })
    state: string,
    @Arg('scopes', () => [String], {
      nullable: true,
      description: 'Scopes to ask for; offline, accounts, transactions and transfers by default.',
    })
    scopes?: string[],
  ): string {
    checkRedirectUri(redirectUri);
    checkNonEmpty(state, 'state');
    if (scopes && (scopes.length === 0 || !scopes.every((s) => SCOPE.test(s)))) {
      throw new BadUserInputError(
        'scopes',
        'scopes must be a non-empty list of scope names such as offline or accounts.',
      );
    }
    return kontistOf(context).authorizationUrl(redirectUri, state, scopes ?? undefined);
  }

  @Mutation(() => OAuthTokens, {
    description: "Exchanges an OAuth authorization code for tokens, with the gateway's client secret.",
  })
  exchangeKontistCode(
    @Ctx() context: Context,
    @Arg('code', () => String, { description: 'The code Kontist added to the redirect.' }) code: string,
    @Arg('redirectUri', () => String, { description: 'The same redirectUri the authorization URL was made with.' })
    redirectUri: string,
  ): Promise<Tokens> {
    checkNonEmpty(code, 'code');
    checkRedirectUri(redirectUri);
    return kontistOf(context).exchangeCode(code, redirectUri, context.signal);
  }

  @Mutation(() => OAuthTokens, { description: 'Gets a new access token with a refresh token (offline scope).' })
  refreshKontistToken(
    @Ctx() context: Context,
    @Arg('refreshToken', () => String, { description: 'The refresh token from an earlier exchange.' })
    refreshToken: string,
  ): Promise<Tokens> {
    checkNonEmpty(refreshToken, 'refreshToken');
    return kontistOf(context).refreshToken(refreshToken, context.signal);
  }
}
