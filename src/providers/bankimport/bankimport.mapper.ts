import { parseDecimal } from '../../money';
import { parseOptionalDate } from '../dates';
import type { AccountRecord, TransactionRecord } from '../provider';
import type { bankimportBankAccountSchema, bankimportTransactionSchema } from './bankimport.payloads';
import type { z } from 'zod';

type BankAccount = z.output<typeof bankimportBankAccountSchema>;
type Transaction = z.output<typeof bankimportTransactionSchema>;

export function toBankimportAccount(raw: BankAccount): AccountRecord {
  return {
    provider: 'BANKIMPORT',
    providerAccountId: String(raw.id),
    iban: raw.iban ?? null,
    bic: raw.bic ?? null,
    bankName: raw.bank_name ?? null,
    bankCode: raw.bank_code,
    accountNumber: raw.account_number,
    owner: raw.account_owner ?? null,
    title: raw.title ?? null,
    type: raw.account_type ?? null,
    currency: raw.currency,
    balance: raw.balance == null ? null : parseDecimal(raw.balance, raw.currency),
    availableBalance: null,
    lastUpdatedAt: parseOptionalDate(raw.last_update_at),
    // Bankimport only reads: it cannot start payments.
    canInitiatePayments: false,
  };
}

export function toBankimportTransaction(raw: Transaction): TransactionRecord {
  return {
    provider: 'BANKIMPORT',
    providerTransactionId: String(raw.id),
    providerAccountId: String(raw.bank_account_id),
    amount: parseDecimal(raw.amount, raw.currency),
    originalAmount: null,
    status: raw.status === 'pending' ? 'PENDING' : 'BOOKED',
    counterpartyName: raw.counterparty_name ?? null,
    counterpartyIban: raw.counterparty_iban ?? null,
    purpose: raw.purpose ?? null,
    endToEndId: raw.end_to_end_reference ?? null,
    mandateNumber: raw.mandate_reference ?? null,
    bookingType: raw.transaction_type ?? null,
    paymentMethod: null,
    category: null,
    bookingDate: parseOptionalDate(raw.account_date),
    valueDate: parseOptionalDate(raw.value_date),
  };
}
