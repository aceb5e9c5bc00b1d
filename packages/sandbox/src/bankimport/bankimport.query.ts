import { parseDecimalCents } from '../money';
import { paramOf } from '../query';
import type { Request } from 'express';

export type TransactionOrder = 'account_date' | 'account_date_desc' | 'imported_at' | 'imported_at_desc';
const ORDERS: readonly TransactionOrder[] = ['account_date', 'account_date_desc', 'imported_at', 'imported_at_desc'];

export type StatusFilter = 'any' | 'pending' | 'completed';
const STATUSES: readonly StatusFilter[] = ['any', 'pending', 'completed'];

/** Bankimport returns at most 1000 transactions per call; a larger limit is clamped. */
export const MAX_LIMIT = 1000;
const MIN_PURPOSE_LENGTH = 3;

export interface AccountFilter {
  bankCode?: string;
  accountNumber?: string;
  /** Epoch ms; only accounts updated strictly after it. */
  lastUpdatedAfter?: number;
  /** Cents, inclusive. */
  balanceMin?: number;
  balanceMax?: number;
}

export interface TransactionQuery {
  page: number;
  limit: number;
  order: TransactionOrder;
  status: StatusFilter;
  /** Cents, inclusive. */
  amountMin?: number;
  amount?: number;
  amountMax?: number;
  /** Lower-cased; matched case-insensitively anywhere in the purpose. */
  purpose?: string;
}

export type Parsed<T> = T | { error: string };

type Query = Request['query'];

class QueryError extends Error {}

function decimalParam(query: Query, name: string): number | undefined {
  const value = paramOf(query, name);
  if (value === undefined) {
    return undefined;
  }
  const cents = parseDecimalCents(value.trim());
  if (cents === undefined) {
    throw new QueryError(`${name} must be a decimal with at most 2 places, e.g. 100.00`);
  }
  return cents;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A timestamp without a zone is UTC, as it is for a Rails app in UTC. */
function timestampParam(query: Query, name: string): number | undefined {
  const value = paramOf(query, name);
  if (value === undefined) {
    return undefined;
  }
  const match = TIMESTAMP.exec(value);
  const withZone = match && value.length > 10 && match[1] === undefined ? `${value}Z` : value;
  const ms = match ? Date.parse(withZone.replace(' ', 'T')) : NaN;
  if (Number.isNaN(ms)) {
    throw new QueryError(`${name} must be an ISO 8601 timestamp, e.g. 2013-05-20T20:18:00Z`);
  }
  return ms;
}

function positiveIntegerParam(query: Query, name: string, fallback: number): number {
  const value = paramOf(query, name);
  if (value === undefined) {
    return fallback;
  }
  if (!/^\d{1,15}$/.test(value) || Number(value) < 1) {
    throw new QueryError(`${name} must be a whole number of at least 1`);
  }
  return Number(value);
}

function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[], fallback: T): T {
  const value = paramOf(query, name);
  if (value === undefined) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new QueryError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function parsing<T>(parse: () => T): Parsed<T> {
  try {
    return parse();
  } catch (error) {
    if (error instanceof QueryError) {
      return { error: error.message };
    }
    throw error;
  }
}

/** `GET /api/v1/bank-accounts` filters. */
export function parseAccountFilter(query: Query): Parsed<AccountFilter> {
  return parsing(() => ({
    bankCode: paramOf(query, 'bank_code'),
    accountNumber: paramOf(query, 'account_number'),
    lastUpdatedAfter: timestampParam(query, 'last_updated_after'),
    balanceMin: decimalParam(query, 'balance_min'),
    balanceMax: decimalParam(query, 'balance_max'),
  }));
}

/** Paging, order and filters of both transaction lists. */
export function parseTransactionQuery(query: Query): Parsed<TransactionQuery> {
  return parsing(() => {
    const purpose = paramOf(query, 'purpose');
    if (purpose !== undefined && purpose.length < MIN_PURPOSE_LENGTH) {
      throw new QueryError(`purpose must have at least ${MIN_PURPOSE_LENGTH} characters`);
    }
    return {
      page: positiveIntegerParam(query, 'page', 1),
      limit: Math.min(MAX_LIMIT, positiveIntegerParam(query, 'limit', MAX_LIMIT)),
      order: oneOf(query, 'order_by', ORDERS, 'account_date'),
      status: oneOf(query, 'status', STATUSES, 'any'),
      amountMin: decimalParam(query, 'amount_min'),
      amount: decimalParam(query, 'amount'),
      amountMax: decimalParam(query, 'amount_max'),
      purpose: purpose?.toLowerCase(),
    };
  });
}
