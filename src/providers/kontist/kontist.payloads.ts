import { z } from 'zod';

/**
 * Kontist's wire format, spelled as Kontist spells it
 * (../shared/providers/kontist-api.md and kontist-api-legacy.md). The schemas check
 * every reply before a mapper reads it: a wrong type is an unreadable reply.
 */

const text = z.string().nullable();
const cents = z.number().int();

/** `GET /api/accounts`. Amounts are euro cents. */
export const kontistAccountSchema = z.object({
  id: z.number().int(),
  iban: z.string(),
  balance: cents,
  /** Deprecated by Kontist, still sent by the current API. */
  accountType: z.string().optional(),
  /** Only the legacy (Basic auth) API sends it. */
  bankName: z.string().optional(),
});
export type KontistAccountPayload = z.infer<typeof kontistAccountSchema>;
export const kontistAccountListSchema = z.array(kontistAccountSchema);

/**
 * v2.1, asked for with `Accept: application/vnd.kontist.transactionlist.v2.1+json`.
 * `amount` is signed euro cents (negative for outgoing money); `bookingDate` is null
 * while the transaction is not booked yet.
 */
export const kontistTransactionSchema = z.object({
  id: z.number().int(),
  amount: cents,
  type: text.optional(),
  category: text.optional(),
  name: text.optional(),
  iban: text.optional(),
  purpose: text.optional(),
  e2eId: text.optional(),
  bookingDate: text.optional(),
  valutaDate: text.optional(),
  bookingType: text.optional(),
  /** Minor units of `foreignCurrency`, as a string, e.g. "760". */
  originalAmount: z.union([z.string(), z.number()]).nullable().optional(),
  foreignCurrency: text.optional(),
  paymentMethod: text.optional(),
  invoiceNumber: z.union([z.number(), z.string()]).nullable().optional(),
  invoicePreviewUrl: text.optional(),
  invoiceDownloadUrl: text.optional(),
  userSelectedBookingDate: text.optional(),
  documentType: text.optional(),
  mandateNumber: text.optional(),
});
export type KontistTransactionPayload = z.infer<typeof kontistTransactionSchema>;

/**
 * The legacy list (Basic auth, no v2.1 Accept header): snake_case, and `amount` is
 * unsigned; the direction is told by `from` (the account id for outgoing money) and
 * `to` (the account id for incoming money).
 */
export const kontistLegacyTransactionSchema = z.object({
  id: z.number().int(),
  from: z.number().int().nullable().optional(),
  to: z.number().int().nullable().optional(),
  amount: cents,
  type: text.optional(),
  category: text.optional(),
  name: text.optional(),
  iban: text.optional(),
  purpose: text.optional(),
  e2e_id: text.optional(),
  booking_date: text.optional(),
  valuta_date: text.optional(),
  booking_type: text.optional(),
  original_amount: z.union([z.string(), z.number()]).nullable().optional(),
  foreign_currency: text.optional(),
  paymentMethod: text.optional(),
});
export type KontistLegacyTransactionPayload = z.infer<typeof kontistLegacyTransactionSchema>;

/** A page of `GET /api/accounts/{id}/transactions?page=N`, either format. */
const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    /** Path of the next page, e.g. `/api/accounts/4711/transactions?page=2`; null on the last one. */
    next: z.string().nullable(),
    total: z.number().int().nonnegative(),
    results: z.array(item),
  });
export const kontistTransactionPageSchema = pageOf(kontistTransactionSchema);
export const kontistLegacyTransactionPageSchema = pageOf(kontistLegacyTransactionSchema);
export interface KontistTransactionPagePayload<T> {
  next: string | null;
  total: number;
  results: T[];
}

/** `POST /api/oauth/token` answer. */
export const kontistTokenSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number().int(),
  refresh_token: z.string().optional(),
  scope: z.string(),
});
export type KontistTokenPayload = z.infer<typeof kontistTokenSchema>;

/** Error bodies: `{"error": "invalid_grant"}`, `{"error": "invalid_tan"}`, ... */
export interface KontistErrorPayload {
  error?: string;
  message?: string;
}
