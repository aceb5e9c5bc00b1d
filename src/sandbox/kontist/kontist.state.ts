import { createKontistGrants, type KontistGrants } from './kontist.grants';
import {
  KONTIST_ACCOUNTS,
  KONTIST_USERS,
  generateKontistTransactions,
  type KontistAccount,
  type KontistTransaction,
  type KontistUser,
} from './kontist.data';

/** Everything one sandbox's Kontist knows; the routes share it, no two sandboxes do. */
export interface KontistState {
  readonly users: readonly KontistUser[];
  readonly accounts: readonly KontistAccount[];
  readonly grants: KontistGrants;
  accountsOf(user: string): KontistAccount[];
  /** An account of that user, or undefined when it is unknown or someone else's. */
  accountOf(user: string, accountId: number): KontistAccount | undefined;
  /** In Kontist's list order; generated on first use. */
  transactionsOf(account: KontistAccount): readonly KontistTransaction[];
}

export function createKontistState(): KontistState {
  const accounts = KONTIST_ACCOUNTS.map((account) => ({ ...account }));
  const transactions = new Map<number, KontistTransaction[]>();
  return {
    users: KONTIST_USERS,
    accounts,
    grants: createKontistGrants(),
    accountsOf: (user) => accounts.filter((account) => account.owner === user),
    accountOf: (user, accountId) => accounts.find((account) => account.id === accountId && account.owner === user),
    transactionsOf(account) {
      let list = transactions.get(account.id);
      if (!list) {
        list = generateKontistTransactions(account);
        transactions.set(account.id, list);
      }
      return list;
    },
  };
}
