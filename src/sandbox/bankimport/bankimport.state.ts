import {
  BANKIMPORT_TOKENS,
  createBankimportAccounts,
  generateBankimportTransactions,
  type BankimportAccount,
  type BankimportTransaction,
} from './bankimport.data';
import type { TransactionOrder } from './bankimport.query';
import { compareTransactions } from './bankimport.search';

export interface BankimportStateOptions {
  /** Transactions in alice's largest account. */
  transactions: number;
  /** How long a forced import takes. */
  importMs: number;
}

/** Everything one sandbox's Bankimport knows; the routes share it, no two sandboxes do. */
export interface BankimportState {
  readonly importMs: number;
  userOfToken(token: string): string | undefined;
  accountsOf(user: string): BankimportAccount[];
  /** An account of that user, or undefined when it is unknown or someone else's. */
  accountOf(user: string, accountId: number): BankimportAccount | undefined;
  /** Oldest first (ascending id); generated on first use. */
  transactionsOf(account: BankimportAccount): readonly BankimportTransaction[];
  /** The accounts' transactions merged in `order`; cached until the accounts change. */
  sortedTransactions(accounts: readonly BankimportAccount[], order: TransactionOrder): readonly BankimportTransaction[];
  transactionOf(user: string, transactionId: number): BankimportTransaction | undefined;
  /** For imports: an id above every existing one. */
  nextTransactionId(): number;
  /** Appends transactions newer than all others and drops the cached sorted views. */
  addTransactions(account: BankimportAccount, added: readonly BankimportTransaction[]): void;
}

function findById(transactions: readonly BankimportTransaction[], id: number): BankimportTransaction | undefined {
  let low = 0;
  let high = transactions.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = transactions[middle];
    if (candidate.id === id) {
      return candidate;
    }
    if (candidate.id < id) {
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return undefined;
}

export function createBankimportState(options: BankimportStateOptions): BankimportState {
  const accounts = createBankimportAccounts(options.transactions);
  const transactions = new Map<number, BankimportTransaction[]>();
  const sorted = new Map<string, BankimportTransaction[]>();

  const transactionsOf = (account: BankimportAccount): BankimportTransaction[] => {
    let list = transactions.get(account.id);
    if (!list) {
      list = generateBankimportTransactions(account);
      transactions.set(account.id, list);
    }
    return list;
  };

  let nextId = Math.max(...accounts.map((account) => account.firstTransactionId + account.transactionCount));

  const accountsOf = (user: string): BankimportAccount[] => accounts.filter((account) => account.owner === user);

  return {
    importMs: options.importMs,
    userOfToken: (token) => BANKIMPORT_TOKENS.get(token),
    accountsOf,
    accountOf: (user, accountId) => accounts.find((account) => account.id === accountId && account.owner === user),
    transactionsOf,
    sortedTransactions(selected, order) {
      const key = `${selected.map((account) => account.id).join(',')}:${order}`;
      let list = sorted.get(key);
      if (!list) {
        list = selected.flatMap((account) => transactionsOf(account)).sort(compareTransactions(order));
        sorted.set(key, list);
      }
      return list;
    },
    transactionOf(user, transactionId) {
      for (const account of accountsOf(user)) {
        const found = findById(transactionsOf(account), transactionId);
        if (found) {
          return found;
        }
      }
      return undefined;
    },
    nextTransactionId: () => nextId++,
    addTransactions(account, added) {
      transactionsOf(account).push(...added);
      sorted.clear();
    },
  };
}
