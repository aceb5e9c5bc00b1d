import { QueryTooComplexError } from '../errors/limit-errors';

/** Calls left to an operation, by the signal its provider calls carry. */
const budgets = new WeakMap<AbortSignal, { left: number; max: number; requestId?: string }>();

/**
 * Caps the provider calls of one HTTP operation (MAX_UPSTREAM_CALLS): the cost limit
 * bounds what a query selects, this bounds what it makes the gateway do upstream, e.g.
 * the pages behind many aliased connections. The budget rides on the operation's
 * abort signal, which every provider call already carries.
 */
export function limitUpstreamCalls(signal: AbortSignal, max: number, requestId?: string): void {
  budgets.set(signal, { left: max, max, requestId });
}

/** The request id of the operation behind `signal`, for the lines its provider calls log. */
export function requestIdOf(signal: AbortSignal | undefined): string | undefined {
  return signal ? budgets.get(signal)?.requestId : undefined;
}

/**
 * Takes one call from the budget of the operation that `signal` belongs to; past the
 * cap, QUERY_TOO_COMPLEX for the field that needed it (the others keep their data).
 */
export function spendUpstreamCall(signal: AbortSignal | undefined): void {
  const budget = signal && budgets.get(signal);
  if (!budget) {
    return;
  }
  if (budget.left <= 0) {
    throw new QueryTooComplexError('upstreamCalls', budget.max);
  }
  budget.left -= 1;
}

/** Provider calls the operation behind `signal` has made so far. */
export function spentUpstreamCalls(signal: AbortSignal): number {
  const budget = budgets.get(signal);
  return budget ? budget.max - budget.left : 0;
}
