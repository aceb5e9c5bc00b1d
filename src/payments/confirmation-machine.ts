import type { PaymentResult } from '../providers/payments';
import type { Confirmation, Failure } from './confirmation';

/**
 * The TAN flow's state machine: PENDING → EXECUTING → CONFIRMED | FAILED | UNKNOWN,
 * UNKNOWN → CONFIRMED on evidence, PENDING → EXPIRED by time. One pure function per
 * transition; each returns the next record (version + 1), or null where the transition
 * does not apply to the record as it is. Time is passed in.
 */

export interface ReconcileSchedule {
  /** Waits between looks for evidence, the last one repeated. */
  delaysMs: readonly number[];
  /** How long after the answer was lost the gateway keeps looking. */
  forMs: number;
}

/** Right away, then backing off to once a minute, for 15 minutes. */
export const DEFAULT_RECONCILE: ReconcileSchedule = {
  delaysMs: [1000, 2000, 5000, 10_000, 30_000, 60_000],
  forMs: 15 * 60_000,
};

const next = (confirmation: Confirmation, change: Partial<Confirmation>): Confirmation => ({
  ...confirmation,
  ...change,
  version: confirmation.version + 1,
});

export function isExpired(confirmation: Confirmation, now: number): boolean {
  return confirmation.state.status === 'PENDING' && confirmation.expiresAt <= now;
}

/** Nothing will change any more: CONFIRMED, FAILED, EXPIRED, or UNKNOWN no longer looked into. */
export function isSettled(confirmation: Confirmation, now: number): boolean {
  const { state } = confirmation;
  return (
    state.status === 'CONFIRMED' ||
    state.status === 'FAILED' ||
    isExpired(confirmation, now) ||
    (state.status === 'UNKNOWN' && state.nextCheckAt === null)
  );
}

/** PENDING and in time → EXECUTING under `claim` until `deadline`. */
export function claim(confirmation: Confirmation, claimId: string, now: number, executingMs: number) {
  if (confirmation.state.status !== 'PENDING' || isExpired(confirmation, now)) {
    return null;
  }
  return next(confirmation, { state: { status: 'EXECUTING', claim: claimId, deadline: now + executingMs } });
}

/** Is this record EXECUTING under this claim, or UNKNOWN because that claim ran out of time? */
function heldBy(confirmation: Confirmation, claimId: string): boolean {
  const { state } = confirmation;
  return (state.status === 'EXECUTING' && state.claim === claimId) || state.status === 'UNKNOWN';
}

/** The claim is handed back untouched: nothing reached the provider. */
export function release(confirmation: Confirmation, claimId: string) {
  const { state } = confirmation;
  if (state.status !== 'EXECUTING' || state.claim !== claimId) {
    return null;
  }
  return next(confirmation, { state: { status: 'PENDING' } });
}

/** The provider refused the TAN: one attempt less, FAILED when none are left. */
export function rejectTan(confirmation: Confirmation, claimId: string) {
  const { state } = confirmation;
  if (state.status !== 'EXECUTING' || state.claim !== claimId) {
    return null;
  }
  const attemptsLeft = confirmation.attemptsLeft - 1;
  return next(confirmation, {
    attemptsLeft,
    state:
      attemptsLeft > 0
        ? { status: 'PENDING' }
        : { status: 'FAILED', failure: { code: 'TAN_INVALID', message: 'The TAN was wrong too often.' } },
  });
}

/**
 * The provider ran it (any 2xx). Also from UNKNOWN: a slow answer that arrives after
 * the deadline is still the provider's own word.
 */
export function execute(confirmation: Confirmation, claimId: string, result: PaymentResult, detail: string | null) {
  if (!heldBy(confirmation, claimId)) {
    return null;
  }
  return next(confirmation, { state: { status: 'CONFIRMED', result, detail } });
}

/** The provider refused: it did not run. */
export function refuse(confirmation: Confirmation, claimId: string, failure: Failure) {
  if (!heldBy(confirmation, claimId)) {
    return null;
  }
  return next(confirmation, { state: { status: 'FAILED', failure } });
}

/** The answer was lost (timeout, broken connection, 5xx): it may have run. */
export function lose(confirmation: Confirmation, claimId: string, failure: Failure, now: number) {
  const { state } = confirmation;
  if (state.status === 'UNKNOWN') {
    return confirmation;
  }
  if (state.status !== 'EXECUTING' || state.claim !== claimId) {
    return null;
  }
  return next(confirmation, { state: { status: 'UNKNOWN', failure, since: now, checks: 0, nextCheckAt: now } });
}

/** EXECUTING past its deadline: whoever ran it is gone or stuck; it may have run. */
export function expireClaim(confirmation: Confirmation, now: number) {
  const { state } = confirmation;
  if (state.status !== 'EXECUTING' || state.deadline > now) {
    return null;
  }
  return next(confirmation, {
    state: {
      status: 'UNKNOWN',
      failure: {
        code: 'PROVIDER_UNAVAILABLE',
        message: 'The gateway instance executing it stopped answering: it may or may not have run.',
      },
      since: now,
      checks: 0,
      nextCheckAt: now,
    },
  });
}

/** Evidence at the provider: an UNKNOWN operation did run. */
export function found(confirmation: Confirmation, result: PaymentResult, now: number) {
  const { state } = confirmation;
  if (state.status !== 'UNKNOWN') {
    return null;
  }
  const after = Math.max(0, Math.round((now - state.since) / 1000));
  return next(confirmation, {
    state: {
      status: 'CONFIRMED',
      result,
      detail: `The provider's answer was lost; the gateway found the executed operation at the provider ${after} s later.`,
    },
  });
}

/** No evidence this time: look again later, or stop looking once the window is over. */
export function notFound(confirmation: Confirmation, now: number, schedule: ReconcileSchedule) {
  const { state } = confirmation;
  if (state.status !== 'UNKNOWN' || state.nextCheckAt === null) {
    return null;
  }
  const delays = schedule.delaysMs;
  const delay = delays[Math.min(state.checks, delays.length - 1)] ?? 60_000;
  const at = now + delay;
  return next(confirmation, {
    state: {
      ...state,
      checks: state.checks + 1,
      nextCheckAt: at - state.since > schedule.forMs ? null : at,
    },
  });
}

/** When something may next change without anyone acting: expiry, deadline, next look. */
export function nextChangeAt(confirmation: Confirmation): number | null {
  const { state } = confirmation;
  switch (state.status) {
    case 'PENDING':
      return confirmation.expiresAt;
    case 'EXECUTING':
      return state.deadline;
    case 'UNKNOWN':
      return state.nextCheckAt;
    case 'CONFIRMED':
    case 'FAILED':
      return null;
    default: {
      const never: never = state;
      throw new Error(`unknown state ${JSON.stringify(never)}`);
    }
  }
}
