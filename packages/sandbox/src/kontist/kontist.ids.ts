import { randomBytes } from 'node:crypto';

/** 32 lower-case hex digits, as Kontist's request ids are written. */
export function newHexId(): string {
  return randomBytes(16).toString('hex');
}

/** As in `/api/accounts/4711/transfer/f55641811042b9e85989bd57c3718346ctrx`. */
export function newTransferId(): string {
  return `${newHexId()}ctrx`;
}

/** What Kontist fills in when the payer gives no end-to-end id. */
export function newE2eId(): string {
  return `E-${newHexId()}`;
}
