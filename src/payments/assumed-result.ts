import { parseMinorUnits } from '../money';
import type { PaymentResult } from '../providers/payments';
import type { Confirmation } from './confirmation';

const euros = (cents: number) => parseMinorUnits(cents, 'EUR');

/**
 * What an executed operation is, as the pending order held it: the result to show when
 * the provider said yes (2xx) with an answer that could not be read.
 */
export function assumedResult({ provider, providerAccountId, pending }: Confirmation): PaymentResult {
  switch (pending.operation) {
    case 'CREATE_TRANSFER': {
      const { order } = pending;
      return {
        kind: 'TRANSFER',
        transfer: {
          provider,
          providerAccountId,
          providerTransferId: pending.reference,
          status: 'ACCEPTED',
          recipient: order.recipient,
          iban: order.iban,
          amount: euros(order.amount),
          note: order.note,
          endToEndId: order.endToEndId,
        },
      };
    }
    case 'CREATE_STANDING_ORDER': {
      const { order } = pending;
      return {
        kind: 'STANDING_ORDER',
        standingOrder: {
          provider,
          providerAccountId,
          // The order's own id is in the answer that could not be read; the request's stands in.
          providerStandingOrderId: pending.reference,
          status: 'ACTIVE',
          recipient: order.recipient,
          iban: order.iban,
          amount: euros(order.amount),
          note: order.note,
          endToEndId: order.endToEndId,
          reoccurrence: order.reoccurrence,
          lastExecutionDate: order.lastExecutionDate ? new Date(order.lastExecutionDate) : null,
          nextOccurrence: new Date(order.firstExecutionDate),
        },
      };
    }
    case 'UPDATE_STANDING_ORDER': {
      const { standingOrder, change } = pending;
      return {
        kind: 'STANDING_ORDER',
        standingOrder: {
          ...standingOrder,
          amount: change.amount !== undefined ? euros(change.amount) : standingOrder.amount,
          note: change.note !== undefined ? change.note : standingOrder.note,
          endToEndId: change.endToEndId !== undefined ? change.endToEndId : standingOrder.endToEndId,
          reoccurrence: change.reoccurrence ?? standingOrder.reoccurrence,
          lastExecutionDate:
            change.lastExecutionDate !== undefined
              ? new Date(change.lastExecutionDate)
              : standingOrder.lastExecutionDate,
        },
      };
    }
    case 'CANCEL_STANDING_ORDER':
      return { kind: 'STANDING_ORDER', standingOrder: { ...pending.standingOrder, status: 'CANCELED' } };
    case 'CREATE_TIMED_ORDER': {
      const { order } = pending;
      return {
        kind: 'TIMED_ORDER',
        timedOrder: {
          provider,
          providerAccountId,
          providerTimedOrderId: pending.reference,
          status: 'SCHEDULED',
          recipient: order.recipient,
          iban: order.iban,
          amount: euros(order.amount),
          note: order.note,
          endToEndId: order.endToEndId,
          executeAt: new Date(order.executeAt),
          executedAt: null,
        },
      };
    }
    default: {
      const never: never = pending;
      throw new Error(`unknown operation ${JSON.stringify(never)}`);
    }
  }
}
