import { z } from 'zod';

/**
 * Bankimport's wire format, spelled as Bankimport spells it
 * (../shared/providers/bankimport-api.md). JSON by default; the same fields as XML
 * elements when the path ends in `.xml`.
 *
 * Decimal amounts (`balance`, `amount`) are numbers on the wire; the client reads them
 * as their literal text (`DecimalText`) so that no float ever holds money.
 */

/** The literal digits of a JSON or XML decimal, e.g. "24323.49" or "-5323.21". */
export type DecimalText = string;

const text = z.string().nullable();
const id = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
/** Integers arrive as numbers, other decimals as their text (see http.ts parseJson). */
const decimal = z.union([z.string(), z.number().int().transform(String)]);

export const bankimportBankAccountSchema = z.object({
  id,
  account_number: z.union([z.string(), z.number().transform(String)]),
  sub_account_number: text.optional(),
  last_update_at: text.optional(),
  account_owner: text.optional(),
  currency: z.string(),
  bank_name: text.optional(),
  bank_code: z.union([z.string(), z.number().transform(String)]),
  balance: decimal.nullable().optional(),
  access_type: text.optional(),
  account_type: text.optional(),
  iban: text.optional(),
  bic: text.optional(),
  /** The title given when the login was linked. */
  title: text.optional(),
});
export type BankimportBankAccountPayload = z.input<typeof bankimportBankAccountSchema>;

/** `GET /api/v1/bank-accounts` */
export const bankimportBankAccountListSchema = z.object({
  bank_accounts: z.array(bankimportBankAccountSchema),
});
export type BankimportBankAccountListPayload = z.input<typeof bankimportBankAccountListSchema>;

/** `GET /api/v1/bank-account/{id}` */
export const bankimportBankAccountDetailSchema = z.object({ bank_account: bankimportBankAccountSchema });
export type BankimportBankAccountDetailPayload = z.input<typeof bankimportBankAccountDetailSchema>;

export const bankimportTransactionSchema = z.object({
  id,
  bank_account_id: id,
  /** Signed: negative for money leaving the account. */
  amount: decimal,
  currency: z.string(),
  /** The booking day, `YYYY-MM-DD`. */
  account_date: text.optional(),
  value_date: text.optional(),
  imported_at: text.optional(),
  status: z.enum(['pending', 'completed']),
  purpose: text.optional(),
  counterparty_name: text.optional(),
  counterparty_iban: text.optional(),
  counterparty_bic: text.optional(),
  end_to_end_reference: text.optional(),
  mandate_reference: text.optional(),
  /** e.g. SEPA_CREDIT_TRANSFER, SEPA_DIRECT_DEBIT, CARD_PAYMENT */
  transaction_type: text.optional(),
  /** The bank's own booking text, e.g. "SEPA-Überweisung". */
  booking_text: text.optional(),
});
export type BankimportTransactionPayload = z.input<typeof bankimportTransactionSchema>;

export const bankimportPaginationSchema = z.object({
  current_page: z.number().int(),
  per_page: z.number().int(),
  total_entries: z.number().int().nonnegative(),
  total_pages: z.number().int().nonnegative(),
});
export type BankimportPaginationPayload = z.input<typeof bankimportPaginationSchema>;

/**
 * `GET /api/v1/transactions` and `GET /api/v1/bank-account/{id}/transactions`.
 * XML: `<transaction_list><transactions type="array"><transaction>…</transaction>
 * </transactions><pagination>…</pagination></transaction_list>`.
 */
export const bankimportTransactionListSchema = z.object({
  transactions: z.array(bankimportTransactionSchema),
  pagination: bankimportPaginationSchema,
});
export type BankimportTransactionListPayload = z.input<typeof bankimportTransactionListSchema>;

/** `GET /api/v1/transaction/{id}` */
export const bankimportTransactionDetailSchema = z.object({ transaction: bankimportTransactionSchema });
export type BankimportTransactionDetailPayload = z.input<typeof bankimportTransactionDetailSchema>;

/** `POST /api/v1/bank-account/{id}/import` */
export interface BankimportImportPayload {
  import: { id: number; bank_account_id: number; estimated_finish_date: string };
}

/** Error bodies: `{"error": "…"}`, `<error>…</error>` in XML. */
export interface BankimportErrorPayload {
  error: string;
}

/** `POST /api/v1/bank-account/{id}/import`: an asynchronous forced import. */
export const bankimportImportSchema = z.object({
  import: z.object({
    id: z.number().int(),
    bank_account_id: z.number().int(),
    estimated_finish_date: z.string(),
  }),
});
