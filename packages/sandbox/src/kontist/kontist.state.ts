import { createSmsOutbox, type SmsOutbox } from '../sms';
import { createKontistGrants, type KontistGrants } from './kontist.grants';
import {
  KONTIST_ACCOUNTS,
  KONTIST_STANDING_ORDERS,
  KONTIST_USERS,
  type KontistAccount,
  type KontistTransaction,
  type KontistUser,
} from './kontist.data';
import type { KontistPayment } from './kontist.input';
import { createKontistLedger } from './kontist.ledger';
import { createPendingRequests, type PendingRequests } from './kontist.pending';
import { createKontistStandingOrders, type KontistStandingOrders } from './kontist.standing-orders';
import { createKontistTimedOrders, type KontistTimedOrders } from './kontist.timed-orders';

export interface KontistStateOptions {
  /** Where TANs are sent. @default a fresh outbox */
  sms?: SmsOutbox;
  /** How long a transfer, standing-order request or timed order waits for its TAN. @default 300000 */
  pendingTtlMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** Everything one sandbox's Kontist knows; the routes share it, no two sandboxes do. */
export interface KontistState {
  readonly users: readonly KontistUser[];
  readonly accounts: readonly KontistAccount[];
  readonly grants: KontistGrants;
  now(): number;
  accountsOf(user: string): KontistAccount[];
  /** An account of that user, or undefined when it is unknown or someone else's. */
  accountOf(user: string, accountId: number): KontistAccount | undefined;
  /** In Kontist's list order; generated on first use. */
  transactionsOf(account: KontistAccount): readonly KontistTransaction[];
  /** Books the payment as money leaving the account now, first in its list, and lowers the balance. */
  bookOutgoing(account: KontistAccount, payment: KontistPayment): KontistTransaction;
  /** SEPA credit transfers waiting for their TAN, by transfer id. */
  readonly transfers: PendingRequests<KontistPayment>;
  readonly standingOrders: KontistStandingOrders;
  readonly timedOrders: KontistTimedOrders;
}

export function createKontistState(options: KontistStateOptions = {}): KontistState {
  const now = options.now ?? Date.now;
  const pendingOptions = { sms: options.sms ?? createSmsOutbox(), ttlMs: options.pendingTtlMs ?? 300_000, now };
  const accounts = KONTIST_ACCOUNTS.map((account) => ({ ...account }));
  const ledger = createKontistLedger(accounts, now);
  const accountById = (accountId: number): KontistAccount => {
    const account = accounts.find((candidate) => candidate.id === accountId);
    if (!account) {
      throw new Error(`no Kontist account ${accountId}`);
    }
    return account;
  };
  return {
    users: KONTIST_USERS,
    accounts,
    grants: createKontistGrants(now),
    now,
    accountsOf: (user) => accounts.filter((account) => account.owner === user),
    accountOf: (user, accountId) => accounts.find((account) => account.id === accountId && account.owner === user),
    transactionsOf: ledger.transactionsOf,
    bookOutgoing: ledger.bookOutgoing,
    transfers: createPendingRequests(pendingOptions),
    standingOrders: createKontistStandingOrders(KONTIST_STANDING_ORDERS, createPendingRequests(pendingOptions)),
    timedOrders: createKontistTimedOrders({
      pending: createPendingRequests(pendingOptions),
      now,
      book: (order) => ledger.bookOutgoing(accountById(order.accountId), order.payment),
    }),
  };
}
