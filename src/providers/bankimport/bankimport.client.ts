import { NotFoundError } from '../../errors/errors';
import { toDecimalText } from '../../money';
import { parseProviderDate } from '../dates';
import { parseJson, type Upstream } from '../http';
import type {
  AccountFilter,
  AccountProvider,
  AccountRecord,
  ProviderCall,
  TransactionFilter,
  TransactionOrder,
  TransactionRecord,
  TransactionSequence,
} from '../provider';
import { toBankimportAccount, toBankimportTransaction } from './bankimport.mapper';
import { planPages } from './bankimport.pages';
import {
  bankimportBankAccountDetailSchema,
  bankimportImportSchema,
  bankimportBankAccountListSchema,
  bankimportTransactionDetailSchema,
  bankimportTransactionListSchema,
} from './bankimport.payloads';
import { parseBankimportXml } from './bankimport.xml';

type Params = Record<string, string | number | undefined>;

const ACCOUNT_FILTERS: ReadonlySet<keyof AccountFilter> = new Set([
  'bankCode',
  'accountNumber',
  'lastUpdatedAfter',
  'balanceMin',
  'balanceMax',
]);
const TRANSACTION_FILTERS: ReadonlySet<keyof TransactionFilter> = new Set([
  'status',
  'amountMin',
  'amountMax',
  'purpose',
]);

/** HBCI credentials of an online-banking login; passed upstream once, never kept. */
export interface HbciLogin {
  title: string;
  bankCode: string;
  username: string;
  secret: string;
  customerNumber?: string;
}

export interface StartedImport {
  importId: string;
  providerAccountId: string;
  estimatedFinishAt: Date;
}

export interface BankimportProvider extends AccountProvider {
  readonly name: 'BANKIMPORT';
  /** One linked account, as it is now (a forced import moves its `lastUpdatedAt`). */
  account(call: ProviderCall, providerAccountId: string): Promise<AccountRecord>;
  /** Links the accounts of an HBCI login; answers all of that login's accounts. */
  linkAccounts(call: ProviderCall, login: HbciLogin): Promise<AccountRecord[]>;
  /** Forces an import of one account; Bankimport answers when it expects to be done. */
  startImport(call: ProviderCall, providerAccountId: string): Promise<StartedImport>;
}

