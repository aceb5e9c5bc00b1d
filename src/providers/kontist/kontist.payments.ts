import type {
  Evidence,
  PaymentProvider,
  PaymentResult,
  PendingPayment,
  StandingOrderChange,
  StandingOrderRecord,
  TransferOrder,
} from '../payments';
import type { AccountProvider, ProviderCall, TransactionRecord } from '../provider';
import type { KontistOrders, StandingOrderBody } from './kontist-orders.client';
import type { KontistTransferRequest } from './kontist-orders.payloads';

/** Transactions looked through for a payment's end-to-end id: the newest, and the unbooked tail. */
const NEWEST = 100;
const TAIL = 50;

const toTransferRequest = (order: TransferOrder): KontistTransferRequest => ({
  recipient: order.recipient,
  iban: order.iban,
  amount: order.amount,
  note: order.note,
  e2eId: order.endToEndId,
});

const toChangeBody = (change: StandingOrderChange): StandingOrderBody => ({
  ...(change.amount !== undefined ? { amount: change.amount } : {}),
  ...(change.note !== undefined ? { note: change.note } : {}),
  ...(change.endToEndId !== undefined ? { e2eId: change.endToEndId } : {}),
  ...(change.reoccurrence !== undefined ? { reoccurrence: change.reoccurrence } : {}),
  ...(change.lastExecutionDate !== undefined ? { lastExecutionDate: change.lastExecutionDate } : {}),
});

const sameDay = (a: Date | null, b: string | undefined) =>
  b === undefined || (a !== null && a.toISOString().slice(0, 10) === b.slice(0, 10));

/** Does the standing order show every attribute the change set? */
function showsChange(order: StandingOrderRecord, change: StandingOrderChange): boolean {
  return (
    (change.amount === undefined || order.amount.minorUnits === change.amount) &&
    (change.note === undefined || order.note === change.note) &&
    (change.endToEndId === undefined || order.endToEndId === change.endToEndId) &&
    (change.reoccurrence === undefined || order.reoccurrence === change.reoccurrence) &&
    sameDay(order.lastExecutionDate, change.lastExecutionDate)
  );
}

/**
 * Kontist's side of the payments contract (kontist-api.md: SEPA Credit Transfers,
 * Standing orders, Timed orders), on its orders client; its transaction list is where
 * executed transfers show.
 */
