import { BANKIMPORT_HBCI_LOGINS, BANKIMPORT_TOKENS } from './bankimport/bankimport.data';
import { KONTIST_USERS } from './kontist/kontist.data';

/** What one demo user signs in with at each simulated bank. */
export interface DemoUserCredentials {
  /** `Authorization: Bearer <token>` at Kontist. */
  kontistBearerToken: string;
  /** The legacy Kontist API's Basic login. */
  kontistLogin: { username: string; password: string };
  /** `Authorization: Token token=<token>` at Bankimport. */
  bankimportToken: string;
  /** The HBCI login that Bankimport's `POST /api/v1/bank-account/hbci` accepts; `customerNumber` is checked only when sent. */
  hbciLogin: { bankCode: string; username: string; secret: string; customerNumber: string | null };
}

export type DemoUser = 'alice' | 'bob';

function credentialsOf(user: DemoUser): DemoUserCredentials {
  const kontist = KONTIST_USERS.find((candidate) => candidate.name === user);
  const bankimportToken = [...BANKIMPORT_TOKENS].find(([, owner]) => owner === user)?.[0];
  const hbci = BANKIMPORT_HBCI_LOGINS.find((login) => login.owner === user);
  if (!kontist || !bankimportToken || !hbci) {
    throw new Error(`the sandbox has no demo user ${user}`);
  }
  return {
    kontistBearerToken: kontist.bearerToken,
    kontistLogin: { username: kontist.name, password: kontist.password },
    bankimportToken,
    hbciLogin: {
      bankCode: hbci.bankCode,
      username: hbci.username,
      secret: hbci.secret,
      customerNumber: hbci.customerNumber,
    },
  };
}

/** The contract's demo users (CONTRACT.md, The embedded sandbox: demo credentials), read from the banks' own data. */
export const demoCredentials: Readonly<Record<DemoUser, DemoUserCredentials>> = {
  alice: credentialsOf('alice'),
  bob: credentialsOf('bob'),
};

/**
 * A demo user's credentials as a gateway request carries them, by the gateway's provider
 * names (CONTRACT.md, Credentials): what GraphiQL starts with while the sandbox runs.
 */
export function gatewayCredentials(user: DemoUser): Readonly<Record<string, string>> {
  const { kontistBearerToken, bankimportToken } = demoCredentials[user];
  return { KONTIST: `Bearer ${kontistBearerToken}`, BANKIMPORT: bankimportToken };
}
