import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KontomatikTarget } from './kontomatik.data';
import type { KontomatikAccessMode } from './kontomatik.wire';

/** A sign-in nobody finished at the bank within this long is EXPIRED. */
export const SIGN_IN_TTL_MS = 10 * 60_000;

export type KontomatikSessionStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'EXPIRED';

export interface KontomatikSession {
  readonly id: string;
  readonly target: KontomatikTarget;
  readonly accessMode: KontomatikAccessMode;
  readonly ownerExternalId?: string;
  /** Where the bank page sends the browser back to. */
  readonly redirectUrl?: string;
  readonly createdAt: number;
  /** What the bank decided; until then the session is PENDING or, later, EXPIRED. */
  outcome?: 'COMPLETED' | 'FAILED';
}

export interface StartSessionInput {
  target: KontomatikTarget;
  accessMode: KontomatikAccessMode;
  ownerExternalId?: string;
  redirectUrl?: string;
  /** A mock session is signed in from the start. */
  signedIn?: boolean;
}

/** Sign-in sessions and their signatures; a session id with its signature is a capability. */
export interface KontomatikSessions {
  start(input: StartSessionInput): { session: KontomatikSession; signature: string };
  get(id: string): KontomatikSession | undefined;
  isSignatureOf(session: KontomatikSession, signature: string): boolean;
  statusOf(session: KontomatikSession): KontomatikSessionStatus;
  /** The bank page's approval: a PENDING session becomes COMPLETED; any other stays as it is. */
  approve(session: KontomatikSession): KontomatikSessionStatus;
}

/** Expiry is computed when asked, so nothing has to run in the background. */
export function sessionStatusOf(session: KontomatikSession, at: number): KontomatikSessionStatus {
  if (session.outcome) {
    return session.outcome;
  }
  return at - session.createdAt > SIGN_IN_TTL_MS ? 'EXPIRED' : 'PENDING';
}

export function createKontomatikSessions(now: () => number): KontomatikSessions {
  // Per sandbox, so a signature from one sandbox means nothing to another.
  const secret = randomBytes(32);
  const sessions = new Map<string, KontomatikSession>();
  const signatureOf = (id: string): string => createHmac('sha256', secret).update(id).digest('hex');
  const statusOf = (session: KontomatikSession): KontomatikSessionStatus => sessionStatusOf(session, now());

  return {
    start({ signedIn = false, ...input }) {
      const session: KontomatikSession = {
        ...input,
        id: randomBytes(16).toString('hex'),
        createdAt: now(),
        outcome: signedIn ? 'COMPLETED' : undefined,
      };
      sessions.set(session.id, session);
      return { session, signature: signatureOf(session.id) };
    },
    get: (id) => sessions.get(id),
    isSignatureOf(session, signature) {
      const expected = Buffer.from(signatureOf(session.id));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    statusOf,
    approve(session) {
      if (statusOf(session) === 'PENDING') {
        session.outcome = 'COMPLETED';
      }
      return statusOf(session);
    },
  };
}
