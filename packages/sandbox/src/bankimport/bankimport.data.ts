import { createCounterpartyPool } from '../counterparties';
import { createDraft, type DraftKind } from '../drafts';
import { germanIban } from '../iban';
import { createRandom, type Random } from '../random';
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

/** A bank's HBCI login, as the bank checks it; the secret never leaves this table. */
export interface BankimportHbciLogin {
  bankCode: string;
  username: string;
  secret: string;
  /** Some banks ask for one as well; checked only when the caller sends one. */
  customerNumber: string | null;
  /** The sandbox user whose bank login this is: it reaches that user's accounts at `bankCode`. */
  owner: string;
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

type AccountDefinition = Omit<BankimportAccount, 'iban' | 'currency' | 'accessType'>;

function toAccounts(definitions: readonly AccountDefinition[]): BankimportAccount[] {
  return definitions.map((definition) => ({
    ...definition,
    currency: 'EUR',
    accessType: 'HBCI',
    iban: ibanOf(definition.bankCode, definition.accountNumber, definition.subAccountNumber),
  }));
}

/**
 * alice's two accounts and bob's one; `transactions` is the size of alice's largest, whose
 * ids come last so that every other id stays the same whatever its size.
 */
export function createBankimportAccounts(transactions: number): BankimportAccount[] {
  return toAccounts([
    {
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
  ]);
}

const SAVINGS = 'Tagesgeld';

/**
 * One savings account per HBCI login that Bankimport knows of only once that login is
 * linked (`POST /api/v1/bank-account/hbci`); until then it is nowhere. Their ids sit below
 * everyone else's, so that linking changes no other id. The title is the one linking gives.
 */
export function createUnlinkedBankimportAccounts(): BankimportAccount[] {
  return toAccounts([
    {
      ...DEUTSCHE_BANK,
      id: 7856280,
      owner: 'alice',
      title: null,
      accountNumber: '2345678',
      subAccountNumber: '03',
      lastUpdateAt: '2026-06-30T06:12:09Z',
      accountOwner: 'Alice Example',
      balance: 1873415,
      accountType: SAVINGS,
      transactionCount: 30,
      firstTransactionId: FIRST_BANKIMPORT_TRANSACTION_ID - 100,
    },
    {
      ...DEUTSCHE_BANK,
      id: 7856302,
      owner: 'bob',
      title: null,
      accountNumber: '5566778',
      subAccountNumber: '01',
      lastUpdateAt: '2026-06-29T18:20:44Z',
      accountOwner: 'Bob Example',
      balance: 412000,
      accountType: SAVINGS,
      transactionCount: 28,
      firstTransactionId: FIRST_BANKIMPORT_TRANSACTION_ID - 50,
    },
  ]);
}

/** The demo HBCI logins of the contract; both are at Deutsche Bank. */
export const BANKIMPORT_HBCI_LOGINS: readonly BankimportHbciLogin[] = [
  {
    bankCode: DEUTSCHE_BANK.bankCode,
    username: 'alice',
    secret: 'alice-hbci-pin',
    customerNumber: null,
    owner: 'alice',
  },
  {
    bankCode: DEUTSCHE_BANK.bankCode,
    username: 'bob',
    secret: 'bob-hbci-pin',
    customerNumber: '4711000815',
    owner: 'bob',
  },
];

/** Banks the sandbox can reach over HBCI; any other bank code is unknown. */
export const BANKIMPORT_HBCI_BANK_CODES: ReadonlySet<string> = new Set([
  DEUTSCHE_BANK.bankCode,
  BERLINER_BANK.bankCode,
]);

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

/** What a transaction says, before it gets its id, dates and status. */
type Booking = Pick<
  BankimportTransaction,
  | 'amount'
  | 'purpose'
  | 'counterpartyName'
  | 'counterpartyIban'
  | 'counterpartyBic'
  | 'endToEndReference'
  | 'mandateReference'
  | 'transactionType'
  | 'bookingText'
>;

/** Books one transaction at `ms`, drawing from `random`. */
type Booker = (random: Random, ms: number) => Booking;

/** Everyday banking: cards, debits, rent, salary, from the account's own counterparties. */
function checkingBooker(random: Random): Booker {
  const context = {
    pool: createCounterpartyPool(random),
    rentCents: random.int(700, 1600) * 100,
    salaryCents: random.int(2800, 6100) * 100 + random.int(0, 99),
  };
  return (drafts, ms) => {
    const draft = createDraft(drafts, context, ms);
    const types = TYPES[draft.kind];
    return {
      amount: draft.amountCents,
      purpose: draft.purpose,
      counterpartyName: draft.counterpartyName,
      counterpartyIban: draft.counterpartyIban,
      counterpartyBic: draft.counterpartyBic,
      endToEndReference: draft.kind === 'card' ? null : (draft.endToEndId ?? 'NOTPROVIDED'),
      mandateReference: draft.mandateReference,
      transactionType: types.transactionType,
      bookingText: types.bookingText,
    };
  };
}

/** A Tagesgeld account: savings paid in from the owner's first account, interest, the odd withdrawal. */
function savingsBooker(account: BankimportAccount): Booker {
  const home = createBankimportAccounts(0).find((other) => other.owner === account.owner);
  const own = {
    counterpartyName: account.accountOwner,
    counterpartyIban: home?.iban ?? null,
    counterpartyBic: home?.bic ?? null,
  };
  const transfer = {
    ...own,
    endToEndReference: 'NOTPROVIDED',
    mandateReference: null,
    transactionType: 'SEPA_CREDIT_TRANSFER',
  };
  return (random, ms) => {
    const roll = random.next();
    if (roll < 0.7) {
      const amount = random.int(5, 60) * 1000;
      return { ...transfer, amount, purpose: `Sparrate ${toIsoDate(ms).slice(0, 7)}`, bookingText: 'SEPA-Gutschrift' };
    }
    if (roll < 0.85) {
      return {
        amount: random.int(150, 4800),
        purpose: `Habenzinsen ${toIsoDate(ms).slice(0, 7)}`,
        counterpartyName: account.bankName,
        counterpartyIban: null,
        counterpartyBic: null,
        endToEndReference: null,
        mandateReference: null,
        transactionType: 'INTEREST',
        bookingText: 'Abschluss',
      };
    }
    const amount = -random.int(2, 30) * 5000;
    return { ...transfer, amount, purpose: 'Umbuchung auf Girokonto', bookingText: 'SEPA-Überweisung' };
  };
}

/** `random` is the account's own, so that a booker made again from a fresh one books alike. */
function bookerOf(account: BankimportAccount, random: Random): Booker {
  return account.accountType === SAVINGS ? savingsBooker(account) : checkingBooker(random);
}

/** The account's transactions, oldest first, which is also ascending id and account_date order. */
export function generateBankimportTransactions(account: BankimportAccount): BankimportTransaction[] {
  const random = createRandom(`bankimport:${account.id}`);
  const book = bookerOf(account, random);
  const lastUpdateMs = Date.parse(account.lastUpdateAt);
  const timeline = createTimeline(random, account.transactionCount, spanDaysOf(account.transactionCount), lastUpdateMs);
  const firstPending = account.transactionCount - pendingCountOf(account.transactionCount);
  return timeline.map((ms, index) => {
    const booking = book(random, ms);
    const accountDay = ms + BERLIN_OFFSET_MS;
    const importedMs = Math.min(lastUpdateMs, ms + random.int(1, 30) * HOUR_MS + random.int(0, 3599) * 1000);
    return {
      id: account.firstTransactionId + index,
      bankAccountId: account.id,
      ...booking,
      currency: account.currency,
      accountDate: toIsoDate(accountDay),
      valueDate: toIsoDate(random.chance(0.25) ? accountDay + DAY_MS : accountDay),
      importedAt: toIsoSeconds(importedMs),
      status: index >= firstPending ? 'pending' : 'completed',
    };
  });
}

/**
 * What a forced import finds when it completes at `finishMs`: 1 to 5 new transactions
 * booked then, still pending as the day's bookings are, in the account's own style. The
 * same import id gives the same count and bookings; `nextId` numbers them.
 */
export function generateImportedTransactions(
  account: BankimportAccount,
  importId: number,
  finishMs: number,
  nextId: () => number,
): BankimportTransaction[] {
  const book = bookerOf(account, createRandom(`bankimport:${account.id}`));
  const random = createRandom(`bankimport:import:${importId}`);
  const accountDate = toIsoDate(finishMs + BERLIN_OFFSET_MS);
  return Array.from({ length: random.int(1, 5) }, () => ({
    id: nextId(),
    bankAccountId: account.id,
    ...book(random, finishMs),
    currency: account.currency,
    accountDate,
    valueDate: accountDate,
    importedAt: toIsoSeconds(finishMs),
    status: 'pending',
  }));
}
