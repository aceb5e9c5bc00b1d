import { parseJson } from '../../../src/providers/http';
import { toBankimportAccount, toBankimportTransaction } from '../../../src/providers/bankimport/bankimport.mapper';
import {
  bankimportBankAccountListSchema,
  bankimportBankAccountSchema,
  bankimportTransactionDetailSchema,
  bankimportTransactionListSchema,
  bankimportTransactionSchema,
  type BankimportTransactionPayload,
} from '../../../src/providers/bankimport/bankimport.payloads';

/**
 * The sample of `GET /api/v1/bank-accounts` in ../shared/providers/bankimport-api.md,
 * with the braces the published page lost put back.
 */
const bankAccountsJson = `{
  "bank_accounts": [
    {
      "id": 7856278,
      "account_number": "12345",
      "sub_account_number": "01",
      "last_update_at": "2013-04-28T12:13:22Z",
      "account_owner": "ACME Company Inc.",
      "currency": "EUR",
      "bank_name": "Deutsche Bank",
      "bank_code": "30070024",
      "balance": 24323.49,
      "access_type": "HBCI",
      "account_type": "Kontokorrentkonto",
      "iban": "DE04300700240001234501",
      "bic": "DEUTDEDBDUE"
    },
    {
      "id": 7856279,
      "account_number": "12345",
      "sub_account_number": "02",
      "last_update_at": "2013-04-28T12:16:22Z",
      "account_owner": "ACME Company Inc.",
      "currency": "EUR",
      "bank_name": "Deutsche Bank",
      "bank_code": "30070024",
      "balance": -5323.21,
      "access_type": "HBCI",
      "account_type": "SparCard",
      "iban": "DE04300700240001234502",
      "bic": "DEUTDEDBDUE"
    }
  ]
}`;

/** Reads a JSON reply the way the client does: lossless JSON, then the zod schema. */
const accounts = (json: string) =>
  bankimportBankAccountListSchema.parse(parseJson(json)).bank_accounts.map(toBankimportAccount);

const aBankimportTransaction = (
  overrides: Partial<BankimportTransactionPayload> = {},
): BankimportTransactionPayload => ({
  id: 98001,
  bank_account_id: 7856278,
  amount: '-1250.5',
  currency: 'EUR',
  account_date: '2024-03-01',
  value_date: '2024-03-02',
  imported_at: '2024-03-01T05:12:00Z',
  status: 'completed',
  purpose: 'Miete März',
  counterparty_name: 'Hausverwaltung Müller',
  counterparty_iban: 'DE89370400440532013000',
  counterparty_bic: 'COBADEFFXXX',
  end_to_end_reference: 'E2E-2024-03',
  mandate_reference: 'MANDATE-7',
  transaction_type: 'SEPA_DIRECT_DEBIT',
  booking_text: 'SEPA-Lastschrift',
  ...overrides,
});

const transaction = (overrides: Partial<BankimportTransactionPayload> = {}) =>
  toBankimportTransaction(bankimportTransactionSchema.parse(aBankimportTransaction(overrides)));

describe('toBankimportAccount', () => {
  it('maps the documented first account with its balance in exact cents', () => {
    const [first] = accounts(bankAccountsJson);
    expect(first).toEqual({
      provider: 'BANKIMPORT',
      providerAccountId: '7856278',
      iban: 'DE04300700240001234501',
      bic: 'DEUTDEDBDUE',
      bankName: 'Deutsche Bank',
      bankCode: '30070024',
      accountNumber: '12345',
      owner: 'ACME Company Inc.',
      title: null,
      type: 'Kontokorrentkonto',
      currency: 'EUR',
      balance: { minorUnits: 2432349, currency: 'EUR' },
      availableBalance: null,
      lastUpdatedAt: new Date('2013-04-28T12:13:22Z'),
      canInitiatePayments: false,
    });
  });

  it('maps the documented negative balance of the second account exactly', () => {
    const [, second] = accounts(bankAccountsJson);
    expect(second?.providerAccountId).toBe('7856279');
    expect(second?.balance).toEqual({ minorUnits: -532321, currency: 'EUR' });
    expect(second?.type).toBe('SparCard');
    expect(second?.lastUpdatedAt).toEqual(new Date('2013-04-28T12:16:22Z'));
  });

  it('reads a whole-euro balance sent as an integer', () => {
    const [account] = accounts(
      '{"bank_accounts":[{"id":1,"account_number":"1","currency":"EUR","bank_code":"30070024","balance":100}]}',
    );
    expect(account?.balance).toEqual({ minorUnits: 10000, currency: 'EUR' });
  });

  it('keeps a balance whose float would drift exact', () => {
    const [account] = accounts(
      '{"bank_accounts":[{"id":1,"account_number":"1","currency":"EUR","bank_code":"30070024","balance":9007199254740.99}]}',
    );
    expect(account?.balance?.minorUnits).toBe(900719925474099);
  });

  it("reads the balance in the account's own currency", () => {
    const raw = bankimportBankAccountSchema.parse({
      id: 1,
      account_number: '1',
      currency: 'JPY',
      bank_code: '30070024',
      balance: '15000',
    });
    expect(toBankimportAccount(raw).balance).toEqual({ minorUnits: 15000, currency: 'JPY' });
  });

  it('has no balance, title or update time where Bankimport sends none', () => {
    const raw = bankimportBankAccountSchema.parse({
      id: '42',
      account_number: 12345,
      currency: 'EUR',
      bank_code: 30070024,
      balance: null,
      last_update_at: null,
    });
    const account = toBankimportAccount(raw);
    expect(account.providerAccountId).toBe('42');
    expect(account.accountNumber).toBe('12345');
    expect(account.bankCode).toBe('30070024');
    expect(account.balance).toBeNull();
    expect(account.lastUpdatedAt).toBeNull();
    expect(account.title).toBeNull();
    expect(account.iban).toBeNull();
  });

  it('refuses a balance with more decimals than the currency has', () => {
    expect(() =>
      accounts('{"bank_accounts":[{"id":1,"account_number":"1","currency":"EUR","bank_code":"1","balance":1.234}]}'),
    ).toThrow(RangeError);
  });
});

