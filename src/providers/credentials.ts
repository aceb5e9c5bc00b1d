import type { ProviderName } from './provider-name';

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
