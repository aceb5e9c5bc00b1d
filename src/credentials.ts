import { createHash } from 'node:crypto';

import type { ProviderName } from './providers/provider-name';

/** The end user's credentials per provider, exactly as sent (CONTRACT.md, Credentials). */
export type Credentials = Partial<Record<ProviderName, string>>;

/** Printable ASCII only: anything else could not be sent upstream as a header. */
const HEADER_VALUE = /^[\x21-\x7e][\x20-\x7e]{0,4095}$/;

/** What a request carries: HTTP header values or graphql-ws `connection_init` keys. */
export interface CredentialSource {
  kontistAuthorization?: unknown;
  bankimportToken?: unknown;
}

/**
 * Reads the credentials a request carries. Kontist takes `Bearer …` or `Basic …` as
 * is; a value of another shape is kept, so that Kontist itself rejects it (401 →
 * UNAUTHENTICATED), rather than being silently ignored.
 */
export function readCredentials(source: CredentialSource): Credentials {
  const credentials: Credentials = {};
  const kontist = clean(source.kontistAuthorization);
  const bankimport = clean(source.bankimportToken);
  if (kontist) {
    credentials.KONTIST = kontist;
  }
  if (bankimport) {
    credentials.BANKIMPORT = bankimport;
  }
  return credentials;
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return HEADER_VALUE.test(trimmed) ? trimmed : undefined;
}

/**
 * Who the caller is, for confirmations, idempotency keys, rate limits and pollers: a
 * hash of the credentials, never the credentials themselves. Null without any.
 */
export function callerKeyOf(credentials: Credentials): string | null {
  const entries = Object.entries(credentials).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) {
    return null;
  }
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}

/** Who holds one provider's credential (a Bankimport refresh belongs to its token, not to the Kontist one sent beside it). */
export function providerCallerKey(provider: ProviderName, credential: string): string {
  return createHash('sha256').update(`${provider}\n${credential}`).digest('hex');
}
