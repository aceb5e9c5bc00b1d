import type { BankimportAccount, BankimportTransaction } from './bankimport.data';
import type { AccountFilter, TransactionOrder, TransactionQuery } from './bankimport.query';

export function filterAccounts(accounts: readonly BankimportAccount[], filter: AccountFilter): BankimportAccount[] {
  return accounts.filter(
    (account) =>
      (filter.bankCode === undefined || account.bankCode.startsWith(filter.bankCode)) &&
      (filter.accountNumber === undefined || account.accountNumber.startsWith(filter.accountNumber)) &&
      (filter.lastUpdatedAfter === undefined || Date.parse(account.lastUpdateAt) > filter.lastUpdatedAfter) &&
      (filter.balanceMin === undefined || account.balance >= filter.balanceMin) &&
      (filter.balanceMax === undefined || account.balance <= filter.balanceMax),
  );
}

type Comparator = (a: BankimportTransaction, b: BankimportTransaction) => number;

// One comparator per order rather than one reading a field name: sorting 100k
// transactions stays a few tens of milliseconds.
const COMPARATORS: Record<TransactionOrder, Comparator> = {
  account_date: (a, b) => (a.accountDate < b.accountDate ? -1 : a.accountDate > b.accountDate ? 1 : a.id - b.id),
  account_date_desc: (a, b) => (a.accountDate > b.accountDate ? -1 : a.accountDate < b.accountDate ? 1 : b.id - a.id),
  imported_at: (a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id - b.id),
  imported_at_desc: (a, b) => (a.importedAt > b.importedAt ? -1 : a.importedAt < b.importedAt ? 1 : b.id - a.id),
};

/** Ties are broken by id in the same direction. */
export function compareTransactions(order: TransactionOrder): Comparator {
  return COMPARATORS[order];
}

export interface TransactionPage {
  transactions: BankimportTransaction[];
  totalEntries: number;
}

/** `sorted` is already in the query's order; this filters it and cuts out the page. */
export function searchTransactions(sorted: readonly BankimportTransaction[], query: TransactionQuery): TransactionPage {
  const { status, amountMin, amount, amountMax, purpose } = query;
  const unfiltered =
    status === 'any' &&
    amountMin === undefined &&
    amount === undefined &&
    amountMax === undefined &&
    purpose === undefined;
  const matching = unfiltered
    ? sorted
    : sorted.filter(
        (transaction) =>
          (status === 'any' || transaction.status === status) &&
          (amountMin === undefined || transaction.amount >= amountMin) &&
          (amount === undefined || transaction.amount === amount) &&
          (amountMax === undefined || transaction.amount <= amountMax) &&
          (purpose === undefined || (transaction.purpose ?? '').toLowerCase().includes(purpose)),
      );
  const start = (query.page - 1) * query.limit;
  return { transactions: matching.slice(start, start + query.limit), totalEntries: matching.length };
}
