import { toIban } from '../iban';
import { createRandom, type Random } from '../random';
import { DAY_MS, toIsoDate } from '../time';
import { MOCK_BANK_ID, type KontomatikTarget } from './kontomatik.data';

export interface MockOwner {
  externalId?: string;
  name: string;
  email: string;
  nationalId: string;
}

export interface MockTransaction {
  /** `2026-06-29` */
  date: string;
  /** Signed minor units: money leaving the account is negative. */
  amount: number;
  currency: string;
  description: string;
  counterpartyName?: string;
  counterpartyAccount?: string;
  label?: string;
}

export interface MockAccount {
  /** An IBAN. */
  number: string;
  currency: string;
  /** Minor units. */
  balance: number;
  /** Minor units: the balance less today's card payments, which are only reserved yet. */
  availableBalance: number;
  /** Newest first. */
  transactions: MockTransaction[];
}

export interface MockImport {
  owner: MockOwner;
  accounts: MockAccount[];
}

export interface MockImportOptions {
  ownerExternalId?: string;
  /** Epoch day of the oldest transactions wanted. */
  sinceDay: number;
  /** Epoch day the import reads up to. */
  today: number;
}

type AccountKind = 'current' | 'savings' | 'foreign';

interface AccountPlan {
  kind: AccountKind;
  currency: string;
}

const HOME_CURRENCIES: Readonly<Record<string, string>> = { PL: 'PLN', CZ: 'CZK', RO: 'RON' };

/** Amounts below are written in grosze; other currencies scale them by about the exchange rate, in percent. */
const SCALE_PERCENT: Readonly<Record<string, number>> = { PLN: 100, CZK: 550, RON: 115, EUR: 23 };

const BBANS: Readonly<Record<string, (random: Random) => string>> = {
  PL: (random) => `10901014${random.digits(16)}`,
  CZ: (random) => `0800${random.digits(16)}`,
  RO: (random) => `BTRL${random.digits(16)}`,
  ES: (random) => `0049${random.digits(16)}`,
  PT: (random) => `0033${random.digits(17)}`,
  LT: (random) => `73000${random.digits(11)}`,
  LV: (random) => `PARX${random.digits(13)}`,
  EE: (random) => `77${random.digits(14)}`,
};

const OWNERS: Readonly<Record<string, { name: string; email: string }>> = {
  PL: { name: 'Jan Kowalski', email: 'jan.kowalski@example.com' },
  CZ: { name: 'Jana Nováková', email: 'jana.novakova@example.com' },
  RO: { name: 'Andrei Popescu', email: 'andrei.popescu@example.com' },
  ES: { name: 'Lucía García Pérez', email: 'lucia.garcia@example.com' },
  PT: { name: 'João Silva', email: 'joao.silva@example.com' },
  LT: { name: 'Tomas Kazlauskas', email: 'tomas.kazlauskas@example.com' },
  LV: { name: 'Jānis Bērziņš', email: 'janis.berzins@example.com' },
  EE: { name: 'Mari Tamm', email: 'mari.tamm@example.com' },
};

interface Merchant {
  name: string;
  /** Grosze. */
  min: number;
  max: number;
}

// Some names and texts need XML escaping on purpose: `&`, `<`, quotes.
const MERCHANTS: readonly Merchant[] = [
  { name: 'Orlen & Co', min: 12_000, max: 38_000 },
  { name: 'Biedronka', min: 1_500, max: 25_000 },
  { name: 'Żabka', min: 599, max: 4_999 },
  { name: 'Rossmann', min: 1_999, max: 15_999 },
  { name: 'H&M', min: 4_999, max: 29_999 },
  { name: 'IKEA', min: 2_999, max: 89_999 },
  { name: "McDonald's", min: 1_500, max: 6_000 },
  { name: 'Kawiarnia "Pod Arkadami"', min: 900, max: 4_500 },
];

const BILLERS = [
  { name: 'PGE Obrót S.A.', what: 'Electricity', min: 9_000, max: 32_000 },
  { name: 'Orange Polska S.A.', what: 'Phone', min: 4_000, max: 9_000 },
  { name: 'Netia S.A.', what: 'Internet', min: 5_900, max: 8_900 },
  { name: 'Spółdzielnia Mieszkaniowa "Zacisze"', what: 'Rent', min: 90_000, max: 160_000 },
] as const;