describe('toBankimportTransaction', () => {
  it('maps every field of a completed transaction', () => {
    expect(transaction()).toEqual({
      provider: 'BANKIMPORT',
      providerTransactionId: '98001',
      providerAccountId: '7856278',
      amount: { minorUnits: -125050, currency: 'EUR' },
      originalAmount: null,
      status: 'BOOKED',
      counterpartyName: 'Hausverwaltung Müller',
      counterpartyIban: 'DE89370400440532013000',
      purpose: 'Miete März',
      endToEndId: 'E2E-2024-03',
      mandateNumber: 'MANDATE-7',
      bookingType: 'SEPA_DIRECT_DEBIT',
      paymentMethod: null,
      category: null,
      bookingDate: new Date('2024-03-01T00:00:00Z'),
      valueDate: new Date('2024-03-02T00:00:00Z'),
    });
  });

  it('marks a pending transaction PENDING, without a booking date where it has none', () => {
    const record = transaction({ status: 'pending', account_date: null });
    expect(record.status).toBe('PENDING');
    expect(record.bookingDate).toBeNull();
    expect(record.valueDate).toEqual(new Date('2024-03-02T00:00:00Z'));
  });

  it('reads a booking day as midnight UTC', () => {
    expect(transaction({ account_date: '2024-12-31' }).bookingDate?.toISOString()).toBe('2024-12-31T00:00:00.000Z');
  });

  it('reads an incoming amount as positive minor units', () => {
    expect(transaction({ amount: '24323.49' }).amount).toEqual({ minorUnits: 2432349, currency: 'EUR' });
  });

  it('reads amounts from a JSON list exactly, integers included', () => {
    const list = bankimportTransactionListSchema.parse(
      parseJson(`{
        "transactions": [
          {"id": 1, "bank_account_id": 7856278, "amount": -5323.21, "currency": "EUR", "status": "completed", "account_date": "2024-03-01"},
          {"id": 2, "bank_account_id": 7856278, "amount": 100, "currency": "EUR", "status": "pending", "account_date": null},
          {"id": 3, "bank_account_id": 7856278, "amount": 0.1, "currency": "EUR", "status": "completed", "account_date": "2024-02-29"}
        ],
        "pagination": {"current_page": 1, "per_page": 1000, "total_entries": 3, "total_pages": 1}
      }`),
    );
    const records = list.transactions.map(toBankimportTransaction);
    expect(records.map((r) => r.amount.minorUnits)).toEqual([-532321, 10000, 10]);
    expect(records.map((r) => r.status)).toEqual(['BOOKED', 'PENDING', 'BOOKED']);
    expect(list.pagination.total_entries).toBe(3);
  });

  it('maps the transaction of a detail reply', () => {
    const detail = bankimportTransactionDetailSchema.parse({ transaction: aBankimportTransaction({ id: '77' }) });
    expect(toBankimportTransaction(detail.transaction).providerTransactionId).toBe('77');
  });

  it('refuses an unknown status', () => {
    expect(
      bankimportTransactionSchema.safeParse(aBankimportTransaction({ status: 'booked' as 'completed' })).success,
    ).toBe(false);
  });

  it('refuses an amount in exponent notation', () => {
    expect(() => transaction({ amount: '1e3' })).toThrow(RangeError);
  });

  it('refuses an account date that is not a date', () => {
    expect(() => transaction({ account_date: '01.03.2024' })).toThrow(RangeError);
  });
});
