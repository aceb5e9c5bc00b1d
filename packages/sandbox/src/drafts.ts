import type { CounterpartyPool } from './counterparties';
import type { Random } from './random';

/** What happened, before a bank spells it in its own wire format. */
export type DraftKind =
  | 'card'
  | 'sepa_direct_debit'
  | 'direct_debit'
  | 'direct_debit_return'
  | 'transfer_out'
  | 'standing_order_out'
  | 'transfer_in'
  | 'salary_in';

export interface Merchant {
  name: string;
  city: string;
  country: string;
}

export interface Draft {
  kind: DraftKind;
  /** Euro cents, negative for money leaving the account; never 0. */
  amountCents: number;
  counterpartyName: string;
  counterpartyIban: string | null;
  counterpartyBic: string | null;
  purpose: string | null;
  endToEndId: string | null;
  mandateReference: string | null;
  /** Card payments only. */
  merchant: Merchant | null;
  /** Card payments abroad: the amount in minor units of `currency`. */
  foreign: { amountMinor: number; currency: 'CHF' | 'USD' } | null;
}

/** Fixed per account, so that rent and salary repeat as they do in real statements. */
export interface DraftContext {
  pool: CounterpartyPool;
  rentCents: number;
  salaryCents: number;
}

function merchant(name: string, city: string, min: number, max: number, what: string) {
  return { name, city, min, max, purpose: `${what} ${name} ${city}`, place: { name, city, country: 'DE' } };
}

const MERCHANTS = [
  merchant('Coffee Fellows', 'Berlin', 280, 690, 'Coffee at'),
  merchant('Starbucks', 'Hamburg', 350, 790, 'Coffee at'),
  merchant('REWE Markt', 'Berlin', 850, 9800, 'Groceries'),
  merchant('EDEKA Center', 'Muenchen', 620, 7400, 'Groceries'),
  merchant('dm-drogerie markt', 'Karlsruhe', 300, 4500, 'Drugstore'),
  merchant('Amazon EU S.a.r.l.', 'Luxembourg', 1299, 15999, 'Online order'),
  merchant('DB Vertrieb GmbH', 'Frankfurt', 290, 12900, 'Train ticket'),
  merchant('Shell Station', 'Koeln', 3000, 9000, 'Fuel'),
  merchant('Trattoria Da Enzo', 'Berlin', 1800, 8500, 'Dinner at'),
];

/** `rate` only turns a demo foreign amount into whole euro cents; no money value passes through it. */
function foreignMerchant(name: string, city: string, country: string, currency: 'CHF' | 'USD', rate: number) {
  return { name, city, currency, rate, place: { name, city, country } };
}

const FOREIGN_MERCHANTS = [
  foreignMerchant('Migros', 'Zuerich', 'CH', 'CHF', 1.04),
  foreignMerchant('SBB CFF FFS', 'Bern', 'CH', 'CHF', 1.04),
  foreignMerchant('Apple Store', 'New York', 'US', 'USD', 0.92),
  foreignMerchant('Uber *Trip', 'San Francisco', 'US', 'USD', 0.92),
];

const PRIVATE_PURPOSES = [
  'Dinner',
  'Concert tickets',
  'Birthday present',
  'Holiday flat deposit',
  'Coffee money',
  'Flatmate utilities',
];

const WEIGHTS: Array<[DraftKind, number]> = [
  ['card', 38],
  ['sepa_direct_debit', 14],
  ['direct_debit', 4],
  ['direct_debit_return', 2],
  ['transfer_out', 15],
  ['standing_order_out', 4],
  ['transfer_in', 19],
  ['salary_in', 4],
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function pickKind(random: Random): DraftKind {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const [kind, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) {
      return kind;
    }
  }
  return 'card';
}

/** `06/2026` for a purpose line. */
function monthOf(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
}

// Every draft is made here, so all have one shape: V8 keeps 100k of them fast and small.
function draft(
  kind: DraftKind,
  amountCents: number,
  counterparty: { name: string; iban: string | null; bic: string | null },
  purpose: string | null,
  endToEndId: string | null,
  mandateReference: string | null = null,
  merchant: Merchant | null = null,
  foreign: Draft['foreign'] = null,
): Draft {
  return {
    kind,
    amountCents,
    counterpartyName: counterparty.name,
    counterpartyIban: counterparty.iban,
    counterpartyBic: counterparty.bic,
    purpose,
    endToEndId,
    mandateReference,
    merchant,
    foreign,
  };
}

function cardDraft(random: Random): Draft {
  if (random.chance(0.08)) {
    const merchant = random.pick(FOREIGN_MERCHANTS);
    const amountMinor = random.int(300, 25000);
    return draft(
      'card',
      -Math.max(1, Math.round(amountMinor * merchant.rate)),
      { name: merchant.name, iban: null, bic: null },
      `${merchant.name} ${merchant.city}`,
      null,
      null,
      merchant.place,
      { amountMinor, currency: merchant.currency },
    );
  }
  const merchant = random.pick(MERCHANTS);
  return draft(
    'card',
    -random.int(merchant.min, merchant.max),
    { name: merchant.name, iban: null, bic: null },
    merchant.purpose,
    null,
    null,
    merchant.place,
  );
}

/** One demo transaction at `ms`, drawn from the account's own counterparties. */
export function createDraft(random: Random, context: DraftContext, ms: number): Draft {
  const { pool } = context;
  const kind = pickKind(random);
  switch (kind) {
    case 'card':
      return cardDraft(random);
    case 'sepa_direct_debit':
    case 'direct_debit':
    case 'direct_debit_return': {
      const creditor = random.pick(pool.creditors);
      const invoice = `${random.int(2025, 2026)}-${random.digits(6)}`;
      const amount = random.int(creditor.min, creditor.max);
      const returned = kind === 'direct_debit_return';
      return draft(
        kind,
        returned ? amount : -amount,
        creditor,
        returned
          ? `Return debit Invoice ${invoice} ${creditor.short}`
          : `Invoice ${invoice} ${creditor.short} ${monthOf(ms)}`,
        `${creditor.reference}-${random.digits(12)}`,
        `MNDT-${random.digits(4)}-${random.hex(8).toUpperCase()}`,
      );
    }
    case 'transfer_out':
      return draft(
        kind,
        -random.int(1000, 50000),
        random.pick(pool.people),
        random.pick(PRIVATE_PURPOSES),
        random.chance(0.7) ? `E-${random.hex(32)}` : null,
      );
    case 'standing_order_out':
      return draft(
        kind,
        -context.rentCents,
        pool.landlord,
        `Rent ${monthOf(ms)} Kastanienallee 12`,
        `E-${random.hex(32)}`,
      );
    case 'transfer_in':
      if (random.chance(0.6)) {
        return draft(
          kind,
          random.int(15000, 480000),
          random.pick(pool.clients),
          `Invoice ${random.int(2025, 2026)}-${random.digits(4)}`,
          `INV-${random.digits(10)}`,
        );
      }
      return draft(kind, random.int(350, 25000), random.pick(pool.people), random.pick(PRIVATE_PURPOSES), null);
    case 'salary_in':
      return draft(kind, context.salaryCents, pool.employer, `Salary ${monthOf(ms)}`, `SAL-${random.digits(10)}`);
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
