import type { ProviderName } from '../providers/provider-name';
import { GatewayError, ProviderError } from './errors';

/** What goes wrong between the gateway and a bank, before it becomes one of the contract's codes. */

/** A call its caller canceled: not a provider failure, never counted by the circuit. */
export class CallCanceledError extends GatewayError {
  constructor(provider: ProviderName) {
    super('PROVIDER_UNAVAILABLE', `The call to ${provider} was canceled: the client went away.`, { provider });
  }
}

/**
 * The provider answered 2xx with a body the gateway cannot read. For a write this means
 * that the provider did it: the payment flow records it as executed.
 */
export class UnreadableAnswerError extends ProviderError {
  constructor(provider: ProviderName, why: string, status: number) {
    super(provider, `unreadable answer (${why})`, status);
  }
}

/** The bank refused the TAN; its pending request is still there for another attempt. */
export class TanRejectedError extends Error {
  constructor() {
    super('invalid_tan');
    this.name = 'TanRejectedError';
  }
}
