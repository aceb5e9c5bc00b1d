import { toIsoSeconds } from '../time';
import {
  BANKIMPORT_TOKENS,
  createBankimportAccounts,
  createUnlinkedBankimportAccounts,
  generateBankimportTransactions,
  generateImportedTransactions,
  type BankimportAccount,
  type BankimportHbciLogin,
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

/** A forced update of one account (`POST /api/v1/bank-account/:id/import`). */
export interface BankimportImport {
  id: number;
  bankAccountId: number;
  /** Epoch ms on a whole second, so that the `estimated_finish_date` on the wire is exact: done then, not before. */
  finishMs: number;
}

/** Import ids run upwards from here, as in the docs' sample. */
export const FIRST_BANKIMPORT_IMPORT_ID = 343833;

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
  /**
   * Makes the login's accounts its owner's; `title` names those that appear now. Returns
   * all of the login's accounts, and whether this call linked it (false when it already was).
   */
  linkHbciLogin(login: BankimportHbciLogin, title: string): { accounts: BankimportAccount[]; linkedNow: boolean };
  /** Starts an import of the account, or returns the one still running for it (`started` false). */
  startImport(account: BankimportAccount, now: number): { running: BankimportImport; started: boolean };
  /**
   * Completes every import whose finish date is at or before `now`, oldest first: 1 to 5 new
   * transactions, the balance moved by their sum, `last_update_at` set to the finish date.
   * Called before every request, so imports complete lazily and without timers.
   */
  settleImports(now: number): void;
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
  const unlinked = createUnlinkedBankimportAccounts();
  const linkedLogins = new Set<string>();
  /** By account id: at most one import runs per account. */
  const running = new Map<number, { entry: BankimportImport; account: BankimportAccount }>();
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

  let nextId = Math.max(
    ...[...accounts, ...unlinked].map((account) => account.firstTransactionId + account.transactionCount),
  );
  const nextTransactionId = (): number => nextId++;
  let nextImportId = FIRST_BANKIMPORT_IMPORT_ID;

  const accountsOf = (user: string): BankimportAccount[] => accounts.filter((account) => account.owner === user);

  const addTransactions = (account: BankimportAccount, added: readonly BankimportTransaction[]): void => {
    transactionsOf(account).push(...added);
    sorted.clear();
  };

  const complete = (entry: BankimportImport, account: BankimportAccount): void => {
    // The history is generated up to last_update_at: it must exist before that moves.
    const added = generateImportedTransactions(account, entry.id, entry.finishMs, nextTransactionId);
    addTransactions(account, added);
    account.balance += added.reduce((sum, transaction) => sum + transaction.amount, 0);
    account.lastUpdateAt = toIsoSeconds(entry.finishMs);
  };

  const settleImports = (now: number): void => {
    const finished = [...running.values()]
      .filter(({ entry }) => entry.finishMs <= now)
      .sort((a, b) => a.entry.finishMs - b.entry.finishMs || a.entry.id - b.entry.id);
    for (const { entry, account } of finished) {
      running.delete(account.id);
      complete(entry, account);
    }
  };

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
    nextTransactionId,
    addTransactions,
    linkHbciLogin(login, title) {
      const key = `${login.bankCode}:${login.username}`;
      const linkedNow = !linkedLogins.has(key);
      linkedLogins.add(key);
      const belongs = (account: BankimportAccount): boolean =>
        account.owner === login.owner && account.bankCode === login.bankCode;
      for (const account of unlinked.filter(belongs)) {
        unlinked.splice(unlinked.indexOf(account), 1);
        accounts.push({ ...account, title });
      }
      return { accounts: accounts.filter(belongs), linkedNow };
    },
    startImport(account, now) {
      settleImports(now);
      const current = running.get(account.id);
      if (current) {
        return { running: current.entry, started: false };
      }
      const started: BankimportImport = {
        id: nextImportId++,
        bankAccountId: account.id,
        finishMs: Math.ceil((now + options.importMs) / 1000) * 1000,
      };
      running.set(account.id, { entry: started, account });
      return { running: started, started: true };
    },
    settleImports,
  };
}
