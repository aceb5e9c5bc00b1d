import { GatewayError } from '../errors';

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

export class ConfirmationUsedError extends GatewayError {
  constructor(state: string) {
    super(
      'CONFIRMATION_USED',
      state === 'EXECUTING'
        ? 'The confirmation is being executed by another request.'
        : state === 'CONFIRMED'
          ? 'The confirmation has already been executed.'
          : state === 'UNKNOWN'
            ? 'The confirmation was executed but the provider did not answer: check the account before creating it again.'
            : 'The confirmation has FAILED and cannot be used any more.',
    );
  }
}
