import type * as IbanTools from 'ibantools' with { 'resolution-mode': 'require' };

import { BadUserInputError } from '../errors/errors';
import { newEndToEndId } from '../payments/end-to-end-id';
import type { TransferOrder } from '../providers/payments';

// ibantools ships CommonJS for require() but declares its types as ESM only.
const { electronicFormatIBAN, isValidIBAN } = require('ibantools') as typeof IbanTools;

/**
 * The contract's input rules for payments (CONTRACT.md, Input rules), checked before
 * anything goes upstream. Messages never echo the value back.
 */

/** ASCII letters and digits, space, / - ? : ( ) . , ' + and the German umlauts and ß. */
const SEPA_TEXT = /^[A-Za-z0-9 /\-?:().,'+ÄÖÜäöüß]*$/;

export function checkIban(value: string, field = 'iban'): string {
  const compact = electronicFormatIBAN(value) ?? '';
  if (!compact || !isValidIBAN(compact)) {
    throw new BadUserInputError(field, `${field} is not a valid IBAN (country, length and checksum).`);
  }
  return compact;
}

export function checkAmount(value: number, field = 'amount'): number {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new BadUserInputError(field, `${field} must be a whole number of euro cents greater than 0.`);
  }
  return value;
}

export function checkSepaText(value: string | null | undefined, field: string, max: number, min = 0): string | null {
  if (value === null || value === undefined) {
    if (min > 0) {
      throw new BadUserInputError(field, `${field} is required.`);
    }
    return null;
  }
  if ([...value].length > max || [...value].length < min || (min > 0 && !value.trim())) {
    throw new BadUserInputError(
      field,
      min > 0
        ? `${field} must have ${min} to ${max} characters, not only spaces.`
        : `${field} must have at most ${max} characters.`,
    );
  }
  if (!SEPA_TEXT.test(value)) {
    throw new BadUserInputError(
      field,
      `${field} may only hold SEPA characters: letters, digits, space, / - ? : ( ) . , ' + and ÄÖÜäöüß.`,
    );
  }
  return value;
}

export function checkRecipient(value: string): string {
  return checkSepaText(value, 'recipient', 70, 1) as string;
}

export function checkNote(value: string | null | undefined): string | null {
  return checkSepaText(value, 'note', 140);
}

export function checkEndToEndId(value: string | null | undefined): string | null {
  return checkSepaText(value, 'endToEndId', 35);
}

export function checkFuture(value: Date, field: string, now = Date.now()): Date {
  if (!(value.getTime() > now)) {
    throw new BadUserInputError(field, `${field} must be later than now.`);
  }
  return value;
}

/** Today (UTC) or later. */
export function checkNotBeforeToday(value: Date, field: string, now = new Date()): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (value.getTime() < today) {
    throw new BadUserInputError(field, `${field} must be today (UTC) or later.`);
  }
  return value;
}

export function checkNotBefore(
  value: Date | null | undefined,
  earliest: Date,
  field: string,
  other: string,
): Date | null {
  if (!value) {
    return null;
  }
  if (value.getTime() < earliest.getTime()) {
    throw new BadUserInputError(field, `${field} must not be before ${other}.`);
  }
  return value;
}

/** What every new payment order asks for, checked; an end-to-end id made where none was given. */
export function checkTransferOrder(input: {
  recipient: string;
  iban: string;
  amount: number;
  note?: string | null;
  endToEndId?: string | null;
}): TransferOrder {
  return {
    recipient: checkRecipient(input.recipient),
    iban: checkIban(input.iban),
    amount: checkAmount(input.amount),
    note: checkNote(input.note),
    endToEndId: checkEndToEndId(input.endToEndId) ?? newEndToEndId(),
  };
}
