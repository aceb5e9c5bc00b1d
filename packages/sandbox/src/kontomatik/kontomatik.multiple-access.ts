import { randomBytes } from 'node:crypto';
import type { KontomatikSession } from './kontomatik.sessions';

/** A Multiple Access consent: imports again without the end user, until revoked. */
export interface MultipleAccessGrant {
  readonly token: string;
  readonly session: KontomatikSession;
  /** The owner the consent was given for, named again in every import through it. */
  readonly ownerExternalId?: string;
  revoked: boolean;
}

export type MultipleAccessLookup =
  { grant: MultipleAccessGrant } | { error: 'InvalidMultipleAccessToken' | 'MultipleAccessRevoked' };

export interface KontomatikMultipleAccess {
  /**
   * The session's one token, issued with its first import; undefined for SINGLE access and
   * once the session's consent is revoked (a revoked consent is not silently renewed).
   */
  grantFor(session: KontomatikSession, ownerExternalId: string | undefined): MultipleAccessGrant | undefined;
  /** A live grant, or why there is none. */
  find(token: string): MultipleAccessLookup;
  revoke(token: string): MultipleAccessLookup;
}

export function hasMultipleAccess(session: KontomatikSession): boolean {
  return session.accessMode === 'MULTIPLE' || session.accessMode === 'MIXED';
}

export function createKontomatikMultipleAccess(): KontomatikMultipleAccess {
  const byToken = new Map<string, MultipleAccessGrant>();
  const bySession = new Map<string, MultipleAccessGrant>();

  const find = (token: string): MultipleAccessLookup => {
    const grant = byToken.get(token);
    if (!grant) {
      return { error: 'InvalidMultipleAccessToken' };
    }
    return grant.revoked ? { error: 'MultipleAccessRevoked' } : { grant };
  };

  return {
    grantFor(session, ownerExternalId) {
      if (!hasMultipleAccess(session)) {
        return undefined;
      }
      const existing = bySession.get(session.id);
      if (existing) {
        return existing.revoked ? undefined : existing;
      }
      const grant: MultipleAccessGrant = {
        token: randomBytes(32).toString('hex'),
        session,
        ownerExternalId,
        revoked: false,
      };
      byToken.set(grant.token, grant);
      bySession.set(session.id, grant);
      return grant;
    },
    find,
    revoke(token) {
      const found = find(token);
      if ('grant' in found) {
        found.grant.revoked = true;
      }
      return found;
    },
  };
}
