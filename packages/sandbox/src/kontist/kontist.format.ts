import type { KontistCaller } from './kontist.auth';
import type { KontistAccount, KontistTransaction } from './kontist.data';
import type {
  KontistAccountPayload,
  KontistLegacyAccountPayload,
  KontistLegacyTransactionPayload,
  KontistTransactionPayload,
} from './kontist.wire';

export function toAccountPayload(
  account: KontistAccount,
  scheme: KontistCaller['scheme'],
): KontistAccountPayload | KontistLegacyAccountPayload {
  return scheme === 'basic'
    ? { id: account.id, iban: account.iban, bankName: 'solarisBank', balance: account.balance }
    : { id: account.id, iban: account.iban, balance: account.balance, accountType: 'solaris' };
}

export function toTransactionPayload(transaction: KontistTransaction): KontistTransactionPayload {
  return {
    id: transaction.id,
    amount: transaction.amount,
    type: transaction.type,
    category: transaction.category,
    name: transaction.name,
    iban: transaction.iban,
    purpose: transaction.purpose,
    e2eId: transaction.e2eId,
    bookingDate: transaction.bookingDate,
    valutaDate: transaction.valutaDate,
    bookingType: transaction.bookingType,
    originalAmount: transaction.originalAmount,
    foreignCurrency: transaction.foreignCurrency,
    paymentMethod: transaction.paymentMethod,
    invoiceNumber: null,
    invoicePreviewUrl: null,
    invoiceDownloadUrl: null,
    userSelectedBookingDate: null,
    documentType: null,
    mandateNumber: transaction.mandateNumber,
  };
}

/** The legacy format has no sign: `from` is set for money out, `to` for money in. */
export function toLegacyTransactionPayload(transaction: KontistTransaction): KontistLegacyTransactionPayload {
  const outgoing = transaction.amount < 0;
  return {
    id: transaction.id,
    from: outgoing ? transaction.accountId : null,
    to: outgoing ? null : transaction.accountId,
    amount: Math.abs(transaction.amount),
    type: transaction.type,
    category: transaction.category,
    name: transaction.name,
    iban: transaction.iban,
    purpose: transaction.purpose,
    e2e_id: transaction.e2eId,
    booking_date: transaction.bookingDate,
    valuta_date: transaction.valutaDate,
    booking_type: transaction.bookingType,
    original_amount: transaction.originalAmount,
    foreign_currency: transaction.foreignCurrency,
    paymentMethod: transaction.paymentMethod,
  };
}
