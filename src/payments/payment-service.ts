import { randomUUID } from 'node:crypto';

import { Repeater } from '@graphql-yoga/subscription';
import type { Logger } from 'pino';

import { BadUserInputError, NotFoundError, ServiceUnavailableError, type GatewayError } from '../errors';
import type { Evidence, PaymentOperation, PaymentProvider, PaymentRequest, PaymentResult } from '../providers/payments';
import type { AccountRecord, ProviderCall } from '../providers/provider';
import type { ProviderName } from '../providers/provider-name';
import { assumedResult } from './assumed-result';
import type { Confirmation } from './confirmation';
import * as machine from './confirmation-machine';
import { StoreUnavailableError } from './confirmation-store';
import { outcomeOf, type ExecutionOutcome } from './execution-outcome';
import {
  ConfirmationExpiredError,
  ConfirmationUsedError,
  OutcomeUnknownError,
  TanInvalidError,
} from './payment-errors';
import type { WriteBehindStore } from './write-behind';

/** Tells every instance's watchers each change of a confirmation (pub/sub across instances). */
export interface ConfirmationChanges {
  publish(record: Confirmation): void;
  /** `next` resolves with the next change of `id`, in order; `close` stops listening. */
  listen(id: string): { next(): Promise<Confirmation | null>; close(): void };
}

export interface PaymentsOptions {
  store: WriteBehindStore;
  providerFor(name: ProviderName): PaymentProvider;
  changes: ConfirmationChanges;
  logger: Logger;
  /** How long a registered operation waits for its TAN. */
  ttlMs: number;
  maxAttempts: number;
  /** How long EXECUTING may last before any instance treats it as UNKNOWN (UPSTREAM_TIMEOUT_MS + 5 s). */
  executingMs: number;
  reconcile?: machine.ReconcileSchedule;
  /** How often overdue EXECUTING records are looked for. @default executingMs / 3, at most 5 s */
  sweepMs?: number;
  now?: () => number;
}

export interface NewPayment {
  callerKey: string;
  account: AccountRecord;
  call: ProviderCall;
  request: PaymentRequest;
}

export interface ConfirmPayment {
  id: string;
  callerKey: string | null;
  /** The operations the calling confirm mutation executes. */
  operations: readonly PaymentOperation[];
  tan: string;
  callFor: CallFor;
}

/** The caller's call to a provider; throws where the caller has no credentials for it. */
export type CallFor = (provider: ProviderName) => ProviderCall;

/**
 * The TAN flow of every payment operation: register (step 1), execute exactly once
 * with the TAN (step 2), and keep telling the truth about the outcome afterwards, under
 * any fault (CONTRACT.md, Payment outcomes).
 */
export interface Payments {
  create(payment: NewPayment): Promise<Confirmation>;
  confirm(payment: ConfirmPayment): Promise<PaymentResult>;
  /**
   * The caller's confirmation, brought up to date: an overdue EXECUTING becomes UNKNOWN,
   * and with `call` an UNKNOWN one is looked for at the provider when it is due.
   * NOT_FOUND for anyone else's, as if it did not exist.
   */
  find(id: string, callerKey: string | null, callFor?: CallFor): Promise<Confirmation>;
  /** The confirmation now, then at every change, until it is settled. */
  watch(first: Confirmation, callerKey: string, callFor?: CallFor): AsyncIterable<Confirmation>;
  /** Stops sweeping and reconciling; writes what still waits for the store. */
  close(): Promise<void>;
}

/** Longest sleep of a watcher between two looks, whatever it waits for. */
const MAX_WATCH_WAIT_MS = 30_000;

