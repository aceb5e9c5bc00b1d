import { setTimeout as sleep } from 'node:timers/promises';

import type { Logger } from 'pino';

import { BadUserInputError, GatewayError, ServiceUnavailableError, type ErrorCode } from '../errors/errors';
import { retryInBackground } from '../state/retry-in-background';
import type { StateCrypto } from '../state/state-crypto';
import { withDeadline } from '../state/with-deadline';
import {
  IDEMPOTENCY_TTL_MS,
  type IdempotencyStore,
  type IdempotentResult,
  type Reservation,
} from './idempotency-store';

const FIELD = 'Idempotency-Key';
/** How long a retry waits for the first call with its key to finish. */
const WAIT_MS = 15_000;
/** Errors after which nothing ran upstream, so the key is freed for a real retry. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['PROVIDER_UNAVAILABLE', 'SERVICE_UNAVAILABLE']);

export type Idempotent = <T>(
  caller: string | null,
  key: string | undefined,
  mutation: string,
  args: unknown,
  run: () => Promise<T>,
) => Promise<T>;

/** `Idempotent`, and `close()` to stop retrying writes when the server stops. */
export type IdempotencyGuard = Idempotent & { close(): void };

export interface IdempotentOptions {
  /** Names keys and arguments by keyed hashes (the store's keys are HMACs of caller and key). */
  crypto: StateCrypto;
  /** Store faults go here, never the record. */
  logger: Logger;
  /** Each store call's deadline. @default 2000 */
  storeDeadlineMs?: number;
  /** Wait before a failed write is tried again; doubles up to `retryMaxMs`. @default 200 */
  retryFirstMs?: number;
  /** @default 5000 */
  retryMaxMs?: number;
  /** How long a key is kept. @default 24 h */
  ttlMs?: number;
}

/** A write that failed after its mutation ran, being retried; `result` null for a release. */
interface PendingWrite {
  result: IdempotentResult | null;
  stop(): void;
}

/**
 * Runs a payment mutation at most once per caller and Idempotency-Key (CONTRACT.md,
 * Idempotency): a retry gets the first call's result or error again without reaching
 * the provider; the same key with other arguments is refused; after
 * PROVIDER_UNAVAILABLE the key is freed for a real retry.
 *
 * Store faults (CONTRACT.md, Payment outcomes): a reservation the store cannot make in
 * time is SERVICE_UNAVAILABLE before the mutation runs, so nothing goes upstream. Once
 * the mutation ran, its answer goes to the client as it is, whatever the store does;
 * a write that fails is retried in the background until the store takes it or the key
 * would have expired, and meanwhile retries on this instance are answered from memory.
 */
export function createIdempotent(store: IdempotencyStore, options: IdempotentOptions): IdempotencyGuard {
  const { crypto, logger } = options;
  const deadlineMs = options.storeDeadlineMs ?? 2000;
  const retryFirstMs = options.retryFirstMs ?? 200;
  const retryMaxMs = options.retryMaxMs ?? 5000;
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const pending = new Map<string, PendingWrite>();
  const call = <R>(promise: Promise<R>) => withDeadline(promise, deadlineMs, 'The idempotency store');

  const writeLater = (scoped: string, mutation: string, result: IdempotentResult | null, expiresAt: number) => {
    const write = result ? 'complete' : 'release';
    pending.get(scoped)?.stop();
    const entry: PendingWrite = { result, stop: () => undefined };
    const forget = () => {
      if (pending.get(scoped) === entry) {
        pending.delete(scoped);
      }
    };
    entry.stop = retryInBackground(
      () => call(result ? store.complete(scoped, result, expiresAt) : store.release(scoped)),
      {
        firstMs: retryFirstMs,
        maxMs: retryMaxMs,
        until: expiresAt,
        onError: (error, attempt) =>
          logger.warn({ mutation, write, attempt, reason: reasonOf(error) }, 'idempotency store still failing'),
        onGiveUp: (attempts) => {
          forget();
          logger.error({ mutation, write, attempts }, 'idempotency record given up: its key would have expired');
        },
        onSuccess: (attempts) => {
          forget();
          logger.info({ mutation, write, attempts }, 'idempotency record written after a store fault');
        },
      },
    );
    pending.set(scoped, entry);
  };

  /** Writes the outcome; a fault is logged and retried later, never thrown: the mutation ran. */
  const settle = async (scoped: string, mutation: string, result: IdempotentResult | null, expiresAt: number) => {
    try {
      await call(result ? store.complete(scoped, result, expiresAt) : store.release(scoped));
    } catch (error) {
      logger.warn(
        { mutation, write: result ? 'complete' : 'release', reason: reasonOf(error) },
        'idempotency store failed after the mutation ran; retrying in the background',
      );
      writeLater(scoped, mutation, result, expiresAt);
    }
  };

  /** This instance's record still being written, else the store's answer; SERVICE_UNAVAILABLE when it has none in time. */
  const reserve = async (
    scoped: string,
    mutation: string,
    argumentsHash: string,
    expiresAt: number,
  ): Promise<Reservation> => {
    const local = pending.get(scoped)?.result;
    if (local) {
      // As the store would give it back: through JSON.
      return { reserved: false, existing: JSON.parse(JSON.stringify(local)) as IdempotentResult };
    }
    const reserving = store.reserve(scoped, argumentsHash, expiresAt);
    try {
      return await call(reserving);
    } catch (error) {
      logger.warn({ mutation, reason: reasonOf(error) }, 'idempotency store unavailable; refused before the provider');
      // A reservation that lands after its deadline would hold the key as running,
      // with nothing running, for as long as the key lives.
      reserving.then(
        (late) => (late.reserved ? writeLater(scoped, mutation, null, expiresAt) : undefined),
        () => undefined,
      );
      throw new ServiceUnavailableError();
    }
  };

  const idempotent = async function idempotent<T>(
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
    const scoped = crypto.keyedHash('idempotency key', caller ?? 'anonymous', key);
    const argumentsHash = crypto.keyedHash('idempotency arguments', JSON.stringify([mutation, args]));

    let expiresAt = Date.now() + ttlMs;
    let reservation = await reserve(scoped, mutation, argumentsHash, expiresAt);
    const deadline = Date.now() + WAIT_MS;
    while (!reservation.reserved && reservation.existing.state === 'running' && Date.now() < deadline) {
      if (reservation.existing.argumentsHash !== argumentsHash) {
        break;
      }
      await sleep(50);
      expiresAt = Date.now() + ttlMs;
      reservation = await reserve(scoped, mutation, argumentsHash, expiresAt);
    }
    if (!reservation.reserved) {
      return replay<T>(reservation.existing, argumentsHash);
    }
    // The key was free in the store: a release still pending here has nothing left to do.
    pending.get(scoped)?.stop();
    pending.delete(scoped);

    let data: T;
    try {
      data = await run();
    } catch (error) {
      const kept = error instanceof GatewayError && !RETRYABLE.has(error.code);
      await settle(
        scoped,
        mutation,
        kept
          ? {
              argumentsHash,
              state: 'done',
              error: { code: error.code, message: error.message, extensions: { ...error.extensions } },
            }
          : null,
        expiresAt,
      );
      throw error;
    }
    await settle(scoped, mutation, { argumentsHash, state: 'done', data }, expiresAt);
    return data;
  };

  return Object.assign(idempotent, {
    close() {
      if (pending.size > 0) {
        logger.warn({ records: pending.size }, 'idempotency records not written before shutdown');
      }
      for (const entry of pending.values()) {
        entry.stop();
      }
      pending.clear();
    },
  });
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

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
