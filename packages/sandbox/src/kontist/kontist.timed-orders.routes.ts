import express, { type Router } from 'express';
import { accountFor } from './kontist.account';
import { kontistCallerOf } from './kontist.auth';
import { INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS_STATUS, isCoveredBy } from './kontist.funds';
import { bodyOf, parseDate, parsePayment, tanOf } from './kontist.input';
import { toTimedOrderListItemPayload, toTimedOrderPayload } from './kontist.orders.format';
import { answerOutcome } from './kontist.outcomes';
import type { KontistState } from './kontist.state';

export interface TimedOrderRoutes {
  timedOrders: string;
  timedOrderConfirm: string;
  timedOrderCancel: string;
}

/** Timed orders: created, confirmed with `{"token"}`, then executed when due unless canceled first. */
export function createKontistTimedOrderRouter(state: KontistState, routes: TimedOrderRoutes): Router {
  const router = express.Router();

  router.get(routes.timedOrders, (req, res) => {
    const account = accountFor(req, res, state);
    if (account) {
      res.json(state.timedOrders.scheduledOf(account.id).map(toTimedOrderListItemPayload));
    }
  });

  router.post(routes.timedOrders, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const body = bodyOf(req);
    const payment = parsePayment(body);
    if ('error' in payment) {
      res.status(400).json(payment);
      return;
    }
    const executeAt = parseDate(body.date);
    if (executeAt === undefined) {
      res.status(400).json({ error: 'invalid_date' });
      return;
    }
    if (executeAt <= state.now()) {
      res.status(400).json({ error: 'date_in_past' });
      return;
    }
    // Against the balance now, though the order runs later: one the account cannot cover today is refused up front.
    if (!isCoveredBy(account, payment.value.amount)) {
      res.status(INSUFFICIENT_FUNDS_STATUS).json(INSUFFICIENT_FUNDS);
      return;
    }
    const order = state.timedOrders.create(kontistCallerOf(res).user, account.id, payment.value, executeAt);
    res.json(toTimedOrderPayload(order));
  });

  router.post(routes.timedOrderConfirm, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const tan = tanOf(bodyOf(req), 'token');
    if (tan === undefined) {
      res.status(400).json({ error: 'token_required' });
      return;
    }
    const outcome = state.timedOrders.confirm(account.id, String(req.params.timedOrderId), tan);
    answerOutcome(res, outcome, ({ order }) => toTimedOrderPayload(order));
  });

  router.patch(routes.timedOrderCancel, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const outcome = state.timedOrders.cancel(account.id, String(req.params.timedOrderId));
    answerOutcome(res, outcome, ({ order }) => toTimedOrderPayload(order));
  });

  return router;
}