const PEOPLE = ['Anna Nowak', 'Piotr Wiśniewski', 'Katarzyna Wójcik', 'Tomasz Lewandowski', 'Magdalena Zielińska'];

const TRANSFER_TITLES = ['Dinner split', 'Concert tickets', 'Birthday gift', 'Holiday & travel', 'Loan repayment'];

const EMPLOYER = 'Acme Software Sp. z o.o.';

function homeCurrencyOf(country: string): string {
  return HOME_CURRENCIES[country] ?? 'EUR';
}

function accountNumber(country: string, random: Random): string {
  const bban = BBANS[country] ?? ((r: Random) => r.digits(20));
  return toIban(country, bban(random));
}

function plansOf(target: KontomatikTarget): AccountPlan[] {
  const home = homeCurrencyOf(target.country);
  if (target.id === MOCK_BANK_ID) {
    return [
      { kind: 'current', currency: home },
      { kind: 'savings', currency: home },
      { kind: 'foreign', currency: 'EUR' },
    ];
  }
  const random = createRandom(`kontomatik:${target.id}:accounts`);
  return random.chance(0.5)
    ? [
        { kind: 'current', currency: home },
        { kind: 'savings', currency: home },
      ]
    : [{ kind: 'current', currency: home }];
}

/** What a transaction is, before it has a date and a currency. */
type Draft = Omit<MockTransaction, 'date' | 'currency'>;

interface AccountContext {
  random: Random;
  country: string;
  /** Grosze to this account's minor units. */
  scale(grosze: number): number;
  cardDigits: string;
  /** The owner's current account, where savings come from. */
  currentAccount: string;
}

function cardPayment(context: AccountContext, merchant: Merchant): Draft {
  return {
    amount: -context.scale(context.random.int(merchant.min, merchant.max)),
    description: `Card payment *${context.cardDigits} ${merchant.name}`,
    counterpartyName: merchant.name,
    label: 'card',
  };
}

function currentAccountDraft(context: AccountContext): Draft {
  const { random, country, scale } = context;
  const roll = random.next();
  if (roll < 0.55) {
    return cardPayment(context, random.pick(MERCHANTS));
  }
  if (roll < 0.67) {
    const biller = random.pick(BILLERS);
    return {
      amount: -scale(random.int(biller.min, biller.max)),
      description: `${biller.what} invoice FV/${random.digits(4)}/${random.int(1, 12)}`,
      counterpartyName: biller.name,
      counterpartyAccount: accountNumber(country, createRandom(`kontomatik:biller:${biller.name}:${country}`)),
      label: 'bills',
    };
  }
  if (roll < 0.8) {
    const incoming = random.chance(0.4);
    const amount = scale(random.int(2_000, 40_000));
    return {
      amount: incoming ? amount : -amount,
      description: random.pick(TRANSFER_TITLES),
      counterpartyName: random.pick(PEOPLE),
      counterpartyAccount: accountNumber(country, random),
      label: 'transfer',
    };
  }
  if (roll < 0.9) {
    return {
      amount: -scale(random.int(2, 20) * 5_000),
      description: `ATM withdrawal ${random.digits(6)}`,
      label: 'cash',
    };
  }
  if (roll < 0.95) {
    return refund(context);
  }
  return {
    amount: scale(random.int(650_000, 950_000)),
    description: 'Salary',
    counterpartyName: EMPLOYER,
    counterpartyAccount: accountNumber(country, createRandom(`kontomatik:employer:${country}`)),
    label: 'salary',
  };
}

function refund(context: AccountContext): Draft {
  return {
    amount: context.scale(context.random.int(2_000, 30_000)),
    description: `Refund for order <${context.random.digits(8)}> & shipping`,
    counterpartyName: 'Allegro.pl sp. z o.o.',
    counterpartyAccount: accountNumber(context.country, createRandom(`kontomatik:allegro:${context.country}`)),
    label: 'refund',
  };
}

function savingsDraft(context: AccountContext): Draft {
  const { random, scale } = context;
  if (random.chance(0.3)) {
    return { amount: scale(random.int(500, 4_000)), description: 'Interest capitalisation', label: 'interest' };
  }
  return {
    amount: scale(random.int(20_000, 150_000)),
    description: 'Transfer to savings',
    counterpartyName: 'Own account',
    counterpartyAccount: context.currentAccount,
    label: 'savings',
  };
}

