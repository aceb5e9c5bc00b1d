import { startOfDay } from '../time';
import { newE2eId, newHexId } from './kontist.ids';
import type { KontistPayment } from './kontist.input';
import { toEuroText, type PendingRequests } from './kontist.pending';

export const REOCCURRENCES = ['MONTHLY', 'QUARTERLY', 'EVERY_SIX_MONTHS', 'ANNUALLY'] as const;
export type Reoccurrence = (typeof REOCCURRENCES)[number];

export interface KontistStandingOrder {
  id: number;
  accountId: number;
  status: 'ACTIVE' | 'CANCELED';
  name: string;
  iban: string;
  /** Euro cents sent each time, positive. */
  amount: number;
  description: string | null;
  e2eId: string;
  reoccurrence: Reoccurrence;
  /** Epoch milliseconds. */
  lastExecutionDate: number | null;
  /** Epoch milliseconds, midnight UTC. */
  nextOccurrence: number;
}

export interface NewStandingOrder extends KontistPayment {
  reoccurrence: Reoccurrence;
  firstExecutionDate: number;
  lastExecutionDate: number | null;
}

/** Only these attributes of an ACTIVE standing order can change; an absent one stays. */
export interface StandingOrderChanges {
  amount?: number;
  note?: string | null;
  e2eId?: string;
  reoccurrence?: Reoccurrence;
  lastExecutionDate?: number | null;
}

export type StandingOrderRequest =
  | { kind: 'create'; accountId: number; order: NewStandingOrder }
  | { kind: 'update'; accountId: number; orderId: number; changes: StandingOrderChanges }
  | { kind: 'cancel'; accountId: number; orderId: number };

export type StandingOrderOutcome =
  | { status: 'confirmed'; order: KontistStandingOrder }
  | { status: 'invalid_tan' }
  | { status: 'not_found' }
  | { status: 'not_active' };

/** An account's standing orders and the TAN-guarded requests that create, change and cancel them. */
export interface KontistStandingOrders {
  /** Every status, newest first. */
  listOf(accountId: number): KontistStandingOrder[];
  find(accountId: number, orderId: number): KontistStandingOrder | undefined;
  /** Registers the request, sends its TAN to `user` and answers the request id. */
  request(user: string, request: StandingOrderRequest): string;
  confirm(accountId: number, requestId: string, tan: string): StandingOrderOutcome;
}

function purposeOf(request: StandingOrderRequest, orders: readonly KontistStandingOrder[]): string {
  if (request.kind === 'create') {
    return `the standing order of ${toEuroText(request.order.amount)} EUR to ${request.order.recipient}`;
  }
  const name = orders.find((order) => order.id === request.orderId)?.name ?? '';
  return request.kind === 'update'
    ? `the change of the standing order to ${name}`
    : `the cancelation of the standing order to ${name}`;
}

function applyChanges(order: KontistStandingOrder, changes: StandingOrderChanges): void {
  order.amount = changes.amount ?? order.amount;
  order.description = changes.note === undefined ? order.description : changes.note;
  order.e2eId = changes.e2eId ?? order.e2eId;
  order.reoccurrence = changes.reoccurrence ?? order.reoccurrence;
  order.lastExecutionDate =
    changes.lastExecutionDate === undefined ? order.lastExecutionDate : changes.lastExecutionDate;
}

export function createKontistStandingOrders(
  initial: readonly KontistStandingOrder[],
  pending: PendingRequests<StandingOrderRequest>,
): KontistStandingOrders {
  const orders = initial.map((order) => ({ ...order }));
  let nextId = Math.max(0, ...orders.map((order) => order.id)) + 1;

  const find = (accountId: number, orderId: number): KontistStandingOrder | undefined =>
    orders.find((order) => order.accountId === accountId && order.id === orderId);

  const execute = (request: StandingOrderRequest): StandingOrderOutcome => {
    if (request.kind === 'create') {
      const { order: created, accountId } = request;
      const order: KontistStandingOrder = {
        id: nextId++,
        accountId,
        status: 'ACTIVE',
        name: created.recipient,
        iban: created.iban,
        amount: created.amount,
        description: created.note,
        e2eId: created.e2eId ?? newE2eId(),
        reoccurrence: created.reoccurrence,
        lastExecutionDate: created.lastExecutionDate,
        nextOccurrence: startOfDay(created.firstExecutionDate),
      };
      orders.push(order);
      return { status: 'confirmed', order };
    }
    // Found when it was requested; it may have been canceled by another request since.
    const order = find(request.accountId, request.orderId);
    if (order?.status !== 'ACTIVE') {
      return { status: 'not_active' };
    }
    if (request.kind === 'update') {
      applyChanges(order, request.changes);
    } else {
      order.status = 'CANCELED';
    }
    return { status: 'confirmed', order };
  };

  return {
    listOf: (accountId) => orders.filter((order) => order.accountId === accountId).sort((a, b) => b.id - a.id),
    find,
    request(user, request) {
      const requestId = newHexId();
      pending.open({
        id: requestId,
        accountId: request.accountId,
        user,
        purpose: purposeOf(request, orders),
        payload: request,
      });
      return requestId;
    },
    confirm(accountId, requestId, tan) {
      const outcome = pending.confirm(requestId, accountId, tan);
      return outcome.status === 'confirmed' ? execute(outcome.payload) : outcome;
    },
  };
}
