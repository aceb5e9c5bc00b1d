import { randomBytes } from 'node:crypto';
import type { KontistTokenPayload } from './kontist.wire';

export interface AuthorizationGrant {
  user: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

/** Kontist's OAuth bookkeeping: single-use codes, reusable refresh tokens, expiring access tokens. */
export interface KontistGrants {
  issueCode(grant: AuthorizationGrant): string;
  /** Consumes the code: a second call with it finds nothing. */
  redeemCode(code: string): AuthorizationGrant | undefined;
  issueTokens(grant: AuthorizationGrant): KontistTokenPayload;
  refresh(refreshToken: string, clientId: string): KontistTokenPayload | undefined;
  userOfAccessToken(token: string): string | undefined;
}

const ACCESS_TOKEN_SECONDS = 3599;
const CODE_LIFETIME_MS = 10 * 60_000;

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function hasOfflineScope(scope: string): boolean {
  return scope.split(/[\s+]+/).includes('offline');
}

export function createKontistGrants(now: () => number = Date.now): KontistGrants {
  const codes = new Map<string, AuthorizationGrant & { expiresAt: number }>();
  const refreshTokens = new Map<string, AuthorizationGrant>();
  const accessTokens = new Map<string, { user: string; expiresAt: number }>();

  const accessToken = (grant: AuthorizationGrant): string => {
    const token = newSecret();
    accessTokens.set(token, { user: grant.user, expiresAt: now() + ACCESS_TOKEN_SECONDS * 1000 });
    return token;
  };

  return {
    issueCode(grant) {
      const code = randomBytes(20).toString('hex');
      codes.set(code, { ...grant, expiresAt: now() + CODE_LIFETIME_MS });
      return code;
    },
    redeemCode(code) {
      const grant = codes.get(code);
      codes.delete(code);
      if (!grant || grant.expiresAt <= now()) {
        return undefined;
      }
      const { expiresAt: _expiresAt, ...rest } = grant;
      return rest;
    },
    issueTokens(grant) {
      const payload: KontistTokenPayload = {
        access_token: accessToken(grant),
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: grant.scope,
      };
      if (hasOfflineScope(grant.scope)) {
        const refreshToken = newSecret();
        refreshTokens.set(refreshToken, grant);
        payload.refresh_token = refreshToken;
      }
      return payload;
    },
    refresh(refreshToken, clientId) {
      const grant = refreshTokens.get(refreshToken);
      if (!grant || grant.clientId !== clientId) {
        return undefined;
      }
      return {
        access_token: accessToken(grant),
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_SECONDS,
        scope: grant.scope,
      };
    },
    userOfAccessToken(token) {
      const entry = accessTokens.get(token);
      if (!entry) {
        return undefined;
      }
      if (entry.expiresAt <= now()) {
        accessTokens.delete(token);
        return undefined;
      }
      return entry.user;
    },
  };
}
