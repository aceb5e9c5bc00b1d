import {
  GatewayError,
  NotFoundError,
  ProviderError,
  ProviderUnavailableError,
  UnauthenticatedError,
} from '../errors/errors';
import { UnreadableAnswerError } from '../errors/upstream-errors';
import { type PaymentResult } from '../providers/payments';
import { TanRejectedError } from '../errors/upstream-errors';
import type { Failure } from './confirmation';
import { ConfirmationExpiredError } from '../errors/payment-errors';

/** What an execution call tells about the provider, whatever it threw. */
export type ExecutionOutcome =
  /** It ran, and the answer says what it made. */
  | { kind: 'executed'; result: PaymentResult }
  /** It ran (2xx), but the answer could not be read. */
  | { kind: 'executed-unreadable' }
  /** Wrong TAN: the provider keeps its request for another attempt. */
  | { kind: 'tan-rejected' }
  /** It never reached the provider, or the provider refused to look at it: nothing ran. */
  | { kind: 'not-sent'; error: unknown }
  /** The provider refused it: it did not run. */
  | { kind: 'refused'; failure: Failure; error: GatewayError }
  /** The answer was lost: it may have run. */
  | { kind: 'lost'; failure: Failure };

/**
 * Classifies a failed execution call (CONTRACT.md, Payment outcomes): FAILED only for an
 * explicit refusal; anything that may have reached the provider without a clear answer,
 * a bug in the gateway's own code included, is lost, never failed.
 */
export function outcomeOf(error: unknown): ExecutionOutcome {
  if (error instanceof TanRejectedError) {
    return { kind: 'tan-rejected' };
  }
  if (error instanceof UnreadableAnswerError) {
    return { kind: 'executed-unreadable' };
  }
  if (
    (error instanceof ProviderUnavailableError && !error.sent) ||
    error instanceof UnauthenticatedError ||
    (error instanceof GatewayError && error.code === 'QUERY_TOO_COMPLEX') ||
    (error instanceof ProviderError && error.extensions.status === 429)
  ) {
    return { kind: 'not-sent', error };
  }
  if (error instanceof NotFoundError) {
    return {
      kind: 'refused',
      failure: { code: 'CONFIRMATION_EXPIRED', message: 'The provider no longer holds the request: it expired there.' },
      error: new ConfirmationExpiredError(),
    };
  }
  if (error instanceof ProviderError) {
    return { kind: 'refused', failure: { code: error.code, message: error.message }, error };
  }
  return {
    kind: 'lost',
    failure: {
      code: 'PROVIDER_UNAVAILABLE',
      message:
        error instanceof ProviderUnavailableError
          ? `${error.message} The operation may or may not have run.`
          : 'The execution ended without an answer: the operation may or may not have run.',
    },
  };
}
