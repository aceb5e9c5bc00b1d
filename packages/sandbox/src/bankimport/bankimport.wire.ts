/**
 * Bankimport's wire format as the sandbox writes it, spelled as Bankimport's docs spell
 * it (../shared/providers/bankimport-api.md), in its JSON form; the XML form has the
 * same fields as Rails `to_xml` elements (bankimport.xml.ts). Written from the docs,
 * never from the gateway's client: the contract tests (test/providers/bankimport/)
 * check these replies against what the client reads.
 *
 * Decimals (`balance`, `amount`) are bare JSON numbers (`24323.49`, `-5323.21`),
 * written from their exact text so that no float ever holds money.
 */

/** A bank account, as the docs' sample of `GET /api/v1/bank-accounts` shows it. */
export interface BankimportBankAccountPayload {
  id: number;
  account_number: string;
  sub_account_number: string | null;
  /** `2013-04-28T12:13:22Z` */
  last_update_at: string;
  account_owner: string;
  currency: string;
  bank_name: string;
  bank_code: string;
  balance: number;
  /** `HBCI` */
  access_type: string;
  /** `Kontokorrentkonto`, `SparCard` */
  account_type: string;
  iban: string;
  bic: string;
  /** The `title` given when its HBCI login was linked (`POST /api/v1/bank-account/hbci`). */
  title: string | null;
}

/** `GET /api/v1/bank-accounts`, and `POST /api/v1/bank-account/hbci` with the login's accounts. */
export interface BankimportBankAccountListPayload {
  bank_accounts: BankimportBankAccountPayload[];
}

/** `GET /api/v1/bank-account/{id}` */
export interface BankimportBankAccountDetailPayload {
  bank_account: BankimportBankAccountPayload;
}

/**
 * A transaction. The docs name `account_date`, `imported_at`, `status`, `amount` and
 * `purpose` (as search parameters); the rest are Rails' snake_case names of a SEPA booking.
 */
export interface BankimportTransactionPayload {
  id: number;
  bank_account_id: number;
  /** Signed: negative for money leaving the account. */
  amount: number;
  currency: string;
  /** The booking day, `2013-05-20`. */
  account_date: string;
  value_date: string;
  /** `2013-05-20T20:18:00Z` */
  imported_at: string;
  status: 'pending' | 'completed';
  purpose: string | null;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  counterparty_bic: string | null;
  end_to_end_reference: string | null;
  mandate_reference: string | null;
  /** `SEPA_CREDIT_TRANSFER`, `SEPA_DIRECT_DEBIT`, `CARD_PAYMENT` */
  transaction_type: string;
  /** The bank's own booking text, `SEPA-Überweisung`. */
  booking_text: string;
}

/** "make sure to respect the pagination information in our results" */
export interface BankimportPaginationPayload {
  current_page: number;
  per_page: number;
  total_entries: number;
  total_pages: number;
}

/**
 * `GET /api/v1/transactions` and `GET /api/v1/bank-account/{id}/transactions`; in XML
 * the root element is `<transaction_list>`.
 */
export interface BankimportTransactionListPayload {
  transactions: BankimportTransactionPayload[];
  pagination: BankimportPaginationPayload;
}

/** `GET /api/v1/transaction/{id}` */
export interface BankimportTransactionDetailPayload {
  transaction: BankimportTransactionPayload;
}

/** `POST /api/v1/bank-account/{id}/import`, as in the docs' sample. */
export interface BankimportImportPayload {
  import: {
    id: number;
    bank_account_id: number;
    /** `2013-05-23T14:39:52Z` */
    estimated_finish_date: string;
  };
}

/**
 * A refusal: `{"error": "not_found"}` (`<error>not_found</error>`), or with words for
 * people `{"error": "hbci_login_failed", "message": "…"}` (`<hash><error>…</error><message>…</message></hash>`).
 */
export interface BankimportErrorPayload {
  error: string;
  message?: string;
}
