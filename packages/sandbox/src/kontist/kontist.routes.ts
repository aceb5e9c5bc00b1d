import express, { type Request, type Router } from 'express';
import { paramOf } from '../query';
import { accountFor } from './kontist.account';
import { createKontistAuth, kontistCallerOf } from './kontist.auth';
import type { KontistTransaction } from './kontist.data';
import { toAccountPayload, toLegacyTransactionPayload, toTransactionPayload } from './kontist.format';
import { createKontistOAuthRouter } from './kontist.oauth';
import { createKontistStandingOrderRouter } from './kontist.standing-orders.routes';
import type { KontistState } from './kontist.state';
import { createKontistTimedOrderRouter } from './kontist.timed-orders.routes';
import { createKontistTransferRouter } from './kontist.transfers.routes';
import type {
  KontistLegacyTransactionPayload,
  KontistTransactionPagePayload,
  KontistTransactionPayload,
} from './kontist.wire';

/** Route templates as Kontist's docs write them; the stats count requests under these. */
export const KONTIST_ROUTES = {
  accounts: '/api/accounts',
  transactions: '/api/accounts/:id/transactions',
  transaction: '/api/accounts/:id/transactions/:transactionId',
  transfers: '/api/accounts/:id/transfer',
  transfer: '/api/accounts/:id/transfer/:transferId',
  standingOrders: '/api/accounts/:id/standing-orders',
  // Before `standingOrder`: the stats take the first template that matches.
  standingOrdersConfirm: '/api/accounts/:id/standing-orders/confirm',
  standingOrder: '/api/accounts/:id/standing-orders/:standingOrderId',
  standingOrderCancel: '/api/accounts/:id/standing-orders/:standingOrderId/cancel',
  timedOrders: '/api/accounts/:id/timed-orders',
  timedOrderConfirm: '/api/accounts/:id/timed-orders/:timedOrderId/confirm',
  timedOrderCancel: '/api/accounts/:id/timed-orders/:timedOrderId/cancel',
  authorize: '/api/oauth/authorize',
  token: '/api/oauth/token',
} as const;

export const KONTIST_PAGE_SIZE = 50;

const V21_LIST = 'application/vnd.kontist.transactionlist.v2.1+json';

function pageOf(req: Request): number | undefined {
  const page = paramOf(req.query, 'page');
  if (page === undefined) {
    return req.query.page === undefined ? 1 : undefined;
  }
  return /^[1-9]\d{0,8}$/.test(page) ? Number(page) : undefined;
}

function wantsV21(req: Request, mediaType: string): boolean {
  return (req.get('accept') ?? '').toLowerCase().includes(mediaType);
}

function toPayload(
  transaction: KontistTransaction,
  v21: boolean,
): KontistTransactionPayload | KontistLegacyTransactionPayload {
  return v21 ? toTransactionPayload(transaction) : toLegacyTransactionPayload(transaction);
}

export function createKontistRouter(state: KontistState): Router {
  const router = express.Router();
  router.use(createKontistOAuthRouter(state, KONTIST_ROUTES));
  router.use(createKontistAuth(state));
  // Timed orders fall due between requests; whatever is due runs before a request sees the state.
  router.use((_req, _res, next) => {
    state.timedOrders.executeDue();
    next();
  });
  router.use(express.json());

  router.get(KONTIST_ROUTES.accounts, (_req, res) => {
    const { user, scheme } = kontistCallerOf(res);
    res.json(state.accountsOf(user).map((account) => toAccountPayload(account, scheme)));
  });

  router.get(KONTIST_ROUTES.transactions, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const page = pageOf(req);
    if (page === undefined) {
      res.status(400).json({ error: 'invalid_page' });
      return;
    }
    const v21 = wantsV21(req, V21_LIST);
    const all = state.transactionsOf(account);
    const start = (page - 1) * KONTIST_PAGE_SIZE;
    const hasNext = start + KONTIST_PAGE_SIZE < all.length;
    const body: KontistTransactionPagePayload<KontistTransactionPayload | KontistLegacyTransactionPayload> = {
      next: hasNext ? `/api/accounts/${account.id}/transactions?page=${page + 1}` : null,
      total: all.length,
      results: all.slice(start, start + KONTIST_PAGE_SIZE).map((transaction) => toPayload(transaction, v21)),
    };
    res.vary('Accept').json(body);
  });

  router.get(KONTIST_ROUTES.transaction, (req, res) => {
    const account = accountFor(req, res, state);
    if (!account) {
      return;
    }
    const id = String(req.params.transactionId);
    const transaction = /^\d+$/.test(id)
      ? state.transactionsOf(account).find((candidate) => candidate.id === Number(id))
      : undefined;
    if (!transaction) {
      res.status(404).json({ error: 'not_found' });
      return;
    }
    res.vary('Accept').json(toPayload(transaction, wantsV21(req, 'v2.1')));
  });

  router.use(createKontistTransferRouter(state, KONTIST_ROUTES));
  router.use(createKontistStandingOrderRouter(state, KONTIST_ROUTES));
  router.use(createKontistTimedOrderRouter(state, KONTIST_ROUTES));

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return router;
}
