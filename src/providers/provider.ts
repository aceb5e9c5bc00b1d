import type { Money } from '../money';
import type { ProviderName } from './provider-name';

/**
 * The contracts between the schema and the banks. Providers return these
 * provider-neutral records; only mappers inside a bank's folder produce them.
 */

export interface AccountRecord {
  provider: ProviderName;
  providerAccountId: string;
  iban: string | null;
  bic: string | null;
  bankName: string | null;
  bankCode: string | null;
  accountNumber: string | null;
  owner: string | null;
  title: string | null;
  type: string | null;
  currency: string;
  balance: Money | null;
  availableBalance: Money | null;
  lastUpdatedAt: Date | null;
  canInitiatePayments: boolean;
}

export type TransactionStatus = 'BOOKED' | 'PENDING';

export interface TransactionRecord {
  provider: ProviderName;
  providerTransactionId: string;
  providerAccountId: string;
  amount: Money;
  originalAmount: Money | null;
  status: TransactionStatus;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  purpose: string | null;
  endToEndId: string | null;
  mandateNumber: string | null;
  bookingType: string | null;
  paymentMethod: string | null;
  category: string | null;
  bookingDate: Date | null;
  valueDate: Date | null;
}

/** Account filters of the schema, in minor units and Dates. */
export interface AccountFilter {
  bankCode?: string;
  accountNumber?: string;
  lastUpdatedAfter?: Date;
  balanceMin?: number;
  balanceMax?: number;
}

/** Transaction filters of the schema; bounds are inclusive. */
export interface TransactionFilter {
  status?: TransactionStatus;
  amountMin?: number;
  amountMax?: number;
  purpose?: string;
  bookedFrom?: Date;
  bookedTo?: Date;
}

export type TransactionOrder = 'BOOKING_DATE_DESC' | 'BOOKING_DATE_ASC';

/** One upstream call's credentials and cancellation. */
export interface ProviderCall {
  /** The provider credential exactly as the client sent it (CONTRACT.md, Credentials). */
  credential: string;
  signal?: AbortSignal;
}

/** What a provider could filter itself; the gateway applies the rest. */
export interface Filtered<T, F> {
  items: T;
  applied: ReadonlySet<keyof F>;
}

/**
 * A provider's transactions in the asked order (booking date, transactions without
 * one last), already filtered by what `applied` says, read by position.
 */
export interface TransactionSequence {
  readonly applied: ReadonlySet<keyof TransactionFilter>;
  /**
   * Where the provider pages itself: reads smaller than this cost a whole page anyway.
   * Absent where a read of any size is one call.
   */
  pageSize?(): number | undefined;
  /**
   * Items from position `offset` on: at least `count` of them unless the sequence ends
   * first (fewer than `count` means it ends there), and possibly more, where the
   * provider sent more anyway. `total` is the sequence's length where the provider tells.
   */
  read(offset: number, count: number): Promise<{ items: TransactionRecord[]; total: number | null }>;
}

/** A bank whose accounts' transactions the gateway reads (for IMPORTED accounts: those of their imports). */
export interface TransactionSource {
  readonly name: ProviderName;
  transactions(
    call: ProviderCall,
    providerAccountId: string,
    filter: TransactionFilter,
    order: TransactionOrder,
  ): TransactionSequence;
  /**
   * All the caller's transactions at this provider, newest first, where the provider
   * has a single feed for them; absent where the gateway must merge per account.
   */
  feed?(call: ProviderCall, filter: TransactionFilter): TransactionSequence;
  /** One transaction; null where it does not exist or is not the caller's. */
  transaction(
    call: ProviderCall,
    providerAccountId: string,
    providerTransactionId: string,
  ): Promise<TransactionRecord | null>;
}

/** A bank that lists the accounts reachable with per-user credentials (LISTED). */
export interface AccountProvider extends TransactionSource {
  listAccounts(call: ProviderCall, filter: AccountFilter): Promise<Filtered<AccountRecord[], AccountFilter>>;
}
