import express, { type Router } from 'express';
import { accountFor } from './kontist.account';
import { kontistCallerOf } from './kontist.auth';
import { INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS_STATUS, isCoveredBy } from './kontist.funds';
import { newTransferId } from './kontist.ids';
import { bodyOf, isSamePayment, parsePayment, tanOf } from './kontist.input';
import { toTransferPayload } from './kontist.orders.format';
import { answerOutcome } from './kontist.outcomes';
import { toEuroText } from './kontist.pending';
import type { KontistState } from './kontist.state';

/** SEPA credit transfers: registered with POST, executed by a PUT of the same payload with the TAN. */
export function createKontistTransferRouter(
  state: KontistState,
  routes: { transfers: string; transfer: string },
): Router {
  const router = express.Router();

  router.post(routes.transfers, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const parsed = parsePayment(bodyOf(req));
    if ('error' in parsed) {
      res.status(400).json(parsed);
      return;
    }
    const payment = parsed.value;
    if (!isCoveredBy(account, payment.amount)) {
      res.status(INSUFFICIENT_FUNDS_STATUS).json(INSUFFICIENT_FUNDS);
      return;
    }
    const id = newTransferId();
    state.transfers.open({
      id,
      accountId: account.id,
      user: kontistCallerOf(res).user,
      purpose: `the transfer of ${toEuroText(payment.amount)} EUR to ${payment.recipient}`,
      payload: payment,
    });
    res.json(toTransferPayload(`/api/accounts/${account.id}/transfer/${id}`, payment, 'confirmation_required'));
  });

  router.put(routes.transfer, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const id = String(req.params.transferId);
    const payment = state.transfers.peek(id, account.id);
    if (!payment) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    const body = bodyOf(req);
    if (!isSamePayment(body, payment)) {
      res.status(400).json({ error: 'payload_mismatch' });
      return;
    }
    const tan = tanOf(body, 'authorizationToken');
    if (tan === undefined) {
      res.status(400).json({ error: 'authorization_token_required' });
      return;
    }
    // Other payments may have lowered the balance since the registration. Checked before the
    // TAN, so that the refusal uses up neither the pending transfer nor an attempt.
    if (!isCoveredBy(account, payment.amount)) {
      res.status(INSUFFICIENT_FUNDS_STATUS).json(INSUFFICIENT_FUNDS);
      return;
    }
    const outcome = state.transfers.confirm(id, account.id, tan);
    answerOutcome(res, outcome, ({ payload }) => {
      state.bookOutgoing(account, payload);
      return toTransferPayload(`/api/accounts/${account.id}/transfer/${id}`, payload, 'accepted');
    });
  });

  return router;
}