export function createKontistPayments(orders: KontistOrders, accounts: AccountProvider): PaymentProvider {
  /** A booked or pending transaction carrying the end-to-end id, among the newest and the unbooked tail. */
  const transactionWith = async (
    call: ProviderCall,
    accountId: string,
    endToEndId: string,
  ): Promise<TransactionRecord | undefined> => {
    const sequence = accounts.transactions(call, accountId, {}, 'BOOKING_DATE_DESC');
    const newest = await sequence.read(0, NEWEST);
    const match = newest.items.find((t) => t.endToEndId === endToEndId);
    if (match || newest.total === null || newest.total <= NEWEST) {
      return match;
    }
    const tail = await sequence.read(Math.max(NEWEST, newest.total - TAIL), TAIL);
    return tail.items.find((t) => t.endToEndId === endToEndId);
  };

  return {
    name: 'KONTIST',

    async register(call, accountId, request) {
      switch (request.operation) {
        case 'CREATE_TRANSFER': {
          const { transferId, tokenLength } = await orders.registerTransfer(
            call,
            accountId,
            toTransferRequest(request.order),
          );
          return { reference: transferId, tokenLength };
        }
        case 'CREATE_STANDING_ORDER': {
          const { order } = request;
          const { requestId } = await orders.requestStandingOrder(call, accountId, {
            kind: 'create',
            body: {
              ...toTransferRequest(order),
              reoccurrence: order.reoccurrence,
              firstExecutionDate: order.firstExecutionDate,
              lastExecutionDate: order.lastExecutionDate,
            },
          });
          // Kontist's standing-order answers do not tell the TAN's length.
          return { reference: requestId, tokenLength: null };
        }
        case 'UPDATE_STANDING_ORDER': {
          const { requestId } = await orders.requestStandingOrder(call, accountId, {
            kind: 'update',
            id: request.standingOrder.providerStandingOrderId,
            body: toChangeBody(request.change),
          });
          return { reference: requestId, tokenLength: null };
        }
        case 'CANCEL_STANDING_ORDER': {
          const { requestId } = await orders.requestStandingOrder(call, accountId, {
            kind: 'cancel',
            id: request.standingOrder.providerStandingOrderId,
          });
          return { reference: requestId, tokenLength: null };
        }
        case 'CREATE_TIMED_ORDER': {
          const { order } = request;
          const created = await orders.createTimedOrder(call, accountId, {
            ...toTransferRequest(order),
            date: order.executeAt,
          });
          return { reference: created.providerTimedOrderId, tokenLength: null };
        }
        default: {
          const never: never = request;
          throw new Error(`unknown operation ${JSON.stringify(never)}`);
        }
      }
    },

    async execute(call, accountId, pending, tan): Promise<PaymentResult> {
      switch (pending.operation) {
        case 'CREATE_TRANSFER': {
          // Kontist asks for the exact same payload again, plus the TAN.
          const transfer = await orders.confirmTransfer(
            call,
            accountId,
            pending.reference,
            toTransferRequest(pending.order),
            tan,
          );
          return { kind: 'TRANSFER', transfer };
        }
        case 'CREATE_STANDING_ORDER':
        case 'UPDATE_STANDING_ORDER':
        case 'CANCEL_STANDING_ORDER':
          return {
            kind: 'STANDING_ORDER',
            standingOrder: await orders.confirmStandingOrder(call, accountId, pending.reference, tan),
          };
        case 'CREATE_TIMED_ORDER':
          return {
            kind: 'TIMED_ORDER',
            timedOrder: await orders.confirmTimedOrder(call, accountId, pending.reference, tan),
          };
        default: {
          const never: never = pending;
          throw new Error(`unknown operation ${JSON.stringify(never)}`);
        }
      }
    },

    async findExecuted(call, accountId, pending: PendingPayment): Promise<Evidence | null> {
      switch (pending.operation) {
        case 'CREATE_TRANSFER': {
          const booked = await transactionWith(call, accountId, pending.order.endToEndId);
          return booked ? { result: null } : null;
        }
        case 'CREATE_STANDING_ORDER': {
          const created = (await orders.standingOrders(call, accountId)).find(
            (order) => order.endToEndId === pending.order.endToEndId,
          );
          return created ? { result: { kind: 'STANDING_ORDER', standingOrder: created } } : null;
        }
        case 'UPDATE_STANDING_ORDER':
        case 'CANCEL_STANDING_ORDER': {
          const id = pending.standingOrder.providerStandingOrderId;
          const order = (await orders.standingOrders(call, accountId)).find((o) => o.providerStandingOrderId === id);
          const done =
            order &&
            (pending.operation === 'CANCEL_STANDING_ORDER'
              ? order.status === 'CANCELED'
              : showsChange(order, pending.change));
          return done ? { result: { kind: 'STANDING_ORDER', standingOrder: order } } : null;
        }
        case 'CREATE_TIMED_ORDER': {
          const scheduled = (await orders.timedOrders(call, accountId)).find(
            (order) => order.providerTimedOrderId === pending.reference,
          );
          if (scheduled) {
            return { result: { kind: 'TIMED_ORDER', timedOrder: scheduled } };
          }
          // Kontist lists only SCHEDULED orders: one that already ran shows as a transaction.
          const executed = await transactionWith(call, accountId, pending.order.endToEndId);
          return executed ? { result: null } : null;
        }
        default: {
          const never: never = pending;
          throw new Error(`unknown operation ${JSON.stringify(never)}`);
        }
      }
    },

    standingOrders: (call, accountId) => orders.standingOrders(call, accountId),
    timedOrders: (call, accountId) => orders.timedOrders(call, accountId),
    cancelTimedOrder: (call, accountId, id) => orders.cancelTimedOrder(call, accountId, id),
  };
}
