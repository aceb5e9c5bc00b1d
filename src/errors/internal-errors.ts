/**
 * Errors that never reach a client as they are: the operator's (configuration) and the
 * gateway's own state (a store that did not answer). Each becomes a contract error, or
 * an INTERNAL_SERVER_ERROR, where it meets a request.
 */

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A wait that ran past its deadline; `code` as Node names a timeout, for the logs. */
export class DeadlineError extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/** The store did not answer in time, or refused: nothing can be said about the write. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the state store is unavailable (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'StoreUnavailableError';
  }
}

/** An import-store call that did not answer in time: a hung Redis (paused, or a half-open connection). */
export class ImportStoreTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(operation: string, ms: number) {
    super(`the import store did not answer ${operation} within ${ms} ms`);
    this.name = 'ImportStoreTimeoutError';
  }
}
