import { randomUUID } from 'node:crypto';

import { BadUserInputError, GatewayError, NotFoundError } from '../errors';
import { TanRejectedError } from '../providers/kontist/kontist-orders.client';
import type { AccountRecord } from '../providers/provider';
import type { Confirmation, ConfirmationOperation, ConfirmationSummary } from './confirmation';
import { ConfirmationExpiredError, ConfirmationUsedError, TanInvalidError } from './confirmation-errors';
import type { ConfirmationStore } from './confirmation-store';

export interface ConfirmationsOptions {
  store: ConfirmationStore;
  ttlMs: number;
  maxAttempts: number;
  now?: () => number;
}

export interface NewConfirmation {
  operation: ConfirmationOperation;
  account: AccountRecord;
  callerKey: string;
  execution: Record<string, unknown>;
  summary: ConfirmationSummary;
  tokenLength: number | null;
}

/**
 * The TAN flow's memory: what a confirm will execute, for whom, until when, with how
 * many attempts left; and the exactly-once execution of it.
 */
export interface Confirmations {
  create(pending: NewConfirmation): Promise<Confirmation>;
  /** The caller's confirmation; NOT_FOUND for anyone else's, as if it did not exist. */
  find(id: string, callerKey: string | null): Promise<Confirmation>;
  /**
   * Executes a confirmation with a TAN exactly once: `run` reaches the provider only for
   * the one request that wins the claim, and its outcome is recorded whatever it is.
   */
  confirm<T>(
    id: string,
    callerKey: string | null,
    operations: readonly ConfirmationOperation[],
    tan: string,
    run: (confirmation: Confirmation) => Promise<T>,
  ): Promise<T>;
}

export function createConfirmations({
  store,
  ttlMs,
  maxAttempts,
  now = Date.now,
}: ConfirmationsOptions): Confirmations {
  const find = async (id: string, callerKey: string | null) => {
    const confirmation = await store.get(id);
    if (!confirmation || !callerKey || confirmation.callerKey !== callerKey) {
      throw new NotFoundError('No such confirmation.');
    }
    return confirmation;
  };

  /** The refusal for a confirmation that cannot run now, or null where it can. */
  const refusalOf = (confirmation: Confirmation): GatewayError | null => {
    if (confirmation.state !== 'PENDING') {
      return new ConfirmationUsedError(confirmation.state);
    }
    if (confirmation.expiresAt <= now()) {
      return new ConfirmationExpiredError();
    }
    return null;
  };

  return {
    async create(pending) {
      const confirmation: Confirmation = {
        id: randomUUID(),
        operation: pending.operation,
        provider: pending.account.provider,
        callerKey: pending.callerKey,
        providerAccountId: pending.account.providerAccountId,
        execution: pending.execution,
        summary: pending.summary,
        tokenLength: pending.tokenLength,
        expiresAt: now() + ttlMs,
        attemptsLeft: maxAttempts,
        state: 'PENDING',
      };
      await store.create(confirmation);
      return confirmation;
    },

    find,

    async confirm(id, callerKey, operations, tan, run) {
      const found = await find(id, callerKey);
      if (!operations.includes(found.operation)) {
        throw new BadUserInputError(
          'confirmationId',
          `confirmationId belongs to ${found.operation}, which another confirm mutation executes.`,
        );
      }
      const early = refusalOf(found);
      if (early) {
        throw early;
      }
      const claim = await store.claim(id, now());
      if (!claim.won) {
        throw (claim.confirmation && refusalOf(claim.confirmation)) ?? new ConfirmationUsedError('EXECUTING');
      }
      const confirmation = claim.confirmation;
      const wrongTan = async () => {
        const attemptsLeft = confirmation.attemptsLeft - 1;
        await store.settle({
          ...confirmation,
          attemptsLeft,
          state: attemptsLeft > 0 ? 'PENDING' : 'FAILED',
          ...(attemptsLeft > 0 ? {} : { failure: { code: 'TAN_INVALID', message: 'No attempts left.' } }),
        });
        return new TanInvalidError(attemptsLeft);
      };
      if (confirmation.tokenLength !== null && !new RegExp(`^\\d{${confirmation.tokenLength}}$`).test(tan)) {
        // Plainly not the TAN that was sent: counted, but never sent upstream.
        throw await wrongTan();
      }
      try {
        const result = await run(confirmation);
        await store.settle({ ...confirmation, state: 'CONFIRMED', result });
        return result;
      } catch (error) {
        if (error instanceof TanRejectedError) {
          throw await wrongTan();
        }
        if (error instanceof GatewayError && error.code === 'PROVIDER_UNAVAILABLE') {
          // No answer: it may have run. Never retried blindly; the client checks the account.
          await store.settle({
            ...confirmation,
            state: 'UNKNOWN',
            failure: { code: 'PROVIDER_UNAVAILABLE', message: 'The provider did not answer while executing.' },
          });
          throw new GatewayError(
            'PROVIDER_UNAVAILABLE',
            `${confirmation.provider} did not answer while executing: the operation may or may not have run. Check the account before creating it again.`,
            { provider: confirmation.provider },
          );
        }
        const failure =
          error instanceof GatewayError
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL_SERVER_ERROR', message: 'Execution failed.' };
        await store.settle({ ...confirmation, state: 'FAILED', failure });
        if (error instanceof NotFoundError) {
          // The provider forgot the pending request (it expired there first).
          throw new ConfirmationExpiredError();
        }
        throw error;
      }
    },
  };
}
