import { randomUUID } from 'node:crypto';
import { toIsoDate } from '../time';
import { newHexId } from './kontist.ids';
import type { KontistPayment } from './kontist.input';
import { toEuroText, type PendingRequests } from './kontist.pending';

export type TimedOrderStatus = 'CONFIRMATION_REQUIRED' | 'SCHEDULED' | 'EXECUTED' | 'CANCELED';

export interface KontistTimedOrder {
  id: string;
  accountId: number;
  status: TimedOrderStatus;
  /** Epoch milliseconds. */
  executeAt: number;
  executedAt: number | null;
  /** The credit transfer the order will make; its end-to-end id is always set. */
  payment: KontistPayment & { e2eId: string };
  transactionId: string;
  transactionStatus: 'scheduled' | 'executed' | 'canceled';
  /** `R-<32 hex>`. */
  reference: string;
  createdAt: number;
}

export type TimedOrderOutcome =
  { status: 'confirmed'; order: KontistTimedOrder } | { status: 'invalid_tan' } | { status: 'not_found' };

export type TimedOrderCancelation =
  { status: 'canceled'; order: KontistTimedOrder } | { status: 'not_scheduled' } | { status: 'not_found' };

/** One-off credit transfers at a set time: TAN-confirmed, then SCHEDULED until they are due. */
export interface KontistTimedOrders {
  /** Registers the order as CONFIRMATION_REQUIRED and sends its TAN to `user`. */
  create(user: string, accountId: number, payment: KontistPayment, executeAt: number): KontistTimedOrder;
  confirm(accountId: number, orderId: string, tan: string): TimedOrderOutcome;
  cancel(accountId: number, orderId: string): TimedOrderCancelation;
  /** SCHEDULED ones only, soonest first. */
  scheduledOf(accountId: number): KontistTimedOrder[];
  /** Executes every SCHEDULED order whose time has come. */
  executeDue(): void;
}

export interface TimedOrdersOptions {
  pending: PendingRequests<KontistTimedOrder>;
  now: () => number;
  /** Books the order's payment on its account. */
  book(order: KontistTimedOrder): void;
}

// setTimeout fires at once for anything longer; a far-off order is re-armed until it is due.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createKontistTimedOrders({ pending, now, book }: TimedOrdersOptions): KontistTimedOrders {
  const orders = new Map<string, KontistTimedOrder>();

  const ownOrder = (accountId: number, orderId: string): KontistTimedOrder | undefined => {
    const order = orders.get(orderId);
    return order?.accountId === accountId ? order : undefined;
  };

  const executeDue = (): void => {
    const at = now();
    const due = [...orders.values()]
      .filter((order) => order.status === 'SCHEDULED' && order.executeAt <= at)
      .sort((a, b) => a.executeAt - b.executeAt);
    for (const order of due) {
      order.status = 'EXECUTED';
      order.executedAt = at;
      order.transactionStatus = 'executed';
      book(order);
    }
  };

  // Reads and writes execute due orders lazily as well; the timer only makes it happen unasked.
  const arm = (order: KontistTimedOrder): void => {
    const timer = setTimeout(
      () => {
        executeDue();
        if (order.status === 'SCHEDULED') {
          arm(order);
        }
      },
      Math.min(Math.max(order.executeAt - now(), 0), MAX_TIMER_MS),
    );
    timer.unref();
  };

  return {
    create(user, accountId, payment, executeAt) {
      const hex = newHexId();
      const order: KontistTimedOrder = {
        id: randomUUID(),
        accountId,
        status: 'CONFIRMATION_REQUIRED',
        executeAt,
        executedAt: null,
        payment: { ...payment, e2eId: payment.e2eId ?? `E-${hex}` },
        transactionId: randomUUID(),
        transactionStatus: 'scheduled',
        reference: `R-${hex}`,
        createdAt: now(),
      };
      pending.open({
        id: order.id,
        accountId,
        user,
        purpose: `the timed order of ${toEuroText(payment.amount)} EUR to ${payment.recipient} on ${toIsoDate(executeAt)}`,
        payload: order,
      });
      return order;
    },
    confirm(accountId, orderId, tan) {
      const outcome = pending.confirm(orderId, accountId, tan);
      if (outcome.status !== 'confirmed') {
        return outcome;
      }
      const order = outcome.payload;
      order.status = 'SCHEDULED';
      orders.set(order.id, order);
      arm(order);
      return { status: 'confirmed', order };
    },
    cancel(accountId, orderId) {
      executeDue();
      const order = ownOrder(accountId, orderId);
      if (!order) {
        return { status: pending.peek(orderId, accountId) ? 'not_scheduled' : 'not_found' };
      }
      if (order.status !== 'SCHEDULED') {
        return { status: 'not_scheduled' };
      }
      order.status = 'CANCELED';
      order.transactionStatus = 'canceled';
      return { status: 'canceled', order };
    },
    scheduledOf(accountId) {
      executeDue();
      return [...orders.values()]
        .filter((order) => order.accountId === accountId && order.status === 'SCHEDULED')
        .sort((a, b) => a.executeAt - b.executeAt);
    },
    executeDue,
  };
}
