import { startOfDay } from '../time';
import {
  isAmount,
  optionalE2eId,
  optionalNote,
  parseDate,
  parsePayment,
  type Body,
  type Parsed,
} from './kontist.input';
import {
  REOCCURRENCES,
  type KontistStandingOrder,
  type NewStandingOrder,
  type Reoccurrence,
  type StandingOrderChanges,
} from './kontist.standing-orders';

function isReoccurrence(value: unknown): value is Reoccurrence {
  return REOCCURRENCES.some((reoccurrence) => reoccurrence === value);
}

/** Absent or null: none; undefined when it is not a date on or after `earliest`. */
function lastExecutionDateOf(value: unknown, earliest: number): number | null | undefined {
  if (value === undefined || value === null) {
    return null;
  }
  const ms = parseDate(value);
  return ms !== undefined && ms >= earliest ? ms : undefined;
}

export function parseNewStandingOrder(body: Body, now: number): Parsed<NewStandingOrder> {
  const payment = parsePayment(body);
  if ('error' in payment) {
    return payment;
  }
  const { reoccurrence } = body;
  if (!isReoccurrence(reoccurrence)) {
    return { error: 'invalid_reoccurrence' };
  }
  const firstExecutionDate = parseDate(body.firstExecutionDate);
  if (firstExecutionDate === undefined) {
    return { error: 'invalid_first_execution_date' };
  }
  if (startOfDay(firstExecutionDate) < startOfDay(now)) {
    return { error: 'first_execution_date_in_past' };
  }
  const lastExecutionDate = lastExecutionDateOf(body.lastExecutionDate, firstExecutionDate);
  if (lastExecutionDate === undefined) {
    return { error: 'invalid_last_execution_date' };
  }
  return { value: { ...payment.value, reoccurrence, firstExecutionDate, lastExecutionDate } };
}

/**
 * Only the attributes Kontist lets change; an absent one stays as it is, a null note or
 * last execution date removes it, and a null end-to-end id stays too: an order always has one.
 */
export function parseStandingOrderChanges(body: Body, order: KontistStandingOrder): Parsed<StandingOrderChanges> {
  const changes: StandingOrderChanges = {};
  if (body.amount !== undefined) {
    if (!isAmount(body.amount)) {
      return { error: 'invalid_amount' };
    }
    changes.amount = body.amount;
  }
  if (body.note !== undefined) {
    const note = optionalNote(body.note);
    if (note === undefined) {
      return { error: 'invalid_note' };
    }
    changes.note = note;
  }
  if (body.e2eId !== undefined && body.e2eId !== null) {
    const e2eId = optionalE2eId(body.e2eId);
    if (typeof e2eId !== 'string') {
      return { error: 'invalid_e2e_id' };
    }
    changes.e2eId = e2eId;
  }
  if (body.reoccurrence !== undefined) {
    if (!isReoccurrence(body.reoccurrence)) {
      return { error: 'invalid_reoccurrence' };
    }
    changes.reoccurrence = body.reoccurrence;
  }
  if (body.lastExecutionDate !== undefined) {
    const lastExecutionDate = lastExecutionDateOf(body.lastExecutionDate, order.nextOccurrence);
    if (lastExecutionDate === undefined) {
      return { error: 'invalid_last_execution_date' };
    }
    changes.lastExecutionDate = lastExecutionDate;
  }
  return Object.keys(changes).length === 0 ? { error: 'nothing_to_update' } : { value: changes };
}
