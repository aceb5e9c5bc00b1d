import { GatewayError, ProviderUnavailableError, UnauthenticatedError } from '../errors/errors';
import type { ProviderName } from '../providers/provider-name';

/**
 * What a poller tells its subscribers when polling goes wrong, as plain data (it may
 * cross instances on the pub/sub). Resolvers turn it into the error the client sees
 * (`toGatewayError`) at the edge, once per subscriber.
 */
export type PollFailure =
  /**
   * The provider has not answered for a while; polling goes on. A `final` one means the
   * gateway cannot follow the watched thing any more: the subscription ends after it.
   */
  | { kind: 'unavailable'; provider: ProviderName; reason: string; final?: boolean }
  /** The provider rejected the credentials: no retry can mend that, the subscription ends. */
  | { kind: 'rejected'; provider: ProviderName };

/** Rejected credentials (a 401 upstream): final for a poller. */
export function isRejection(error: unknown): error is GatewayError {
  return error instanceof GatewayError && error.code === 'UNAUTHENTICATED';
}

/** The provider a provider call's error names (`extensions.provider`), if any. */
export function providerOfError(error: unknown): ProviderName | undefined {
  const provider = error instanceof GatewayError ? error.extensions.provider : undefined;
  return typeof provider === 'string' && provider !== '' ? provider : undefined;
}

/** Why a poll failed, as the client may read it. */
export function reasonOf(error: unknown): string {
  return error instanceof GatewayError ? error.message : 'the provider could not be asked';
}

/** The error a subscriber is given for a failure event. */
export function toGatewayError(failure: PollFailure): GatewayError {
  switch (failure.kind) {
    case 'unavailable':
      return new ProviderUnavailableError(failure.provider, failure.reason);
    case 'rejected':
      return new UnauthenticatedError(failure.provider);
    default: {
      const never: never = failure;
      throw new Error(`unknown poll failure ${JSON.stringify(never)}`);
    }
  }
}
