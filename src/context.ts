import type { Logger } from 'pino';

import type { Confirmations } from './confirmations/confirmations';
import type { Idempotent } from './confirmations/idempotency';

import { callerKeyOf, readCredentials, type CredentialSource, type Credentials } from './credentials';
import { UnauthenticatedError, type GatewayError } from './errors';
import type { ImportTracker } from './imports/import-tracker';
import { createLoaders, type CommandAccountLookup, type Loaders } from './loaders';
import type { TransactionWatch } from './transactions/transaction-watch';
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
  /** The TAN flows' pending confirmations and the Idempotency-Key guard. */
  confirmations: Confirmations;
  idempotent: Idempotent;
  /** The request's Idempotency-Key header, as sent. */
  idempotencyKey: string | undefined;
  /** Errors of failed providers, added to the response beside the others' data. */
  partialErrors: PartialError[];
  /** Imports being watched, and `transactionAdded`'s pollers. */
  imports: ImportTracker;
  transactionWatch: TransactionWatch;
  /**
   * The call to make to `provider` with the caller's credentials; UNAUTHENTICATED
   * without. Kontomatik needs none: its API key is the gateway's own.
   */
  callFor(provider: ProviderName): ProviderCall;
  /** New loaders: a subscription takes them for every event, so no event sees stale data. */
  renewLoaders(): void;
}

export interface ContextInput {
  requestId: string;
  credentials: CredentialSource;
  signal: AbortSignal;
  idempotencyKey?: unknown;
}

export interface ContextServices {
  providers: Providers;
  confirmations: Confirmations;
  idempotent: Idempotent;
  imports: ImportTracker;
  transactionWatch: TransactionWatch;
  logger: Logger;
}

export type ContextFactory = (input: ContextInput) => Context;

export function createContextFactory({
  providers,
  confirmations,
  idempotent,
  imports,
  transactionWatch,
  logger,
}: ContextServices): ContextFactory {
  const commandAccount: CommandAccountLookup = (id, signal) => providers.kontomatik.commandAccount(id, signal);
  return ({ requestId, credentials: source, signal, idempotencyKey }) => {
    const credentials = readCredentials(source);
    const loaders = () => createLoaders(credentials, providers.accountProviders, signal, commandAccount);
    return {
      requestId,
      credentials,
      callerKey: callerKeyOf(credentials),
      providers,
      loaders: loaders(),
      signal,
      logger: logger.child({ requestId }),
      confirmations,
      idempotent,
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
      partialErrors: [],
      imports,
      transactionWatch,
      callFor(provider) {
        if (provider === 'KONTOMATIK') {
          return { credential: '', signal };
        }
        const credential = credentials[provider];
        if (!credential) {
          throw new UnauthenticatedError(provider);
        }
        return { credential, signal };
      },
      renewLoaders() {
        this.loaders = loaders();
      },
    };
  };
}
