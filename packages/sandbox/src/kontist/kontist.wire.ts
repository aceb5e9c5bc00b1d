/**
 * Kontist's wire format as the sandbox writes it, spelled as Kontist's docs spell it
 * (../shared/providers/kontist-api.md, the current API; kontist-api-legacy.md, Basic
 * auth). Written from the docs, never from the gateway's client: the contract tests
 * (test/providers/kontist/) check these replies against what the client reads.
 */

/** `GET /api/accounts` with a Bearer token: a list, balances in euro cents. */
export interface KontistAccountPayload {
  id: number;
  iban: string;
  balance: number;
  /** "going to be deprecated in the near future", still sent. */
  accountType: string;
}

/** `GET /api/accounts` on the legacy API (Basic auth): `bankName` instead of `accountType`. */
export interface KontistLegacyAccountPayload {
  id: number;
  iban: string;
  bankName: string;
  balance: number;
}

/**
 * One transaction of the v2.1 format (`Accept: application/vnd.kontist.transactionlist.v2.1+json`
 * for the list, `…transaction.v2.1+json` for one): `amount` in euro cents, negative for
 * outgoing money; `bookingDate` null while it is not booked.
 */
export interface KontistTransactionPayload {
  id: number;
  amount: number;
  type: string | null;
  category: string | null;
  name: string | null;
  iban: string | null;
  purpose: string | null;
  e2eId: string | null;
  /** `2018-08-06T22:00:00+00:00` */
  bookingDate: string | null;
  valutaDate: string | null;
  bookingType: string | null;
  /** Minor units of `foreignCurrency`, as text: `"760"` with `"CHF"`. */
  originalAmount: string | null;
  foreignCurrency: string | null;
  /** `credit_card`, `bank_account` */
  paymentMethod: string | null;
  invoiceNumber: number | null;
  invoicePreviewUrl: string | null;
  invoiceDownloadUrl: string | null;
  userSelectedBookingDate: string | null;
  documentType: string | null;
  mandateNumber: string | null;
}

/**
 * One transaction of the legacy format (no v2.1 Accept header): snake_case, `amount`
 * unsigned; `from` holds the account id for outgoing money, `to` for incoming.
 */
export interface KontistLegacyTransactionPayload {
  id: number;
  from: number | null;
  to: number | null;
  amount: number;
  type: string | null;
  category: string | null;
  name: string | null;
  iban: string | null;
  purpose: string | null;
  e2e_id: string | null;
  booking_date: string | null;
  valuta_date: string | null;
  booking_type: string | null;
  original_amount: string | null;
  foreign_currency: string | null;
  paymentMethod: string | null;
}

/** A page of `GET /api/accounts/{account_id}/transactions?page=N`, either format. */
export interface KontistTransactionPagePayload<T> {
  /** `/api/accounts/4711/transactions?page=2`; null on the last page. */
  next: string | null;
  total: number;
  results: T[];
}

/** `POST /api/oauth/token`, for a code and for a refresh token. */
export interface KontistTokenPayload {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  /** Only with the `offline` scope, and only when a code is exchanged. */
  refresh_token?: string;
  scope: string;
}

/** `POST /api/accounts/{id}/transfer` (`confirmation_required`) and the confirming `PUT` (`accepted`). */
export interface KontistTransferPayload {
  status: 'confirmation_required' | 'accepted';
  recipient: string;
  iban: string;
  amount: number;
  note: string | null;
  e2eId: string | null;
  meta: { authorizationTokenLength: number };
  /** `/api/accounts/4711/transfer/f55641811042b9e85989bd57c3718346ctrx` */
  links: { self: string };
}

export type KontistReoccurrence = 'MONTHLY' | 'QUARTERLY' | 'EVERY_SIX_MONTHS' | 'ANNUALLY';

/** A standing order, as `POST …/standing-orders/confirm` answers it and `GET …/standing-orders` lists it. */
export interface KontistStandingOrderPayload {
  id: number;
  status: 'ACTIVE' | 'CANCELED';
  name: string;
  iban: string;
  amount: number;
  description: string | null;
  /** `2022-12-31T20:11:02.109+00:00` */
  lastExecutionDate: string | null;
  reoccurrence: KontistReoccurrence;
  e2eId: string;
  nextOccurrence: string;
}

/** What creating, updating and canceling a standing order answer: a request to confirm with a TAN. */
export interface KontistStandingOrderRequestPayload {
  requestId: string;
  status: 'CONFIRMATION_REQUIRED';
  /** Create and update echo the order; cancel sends only the two fields above. */
  amount?: number;
  recipient?: string;
  iban?: string;
  e2eId?: string | null;
}

/** A timed order as create, confirm and cancel answer it: snake_case, unlike the rest of the API. */
export interface KontistTimedOrderPayload {
  id: string;
  execute_at: string;
  executed_at: string | null;
  /** The docs show the first three; `EXECUTED` once it has run (`executed_at` set). */
  status: 'CONFIRMATION_REQUIRED' | 'SCHEDULED' | 'CANCELED' | 'EXECUTED';
  scheduled_transaction: {
    id: string;
    status: 'scheduled' | 'canceled' | 'executed';
    reference: string;
    description: string | null;
    recipient_iban: string;
    recipient_name: string;
    recipient_bic: string;
    end_to_end_id: string;
    batch_id: null;
    created_at: string;
    amount: { value: number; currency: 'EUR'; unit: 'cents' };
  };
}

/** `GET /api/accounts/{id}/timed-orders`: only SCHEDULED ones, camelCase, the amount negative. */
export interface KontistTimedOrderListItemPayload {
  id: string;
  recipientName: string;
  recipientIban: string;
  date: string;
  purpose: string | null;
  amount: number;
  e2eId: string;
  status: 'scheduled';
  type: 'TIMED_ORDER';
}
