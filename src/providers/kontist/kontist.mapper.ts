import { parseMinorUnits } from '../../money';
import { parseOptionalDate } from '../dates';
import { germanIbanParts } from '../iban-parts';
import type { AccountRecord, TransactionRecord } from '../provider';
import type {
  KontistAccountPayload,
  KontistLegacyTransactionPayload,
  KontistTokenPayload,
  KontistTransactionPayload,
} from './kontist.payloads';

const CURRENCY = 'EUR';

export function toKontistAccount(raw: KontistAccountPayload): AccountRecord {
  const parts = germanIbanParts(raw.iban);
  return {
    provider: 'KONTIST',
    providerAccountId: String(raw.id),
    iban: raw.iban,
    bic: null,
    bankName: raw.bankName ?? null,
    bankCode: parts?.bankCode ?? null,
    accountNumber: parts?.accountNumber ?? null,
    owner: null,
    title: null,
    type: raw.accountType ?? null,
    currency: CURRENCY,
    balance: parseMinorUnits(raw.balance, CURRENCY),
    availableBalance: null,
    lastUpdatedAt: null,
    canInitiatePayments: true,
  };
}

/** v2.1: the amount is already signed. */
export function toKontistTransaction(raw: KontistTransactionPayload, accountId: string): TransactionRecord {
  const bookingDate = parseOptionalDate(raw.bookingDate);
  return {
    provider: 'KONTIST',
    providerTransactionId: String(raw.id),
    providerAccountId: accountId,
    amount: parseMinorUnits(raw.amount, CURRENCY),
    originalAmount: originalAmount(raw.originalAmount, raw.foreignCurrency),
    status: bookingDate ? 'BOOKED' : 'PENDING',
    counterpartyName: raw.name ?? null,
    counterpartyIban: raw.iban ?? null,
    purpose: raw.purpose ?? null,
    endToEndId: raw.e2eId ?? null,
    mandateNumber: raw.mandateNumber ?? null,
    bookingType: raw.bookingType ?? null,
    paymentMethod: raw.paymentMethod ?? null,
    category: raw.category ?? null,
    bookingDate,
    valueDate: parseOptionalDate(raw.valutaDate),
  };
}

/** Legacy: the amount is unsigned and money left the account when `from` is the account. */
export function toKontistLegacyTransaction(raw: KontistLegacyTransactionPayload, accountId: string): TransactionRecord {
  const bookingDate = parseOptionalDate(raw.booking_date);
  const outgoing = raw.from != null && String(raw.from) === accountId;
  const magnitude = Math.abs(raw.amount);
  return {
    provider: 'KONTIST',
    providerTransactionId: String(raw.id),
    providerAccountId: accountId,
    amount: parseMinorUnits(outgoing ? -magnitude : magnitude, CURRENCY),
    originalAmount: originalAmount(raw.original_amount, raw.foreign_currency),
    status: bookingDate ? 'BOOKED' : 'PENDING',
    counterpartyName: raw.name ?? null,
    counterpartyIban: raw.iban ?? null,
    purpose: raw.purpose ?? null,
    endToEndId: raw.e2e_id ?? null,
    mandateNumber: null,
    bookingType: raw.booking_type ?? null,
    paymentMethod: raw.paymentMethod ?? null,
    category: raw.category ?? null,
    bookingDate,
    valueDate: parseOptionalDate(raw.valuta_date),
  };
}

/** Kontist sends the foreign amount in that currency's minor units ("760" CHF = 7.60 CHF). */
function originalAmount(value: string | number | null | undefined, currency: string | null | undefined) {
  return value != null && value !== '' && currency ? parseMinorUnits(value, currency) : null;
}

export interface OAuthTokens {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string | null;
  scope: string;
}

export function toOAuthTokens(raw: KontistTokenPayload): OAuthTokens {
  return {
    accessToken: raw.access_token,
    tokenType: raw.token_type,
    expiresIn: raw.expires_in,
    refreshToken: raw.refresh_token ?? null,
    scope: raw.scope,
  };
}
