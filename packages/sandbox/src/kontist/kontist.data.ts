import { createCounterpartyPool } from '../counterparties';
import { createDraft, type Draft, type DraftKind } from '../drafts';
import { germanIban } from '../iban';
import { createRandom } from '../random';
import { createTimeline } from '../timeline';
import { HOUR_MS, startOfDay, toOffsetSeconds } from '../time';
import type { KontistStandingOrder } from './kontist.standing-orders';

export interface KontistUser {
  name: string;
  bearerToken: string;
  password: string;
}

export interface KontistAccount {
  id: number;
  owner: string;
  iban: string;
  /** Euro cents. */
  balance: number;
  transactionCount: number;
  /** The newest ones are not booked yet. */
  unbookedCount: number;
  /** Ids run upwards from here, oldest first, so they are distinct across the sandbox. */
  firstTransactionId: number;
}

/** Kontist's own transaction, signed: the v2.1 and the legacy formats are both made from it. */
export interface KontistTransaction {
  id: number;
  accountId: number;
  amount: number;
  type: string | null;
  category: string | null;
  name: string | null;
  iban: string | null;
  purpose: string | null;
  e2eId: string | null;
  bookingDate: string | null;
  valutaDate: string | null;
  bookingType: string | null;
  originalAmount: string | null;
  foreignCurrency: string | null;
  paymentMethod: string | null;
  mandateNumber: string | null;
}

const SOLARIS_BANK_CODE = '11010100';

export const KONTIST_USERS: readonly KontistUser[] = [
  { name: 'alice', bearerToken: 'sandbox-alice', password: 'alice-password' },
  { name: 'bob', bearerToken: 'sandbox-bob', password: 'bob-password' },
];

export const KONTIST_ACCOUNTS: readonly KontistAccount[] = [
  {
    id: 4711,
    owner: 'alice',
    iban: germanIban(SOLARIS_BANK_CODE, '1000004711'),
    balance: 1284733,
    transactionCount: 260,
    unbookedCount: 4,
    firstTransactionId: 900000,
  },
  {
    id: 4712,
    owner: 'bob',
    iban: germanIban(SOLARIS_BANK_CODE, '1000004712'),
    balance: 254390,
    transactionCount: 60,
    unbookedCount: 2,
    firstTransactionId: 900260,
  },
];

/** Fixed, so every start shows the same orders: one ACTIVE and one CANCELED for alice, one ACTIVE for bob. */
export const KONTIST_STANDING_ORDERS: readonly KontistStandingOrder[] = [
  {
    id: 6,
    accountId: 4711,
    status: 'ACTIVE',
    name: 'Lena Hoffmann',
    iban: germanIban('10050000', '0613748210'),
    amount: 25000,
    description: 'Studio rent share',
    e2eId: 'E-f36e4f7e16f95f5960ec9fe00d3c0050',
    reoccurrence: 'MONTHLY',
    lastExecutionDate: null,
    nextOccurrence: Date.UTC(2026, 6, 1),
  },
  {
    id: 7,
    accountId: 4711,
    status: 'CANCELED',
    name: 'Urban Sports GmbH',
    iban: germanIban('70150000', '0048123456'),
    amount: 14700,
    description: 'Urban Sports membership',
    e2eId: 'E-81359c56883b508cc891b2d466983e3a',
    reoccurrence: 'QUARTERLY',
    lastExecutionDate: Date.UTC(2026, 2, 31, 20, 11, 2, 109),
    nextOccurrence: Date.UTC(2026, 3, 1),
  },
  {
    id: 8,
    accountId: 4712,
    status: 'ACTIVE',
    name: 'Ruderclub Alster e.V.',
    iban: germanIban('20050550', '1234567890'),
    amount: 18000,
    description: 'Annual membership fee',
    e2eId: 'E-d447d47fb16d5e0dffe7c7894cc643cf',
    reoccurrence: 'ANNUALLY',
    lastExecutionDate: Date.UTC(2030, 11, 31),
    nextOccurrence: Date.UTC(2027, 0, 15),
  },
];

