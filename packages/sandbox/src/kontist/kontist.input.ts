import type { Request } from 'express';
import { toIban } from '../iban';

/** A JSON request body; anything that is not an object reads as an empty one. */
export type Body = Record<string, unknown>;

/** A value read from a body, or the reason it was refused: the `error` of a 400 answer. */
export type Parsed<T> = { value: T } | { error: string };

/** What every Kontist credit transfer carries, whether sent now, regularly or once later. */
export interface KontistPayment {
  recipient: string;
  iban: string;
  /** Euro cents, positive. */
  amount: number;
  note: string | null;
  e2eId: string | null;
}

// The SEPA limits the gateway's contract states for remittance text and end-to-end id.
const NOTE_MAX = 140;
const E2E_ID_MAX = 35;

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

export function bodyOf(req: Request): Body {
  const body: unknown = req.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};
}

/** Compact and upper case, with valid ISO 13616 check digits. */
export function isIban(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value) &&
    toIban(value.slice(0, 2), value.slice(4)) === value
  );
}

export function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** Absent and null both mean none; undefined when the value is neither text within `max` nor none. */
export function optionalText(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null) {
    return null;
  }
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

export function optionalNote(value: unknown): string | null | undefined {
  return optionalText(value, NOTE_MAX);
}

export function optionalE2eId(value: unknown): string | null | undefined {
  return optionalText(value, E2E_ID_MAX);
}

/** An ISO-8601 date, or date and time with a zone, as epoch milliseconds. */
export function parseDate(value: unknown): number | undefined {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) {
    return undefined;
  }
  const [, year, month, day] = match.map(Number);
  const calendarDay = new Date(Date.UTC(year, month - 1, day));
  if (calendarDay.getUTCMonth() !== month - 1 || calendarDay.getUTCDate() !== day) {
    return undefined;
  }
  const ms = Date.parse(value as string);
  return Number.isNaN(ms) ? undefined : ms;
}

export function parsePayment(body: Body): Parsed<KontistPayment> {
  const { recipient, iban, amount } = body;
  if (typeof recipient !== 'string' || recipient.trim() === '') {
    return { error: 'invalid_recipient' };
  }
  if (!isIban(iban)) {
    return { error: 'invalid_iban' };
  }
  if (!isAmount(amount)) {
    return { error: 'invalid_amount' };
  }
  const note = optionalNote(body.note);
  if (note === undefined) {
    return { error: 'invalid_note' };
  }
  const e2eId = optionalE2eId(body.e2eId);
  if (e2eId === undefined) {
    return { error: 'invalid_e2e_id' };
  }
  return { value: { recipient, iban, amount, note, e2eId } };
}

/** Kontist wants "the exact same payload" again on confirmation; an absent note equals a null one. */
export function isSamePayment(body: Body, payment: KontistPayment): boolean {
  return (
    body.recipient === payment.recipient &&
    body.iban === payment.iban &&
    body.amount === payment.amount &&
    (body.note ?? null) === payment.note &&
    (body.e2eId ?? null) === payment.e2eId
  );
}

/** The TAN as text; a number would lose its leading zeros. */
export function tanOf(body: Body, field: string): string | undefined {
  const tan = body[field];
  return typeof tan === 'string' ? tan : undefined;
}
