import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { BankimportAccount, BankimportTransaction } from './bankimport.data';
import { list } from './bankimport.document';
import { bankimportUserOf, createBankimportAuth } from './bankimport.auth';
import { respond, respondError, toAccountNode, toTransactionListNode, toTransactionNode } from './bankimport.format';
import { parseAccountFilter, parseTransactionQuery } from './bankimport.query';
import { filterAccounts, searchTransactions } from './bankimport.search';
import type { BankimportState } from './bankimport.state';

/** Route templates as Bankimport's docs write them; the stats count requests under these. */
export const BANKIMPORT_ROUTES = {
  accounts: '/api/v1/bank-accounts',
  account: '/api/v1/bank-account/:id',
  accountTransactions: '/api/v1/bank-account/:id/transactions',
  transactions: '/api/v1/transactions',
  transaction: '/api/v1/transaction/:id',
} as const;

/** Appending a format to any path chooses it, as in Rails: `/api/v1/bank-accounts.xml`. */
export const BANKIMPORT_FORMAT_SUFFIXES = ['.xml', '.json'] as const;

/** Takes the format off the path, so that the routes below match either way. */
const formatFromPath: RequestHandler = (req, res, next) => {
  const queryStart = req.url.indexOf('?');
  const path = queryStart < 0 ? req.url : req.url.slice(0, queryStart);
  const suffix = BANKIMPORT_FORMAT_SUFFIXES.find((candidate) => path.endsWith(candidate));
  res.locals.bankimportFormat = suffix === '.xml' ? 'xml' : 'json';
  if (suffix) {
    req.url = path.slice(0, -suffix.length) + (queryStart < 0 ? '' : req.url.slice(queryStart));
  }
  next();
};

function accountFor(req: Request, res: Response, state: BankimportState): BankimportAccount | undefined {
  const id = String(req.params.id);
  const account = /^\d+$/.test(id) ? state.accountOf(bankimportUserOf(res), Number(id)) : undefined;
  if (!account) {
    respondError(res, 404, 'not_found');
  }
  return account;
}

function listTransactions(
  req: Request,
  res: Response,
  state: BankimportState,
  accounts: readonly BankimportAccount[],
): void {
  const query = parseTransactionQuery(req.query);
  if ('error' in query) {
    respondError(res, 400, query.error);
    return;
  }
  const sorted: readonly BankimportTransaction[] = state.sortedTransactions(accounts, query.order);
  const page = searchTransactions(sorted, query);
  respond(res, 200, 'transaction_list', toTransactionListNode(page.transactions, page.totalEntries, query), false);
}

export function createBankimportRouter(state: BankimportState): Router {
  const router = express.Router();
  router.use(formatFromPath);
  router.use(createBankimportAuth(state));

  router.get(BANKIMPORT_ROUTES.accounts, (req, res) => {
    const filter = parseAccountFilter(req.query);
    if ('error' in filter) {
      respondError(res, 400, filter.error);
      return;
    }
    const accounts = filterAccounts(state.accountsOf(bankimportUserOf(res)), filter);
    respond(res, 200, 'bank_accounts', list('bank_account', accounts.map(toAccountNode)));
  });

  router.get(BANKIMPORT_ROUTES.account, (req, res) => {
    const account = accountFor(req, res, state);
    if (account) {
      respond(res, 200, 'bank_account', toAccountNode(account));
    }
  });

  router.get(BANKIMPORT_ROUTES.accountTransactions, (req, res) => {
    const account = accountFor(req, res, state);
    if (account) {
      listTransactions(req, res, state, [account]);
    }
  });

  router.get(BANKIMPORT_ROUTES.transactions, (req, res) => {
    listTransactions(req, res, state, state.accountsOf(bankimportUserOf(res)));
  });

  router.get(BANKIMPORT_ROUTES.transaction, (req, res) => {
    const id = String(req.params.id);
    const transaction = /^\d+$/.test(id) ? state.transactionOf(bankimportUserOf(res), Number(id)) : undefined;
    if (!transaction) {
      respondError(res, 404, 'not_found');
      return;
    }
    respond(res, 200, 'transaction', toTransactionNode(transaction));
  });

  router.use((_req, res) => {
    respondError(res, 404, 'not_found');
  });
  return router;
}
