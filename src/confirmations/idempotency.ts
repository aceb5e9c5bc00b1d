import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { BadUserInputError, GatewayError } from '../errors';
import type { IdempotencyStore, IdempotentResult } from './idempotency-store';

const FIELD = 'Idempotency-Key';
/** How long a retry waits for the first call with its key to finish. */
const WAIT_MS = 15_000;

export type Idempotent = <T>(
  caller: string | null,
  key: string | undefined,
  mutation: string,
  args: unknown,
  run: () => Promise<T>,
) => Promise<T>;

/**
 * Runs a payment mutation at most once per caller and Idempotency-Key (CONTRACT.md,
 * Idempotency): a retry gets the first call's result or error again without reaching
 * the provider; the same key with other arguments is refused; after
 * PROVIDER_UNAVAILABLE the key is freed for a real retry.
 */
export function createIdempotent(store: IdempotencyStore): Idempotent {
  return async function idempotent<T>(
    caller: string | null,
    key: string | undefined,
    mutation: string,
    args: unknown,
    run: () => Promise<T>,
  ): Promise<T> {
    if (key === undefined) {
      return run();
    }
    if (key.length < 1 || key.length > 255) {
      throw new BadUserInputError(FIELD, `${FIELD} must have 1 to 255 characters.`);
    }
    const scoped = createHash('sha256')
      .update(`${caller ?? 'anonymous'}\n${key}`)
      .digest('hex');
    const argumentsHash = createHash('sha256')
      .update(JSON.stringify([mutation, args]))
      .digest('hex');

    let reservation = await store.reserve(scoped, argumentsHash);
    const deadline = Date.now() + WAIT_MS;
    while (!reservation.reserved && reservation.existing.state === 'running' && Date.now() < deadline) {
      if (reservation.existing.argumentsHash !== argumentsHash) {
        break;
      }
      await sleep(50);
      reservation = await store.reserve(scoped, argumentsHash);
    }
    if (!reservation.reserved) {
      return replay<T>(reservation.existing, argumentsHash);
    }
    try {
      const data = await run();
      await store.complete(scoped, { argumentsHash, state: 'done', data });
      return data;
    } catch (error) {
      if (error instanceof GatewayError && error.code !== 'PROVIDER_UNAVAILABLE') {
        await store.complete(scoped, {
          argumentsHash,
          state: 'done',
          error: { code: error.code, message: error.message, extensions: { ...error.extensions } },
        });
      } else {
        await store.release(scoped);
      }
      throw error;
    }
  };
}

function replay<T>(existing: IdempotentResult, argumentsHash: string): T {
  if (existing.argumentsHash !== argumentsHash) {
    throw new BadUserInputError(FIELD, `${FIELD} was already used with other arguments.`);
  }
  if (existing.state === 'running') {
    throw new GatewayError('BAD_REQUEST', `The first request with this ${FIELD} is still running; retry later.`);
  }
  if (existing.error) {
    const { code, ...extensions } = existing.error.extensions;
    throw new GatewayError(existing.error.code as GatewayError['code'], existing.error.message, extensions);
  }
  return existing.data as T;
}