const SPAN_DAYS = 240;
const BERLIN_OFFSET_MS = 2 * HOUR_MS;

const BOOKING_TYPES: Record<DraftKind, string> = {
  card: 'CARD_TRANSACTION',
  sepa_direct_debit: 'SEPA_DIRECT_DEBIT',
  direct_debit: 'DIRECT_DEBIT',
  direct_debit_return: 'SEPA_DIRECT_DEBIT_RETURN',
  transfer_out: 'SEPA_CREDIT_TRANSFER',
  standing_order_out: 'SEPA_CREDIT_TRANSFER',
  transfer_in: 'SEPA_CREDIT_TRANSFER',
  salary_in: 'SEPA_CREDIT_TRANSFER',
};

const CATEGORIES = ['PRIVATE_IN', 'TAX_PAYMENT', 'VAT_PAYMENT'];

/** Kontist dates SEPA bookings at midnight in Berlin (CEST), written in UTC: 22:00 the day before. */
function sepaBookingDate(ms: number): string {
  return toOffsetSeconds(startOfDay(ms + BERLIN_OFFSET_MS) - BERLIN_OFFSET_MS);
}

function toKontistTransaction(
  draft: Draft,
  id: number,
  accountId: number,
  ms: number,
  booked: boolean,
  category: string | null,
): KontistTransaction {
  const card = draft.kind === 'card';
  const bookingDate = booked ? (card ? toOffsetSeconds(ms) : sepaBookingDate(ms)) : null;
  return {
    id,
    accountId,
    amount: draft.amountCents,
    type: null,
    category,
    name: draft.merchant
      ? `${draft.merchant.name}; ${draft.merchant.city}; ${draft.merchant.country}`
      : draft.counterpartyName,
    iban: draft.counterpartyIban,
    purpose: draft.purpose,
    e2eId: draft.endToEndId,
    bookingDate,
    // As in Kontist's own example, card payments carry no valuta date.
    valutaDate: card ? null : bookingDate,
    bookingType: BOOKING_TYPES[draft.kind],
    originalAmount: draft.foreign ? String(draft.foreign.amountMinor) : null,
    foreignCurrency: draft.foreign?.currency ?? null,
    paymentMethod: card ? 'credit_card' : 'bank_account',
    mandateNumber: draft.mandateReference,
  };
}

/**
 * The account's transactions in Kontist's list order: booked ones by booking date, newest
 * first (ties: higher id first), then the unbooked ones, newest first.
 */
export function generateKontistTransactions(account: KontistAccount): KontistTransaction[] {
  const random = createRandom(`kontist:${account.id}`);
  const context = {
    pool: createCounterpartyPool(random),
    rentCents: random.int(950, 1450) * 100,
    salaryCents: random.int(3500, 5200) * 100 + random.int(0, 99),
  };
  const timeline = createTimeline(random, account.transactionCount, SPAN_DAYS);
  const firstUnbooked = account.transactionCount - account.unbookedCount;
  const transactions = timeline.map((ms, index) => {
    const draft = createDraft(random, context, ms);
    const category = random.chance(0.08) ? random.pick(CATEGORIES) : null;
    return toKontistTransaction(
      draft,
      account.firstTransactionId + index,
      account.id,
      ms,
      index < firstUnbooked,
      category,
    );
  });
  return transactions.sort(compareListOrder);
}

function compareListOrder(a: KontistTransaction, b: KontistTransaction): number {
  if (a.bookingDate === null || b.bookingDate === null) {
    return (a.bookingDate === null ? 1 : 0) - (b.bookingDate === null ? 1 : 0) || b.id - a.id;
  }
  return a.bookingDate < b.bookingDate ? 1 : a.bookingDate > b.bookingDate ? -1 : b.id - a.id;
}
