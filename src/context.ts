import type { Logger } from 'pino';

import type { Idempotent } from './payments/idempotency';
import type { Payments } from './payments/payment-service';

import type { CredentialReader, CredentialSource, Credentials } from './providers/credentials';
import { UnauthenticatedError, type GatewayError } from './errors/errors';
import type { ImportTracker } from './imports/import-tracker';
import { spentUpstreamCalls } from './limits/upstream-calls';
import { createLoaders, type Loaders } from './schema/loaders';
import type { TransactionWatch } from './live/transaction-watch';
import type { ProviderCall } from './providers/provider';
import type { ProviderName } from './providers/provider-name';
import type { Providers } from './providers/providers';
import type { StateCrypto } from './state/state-crypto';

/** An error for one part of a response whose other parts still carry data. */
export interface PartialError {
  error: GatewayError;
  path: ReadonlyArray<string | number>;
}

/** What every resolver gets, the same over HTTP and over the WebSocket. */
export interface Context {
  requestId: string;
  credentials: Credentials;
  /** A keyed hash of the credentials (STATE_SECRET); null without any. */
  callerKey: string | null;
  /** Seals what goes into the state store and names callers there. */
  stateCrypto: StateCrypto;
  providers: Providers;
  loaders: Loaders;
  /** Aborted when the client goes away: upstream calls stop with it. */
  signal: AbortSignal;
  logger: Logger;
  /** The TAN flows of every payment operation, and the Idempotency-Key guard. */
  payments: Payments;
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
   * without. A bank without user credentials (its descriptor has none) needs none: its
   * key is the gateway's own.
   */
  callFor(provider: ProviderName): ProviderCall;
  /** New loaders: a subscription takes them for every event, so no event sees stale data. */
  renewLoaders(): void;
  /** Provider calls this request has made so far (0 where it needed none). */
  providerCalls(): number;
}

export interface ContextInput {
  requestId: string;
  credentials: CredentialSource;
  /** Or a function that makes it, called the first time a resolver needs it. */
  signal: AbortSignal | (() => AbortSignal);
  idempotencyKey?: unknown;
}

export interface ContextServices {
  providers: Providers;
  payments: Payments;
  idempotent: Idempotent;
  imports: ImportTracker;
  transactionWatch: TransactionWatch;
  logger: Logger;
  /** One per server, from `config.stateSecret`. */
  stateCrypto: StateCrypto;
  /** Reads credentials as the banks' descriptors say. */
  credentials: CredentialReader;
}

export type ContextFactory = (input: ContextInput) => Context;

/**
 * Apollo copies the context object for every request (`Object.assign` onto an object of
 * the same prototype), which would run any own getter. So what only some requests need
 * (the credentials' hash, a child logger, loaders) is computed by getters on the
 * prototype, once, when first asked; the services live on one shared object.
 */
class RequestContext implements Context {
  readonly partialErrors: PartialError[] = [];
  private cachedCallerKey: string | null | undefined = undefined;
  private cachedLogger: Logger | undefined = undefined;
  private cachedLoaders: Loaders | undefined = undefined;
  private signalOrMaker: AbortSignal | (() => AbortSignal);

  constructor(
    private readonly services: ContextServices,
    readonly requestId: string,
    readonly credentials: Credentials,
    signal: AbortSignal | (() => AbortSignal),
    readonly idempotencyKey: string | undefined,
  ) {
    this.signalOrMaker = signal;
  }

  get signal(): AbortSignal {
    if (typeof this.signalOrMaker === 'function') {
      this.signalOrMaker = this.signalOrMaker();
    }
    return this.signalOrMaker;
  }

  get callerKey(): string | null {
    if (this.cachedCallerKey === undefined) {
      this.cachedCallerKey = this.services.stateCrypto.callerKey(this.credentials);
    }
    return this.cachedCallerKey;
  }

  get logger(): Logger {
    return (this.cachedLogger ??= this.services.logger.child({ requestId: this.requestId }));
  }

  get loaders(): Loaders {
    return (this.cachedLoaders ??= createLoaders(this.credentials, this.services.providers, this.signal));
  }

  get stateCrypto(): StateCrypto {
    return this.services.stateCrypto;
  }

  get providers(): Providers {
    return this.services.providers;
  }

  get payments(): Payments {
    return this.services.payments;
  }

  get idempotent(): Idempotent {
    return this.services.idempotent;
  }

  get imports(): ImportTracker {
    return this.services.imports;
  }

  get transactionWatch(): TransactionWatch {
    return this.services.transactionWatch;
  }

  callFor(provider: ProviderName): ProviderCall {
    const descriptor = this.services.providers.descriptor(provider);
    if (descriptor && !descriptor.credentials) {
      return { credential: '', signal: this.signal };
    }
    const credential = this.credentials[provider];
    if (!credential) {
      throw new UnauthenticatedError(provider);
    }
    return { credential, signal: this.signal };
  }

  renewLoaders(): void {
    this.cachedLoaders = undefined;
  }

  providerCalls(): number {
    // A signal never made is a request that never called a provider.
    return typeof this.signalOrMaker === 'function' ? 0 : spentUpstreamCalls(this.signalOrMaker);
  }
}

export function createContextFactory(services: ContextServices): ContextFactory {
  return ({ requestId, credentials, signal, idempotencyKey }) =>
    new RequestContext(
      services,
      requestId,
      services.credentials.read(credentials),
      signal,
      typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
    );
}
