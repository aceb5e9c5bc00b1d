import { createCounterpartyPool } from '../counterparties';
import { createDraft, type DraftKind } from '../drafts';
import { germanIban } from '../iban';
import { createRandom } from '../random';
import { createTimeline } from '../timeline';
import { DAY_MS, HOUR_MS, toIsoDate, toIsoSeconds } from '../time';

export interface BankimportAccount {
  id: number;
  owner: string;
  title: string | null;
  accountNumber: string;
  subAccountNumber: string | null;
  /** `2026-06-30T11:42:17Z`; no transaction is imported after it. */
  lastUpdateAt: string;
  accountOwner: string;
  currency: string;
  bankName: string;
  bankCode: string;
  /** Euro cents. */
  balance: number;
  accessType: string;
  accountType: string;
  iban: string;
  bic: string;
  transactionCount: number;
  /** Ids run upwards from here, oldest first, so they are distinct across the sandbox. */
  firstTransactionId: number;
}

export interface BankimportTransaction {
  id: number;
  bankAccountId: number;
  /** Euro cents, negative for money leaving the account. */
  amount: number;
  currency: string;
  accountDate: string;
  valueDate: string;
  importedAt: string;
  status: 'pending' | 'completed';
  purpose: string | null;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  endToEndReference: string | null;
  mandateReference: string | null;
  transactionType: string;
  bookingText: string;
}

/** `Authorization: Token token=…` → the demo user. */
export const BANKIMPORT_TOKENS: ReadonlyMap<string, string> = new Map([
  ['sandbox-alice', 'alice'],
  ['sandbox-bob', 'bob'],
]);

export const FIRST_BANKIMPORT_TRANSACTION_ID = 5_000_000;

const DEUTSCHE_BANK = { bankName: 'Deutsche Bank', bankCode: '30070024', bic: 'DEUTDEDBDUE' };
const BERLINER_BANK = { bankName: 'Berliner Bank', bankCode: '10020030', bic: 'BEBEDEBBXXX' };

function ibanOf(bankCode: string, accountNumber: string, subAccountNumber: string | null): string {
  return germanIban(bankCode, `${accountNumber.padStart(8, '0')}${subAccountNumber ?? '00'}`);
}

/**
 * alice's two accounts and bob's one; `transactions` is the size of alice's largest, whose
 * ids come last so that every other id stays the same whatever its size.
 */
export function createBankimportAccounts(transactions: number): BankimportAccount[] {
  const common = { currency: 'EUR', accessType: 'HBCI' };
  const accounts: Array<Omit<BankimportAccount, 'iban'>> = [
    {
      ...common,
      ...DEUTSCHE_BANK,
      id: 7856278,
      owner: 'alice',
      title: 'Girokonto',
      accountNumber: '2345678',
      subAccountNumber: '01',
      lastUpdateAt: '2026-06-30T11:42:17Z',
      accountOwner: 'Alice Example',
      balance: 2432349,
      accountType: 'Kontokorrentkonto',
      transactionCount: transactions,
      firstTransactionId: FIRST_BANKIMPORT_TRANSACTION_ID + 190,
    },
    {
      ...common,
      ...DEUTSCHE_BANK,
      id: 7856279,
      owner: 'alice',
      title: 'SparCard',
      accountNumber: '2345678',
      subAccountNumber: '02',
      lastUpdateAt: '2026-06-29T23:05:41Z',
      accountOwner: 'Alice Example',
      balance: -532321,
      accountType: 'SparCard',
      transactionCount: 150,
      firstTransactionId: FIRST_BANKIMPORT_TRANSACTION_ID,
    },
    {
      ...common,
      ...BERLINER_BANK,
      id: 7856301,
      owner: 'bob',
      title: null,
      accountNumber: '9876543',
      subAccountNumber: null,
      lastUpdateAt: '2026-06-28T07:30:00Z',
      accountOwner: 'Bob Example',
      balance: 871260,
      accountType: 'Girokonto',
      transactionCount: 40,
      firstTransactionId: FIRST_BANKIMPORT_TRANSACTION_ID + 150,
    },
  ];
  return accounts.map((account) => ({
    ...account,
    iban: ibanOf(account.bankCode, account.accountNumber, account.subAccountNumber),
  }));
}

const TYPES: Record<DraftKind, { transactionType: string; bookingText: string }> = {
  card: { transactionType: 'CARD_PAYMENT', bookingText: 'Kartenzahlung' },
  sepa_direct_debit: { transactionType: 'SEPA_DIRECT_DEBIT', bookingText: 'SEPA-Lastschrift' },
  direct_debit: { transactionType: 'SEPA_DIRECT_DEBIT', bookingText: 'Lastschrift' },
  direct_debit_return: { transactionType: 'SEPA_DIRECT_DEBIT_RETURN', bookingText: 'SEPA-Rücklastschrift' },
  transfer_out: { transactionType: 'SEPA_CREDIT_TRANSFER', bookingText: 'SEPA-Überweisung' },
  standing_order_out: { transactionType: 'SEPA_STANDING_ORDER', bookingText: 'Dauerauftrag' },
  transfer_in: { transactionType: 'SEPA_CREDIT_TRANSFER', bookingText: 'SEPA-Gutschrift' },
  salary_in: { transactionType: 'SEPA_CREDIT_TRANSFER', bookingText: 'Lohn/Gehalt' },
};

/** The newest 2% are still pending, as banks show the day's bookings before the night run. */
export function pendingCountOf(transactionCount: number): number {
  return Math.round(transactionCount * 0.02);
}

/** Between one and five years of history, denser for big accounts. */
function spanDaysOf(transactionCount: number): number {
  return Math.min(1825, Math.max(365, Math.round(transactionCount / 3)));
}

const BERLIN_OFFSET_MS = 2 * HOUR_MS;

/** The account's transactions, oldest first, which is also ascending id and account_date order. */
export function generateBankimportTransactions(account: BankimportAccount): BankimportTransaction[] {
  const random = createRandom(`bankimport:${account.id}`);
  const context = {
    pool: createCounterpartyPool(random),
    rentCents: random.int(700, 1600) * 100,
    salaryCents: random.int(2800, 6100) * 100 + random.int(0, 99),
  };
  const lastUpdateMs = Date.parse(account.lastUpdateAt);
  const timeline = createTimeline(random, account.transactionCount, spanDaysOf(account.transactionCount), lastUpdateMs);
  const firstPending = account.transactionCount - pendingCountOf(account.transactionCount);
  return timeline.map((ms, index) => {
    const draft = createDraft(random, context, ms);
    const types = TYPES[draft.kind];
    const accountDay = ms + BERLIN_OFFSET_MS;
    const importedMs = Math.min(lastUpdateMs, ms + random.int(1, 30) * HOUR_MS + random.int(0, 3599) * 1000);
    return {
      id: account.firstTransactionId + index,
      bankAccountId: account.id,
      amount: draft.amountCents,
      currency: account.currency,
      accountDate: toIsoDate(accountDay),
      valueDate: toIsoDate(random.chance(0.25) ? accountDay + DAY_MS : accountDay),
      importedAt: toIsoSeconds(importedMs),
      status: index >= firstPending ? 'pending' : 'completed',
      purpose: draft.purpose,
      counterpartyName: draft.counterpartyName,
      counterpartyIban: draft.counterpartyIban,
      counterpartyBic: draft.counterpartyBic,
      endToEndReference: draft.kind === 'card' ? null : (draft.endToEndId ?? 'NOTPROVIDED'),
      mandateReference: draft.mandateReference,
      transactionType: types.transactionType,
      bookingText: types.bookingText,
    };
  });
}
