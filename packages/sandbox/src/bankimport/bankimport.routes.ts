import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import type { BankimportAccount, BankimportTransaction } from './bankimport.data';
import { list } from './bankimport.document';
import { bankimportUserOf, createBankimportAuth } from './bankimport.auth';
import {
  respond,
  respondError,
  toAccountNode,
  toImportNode,
  toTransactionListNode,
  toTransactionNode,
} from './bankimport.format';
import { checkHbciLogin, LINKED_ELSEWHERE, parseHbciLinkRequest } from './bankimport.hbci';
import { parseAccountFilter, parseTransactionQuery } from './bankimport.query';
import { filterAccounts, searchTransactions } from './bankimport.search';
import type { BankimportState } from './bankimport.state';

/**
 * Route templates as Bankimport's docs write them; the stats count requests under these,
 * taking the first that matches: `hbci` comes before `account`, whose `:id` would match it too.
 */
export const BANKIMPORT_ROUTES = {
  accounts: '/api/v1/bank-accounts',
  hbci: '/api/v1/bank-account/hbci',
  account: '/api/v1/bank-account/:id',
  accountImport: '/api/v1/bank-account/:id/import',
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

/** Bodies are a few form or JSON fields; anything bigger is refused with 413. */
const BODY_LIMIT = '16kb';

/** Imports complete lazily: whatever finished by now is settled before the request is read. */
function settleImports(state: BankimportState): RequestHandler {
  return (_req, res, next) => {
    const now = Date.now();
    state.settleImports(now);
    res.locals.bankimportNow = now;
    next();
  };
}

/** The instant the request is handled at, the same for settling and for what it starts. */
function nowOf(res: Response): number {
  return res.locals.bankimportNow as number;
}

/** A malformed or oversized body, in the format the path asked for; the body is never echoed. */
const handleBodyError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    respondError(res, status, 'invalid_request');
    return;
  }
  next(error);
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
  router.use(settleImports(state));
  router.use(formatFromPath);
  router.use(createBankimportAuth(state));
  router.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }), express.json({ limit: BODY_LIMIT }));

  router.get(BANKIMPORT_ROUTES.accounts, (req, res) => {
    const filter = parseAccountFilter(req.query);
    if ('error' in filter) {
      respondError(res, 400, filter.error);
      return;
    }
    const accounts = filterAccounts(state.accountsOf(bankimportUserOf(res)), filter);
    respond(res, 200, 'bank_accounts', list('bank_account', accounts.map(toAccountNode)));
  });

  // 201 when this call linked the login and its accounts appeared, 200 when it was linked already.
  router.post(BANKIMPORT_ROUTES.hbci, (req, res) => {
    const request = parseHbciLinkRequest(req.body);
    if ('error' in request) {
      respondError(res, request.status, request.error, request.message);
      return;
    }
    const login = checkHbciLogin(request);
    if ('error' in login) {
      respondError(res, login.status, login.error, login.message);
      return;
    }
    if (login.owner !== bankimportUserOf(res)) {
      respondError(res, LINKED_ELSEWHERE.status, LINKED_ELSEWHERE.error, LINKED_ELSEWHERE.message);
      return;
    }
    const { accounts, linkedNow } = state.linkHbciLogin(login, request.title);
    respond(res, linkedNow ? 201 : 200, 'bank_accounts', list('bank_account', accounts.map(toAccountNode)));
  });

  router.get(BANKIMPORT_ROUTES.account, (req, res) => {
    const account = accountFor(req, res, state);
    if (account) {
      respond(res, 200, 'bank_account', toAccountNode(account));
    }
  });

  // 201 when an import starts, 200 when the account's running import is returned again.
  router.post(BANKIMPORT_ROUTES.accountImport, (req, res) => {
    const account = accountFor(req, res, state);
    if (account) {
      const { running, started } = state.startImport(account, nowOf(res));
      respond(res, started ? 201 : 200, 'import', toImportNode(running));
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
  router.use(handleBodyError);
  return router;
}
