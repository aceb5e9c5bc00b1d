import type { Response } from 'express';

/** How Kontist answers each refusal of a confirm or a cancel (kontist-api.md): status and `error`. */
const REFUSALS = {
  invalid_tan: [400, 'invalid_tan'],
  not_active: [400, 'standing_order_not_active'],
  not_scheduled: [400, 'timed_order_not_scheduled'],
  not_found: [404, 'not_found'],
} as const;

type RefusalStatus = keyof typeof REFUSALS;

/** What a confirm or cancel of a pending transfer or order did. */
export type Outcome = { status: 'confirmed' | 'canceled' } | { status: RefusalStatus };

/**
 * Answers an outcome the way Kontist does: a success with its payload (`ok`), a refusal
 * with its status and error code. One place for every confirm and cancel route.
 */
export function answerOutcome<T extends Outcome>(
  res: Response,
  outcome: T,
  ok: (done: Exclude<T, { status: RefusalStatus }>) => unknown,
): void {
  if (outcome.status in REFUSALS) {
    const [status, error] = REFUSALS[outcome.status as RefusalStatus];
    res.status(status).json({ error });
    return;
  }
  res.json(ok(outcome as Exclude<T, { status: RefusalStatus }>));
}