export function createPayments(options: PaymentsOptions): Payments {
  const { store, providerFor, changes, logger, ttlMs, maxAttempts, executingMs } = options;
  const schedule = options.reconcile ?? machine.DEFAULT_RECONCILE;
  const now = options.now ?? Date.now;
  const followers = new Map<string, NodeJS.Timeout>();
  let closed = false;

  const storeFault = (error: unknown): never => {
    if (error instanceof StoreUnavailableError) {
      throw new ServiceUnavailableError();
    }
    throw error;
  };

  const load = async (id: string, callerKey: string | null): Promise<Confirmation> => {
    const record = await store.get(id).catch(storeFault);
    if (!record || !callerKey || record.callerKey !== callerKey) {
      throw new NotFoundError('No such confirmation.');
    }
    return record;
  };

  /**
   * Applies one transition and writes it, reading again where another writer got there
   * first. A write the store cannot take now is kept and written later: the transition
   * stands for this instance and its client either way.
   */
  const update = async (
    known: Confirmation,
    transition: (current: Confirmation) => Confirmation | null,
  ): Promise<Confirmation> => {
    let current = known;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const next = transition(current);
      if (!next || next === current) {
        return current;
      }
      const saved = await store.save(next, { version: current.version, orAbsent: true }, randomUUID());
      if (saved !== 'conflict') {
        changes.publish(next);
        return next;
      }
      const reread = await store.get(current.id).catch(() => null);
      if (!reread) {
        return current;
      }
      current = reread;
    }
    return current;
  };

  /** One look for evidence of an UNKNOWN operation, where one is due. */
  const check = async (record: Confirmation, call: ProviderCall): Promise<Confirmation> => {
    const { state } = record;
    if (state.status !== 'UNKNOWN' || state.nextCheckAt === null || state.nextCheckAt > now()) {
      return record;
    }
    let evidence: Evidence | null = null;
    try {
      // A look of its own, not the client's: it must not end when the client goes away.
      evidence = await providerFor(record.provider).findExecuted(
        { credential: call.credential },
        record.providerAccountId,
        record.pending,
      );
    } catch (error) {
      logger.info(
        { confirmationId: record.id, code: (error as Partial<GatewayError>).code },
        'reconciliation look failed; trying again later',
      );
    }
    return update(record, (current) =>
      evidence
        ? machine.found(current, evidence.result ?? assumedResult(current), now())
        : machine.notFound(current, now(), schedule),
    );
  };

  /** Keeps looking for evidence of an UNKNOWN operation on this instance, with the caller's credentials. */
  const follow = (record: Confirmation, call: ProviderCall): void => {
    if (closed || followers.has(record.id)) {
      return;
    }
    const step = (current: Confirmation): void => {
      const at = current.state.status === 'UNKNOWN' ? current.state.nextCheckAt : null;
      if (closed || at === null) {
        followers.delete(current.id);
        return;
      }
      const timer = setTimeout(
        () => {
          void store
            .get(current.id)
            .catch(() => current)
            .then((fresh) => check(fresh ?? current, call))
            .catch(() => current)
            .then(step);
        },
        Math.max(0, at - now()),
      );
      timer.unref();
      followers.set(current.id, timer);
    };
    step(record);
  };

  const catchUp = async (record: Confirmation, callFor?: CallFor): Promise<Confirmation> => {
    let current = record;
    const call = callFor && current.state.status !== 'PENDING' ? callOf(callFor, current) : undefined;
    if (current.state.status === 'EXECUTING' && current.state.deadline <= now()) {
      current = await update(current, (c) => machine.expireClaim(c, now()));
    }
    if (call && current.state.status === 'UNKNOWN') {
      current = await check(current, call);
      follow(current, call);
    }
    return current;
  };

  const callOf = (callFor: CallFor, record: Confirmation): ProviderCall | undefined => {
    try {
      return callFor(record.provider);
    } catch {
      return undefined;
    }
  };

  const refusalOf = (record: Confirmation): GatewayError | null => {
    if (record.state.status !== 'PENDING') {
      return new ConfirmationUsedError(record.state.status);
    }
    return machine.isExpired(record, now()) ? new ConfirmationExpiredError() : null;
  };

  /** Records what the execution call told, and answers the client accordingly. */
  const settle = async (
    claimed: Confirmation,
    claimId: string,
    outcome: ExecutionOutcome,
    call: ProviderCall,
  ): Promise<PaymentResult> => {
    switch (outcome.kind) {
      case 'executed': {
        await update(claimed, (c) => machine.execute(c, claimId, outcome.result, null));
        return outcome.result;
      }
      case 'executed-unreadable': {
        const result = assumedResult(claimed);
        await update(claimed, (c) =>
          machine.execute(
            c,
            claimId,
            result,
            `${claimed.provider} accepted the execution, but its answer could not be read: shown as the pending order held it.`,
          ),
        );
        return result;
      }
      case 'tan-rejected': {
        const next = await update(claimed, (c) => machine.rejectTan(c, claimId));
        throw new TanInvalidError(next.attemptsLeft);
      }
      case 'not-sent':
        await update(claimed, (c) => machine.release(c, claimId));
        throw outcome.error;
      case 'refused':
        await update(claimed, (c) => machine.refuse(c, claimId, outcome.failure));
        throw outcome.error;
      case 'lost': {
        const lost = await update(claimed, (c) => machine.lose(c, claimId, outcome.failure, now()));
        const checked = await check(lost, call);
        if (checked.state.status === 'CONFIRMED') {
          return checked.state.result;
        }
        follow(checked, call);
        throw new OutcomeUnknownError(claimed.provider);
      }
      default: {
        const never: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(never)}`);
      }
    }
  };

  const sweep = async (): Promise<void> => {
    let overdue: string[];
    try {
      overdue = await store.overdue(now());
    } catch {
      return;
    }
    for (const id of overdue) {
      const record = await store.get(id).catch(() => null);
      if (record) {
        await update(record, (c) => machine.expireClaim(c, now()));
      }
    }
  };
  const sweeper = setInterval(() => void sweep(), options.sweepMs ?? Math.min(5000, Math.ceil(executingMs / 3)));
  sweeper.unref();

  return {
    async create({ callerKey, account, call, request }) {
      const provider = providerFor(account.provider);
      // No TAN goes out for an order the gateway could not keep.
      await store.checkWritable().catch(storeFault);
      const { reference, tokenLength } = await provider.register(call, account.providerAccountId, request);
      const record: Confirmation = {
        id: randomUUID(),
        provider: account.provider,
        callerKey,
        providerAccountId: account.providerAccountId,
        pending: { ...request, reference },
        tokenLength,
        expiresAt: now() + ttlMs,
        attemptsLeft: maxAttempts,
        state: { status: 'PENDING' },
        version: 0,
      };
      await store.save(record, { version: null, orAbsent: true }, randomUUID());
      return record;
    },

    async confirm({ id, callerKey, operations, tan, callFor }) {
      const found = await catchUp(await load(id, callerKey));
      if (!operations.includes(found.pending.operation)) {
        throw new BadUserInputError(
          'confirmationId',
          `confirmationId belongs to ${found.pending.operation}, which another confirm mutation executes.`,
        );
      }
      const refusal = refusalOf(found);
      if (refusal) {
        throw refusal;
      }
      const call = callFor(found.provider);
      const claimId = randomUUID();
      const claimed = machine.claim(found, claimId, now(), executingMs) as Confirmation;
      const writer = randomUUID();
      let won: boolean;
      try {
        won = await store.put(claimed, { version: found.version }, writer);
      } catch (error) {
        if (error instanceof StoreUnavailableError) {
          // The claim may still land later (a paused Redis): then this undoes it, in its own name.
          await store.save(
            machine.release(claimed, claimId) as Confirmation,
            { version: claimed.version, writer },
            randomUUID(),
          );
        }
        return storeFault(error);
      }
      if (!won) {
        const current = await store.get(id).catch(storeFault);
        throw (current && refusalOf(current)) ?? new ConfirmationUsedError('EXECUTING');
      }
      changes.publish(claimed);
      if (claimed.tokenLength !== null && !new RegExp(`^\\d{${claimed.tokenLength}}$`).test(tan)) {
        // Plainly not the TAN that was sent: counted, but never sent upstream.
        return settle(claimed, claimId, { kind: 'tan-rejected' }, call);
      }
      let outcome: ExecutionOutcome;
      try {
        const result = await providerFor(claimed.provider).execute(
          call,
          claimed.providerAccountId,
          claimed.pending,
          tan,
        );
        outcome = { kind: 'executed', result };
      } catch (error) {
        outcome = outcomeOf(error);
        if (outcome.kind === 'lost' && !(error instanceof Error && 'code' in error)) {
          logger.error(
            { err: error, confirmationId: id },
            'execution ended in an unexpected error: recorded as UNKNOWN',
          );
        }
      }
      return settle(claimed, claimId, outcome, call);
    },

    async find(id, callerKey, callFor) {
      return catchUp(await load(id, callerKey), callFor);
    },

    watch(first, callerKey, callFor) {
      return new Repeater<Confirmation>(async (push, stop) => {
        const listener = changes.listen(first.id);
        let timer: NodeJS.Timeout | undefined;
        let stopped = false;
        void stop.then(() => {
          stopped = true;
        });
        try {
          let record = first;
          let shown: string | undefined;
          while (!stopped) {
            const key = `${record.version}:${machine.isExpired(record, now())}`;
            if (key !== shown) {
              shown = key;
              await push(record);
            }
            if (machine.isSettled(record, now())) {
              break;
            }
            const at = machine.nextChangeAt(record) ?? Number.POSITIVE_INFINITY;
            const wait = Math.min(MAX_WATCH_WAIT_MS, Math.max(0, at - now()) + 10);
            const event = await Promise.race([
              listener.next(),
              stop.then(() => null),
              new Promise<null>((resolve) => {
                timer = setTimeout(() => resolve(null), wait);
              }),
            ]);
            clearTimeout(timer);
            if (stopped) {
              break;
            }
            // Each published step is shown as it was, so that no step is skipped;
            // otherwise the record is read again, and brought up to date.
            record =
              event && event.version > record.version ? event : await catchUp(await load(first.id, callerKey), callFor);
          }
          stop();
        } catch (error) {
          stop(error);
        } finally {
          clearTimeout(timer);
          listener.close();
        }
      });
    },

    async close() {
      closed = true;
      clearInterval(sweeper);
      for (const timer of followers.values()) {
        clearTimeout(timer);
      }
      followers.clear();
      await store.close();
    },
  };
}
