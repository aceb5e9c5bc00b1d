import express, { type Request, type Response, type Router } from 'express';
import { accountFor } from './kontist.account';
import { kontistCallerOf } from './kontist.auth';
import type { KontistAccount } from './kontist.data';
import { bodyOf, tanOf } from './kontist.input';
import { toStandingOrderPayload } from './kontist.orders.format';
import { answerOutcome } from './kontist.outcomes';
import type { KontistStandingOrder } from './kontist.standing-orders';
import { parseNewStandingOrder, parseStandingOrderChanges } from './kontist.standing-orders.input';
import type { KontistState } from './kontist.state';
import type { KontistStandingOrderRequestPayload } from './kontist.wire';

export interface StandingOrderRoutes {
  standingOrders: string;
  standingOrdersConfirm: string;
  standingOrder: string;
  standingOrderCancel: string;
}

/** The `:standingOrderId` order of the account when it is ACTIVE; otherwise answers 404 or 400. */
function activeOrderFor(
  req: Request,
  res: Response,
  state: KontistState,
  account: KontistAccount,
): KontistStandingOrder | undefined {
  const id = String(req.params.standingOrderId);
  const order = /^\d+$/.test(id) ? state.standingOrders.find(account.id, Number(id)) : undefined;
  if (!order) {
    res.status(404).json({ error: 'not_found' });
    return undefined;
  }
  if (order.status !== 'ACTIVE') {
    res.status(400).json({ error: 'standing_order_not_active' });
    return undefined;
  }
  return order;
}

/** Standing orders: creation, update and cancelation each wait for a TAN at `/confirm`. */
export function createKontistStandingOrderRouter(state: KontistState, routes: StandingOrderRoutes): Router {
  const router = express.Router();

  router.get(routes.standingOrders, (req, res) => {
    const account = accountFor(req, res, state);
    if (account) {
      res.json(state.standingOrders.listOf(account.id).map(toStandingOrderPayload));
    }
  });

  router.post(routes.standingOrders, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const parsed = parseNewStandingOrder(bodyOf(req), state.now());
    if ('error' in parsed) {
      res.status(400).json(parsed);
      return;
    }
    const order = parsed.value;
    const requestId = state.standingOrders.request(kontistCallerOf(res).user, {
      kind: 'create',
      accountId: account.id,
      order,
    });
    const answer: KontistStandingOrderRequestPayload = {
      requestId,
      status: 'CONFIRMATION_REQUIRED',
      amount: order.amount,
      recipient: order.recipient,
      iban: order.iban,
      e2eId: order.e2eId,
    };
    res.json(answer);
  });

  // Registered before the `:standingOrderId` routes, though only PATCH uses those.
  router.post(routes.standingOrdersConfirm, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const body = bodyOf(req);
    const tan = tanOf(body, 'authorizationToken');
    if (tan === undefined) {
      res.status(400).json({ error: 'authorization_token_required' });
      return;
    }
    const requestId = typeof body.requestId === 'string' ? body.requestId : '';
    const outcome = state.standingOrders.confirm(account.id, requestId, tan);
    answerOutcome(res, outcome, ({ order }) => toStandingOrderPayload(order));
  });

  router.patch(routes.standingOrder, (req, res) => {
    const account = accountFor(req, res, state);
    const order = account && activeOrderFor(req, res, state, account);
    if (!account || !order) {
      return;
    }
    const parsed = parseStandingOrderChanges(bodyOf(req), order);
    if ('error' in parsed) {
      res.status(400).json(parsed);
      return;
    }
    const changes = parsed.value;
    const requestId = state.standingOrders.request(kontistCallerOf(res).user, {
      kind: 'update',
      accountId: account.id,
      orderId: order.id,
      changes,
    });
    const answer: KontistStandingOrderRequestPayload = {
      requestId,
      status: 'CONFIRMATION_REQUIRED',
      amount: changes.amount ?? order.amount,
      recipient: order.name,
      iban: order.iban,
      e2eId: changes.e2eId ?? order.e2eId,
    };
    res.json(answer);
  });

  router.patch(routes.standingOrderCancel, (req, res) => {
    const account = accountFor(req, res, state);
    const order = account && activeOrderFor(req, res, state, account);
    if (!account || !order) {
      return;
    }
    const requestId = state.standingOrders.request(kontistCallerOf(res).user, {
      kind: 'cancel',
      accountId: account.id,
      orderId: order.id,
    });
    const answer: KontistStandingOrderRequestPayload = { requestId, status: 'CONFIRMATION_REQUIRED' };
    res.json(answer);
  });

  return router;
}
