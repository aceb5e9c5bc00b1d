import type { Logger } from 'pino';

import { callerKeyOf, readCredentials, type CredentialSource, type Credentials } from './credentials';
import { UnauthenticatedError, type GatewayError } from './errors';
import { createLoaders, type Loaders } from './loaders';
import type { ProviderCall } from './providers/provider';
import type { ProviderName } from './providers/provider-name';
import type { Providers } from './providers/registry';

/** An error for one part of a response whose other parts still carry data. */
export interface PartialError {
  error: GatewayError;
  path: ReadonlyArray<string | number>;
}

/** What every resolver gets, the same over HTTP and over the WebSocket. */
export interface Context {
  requestId: string;
  credentials: Credentials;
  /** A hash of the credentials; null without any. */
  callerKey: string | null;
  providers: Providers;
  loaders: Loaders;
  /** Aborted when the client goes away: upstream calls stop with it. */
  signal: AbortSignal;
  logger: Logger;
  /** Errors of failed providers, added to the response beside the others' data. */
  partialErrors: PartialError[];
  /** The call to make to `provider` with the caller's credentials; UNAUTHENTICATED without. */
  callFor(provider: ProviderName): ProviderCall;
}

export interface ContextInput {
  requestId: string;
  credentials: CredentialSource;
  signal: AbortSignal;
}

export type ContextFactory = (input: ContextInput) => Context;

export function createContextFactory(providers: Providers, logger: Logger): ContextFactory {
  return ({ requestId, credentials: source, signal }) => {
    const credentials = readCredentials(source);
    return {
      requestId,
      credentials,
      callerKey: callerKeyOf(credentials),
      providers,
      loaders: createLoaders(credentials, providers.accountProviders, signal),
      signal,
      logger: logger.child({ requestId }),
      partialErrors: [],
      callFor(provider) {
        const credential = credentials[provider];
        if (!credential) {
          throw new UnauthenticatedError(provider);
        }
        return { credential, signal };
      },
    };
  };
}
