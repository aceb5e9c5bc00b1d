import { randomUUID } from 'node:crypto';

import type { Logger } from 'pino';

import { BadUserInputError, NotFoundError, ServiceUnavailableError, type GatewayError } from '../errors/errors';
import { systemClock, type Clock } from '../live/clock';
import { createPoller, type Polled, type Turn } from '../live/poller';
import type { Metrics } from '../ops/metrics';
import type { Evidence, PaymentOperation, PaymentProvider, PaymentRequest, PaymentResult } from '../providers/payments';
import type { AccountRecord, ProviderCall } from '../providers/provider';
import type { ProviderName } from '../providers/provider-name';
import { assumedResult } from './assumed-result';
import type { Confirmation } from './confirmation';
import * as machine from './confirmation-machine';
import { StoreUnavailableError } from '../errors/internal-errors';
import { outcomeOf, type ExecutionOutcome } from './execution-outcome';
import {
  ConfirmationExpiredError,
  ConfirmationUsedError,
  OutcomeUnknownError,
  TanInvalidError,
} from '../errors/payment-errors';
import type { WriteBehindStore } from './write-behind';

/** Tells every instance's watchers each change of a confirmation (pub/sub across instances). */
export interface ConfirmationChanges {
  publish(record: Confirmation): void;
  /** Calls `onChange` with each change of `id` published from now on, in order, until the returned function is called. */
  listen(id: string, onChange: (record: Confirmation) => void): () => void;
}

/**
 * What a `confirmationChanged` subscriber is told: the confirmation at each of its
 * steps, or that the gateway cannot follow it for now (it goes on trying).
 */
export type ConfirmationEvent =
  { kind: 'changed'; confirmation: Confirmation } | { kind: 'unavailable'; reason: string };

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
  clock?: Clock;
  metrics?: Pick<Metrics, 'activePollers'>;
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
  /**
   * The confirmation now (`first`, as its caller found it), then each of its steps in
   * order, until it is settled. With `callFor`, an UNKNOWN one is looked for at the
   * provider whenever a look is due, with the caller's credentials.
   */
  watch(first: Confirmation, callFor?: CallFor): AsyncIterableIterator<ConfirmationEvent>;
  /** Stops sweeping and reconciling; writes what still waits for the store. */
  close(): Promise<void>;
}

/** Longest wait between two looks at a watched confirmation, whatever it waits for. */
const MAX_WATCH_WAIT_MS = 30_000;
/** Timers may fire a millisecond before the clock reaches their time: a look comes this much after. */
const LATE_MS = 10;
/** How long looks at a confirmation may fail before its subscribers are told. */
const UNAVAILABLE_AFTER_MS = 60_000;

/**
 * A confirmation as its poller is keyed: one poller per id on an instance, however many
 * subscribe. `callFor` is the newest caller's, held in memory only.
 */
interface Followed {
  /** The record as whoever asked for the poller found it. */
  record: Confirmation;
  callFor: CallFor | undefined;
}

/** What the subscribers on this instance have been shown of a confirmation. */
interface Shown {
  /** Its newest step. */
  latest: Confirmation;
  /** Whether `latest` was shown as EXPIRED: a step that has no version of its own. */
  expired: boolean;
  /** Stops hearing the changes published by any instance. */
  stopListening: () => void;
}

