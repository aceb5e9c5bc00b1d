import { toOffsetSeconds } from '../time';
import { generateKontistTransactions, type KontistAccount, type KontistTransaction } from './kontist.data';
import type { KontistPayment } from './kontist.input';

/** The accounts' transactions and balances: generated demo history plus what the sandbox books. */
export interface KontistLedger {
  /** In Kontist's list order; generated on first use. */
  transactionsOf(account: KontistAccount): readonly KontistTransaction[];
  /** Books the payment as money leaving the account now, first in its list, and lowers the balance. */
  bookOutgoing(account: KontistAccount, payment: KontistPayment): KontistTransaction;
}

export function createKontistLedger(accounts: readonly KontistAccount[], now: () => number): KontistLedger {
  const transactions = new Map<number, KontistTransaction[]>();
  let nextId = Math.max(...accounts.map((account) => account.firstTransactionId + account.transactionCount));

  const transactionsOf = (account: KontistAccount): KontistTransaction[] => {
    let list = transactions.get(account.id);
    if (!list) {
      list = generateKontistTransactions(account);
      transactions.set(account.id, list);
    }
    return list;
  };

  return {
    transactionsOf,
    bookOutgoing(account, payment) {
      const bookedAt = toOffsetSeconds(now());
      const transaction: KontistTransaction = {
        id: nextId++,
        accountId: account.id,
        amount: -payment.amount,
        type: null,
        category: null,
        name: payment.recipient,
        iban: payment.iban,
        purpose: payment.note,
        e2eId: payment.e2eId,
        bookingDate: bookedAt,
        valutaDate: bookedAt,
        bookingType: 'SEPA_CREDIT_TRANSFER',
        originalAmount: null,
        foreignCurrency: null,
        paymentMethod: 'bank_account',
        mandateNumber: null,
      };
      transactionsOf(account).unshift(transaction);
      account.balance -= payment.amount;
      return transaction;
    },
  };
}
