import type { Response } from 'express';
import { toDecimalText } from '../money';
import { toIsoSeconds } from '../time';
import type { BankimportAccount, BankimportTransaction } from './bankimport.data';
import { date, datetime, decimal, integer, list, record, text, type DocumentNode } from './bankimport.document';
import { toJson } from './bankimport.json';
import { toXml } from './bankimport.xml';
import type { TransactionQuery } from './bankimport.query';
import type { BankimportImport } from './bankimport.state';
import type {
  BankimportBankAccountPayload,
  BankimportErrorPayload,
  BankimportImportPayload,
  BankimportPaginationPayload,
  BankimportTransactionListPayload,
  BankimportTransactionPayload,
} from './bankimport.wire';

export type BankimportFormat = 'json' | 'xml';

/** Field order and types as Bankimport sends them. */
export function toAccountNode(account: BankimportAccount): DocumentNode {
  return record<BankimportBankAccountPayload>({
    id: integer(account.id),
    account_number: text(account.accountNumber),
    sub_account_number: text(account.subAccountNumber),
    last_update_at: datetime(account.lastUpdateAt),
    account_owner: text(account.accountOwner),
    currency: text(account.currency),
    bank_name: text(account.bankName),
    bank_code: text(account.bankCode),
    balance: decimal(toDecimalText(account.balance)),
    access_type: text(account.accessType),
    account_type: text(account.accountType),
    iban: text(account.iban),
    bic: text(account.bic),
    title: text(account.title),
  });
}

/** Field order and types as Bankimport sends them. */
export function toTransactionNode(transaction: BankimportTransaction): DocumentNode {
  return record<BankimportTransactionPayload>({
    id: integer(transaction.id),
    bank_account_id: integer(transaction.bankAccountId),
    amount: decimal(toDecimalText(transaction.amount)),
    currency: text(transaction.currency),
    account_date: date(transaction.accountDate),
    value_date: date(transaction.valueDate),
    imported_at: datetime(transaction.importedAt),
    status: text(transaction.status),
    purpose: text(transaction.purpose),
    counterparty_name: text(transaction.counterpartyName),
    counterparty_iban: text(transaction.counterpartyIban),
    counterparty_bic: text(transaction.counterpartyBic),
    end_to_end_reference: text(transaction.endToEndReference),
    mandate_reference: text(transaction.mandateReference),
    transaction_type: text(transaction.transactionType),
    booking_text: text(transaction.bookingText),
  });
}

/** `{"import":{"id":343833,"bank_account_id":7856278,"estimated_finish_date":"2013-05-23T14:39:52Z"}}`, as in the docs. */
export function toImportNode(entry: BankimportImport): DocumentNode {
  return record<BankimportImportPayload['import']>({
    id: integer(entry.id),
    bank_account_id: integer(entry.bankAccountId),
    estimated_finish_date: datetime(toIsoSeconds(entry.finishMs)),
  });
}

/** `{"transactions":[…],"pagination":{…}}`; in XML under `<transaction_list>`. */
export function toTransactionListNode(
  transactions: readonly BankimportTransaction[],
  totalEntries: number,
  query: TransactionQuery,
): DocumentNode {
  return record<BankimportTransactionListPayload>({
    transactions: list('transaction', transactions.map(toTransactionNode)),
    pagination: record<BankimportPaginationPayload>({
      current_page: integer(query.page),
      per_page: integer(query.limit),
      total_entries: integer(totalEntries),
      total_pages: integer(Math.ceil(totalEntries / query.limit)),
    }),
  });
}

export function formatOf(res: Response): BankimportFormat {
  return res.locals.bankimportFormat === 'xml' ? 'xml' : 'json';
}

/**
 * Writes `node` in the format the path asked for. In JSON it sits under `root`
 * (`{"bank_account":{…}}`) unless `rootInJson` is false; in XML `root` is the root element.
 */
export function respond(res: Response, status: number, root: string, node: DocumentNode, rootInJson = true): void {
  res.status(status);
  if (formatOf(res) === 'xml') {
    res.type('application/xml').send(toXml(root, node));
    return;
  }
  res.type('application/json').send(rootInJson ? toJson(record({ [root]: node })) : toJson(node));
}

/**
 * `{"error":"code"}`, `<error>code</error>` in XML. With a `message` for people,
 * `{"error":"code","message":"…"}`, which Rails writes in XML as a Hash's `to_xml`:
 * `<hash><error>code</error><message>…</message></hash>`.
 */
export function respondError(res: Response, status: number, code: string, message?: string): void {
  if (message === undefined) {
    respond(res, status, 'error', text(code));
    return;
  }
  respond(res, status, 'hash', record<BankimportErrorPayload>({ error: text(code), message: text(message) }), false);
}