export function createPayments(options: PaymentsOptions): Payments {
  const { store, providerFor, changes, logger, ttlMs, maxAttempts, executingMs } = options;
  const schedule = options.reconcile ?? machine.DEFAULT_RECONCILE;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
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

  /** A newer version than the subscribers here saw, or the one they saw, now EXPIRED. */
  const isNews = (shown: Shown, record: Confirmation): boolean =>
    record.version > shown.latest.version ||
    (record.version === shown.latest.version && !shown.expired && machine.isExpired(record, now()));

  /**
   * Shows the subscribers here a step if it is news to them, so that they see each one
   * once and in order, whoever found it: this instance's own changes at once, the others'
   * as the pub/sub brings them, and what a look at the store finds that the pub/sub lost.
   */
  const show = (id: string, shown: Shown, record: Confirmation): void => {
    if (isNews(shown, record)) {
      shown.latest = record;
      shown.expired = machine.isExpired(record, now());
      poller.deliver(id, [{ kind: 'changed', confirmation: record }]);
    }
  };

  /** A change this instance made, to every instance's subscribers. */
  const publish = (record: Confirmation): void => {
    changes.publish(record);
    const watched = poller.inspect(record.id);
    if (watched) {
      show(record.id, watched.memo, record);
    }
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
        publish(next);
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

  /** Until the record's next change of its own (expiry, deadline, next look), 30 s at most. */
  const waitFor = (record: Confirmation): number => {
    const at = machine.nextChangeAt(record);
    const ms = at === null ? MAX_WATCH_WAIT_MS : at - now() + LATE_MS;
    // Due, yet unchanged: an UNKNOWN one nobody here has the credentials to look for.
    return ms > 0 ? Math.min(ms, MAX_WATCH_WAIT_MS) : MAX_WATCH_WAIT_MS;
  };

  /**
   * Keeps looking for evidence of an UNKNOWN operation on this instance, with the
   * caller's credentials, until it is found or the reconciliation window ends, whether
   * anyone watches meanwhile or not.
   */
  const follow = (record: Confirmation, callFor: CallFor): void => {
    const { state } = record;
    if (closed || state.status !== 'UNKNOWN' || state.nextCheckAt === null) {
      return;
    }
    const windowEndsAt = state.since + schedule.forMs + MAX_WATCH_WAIT_MS;
    poller.keep({ record, callFor }, windowEndsAt - now(), waitFor(record));
  };

  const callOf = (callFor: CallFor, record: Confirmation): ProviderCall | undefined => {
    try {
      return callFor(record.provider);
    } catch {
      return undefined;
    }
  };

  const catchUp = async (record: Confirmation, callFor?: CallFor): Promise<Confirmation> => {
    let current = record;
    const call = callFor && current.state.status !== 'PENDING' ? callOf(callFor, current) : undefined;
    if (current.state.status === 'EXECUTING' && current.state.deadline <= now()) {
      current = await update(current, (c) => machine.expireClaim(c, now()));
    }
    if (callFor && call && current.state.status === 'UNKNOWN') {
      current = await check(current, call);
      follow(current, callFor);
    }
    return current;
  };

  /**
   * One look at a watched confirmation: read it (where the store cannot say, because it
   * is down or restarted empty, go on from what this instance saw), bring it up to date,
   * and show what is news. Its steps are shown as they are made (`publish`), or as the
   * pub/sub brings them from other instances; the next look is at its next change of its
   * own, 30 s at most.
   */
  const look = async ({ id, key, memo: shown }: Turn<Followed, Shown>): Promise<Polled<ConfirmationEvent>> => {
    const stored = await store.get(id).catch(() => null);
    const known = stored && stored.version >= shown.latest.version ? stored : shown.latest;
    show(id, shown, await catchUp(known, key.callFor));
    return machine.isSettled(shown.latest, now())
      ? { kind: 'ended', events: [] }
      : { kind: 'going', events: [], waitMs: waitFor(shown.latest) };
  };

  const unavailable = (): ConfirmationEvent => ({
    kind: 'unavailable',
    reason: 'The gateway cannot look at this confirmation right now; it goes on trying.',
  });

  const poller = createPoller<Followed, ConfirmationEvent, Shown>({
    kind: 'confirmation',
    idOf: ({ record }) => record.id,
    remember({ record }, id) {
      const shown: Shown = { latest: record, expired: false, stopListening: () => undefined };
      shown.stopListening = changes.listen(id, (change) => show(id, shown, change));
      return shown;
    },
    forget: (shown) => shown.stopListening(),
    poll: look,
    welcome({ id, key, memo: shown }) {
      if (isNews(shown, key.record)) {
        // Newer than what the others here were shown: news to them too.
        show(id, shown, key.record);
        return [];
      }
      return [{ kind: 'changed', confirmation: shown.latest }];
    },
    isLast: (event) => event.kind === 'changed' && machine.isSettled(event.confirmation, now()),
    failures: {
      // Its looks are reads, and compare-and-set writes: none fails for good.
      isFinal: () => false,
      final: unavailable,
      unavailable,
      unavailableAfterMs: UNAVAILABLE_AFTER_MS,
    },
    backoff: { firstMs: 1000, maxMs: MAX_WATCH_WAIT_MS },
    clock,
    logger,
    metrics: options.metrics,
  });

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
    callFor: CallFor,
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
        const checked = await check(lost, callFor(claimed.provider));
        if (checked.state.status === 'CONFIRMED') {
          return checked.state.result;
        }
        follow(checked, callFor);
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
      publish(claimed);
      if (claimed.tokenLength !== null && !new RegExp(`^\\d{${claimed.tokenLength}}$`).test(tan)) {
        // Plainly not the TAN that was sent: counted, but never sent upstream.
        return settle(claimed, claimId, { kind: 'tan-rejected' }, callFor);
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
      return settle(claimed, claimId, outcome, callFor);
    },

    async find(id, callerKey, callFor) {
      return catchUp(await load(id, callerKey), callFor);
    },

    watch(first, callFor) {
      return poller.subscribe({ record: first, callFor: callFor ?? poller.inspect(first.id)?.key.callFor });
    },

    async close() {
      closed = true;
      clearInterval(sweeper);
      await poller.close();
      await store.close();
    },
  };
}
