import type { Money } from '../money';
import type { ProviderCall } from './provider';
import type { ProviderName } from './provider-name';

/**
 * The payments contract between the gateway's TAN flow (src/payments/) and a bank that
 * moves money. Every operation is registered first (the bank sends a TAN) and executed
 * second, with the TAN. Records here are provider-neutral; a bank's folder maps its
 * wire format to and from them.
 */

/** What a confirmation executes once the TAN is given (the schema's ConfirmationOperation). */
export type PaymentOperation =
  | 'CREATE_TRANSFER'
  | 'CREATE_STANDING_ORDER'
  | 'UPDATE_STANDING_ORDER'
  | 'CANCEL_STANDING_ORDER'
  | 'CREATE_TIMED_ORDER';

export type Reoccurrence = 'MONTHLY' | 'QUARTERLY' | 'EVERY_SIX_MONTHS' | 'ANNUALLY';

/** A SEPA credit transfer as the client asked for it, already checked against the input rules. */
export interface TransferOrder {
  recipient: string;
  /** Electronic format: no spaces, upper case. */
  iban: string;
  /** Euro cents, positive. */
  amount: number;
  note: string | null;
  /** Always set: the gateway makes one where the client gave none, to find the order again. */
  endToEndId: string;
}

export interface StandingOrderOrder extends TransferOrder {
  reoccurrence: Reoccurrence;
  /** ISO-8601. */
  firstExecutionDate: string;
  lastExecutionDate: string | null;
}

/** Only these attributes of an ACTIVE standing order can change. */
export interface StandingOrderChange {
  amount?: number;
  note?: string | null;
  endToEndId?: string | null;
  reoccurrence?: Reoccurrence;
  /** ISO-8601. */
  lastExecutionDate?: string;
}

export interface TimedOrderOrder extends TransferOrder {
  /** ISO-8601. */
  executeAt: string;
}

export interface TransferRecord {
  provider: ProviderName;
  providerAccountId: string;
  providerTransferId: string;
  status: 'CONFIRMATION_REQUIRED' | 'ACCEPTED';
  recipient: string;
  iban: string;
  amount: Money;
  note: string | null;
  endToEndId: string | null;
}

export interface StandingOrderRecord {
  provider: ProviderName;
  providerAccountId: string;
  providerStandingOrderId: string;
  status: 'ACTIVE' | 'CANCELED';
  recipient: string;
  iban: string;
  amount: Money;
  note: string | null;
  endToEndId: string | null;
  reoccurrence: Reoccurrence;
  lastExecutionDate: Date | null;
  nextOccurrence: Date | null;
}

export interface TimedOrderRecord {
  provider: ProviderName;
  providerAccountId: string;
  providerTimedOrderId: string;
  status: 'CONFIRMATION_REQUIRED' | 'SCHEDULED' | 'EXECUTED' | 'CANCELED' | 'FAILED';
  recipient: string;
  iban: string;
  amount: Money;
  note: string | null;
  endToEndId: string | null;
  executeAt: Date;
  executedAt: Date | null;
}

/** One payment operation to register, with everything its execution needs. */
export type PaymentRequest =
  | { operation: 'CREATE_TRANSFER'; order: TransferOrder }
  | { operation: 'CREATE_STANDING_ORDER'; order: StandingOrderOrder }
  | { operation: 'UPDATE_STANDING_ORDER'; standingOrder: StandingOrderRecord; change: StandingOrderChange }
  | { operation: 'CANCEL_STANDING_ORDER'; standingOrder: StandingOrderRecord }
  | { operation: 'CREATE_TIMED_ORDER'; order: TimedOrderOrder };

/** A registered operation waiting for its TAN; `reference` is the bank's id of the request. */
export type PendingPayment = PaymentRequest & { reference: string };

/** What an execution produced. */
export type PaymentResult =
  | { kind: 'TRANSFER'; transfer: TransferRecord }
  | { kind: 'STANDING_ORDER'; standingOrder: StandingOrderRecord }
  | { kind: 'TIMED_ORDER'; timedOrder: TimedOrderRecord };

/** What the provider shows of an execution: what it made, or null where it shows only that it ran. */
export interface Evidence {
  result: PaymentResult | null;
}

export interface Registration {
  reference: string;
  /** Length of the TAN that was sent, where the bank tells. */
  tokenLength: number | null;
}

/** A bank whose accounts can send money in two steps. */
export interface PaymentProvider {
  readonly name: ProviderName;
  /** Registers the operation; the bank sends a TAN. Nothing has moved yet. */
  register(call: ProviderCall, providerAccountId: string, request: PaymentRequest): Promise<Registration>;
  /**
   * Executes a registered operation with its TAN. Throws TanRejectedError for a wrong
   * TAN, UnreadableAnswerError (src/providers/http.ts) for a 2xx whose body cannot be
   * read, and the contract's upstream errors otherwise.
   */
  execute(call: ProviderCall, providerAccountId: string, pending: PendingPayment, tan: string): Promise<PaymentResult>;
  /**
   * Evidence that an execution ran, where the bank shows it (a transfer's end-to-end id
   * among the account's transactions, an order among its orders); null where none is
   * found (yet), which never proves that it did not run.
   */
  findExecuted(call: ProviderCall, providerAccountId: string, pending: PendingPayment): Promise<Evidence | null>;
  standingOrders(call: ProviderCall, providerAccountId: string): Promise<StandingOrderRecord[]>;
  /** Only the SCHEDULED ones where the bank lists no others. */
  timedOrders(call: ProviderCall, providerAccountId: string): Promise<TimedOrderRecord[]>;
  /** Timed orders are canceled without a TAN. */
  cancelTimedOrder(call: ProviderCall, providerAccountId: string, timedOrderId: string): Promise<TimedOrderRecord>;
}
