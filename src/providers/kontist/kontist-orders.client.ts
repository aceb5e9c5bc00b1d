import { ProviderError } from '../../errors/errors';
import { parseJson, type Upstream } from '../http';
import type { ProviderCall } from '../provider';
import { type StandingOrderRecord, type TimedOrderRecord, type TransferRecord } from '../payments';
import { TanRejectedError } from '../../errors/upstream-errors';
import { toScheduledTimedOrder, toStandingOrder, toTimedOrder, toTransfer } from './kontist-orders.mapper';
import { kontistAccountPath } from './kontist.paths';
import {
  kontistStandingOrderListSchema,
  kontistStandingOrderRequestSchema,
  kontistStandingOrderSchema,
  kontistTimedOrderListSchema,
  kontistTimedOrderSchema,
  kontistTransferSchema,
  type KontistTransferRequest,
} from './kontist-orders.payloads';

export interface StandingOrderBody {
  recipient?: string;
  iban?: string;
  amount?: number;
  note?: string | null;
  e2eId?: string | null;
  reoccurrence?: string;
  firstExecutionDate?: string;
  lastExecutionDate?: string | null;
}

export interface TimedOrderBody {
  recipient: string;
  iban: string;
  amount: number;
  note: string | null;
  e2eId: string | null;
  date: string;
}

/** Kontist's payment endpoints: each write is registered first and executed with a TAN. */
export interface KontistOrders {
  registerTransfer(
    call: ProviderCall,
    accountId: string,
    request: KontistTransferRequest,
  ): Promise<{ transferId: string; tokenLength: number | null; transfer: TransferRecord }>;
  confirmTransfer(
    call: ProviderCall,
    accountId: string,
    transferId: string,
    request: KontistTransferRequest,
    tan: string,
  ): Promise<TransferRecord>;
  requestStandingOrder(
    call: ProviderCall,
    accountId: string,
    change:
      | { kind: 'create'; body: StandingOrderBody }
      | { kind: 'update'; id: string; body: StandingOrderBody }
      | { kind: 'cancel'; id: string },
  ): Promise<{ requestId: string }>;
  confirmStandingOrder(
    call: ProviderCall,
    accountId: string,
    requestId: string,
    tan: string,
  ): Promise<StandingOrderRecord>;
  standingOrders(call: ProviderCall, accountId: string): Promise<StandingOrderRecord[]>;
  createTimedOrder(call: ProviderCall, accountId: string, body: TimedOrderBody): Promise<TimedOrderRecord>;
  confirmTimedOrder(call: ProviderCall, accountId: string, id: string, tan: string): Promise<TimedOrderRecord>;
  cancelTimedOrder(call: ProviderCall, accountId: string, id: string): Promise<TimedOrderRecord>;
  /** Only the SCHEDULED ones: Kontist lists no others. */
  timedOrders(call: ProviderCall, accountId: string): Promise<TimedOrderRecord[]>;
}

const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

export function createKontistOrders(upstream: Upstream): KontistOrders {
  const send = async <T>(
    call: ProviderCall,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    parse: (body: unknown) => T,
    body?: unknown,
  ): Promise<T> => {
    try {
      return await upstream.request({
        method,
        path,
        headers: {
          Authorization: call.credential,
          Accept: 'application/json',
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        data: body !== undefined ? JSON.stringify(body) : undefined,
        signal: call.signal,
        parse: (text) => parse(parseJson(text)),
      });
    } catch (error) {
      if (error instanceof ProviderError && error.reason === 'invalid_tan') {
        // Kontist keeps the pending request for another attempt.
        throw new TanRejectedError();
      }
      throw error;
    }
  };

  const segment = (id: string) => {
    if (!SAFE_ID.test(id)) {
      throw new ProviderError('KONTIST', 'not a Kontist order id');
    }
    return id;
  };

  return {
    async registerTransfer(call, accountId, request) {
      return send(
        call,
        'POST',
        `${kontistAccountPath(accountId)}/transfer`,
        (body) => {
          const raw = kontistTransferSchema.parse(body);
          const transferId = raw.links?.self.split('/').pop();
          if (!transferId) {
            throw new Error('no links.self in the transfer');
          }
          return {
            transferId,
            tokenLength: raw.meta?.authorizationTokenLength ?? null,
            transfer: toTransfer(raw, accountId, transferId),
          };
        },
        request,
      );
    },

    confirmTransfer(call, accountId, transferId, request, tan) {
      // Kontist asks for the exact same payload again, plus the TAN.
      return send(
        call,
        'PUT',
        `${kontistAccountPath(accountId)}/transfer/${segment(transferId)}`,
        (body) => toTransfer(kontistTransferSchema.parse(body), accountId, transferId),
        { ...request, authorizationToken: tan },
      );
    },

    requestStandingOrder(call, accountId, change) {
      const base = `${kontistAccountPath(accountId)}/standing-orders`;
      const parse = (body: unknown) => ({ requestId: kontistStandingOrderRequestSchema.parse(body).requestId });
      switch (change.kind) {
        case 'create':
          return send(call, 'POST', base, parse, change.body);
        case 'update':
          return send(call, 'PATCH', `${base}/${segment(change.id)}`, parse, change.body);
        case 'cancel':
          return send(call, 'PATCH', `${base}/${segment(change.id)}/cancel`, parse);
        default: {
          const never: never = change;
          throw new Error(`unknown change ${String(never)}`);
        }
      }
    },

    confirmStandingOrder(call, accountId, requestId, tan) {
      return send(
        call,
        'POST',
        `${kontistAccountPath(accountId)}/standing-orders/confirm`,
        (body) => toStandingOrder(kontistStandingOrderSchema.parse(body), accountId),
        { requestId, authorizationToken: tan },
      );
    },

    standingOrders(call, accountId) {
      return send(call, 'GET', `${kontistAccountPath(accountId)}/standing-orders`, (body) =>
        kontistStandingOrderListSchema.parse(body).map((raw) => toStandingOrder(raw, accountId)),
      );
    },

    createTimedOrder(call, accountId, body) {
      return send(
        call,
        'POST',
        `${kontistAccountPath(accountId)}/timed-orders`,
        (answer) => toTimedOrder(kontistTimedOrderSchema.parse(answer), accountId),
        body,
      );
    },

    confirmTimedOrder(call, accountId, id, tan) {
      return send(
        call,
        'POST',
        `${kontistAccountPath(accountId)}/timed-orders/${segment(id)}/confirm`,
        (answer) => toTimedOrder(kontistTimedOrderSchema.parse(answer), accountId),
        { token: tan },
      );
    },

    cancelTimedOrder(call, accountId, id) {
      return send(call, 'PATCH', `${kontistAccountPath(accountId)}/timed-orders/${segment(id)}/cancel`, (answer) =>
        toTimedOrder(kontistTimedOrderSchema.parse(answer), accountId),
      );
    },

    timedOrders(call, accountId) {
      return send(call, 'GET', `${kontistAccountPath(accountId)}/timed-orders`, (body) =>
        kontistTimedOrderListSchema.parse(body).map((raw) => toScheduledTimedOrder(raw, accountId)),
      );
    },
  };
}
