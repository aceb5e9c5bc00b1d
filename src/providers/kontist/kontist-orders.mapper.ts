import { parseMinorUnits, type Money } from '../../money';
import { parseOptionalDate, parseProviderDate } from '../dates';
import type { StandingOrderRecord, TimedOrderRecord, TransferRecord } from '../payments';
import type {
  KontistStandingOrderPayload,
  KontistTimedOrderListItemPayload,
  KontistTimedOrderPayload,
  KontistTransferPayload,
} from './kontist-orders.payloads';

const CURRENCY = 'EUR';

/** Orders show the amount sent as positive Money, whatever sign the provider's list uses. */
const positive = (cents: number): Money => parseMinorUnits(Math.abs(cents), CURRENCY);

export function toTransfer(raw: KontistTransferPayload, accountId: string, transferId: string): TransferRecord {
  return {
    provider: 'KONTIST',
    providerAccountId: accountId,
    providerTransferId: transferId,
    status: raw.status.toLowerCase() === 'accepted' ? 'ACCEPTED' : 'CONFIRMATION_REQUIRED',
    recipient: raw.recipient,
    iban: raw.iban,
    amount: positive(raw.amount),
    note: raw.note ?? null,
    endToEndId: raw.e2eId ?? null,
  };
}

export function toStandingOrder(raw: KontistStandingOrderPayload, accountId: string): StandingOrderRecord {
  return {
    provider: 'KONTIST',
    providerAccountId: accountId,
    providerStandingOrderId: raw.id,
    status: raw.status,
    recipient: raw.name,
    iban: raw.iban,
    amount: positive(raw.amount),
    note: raw.description ?? null,
    endToEndId: raw.e2eId ?? null,
    reoccurrence: raw.reoccurrence,
    lastExecutionDate: parseOptionalDate(raw.lastExecutionDate),
    nextOccurrence: parseOptionalDate(raw.nextOccurrence),
  };
}

export function toTimedOrder(raw: KontistTimedOrderPayload, accountId: string): TimedOrderRecord {
  const transaction = raw.scheduled_transaction;
  return {
    provider: 'KONTIST',
    providerAccountId: accountId,
    providerTimedOrderId: raw.id,
    status: raw.status,
    recipient: transaction.recipient_name,
    iban: transaction.recipient_iban,
    amount: positive(transaction.amount.value),
    note: transaction.description ?? null,
    endToEndId: transaction.end_to_end_id ?? null,
    executeAt: parseProviderDate(raw.execute_at),
    executedAt: parseOptionalDate(raw.executed_at),
  };
}

/** The list format: only SCHEDULED orders, with negative amounts. */
export function toScheduledTimedOrder(raw: KontistTimedOrderListItemPayload, accountId: string): TimedOrderRecord {
  return {
    provider: 'KONTIST',
    providerAccountId: accountId,
    providerTimedOrderId: raw.id,
    status: 'SCHEDULED',
    recipient: raw.recipientName,
    iban: raw.recipientIban,
    amount: positive(raw.amount),
    note: raw.purpose ?? null,
    endToEndId: raw.e2eId ?? null,
    executeAt: parseProviderDate(raw.date),
    executedAt: null,
  };
}