export function createBankimportProvider(upstream: Upstream, format: 'json' | 'xml'): BankimportProvider {
  const suffix = format === 'xml' ? '.xml' : '';

  const send = <T>(
    call: ProviderCall,
    method: 'GET' | 'POST',
    path: string,
    parse: (body: unknown) => T,
    params?: Params,
    form?: Record<string, string>,
  ) =>
    upstream.request({
      method,
      path: `${path}${suffix}`,
      params,
      headers: {
        Authorization: `Token token=${call.credential}`,
        Accept: format === 'xml' ? 'application/xml' : 'application/json',
        ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      data: form ? new URLSearchParams(form).toString() : undefined,
      signal: call.signal,
      parse: (body) => {
        const tree = format === 'xml' ? parseBankimportXml(body) : parseJson(body);
        const unwrapped =
          format === 'xml' && tree && typeof tree === 'object' && 'transaction_list' in tree
            ? (tree as { transaction_list: unknown }).transaction_list
            : tree;
        return parse(unwrapped);
      },
    });
  const get = <T>(call: ProviderCall, path: string, parse: (body: unknown) => T, params?: Params) =>
    send(call, 'GET', path, parse, params);

  const sequence = (
    call: ProviderCall,
    path: string,
    filter: TransactionFilter,
    order: TransactionOrder,
  ): TransactionSequence => {
    const base: Params = {
      order_by: order === 'BOOKING_DATE_ASC' ? 'account_date' : 'account_date_desc',
      status: filter.status === 'BOOKED' ? 'completed' : filter.status === 'PENDING' ? 'pending' : undefined,
      amount_min: filter.amountMin === undefined ? undefined : toDecimalText(filter.amountMin),
      amount_max: filter.amountMax === undefined ? undefined : toDecimalText(filter.amountMax),
      purpose: filter.purpose,
    };
    const pages = new Map<string, Promise<{ items: TransactionRecord[]; total: number }>>();
    const page = (limit: number, n: number) => {
      const key = `${limit}:${n}`;
      let pending = pages.get(key);
      if (!pending) {
        pending = get(
          call,
          path,
          (body) => {
            const raw = bankimportTransactionListSchema.parse(body);
            return { items: raw.transactions.map(toBankimportTransaction), total: raw.pagination.total_entries };
          },
          { ...base, page: n, limit },
        );
        pages.set(key, pending);
      }
      return pending;
    };
    return {
      applied: TRANSACTION_FILTERS,
      async read(offset, count) {
        if (count <= 0) {
          return { items: [], total: null };
        }
        const plan = planPages(offset, count);
        const results = await Promise.all(plan.pages.map((n) => page(plan.limit, n)));
        const skip = offset - ((plan.pages[0] as number) - 1) * plan.limit;
        const items = results.flatMap((r) => r.items).slice(skip, skip + count);
        return { items, total: results[0]?.total ?? null };
      },
    };
  };

  const accountPath = (id: string) => {
    if (!/^\d{1,18}$/.test(id)) {
      throw new NotFoundError();
    }
    return `/api/v1/bank-account/${id}`;
  };

  return {
    name: 'BANKIMPORT',

    account(call, accountId) {
      return get(call, accountPath(accountId), (body) =>
        toBankimportAccount(bankimportBankAccountDetailSchema.parse(body).bank_account),
      );
    },

    linkAccounts(call, login) {
      const form: Record<string, string> = {
        title: login.title,
        hbci_bank_code: login.bankCode,
        username: login.username,
        secret: login.secret,
      };
      if (login.customerNumber !== undefined) {
        form.customer_number = login.customerNumber;
      }
      return send(
        call,
        'POST',
        '/api/v1/bank-account/hbci',
        (body) => bankimportBankAccountListSchema.parse(body).bank_accounts.map(toBankimportAccount),
        undefined,
        form,
      );
    },

    startImport(call, accountId) {
      return send(
        call,
        'POST',
        `${accountPath(accountId)}/import`,
        (body) => {
          const started = bankimportImportSchema.parse(body).import;
          return {
            importId: String(started.id),
            providerAccountId: String(started.bank_account_id),
            estimatedFinishAt: parseProviderDate(started.estimated_finish_date),
          };
        },
        undefined,
        {},
      );
    },

    async listAccounts(call, filter) {
      const accounts = await get(
        call,
        '/api/v1/bank-accounts',
        (body) => bankimportBankAccountListSchema.parse(body).bank_accounts.map(toBankimportAccount),
        {
          bank_code: filter.bankCode,
          account_number: filter.accountNumber,
          last_updated_after: filter.lastUpdatedAfter?.toISOString(),
          balance_min: filter.balanceMin === undefined ? undefined : toDecimalText(filter.balanceMin),
          balance_max: filter.balanceMax === undefined ? undefined : toDecimalText(filter.balanceMax),
        },
      );
      return { items: accounts, applied: ACCOUNT_FILTERS };
    },

    transactions(call, accountId, filter, order) {
      return sequence(call, `${accountPath(accountId)}/transactions`, filter, order);
    },

    feed(call, filter) {
      return sequence(call, '/api/v1/transactions', filter, 'BOOKING_DATE_DESC');
    },

    async transaction(call, accountId, transactionId) {
      if (!/^\d{1,18}$/.test(transactionId)) {
        return null;
      }
      try {
        const record = await get(call, `/api/v1/transaction/${transactionId}`, (body) =>
          toBankimportTransaction(bankimportTransactionDetailSchema.parse(body).transaction),
        );
        return record.providerAccountId === accountId ? record : null;
      } catch (error) {
        if (error instanceof NotFoundError) {
          return null;
        }
        throw error;
      }
    },
  };
}
