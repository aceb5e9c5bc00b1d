import type { TransactionRecord } from '../../src/providers/provider';

/** A booked outgoing Bankimport transaction of 12.50 EUR; override what a test is about. */
export const aTransaction = (overrides: Partial<TransactionRecord> = {}): TransactionRecord => ({
  provider: 'BANKIMPORT',
  providerTransactionId: 't1',
  providerAccountId: '7856278',
  amount: { minorUnits: -1250, currency: 'EUR' },
  originalAmount: null,
  status: 'BOOKED',
  counterpartyName: 'Karl Brenner',
  counterpartyIban: null,
  purpose: 'Lunch',
  endToEndId: null,
  mandateNumber: null,
  bookingType: null,
  paymentMethod: null,
  category: null,
  bookingDate: new Date(Date.UTC(2024, 5, 30)),
  valueDate: null,
  ...overrides,
});
