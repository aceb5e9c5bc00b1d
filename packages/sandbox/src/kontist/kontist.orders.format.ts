import type { KontistPayment } from './kontist.input';
import type { KontistStandingOrder } from './kontist.standing-orders';
import type { KontistTimedOrder } from './kontist.timed-orders';
import type {
  KontistStandingOrderPayload,
  KontistTimedOrderListItemPayload,
  KontistTimedOrderPayload,
  KontistTransferPayload,
} from './kontist.wire';

/** Kontist's TANs have six digits; its transfer answers say so. */
export const TAN_LENGTH = 6;

/** `2019-08-27T00:00:00.000+00:00`, as Kontist writes standing-order dates. */
export function toOffsetMillis(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}+00:00`;
}

export function toTransferPayload(
  self: string,
  payment: KontistPayment,
  status: KontistTransferPayload['status'],
): KontistTransferPayload {
  return {
    status,
    recipient: payment.recipient,
    iban: payment.iban,
    amount: payment.amount,
    note: payment.note,
    e2eId: payment.e2eId,
    meta: { authorizationTokenLength: TAN_LENGTH },
    links: { self },
  };
}

export function toStandingOrderPayload(order: KontistStandingOrder): KontistStandingOrderPayload {
  return {
    id: order.id,
    status: order.status,
    name: order.name,
    iban: order.iban,
    amount: order.amount,
    description: order.description,
    lastExecutionDate: order.lastExecutionDate === null ? null : toOffsetMillis(order.lastExecutionDate),
    reoccurrence: order.reoccurrence,
    e2eId: order.e2eId,
    nextOccurrence: toOffsetMillis(order.nextOccurrence),
  };
}

export function toTimedOrderPayload(order: KontistTimedOrder): KontistTimedOrderPayload {
  return {
    id: order.id,
    execute_at: new Date(order.executeAt).toISOString(),
    executed_at: order.executedAt === null ? null : new Date(order.executedAt).toISOString(),
    status: order.status,
    scheduled_transaction: {
      id: order.transactionId,
      status: order.transactionStatus,
      reference: order.reference,
      description: order.payment.note,
      recipient_iban: order.payment.iban,
      recipient_name: order.payment.recipient,
      recipient_bic: '',
      end_to_end_id: order.payment.e2eId,
      batch_id: null,
      created_at: new Date(order.createdAt).toISOString(),
      amount: { value: order.payment.amount, currency: 'EUR', unit: 'cents' },
    },
  };
}

export function toTimedOrderListItemPayload(order: KontistTimedOrder): KontistTimedOrderListItemPayload {
  return {
    id: order.id,
    recipientName: order.payment.recipient,
    recipientIban: order.payment.iban,
    date: new Date(order.executeAt).toISOString(),
    purpose: order.payment.note,
    amount: -order.payment.amount,
    e2eId: order.payment.e2eId,
    status: 'scheduled',
    type: 'TIMED_ORDER',
  };
}
