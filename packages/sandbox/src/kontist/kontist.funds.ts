import type { KontistAccount } from './kontist.data';

/**
 * Kontist does not let a payment overdraw the account. Its docs do not show the refusal;
 * the sandbox answers it as 422 in the shape of its other Kontist errors.
 */
export const INSUFFICIENT_FUNDS_STATUS = 422;

export const INSUFFICIENT_FUNDS = {
  error: 'insufficient_funds',
  message: 'The account balance does not cover this payment.',
} as const;

/** Whether the account's balance now covers a payment of `amount` cents. */
export function isCoveredBy(account: KontistAccount, amount: number): boolean {
  return amount <= account.balance;
}
