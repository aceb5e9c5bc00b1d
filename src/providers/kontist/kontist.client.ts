import { NotFoundError } from '../../errors/errors';
import { parseJson, type Upstream } from '../http';
import type { AccountProvider, ProviderCall, TransactionRecord } from '../provider';
import {
  toKontistAccount,
  toKontistLegacyTransaction,
  toKontistTransaction,
  toOAuthTokens,
  type OAuthTokens,
} from './kontist.mapper';
import {
  kontistAccountListSchema,
  kontistLegacyTransactionPageSchema,
  kontistLegacyTransactionSchema,
  kontistTokenSchema,
  kontistTransactionPageSchema,
  kontistTransactionSchema,
} from './kontist.payloads';
import { kontistAccountPath } from './kontist.paths';
import { createKontistSequence, type KontistPage, type PageSizeMemo } from './kontist.sequence';

const V21_LIST = 'application/vnd.kontist.transactionlist.v2.1+json';
const V21_ITEM = 'application/vnd.kontist.transaction.v2.1+json';
const DEFAULT_SCOPES = ['offline', 'accounts', 'transactions', 'transfers'];

export interface KontistOAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface KontistProvider extends AccountProvider {
  authorizationUrl(redirectUri: string, state: string, scopes?: string[]): string;
  exchangeCode(code: string, redirectUri: string, signal?: AbortSignal): Promise<OAuthTokens>;
  refreshToken(refreshToken: string, signal?: AbortSignal): Promise<OAuthTokens>;
}

/** How one of Kontist's two transaction formats is asked for and read. */
interface TransactionFormat {
  listAccept: string;
  itemAccept: string;
  toPage(body: unknown, accountId: string): KontistPage;
  toTransaction(body: unknown, accountId: string): TransactionRecord;
}

const current: TransactionFormat = {
  listAccept: V21_LIST,
  itemAccept: V21_ITEM,
  toPage(body, accountId) {
    const raw = kontistTransactionPageSchema.parse(body);
    return {
      total: raw.total,
      hasNext: raw.next !== null,
      items: raw.results.map((t) => toKontistTransaction(t, accountId)),
    };
  },
  toTransaction: (body, accountId) => toKontistTransaction(kontistTransactionSchema.parse(body), accountId),
};

const legacy: TransactionFormat = {
  listAccept: 'application/json',
  itemAccept: 'application/json',
  toPage(body, accountId) {
    const raw = kontistLegacyTransactionPageSchema.parse(body);
    return {
      total: raw.total,
      hasNext: raw.next !== null,
      items: raw.results.map((t) => toKontistLegacyTransaction(t, accountId)),
    };
  },
  toTransaction: (body, accountId) => toKontistLegacyTransaction(kontistLegacyTransactionSchema.parse(body), accountId),
};

/** Basic credentials reach the legacy API, which only speaks the snake_case format. */
const formatOf = (credential: string): TransactionFormat => (/^basic\s/i.test(credential) ? legacy : current);

export function createKontistProvider(upstream: Upstream, baseUrl: string, oauth: KontistOAuthClient): KontistProvider {
  const pageSize: PageSizeMemo = {};

  const get = <T>(
    call: ProviderCall,
    path: string,
    parse: (body: unknown) => T,
    accept = 'application/json',
    params?: Record<string, number>,
  ) =>
    upstream.request({
      method: 'GET',
      path,
      params,
      headers: { Authorization: call.credential, Accept: accept },
      signal: call.signal,
      parse: (body) => parse(parseJson(body)),
    });

  const fetchPage =
    (call: ProviderCall, accountId: string) =>
    (page: number): Promise<KontistPage> => {
      const format = formatOf(call.credential);
      return get(
        call,
        `${kontistAccountPath(accountId)}/transactions`,
        (body) => format.toPage(body, accountId),
        format.listAccept,
        { page },
      );
    };

  const token = (form: Record<string, string>, signal?: AbortSignal) =>
    upstream.request({
      method: 'POST',
      path: '/api/oauth/token',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      data: new URLSearchParams(form).toString(),
      signal,
      parse: (body) => toOAuthTokens(kontistTokenSchema.parse(parseJson(body))),
    });

  return {
    name: 'KONTIST',

    async listAccounts(call) {
      const accounts = await get(call, '/api/accounts', (body) =>
        kontistAccountListSchema.parse(body).map(toKontistAccount),
      );
      return { items: accounts, applied: new Set() };
    },

    transactions(call, accountId, _filter, order) {
      return createKontistSequence(fetchPage(call, accountId), order, pageSize);
    },

    async transaction(call, accountId, transactionId): Promise<TransactionRecord | null> {
      if (!/^\d{1,18}$/.test(transactionId)) {
        return null;
      }
      const format = formatOf(call.credential);
      try {
        return await get(
          call,
          `${kontistAccountPath(accountId)}/transactions/${transactionId}`,
          (body) => format.toTransaction(body, accountId),
          format.itemAccept,
        );
      } catch (error) {
        if (error instanceof NotFoundError) {
          return null;
        }
        throw error;
      }
    },

    authorizationUrl(redirectUri, state, scopes = DEFAULT_SCOPES) {
      const query = new URLSearchParams({
        scope: scopes.join(' '),
        response_type: 'code',
        client_id: oauth.clientId,
        redirect_uri: redirectUri,
        state,
      });
      return `${baseUrl}/api/oauth/authorize?${query.toString()}`;
    },

    exchangeCode(code, redirectUri, signal) {
      return token(
        {
          grant_type: 'authorization_code',
          code,
          client_id: oauth.clientId,
          client_secret: oauth.clientSecret,
          redirect_uri: redirectUri,
        },
        signal,
      );
    },

    refreshToken(refreshToken, signal) {
      return token(
        {
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
          client_id: oauth.clientId,
          client_secret: oauth.clientSecret,
        },
        signal,
      );
    },
  };
}