function foreignDraft(context: AccountContext): Draft {
  const { random } = context;
  if (random.chance(0.5)) {
    return {
      amount: random.int(20_000, 200_000),
      description: `Invoice ${random.int(2024, 2026)}/${random.digits(3)}`,
      counterpartyName: 'Nordic Design AB',
      counterpartyAccount: toIban('SE', `5000${random.digits(16)}`),
      label: 'transfer',
    };
  }
  return cardPayment({ ...context, scale: (cents) => cents }, { name: 'Booking.com', min: 5_000, max: 60_000 });
}

/**
 * Walks back from today, newest first, until `sinceDay`: the same account always yields
 * the same sequence, so a later `since` gives a prefix of what an earlier one gives.
 */
function transactionsOf(plan: AccountPlan, context: AccountContext, options: MockImportOptions): MockTransaction[] {
  const { random } = context;
  const maxDaysAgo = options.today - options.sinceDay;
  const transactions: MockTransaction[] = [];
  const add = (daysAgo: number, draft: Draft): void => {
    transactions.push({ ...draft, date: toIsoDate((options.today - daysAgo) * DAY_MS), currency: plan.currency });
  };
  // The gaps give about 60 current, 8 savings and 4 foreign transactions in 90 days.
  let daysAgo: number;
  switch (plan.kind) {
    case 'current':
      // A few today, two of them sure to need escaping.
      add(0, cardPayment(context, MERCHANTS[0]));
      add(0, refund(context));
      add(0, currentAccountDraft(context));
      for (daysAgo = random.int(0, 1); daysAgo <= maxDaysAgo; daysAgo += random.int(0, 3)) {
        add(daysAgo, currentAccountDraft(context));
      }
      break;
    case 'savings':
      for (daysAgo = random.int(1, 6); daysAgo <= maxDaysAgo; daysAgo += random.int(6, 16)) {
        add(daysAgo, savingsDraft(context));
      }
      break;
    case 'foreign':
      for (daysAgo = random.int(2, 10); daysAgo <= maxDaysAgo; daysAgo += random.int(12, 30)) {
        add(daysAgo, foreignDraft(context));
      }
      break;
    default: {
      const unreachable: never = plan.kind;
      return unreachable;
    }
  }
  return transactions;
}

function balanceRange(kind: AccountKind): [number, number] {
  switch (kind) {
    case 'current':
      return [300_000, 1_800_000];
    case 'savings':
      return [1_000_000, 6_000_000];
    case 'foreign':
      return [50_000, 500_000];
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/**
 * What an import from `target` finds: deterministic per target and account (two imports
 * give the same data), dated back from `today`. KontoBank has a current, a savings and a
 * EUR account; other banks one or two accounts in their country's currency.
 */
export function generateMockImport(target: KontomatikTarget, options: MockImportOptions): MockImport {
  const country = target.country;
  const ownerRandom = createRandom(`kontomatik:${target.id}:owner`);
  const owner: MockOwner = {
    externalId: options.ownerExternalId,
    ...(OWNERS[country] ?? OWNERS.PL),
    nationalId: ownerRandom.digits(11),
  };
  const plans = plansOf(target);
  const numbers = plans.map((plan) =>
    accountNumber(country, createRandom(`kontomatik:${target.id}:${plan.kind}:number`)),
  );
  const accounts = plans.map((plan, index): MockAccount => {
    const label = `kontomatik:${target.id}:${plan.kind}`;
    const percent = SCALE_PERCENT[plan.currency] ?? 100;
    const context: AccountContext = {
      random: createRandom(`${label}:transactions`),
      country,
      scale: plan.kind === 'foreign' ? (cents) => cents : (grosze) => Math.round((grosze * percent) / 100),
      cardDigits: createRandom(`${label}:card`).digits(4),
      currentAccount: numbers[0],
    };
    const transactions = transactionsOf(plan, context, options);
    const [min, max] = balanceRange(plan.kind);
    const balance = context.scale(createRandom(`${label}:balance`).int(min, max));
    const reserved = transactions
      .filter((transaction) => transaction.label === 'card' && transaction.date === toIsoDate(options.today * DAY_MS))
      .reduce((sum, transaction) => sum - transaction.amount, 0);
    return {
      number: numbers[index],
      currency: plan.currency,
      balance,
      availableBalance: balance - reserved,
      transactions,
    };
  });
  return { owner, accounts };
}
