import type { IncomingHttpHeaders } from 'node:http';

import type { ProviderDescriptor } from './descriptor';
import type { ProviderName } from './provider-name';

/** The end user's credentials per provider, exactly as sent (CONTRACT.md, Credentials). */
export type Credentials = Partial<Record<ProviderName, string>>;

/** Where a request's credentials are: HTTP headers, or graphql-ws `connection_init`'s payload. */
export type CredentialSource =
  { headers: IncomingHttpHeaders } | { params: Readonly<Record<string, unknown>> | undefined };

/** Reads credentials the way the banks' descriptors say: one header and one `connection_init` key each. */
export interface CredentialReader {
  read(source: CredentialSource): Credentials;
  /** The request headers that carry credentials, spelled as the contract spells them. */
  readonly headers: readonly string[];
}

/** Printable ASCII only: anything else could not be sent upstream as a header. */
const HEADER_VALUE = /^[\x21-\x7e][\x20-\x7e]{0,4095}$/;

/**
 * Values are taken as sent: a credential of the wrong shape still goes to its bank, so
 * that the bank rejects it (401 → UNAUTHENTICATED), rather than being silently ignored.
 */
export function createCredentialReader(descriptors: readonly ProviderDescriptor[]): CredentialReader {
  const specs = descriptors.flatMap(({ name, credentials }) =>
    credentials ? [{ name, header: credentials.header.toLowerCase(), key: credentials.connectionInitKey }] : [],
  );
  return {
    headers: descriptors.flatMap(({ credentials }) => (credentials ? [credentials.header] : [])),
    read(source) {
      const credentials: Credentials = {};
      for (const spec of specs) {
        const value = clean('headers' in source ? source.headers[spec.header] : source.params?.[spec.key]);
        if (value) {
          credentials[spec.name] = value;
        }
      }
      return credentials;
    },
  };
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  return HEADER_VALUE.test(trimmed) ? trimmed : undefined;
}
