import { GatewayError } from './errors';
import type { ProviderName } from '../providers/provider-name';
import type { ConfirmationStatus } from '../payments/confirmation';

export class TanInvalidError extends GatewayError {
  constructor(attemptsLeft: number) {
    super(
      'TAN_INVALID',
      attemptsLeft > 0
        ? `The TAN is wrong: ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left.`
        : 'The TAN is wrong and no attempts are left: the confirmation has FAILED.',
      { attemptsLeft },
    );
  }
}

export class ConfirmationExpiredError extends GatewayError {
  constructor() {
    super('CONFIRMATION_EXPIRED', 'The confirmation has expired: create the operation again to get a new TAN.');
  }
}

const usedMessages: Record<Exclude<ConfirmationStatus, 'PENDING'>, string> = {
  EXECUTING: 'The confirmation is being executed by another request: follow confirmation(id) for its outcome.',
  CONFIRMED: 'The confirmation has already been executed.',
  UNKNOWN:
    'The confirmation was executed but the provider did not answer: it may or may not have run. The gateway keeps checking; follow confirmation(id), and check the account before creating it again.',
  FAILED: 'The confirmation has FAILED and cannot be used any more.',
};

export class ConfirmationUsedError extends GatewayError {
  constructor(status: Exclude<ConfirmationStatus, 'PENDING'>) {
    super('CONFIRMATION_USED', usedMessages[status], { confirmationStatus: status });
  }
}

/** The execution's answer was lost: the client must not assume either outcome. */
export class OutcomeUnknownError extends GatewayError {
  constructor(provider: ProviderName) {
    super(
      'PROVIDER_UNAVAILABLE',
      `${provider} did not answer while executing: the operation may or may not have run. The gateway keeps looking for it at ${provider} (follow confirmation(id) or confirmationChanged); check the account before creating it again.`,
      { provider, confirmationStatus: 'UNKNOWN' },
    );
  }
}
