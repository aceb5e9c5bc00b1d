import { parseJson } from '../../../src/providers/http';
import {
  toKontistAccount,
  toKontistLegacyTransaction,
  toKontistTransaction,
  toOAuthTokens,
} from '../../../src/providers/kontist/kontist.mapper';
import {
  kontistAccountListSchema,
  kontistAccountSchema,
  kontistLegacyTransactionPageSchema,
  kontistLegacyTransactionSchema,
  kontistTokenSchema,
  kontistTransactionPageSchema,
  kontistTransactionSchema,
  type KontistLegacyTransactionPayload,
  type KontistTransactionPayload,
} from '../../../src/providers/kontist/kontist.payloads';

/** Fixtures copied from ../shared/providers/kontist-api.md and kontist-api-legacy.md. */
const ACCOUNT_ID = '4711';

const accountsV21 = `[
  {
    "id": 4711,
    "iban": "DE06110101001000004444",
    "balance": 17325,
    "accountType": "solaris"
  }
]`;

// The legacy doc's sample lacks a comma after "bankName"; this is the same data, valid.
const accountsLegacy = `[
  {
    "id": 4711,
    "iban": "DE06110101001000004444",
    "bankName": "solarisBank",
    "balance": 17325
  }
]`;

const transactionsV21 = `{
  "next": "/api/accounts/4711/transactions?page=2",
  "total": 3,
  "results": [
    {
      "id": 912182,
      "amount": 659,
      "type": null,
      "category": null,
      "name": "Vae Zrniv4chmon1; St Louis; Fr",
      "iban": null,
      "purpose": null,
      "e2eId": null,
      "bookingDate": "2018-08-08T16:26:52+00:00",
      "valutaDate": null,
      "bookingType": null,
      "originalAmount": "760",
      "foreignCurrency": "CHF",
      "paymentMethod": "credit_card",
      "invoiceNumber": 12,
      "invoicePreviewUrl": "https:",
      "invoiceDownloadUrl": "https:",
      "userSelectedBookingDate": null,
      "documentType": null,
      "mandateNumber": null
    },
    {
      "id": 905800,
      "amount": -50433,
      "type": null,
      "category": null,
      "name": "Karl Lagerfeld",
      "iban": "DE35120300001012765235",
      "purpose": "E-16ab84e3177fdb4f692e02fd5b8ce808",
      "e2eId": "E-16ab84e3177fdb4f692e02fd5b8ce808",
      "bookingDate": "2018-08-06T22:00:00+00:00",
      "valutaDate": "2018-08-06T22:00:00+00:00",
      "bookingType": "SEPA_CREDIT_TRANSFER",
      "originalAmount": null,
      "foreignCurrency": null,
      "paymentMethod": "bank_account",
      "invoiceNumber": null,
      "invoicePreviewUrl": null,
      "invoiceDownloadUrl": null,
      "userSelectedBookingDate": null,
      "documentType": null,
      "mandateNumber": null
    }
  ]
}`;

const transactionsLegacy = `{
  "next": "/api/accounts/4711/transactions?page=2",
  "total": 3,
  "results": [
    {
      "id": 912182,
      "from": 4711,
      "to": null,
      "amount": 659,
      "type": null,
      "category": null,
      "name": "Vae Zrniv4chmon1; St Louis; Fr",
      "iban": null,
      "purpose": null,
      "e2e_id": null,
      "booking_date": "2018-08-08T16:26:52+00:00",
      "valuta_date": null,
      "booking_type": null,
      "original_amount": "760",
      "foreign_currency": "CHF",
      "paymentMethod": "credit_card"
    },
    {
      "id": 905800,
      "from": 4711,
      "to": null,
      "amount": 50433,
      "type": null,
      "category": null,
      "name": "Karl Lagerfeld",
      "iban": "DE35120300001012765235",
      "purpose": "E-16ab84e3177fdb4f692e02fd5b8ce808",
      "e2e_id": "E-16ab84e3177fdb4f692e02fd5b8ce808",
      "booking_date": "2018-08-06T22:00:00+00:00",
      "valuta_date": "2018-08-06T22:00:00+00:00",
      "booking_type": "SEPA_CREDIT_TRANSFER",
      "original_amount": null,
      "foreign_currency": null,
      "paymentMethod": "bank_account"
    }
  ]
}`;

/** Reads a fixture the way the client does: lossless JSON, then the zod schema. */
const v21Page = () => kontistTransactionPageSchema.parse(parseJson(transactionsV21));
const legacyPage = () => kontistLegacyTransactionPageSchema.parse(parseJson(transactionsLegacy));

/** The doc's SEPA transfer (905800), with overrides. */
const aV21Transaction = (overrides: Partial<KontistTransactionPayload> = {}): KontistTransactionPayload =>
  kontistTransactionSchema.parse({ ...(v21Page().results[1] as object), ...overrides });

const aLegacyTransaction = (
  overrides: Partial<KontistLegacyTransactionPayload> = {},
): KontistLegacyTransactionPayload =>
  kontistLegacyTransactionSchema.parse({ ...(legacyPage().results[1] as object), ...overrides });

describe('toKontistAccount', () => {
  it('maps the documented v2.1 account, with bank code and account number taken from the IBAN', () => {
    const [raw] = kontistAccountListSchema.parse(parseJson(accountsV21));
    expect(toKontistAccount(raw!)).toEqual({
      provider: 'KONTIST',
      providerAccountId: '4711',
      iban: 'DE06110101001000004444',
      bic: null,
      bankName: null,
      bankCode: '11010100',
      accountNumber: '1000004444',
      owner: null,
      title: null,
      type: 'solaris',
      currency: 'EUR',
      balance: { minorUnits: 17325, currency: 'EUR' },
      availableBalance: null,
      lastUpdatedAt: null,
      canInitiatePayments: true,
    });
  });

  it("keeps the legacy account's bank name and has no type", () => {
    const [raw] = kontistAccountListSchema.parse(parseJson(accountsLegacy));
    const account = toKontistAccount(raw!);
    expect(account.bankName).toBe('solarisBank');
    expect(account.type).toBeNull();
    expect(account.balance).toEqual({ minorUnits: 17325, currency: 'EUR' });
  });

  it('strips the leading zeros of the account number inside the IBAN', () => {
    const raw = kontistAccountSchema.parse({ id: 1, iban: 'DE89370400440532013000', balance: -1 });
    const account = toKontistAccount(raw);
    expect(account.bankCode).toBe('37040044');
    expect(account.accountNumber).toBe('532013000');
    expect(account.balance).toEqual({ minorUnits: -1, currency: 'EUR' });
  });

  it('leaves bank code and account number empty for a non-German IBAN', () => {
    const raw = kontistAccountSchema.parse({ id: 1, iban: 'NL91ABNA0417164300', balance: 0 });
    const account = toKontistAccount(raw);
    expect(account.bankCode).toBeNull();
    expect(account.accountNumber).toBeNull();
  });
});

describe('toKontistTransaction (v2.1)', () => {
  it('maps the documented credit card payment with its original amount in CHF minor units', () => {
    const [card] = v21Page().results;
    expect(toKontistTransaction(card!, ACCOUNT_ID)).toEqual({
      provider: 'KONTIST',
      providerTransactionId: '912182',
      providerAccountId: '4711',
      amount: { minorUnits: 659, currency: 'EUR' },
      originalAmount: { minorUnits: 760, currency: 'CHF' },
      status: 'BOOKED',
      counterpartyName: 'Vae Zrniv4chmon1; St Louis; Fr',
      counterpartyIban: null,
      purpose: null,
      endToEndId: null,
      mandateNumber: null,
      bookingType: null,
      paymentMethod: 'credit_card',
      category: null,
      bookingDate: new Date('2018-08-08T16:26:52Z'),
      valueDate: null,
    });
  });

  it('maps the documented SEPA transfer with its signed amount as it is', () => {
    const [, transfer] = v21Page().results;
    expect(toKontistTransaction(transfer!, ACCOUNT_ID)).toEqual({
      provider: 'KONTIST',
      providerTransactionId: '905800',
      providerAccountId: '4711',
      amount: { minorUnits: -50433, currency: 'EUR' },
      originalAmount: null,
      status: 'BOOKED',
      counterpartyName: 'Karl Lagerfeld',
      counterpartyIban: 'DE35120300001012765235',
      purpose: 'E-16ab84e3177fdb4f692e02fd5b8ce808',
      endToEndId: 'E-16ab84e3177fdb4f692e02fd5b8ce808',
      mandateNumber: null,
      bookingType: 'SEPA_CREDIT_TRANSFER',
      paymentMethod: 'bank_account',
      category: null,
      bookingDate: new Date('2018-08-06T22:00:00Z'),
      valueDate: new Date('2018-08-06T22:00:00Z'),
    });
  });

  it('gives the dates as Date objects', () => {
    const record = toKontistTransaction(aV21Transaction(), ACCOUNT_ID);
    expect(record.bookingDate).toBeInstanceOf(Date);
    expect(record.bookingDate?.toISOString()).toBe('2018-08-06T22:00:00.000Z');
  });

  it('marks a transaction without a booking date as PENDING', () => {
    const record = toKontistTransaction(aV21Transaction({ bookingDate: null, valutaDate: null }), ACCOUNT_ID);
    expect(record.status).toBe('PENDING');
    expect(record.bookingDate).toBeNull();
    expect(record.valueDate).toBeNull();
  });

  it('keeps a positive amount positive', () => {
    expect(toKontistTransaction(aV21Transaction({ amount: 1250 }), ACCOUNT_ID).amount).toEqual({
      minorUnits: 1250,
      currency: 'EUR',
    });
  });

  it('reads an original amount sent as a number too', () => {
    const record = toKontistTransaction(aV21Transaction({ originalAmount: 1000, foreignCurrency: 'JPY' }), ACCOUNT_ID);
    expect(record.originalAmount).toEqual({ minorUnits: 1000, currency: 'JPY' });
  });

  it('has no original amount without a foreign currency', () => {
    const record = toKontistTransaction(aV21Transaction({ originalAmount: '760', foreignCurrency: null }), ACCOUNT_ID);
    expect(record.originalAmount).toBeNull();
  });

  it('keeps the mandate number and category', () => {
    const record = toKontistTransaction(aV21Transaction({ mandateNumber: 'M-123', category: 'VAT_0' }), ACCOUNT_ID);
    expect(record.mandateNumber).toBe('M-123');
    expect(record.category).toBe('VAT_0');
  });

  it('refuses an original amount with decimals (it is in minor units)', () => {
    expect(() =>
      toKontistTransaction(aV21Transaction({ originalAmount: '7.60', foreignCurrency: 'CHF' }), ACCOUNT_ID),
    ).toThrow(RangeError);
  });

  it('refuses a booking date that is not a date', () => {
    expect(() => toKontistTransaction(aV21Transaction({ bookingDate: 'yesterday' }), ACCOUNT_ID)).toThrow(RangeError);
  });
});

describe('toKontistLegacyTransaction', () => {
  it('maps the documented card payment from the account as outgoing money', () => {
    const [card] = legacyPage().results;
    expect(toKontistLegacyTransaction(card!, ACCOUNT_ID)).toEqual({
      provider: 'KONTIST',
      providerTransactionId: '912182',
      providerAccountId: '4711',
      amount: { minorUnits: -659, currency: 'EUR' },
      originalAmount: { minorUnits: 760, currency: 'CHF' },
      status: 'BOOKED',
      counterpartyName: 'Vae Zrniv4chmon1; St Louis; Fr',
      counterpartyIban: null,
      purpose: null,
      endToEndId: null,
      mandateNumber: null,
      bookingType: null,
      paymentMethod: 'credit_card',
      category: null,
      bookingDate: new Date('2018-08-08T16:26:52Z'),
      valueDate: null,
    });
  });

  it('maps the documented SEPA transfer from the account as outgoing money', () => {
    const [, transfer] = legacyPage().results;
    expect(toKontistLegacyTransaction(transfer!, ACCOUNT_ID)).toEqual({
      provider: 'KONTIST',
      providerTransactionId: '905800',
      providerAccountId: '4711',
      amount: { minorUnits: -50433, currency: 'EUR' },
      originalAmount: null,
      status: 'BOOKED',
      counterpartyName: 'Karl Lagerfeld',
      counterpartyIban: 'DE35120300001012765235',
      purpose: 'E-16ab84e3177fdb4f692e02fd5b8ce808',
      endToEndId: 'E-16ab84e3177fdb4f692e02fd5b8ce808',
      mandateNumber: null,
      bookingType: 'SEPA_CREDIT_TRANSFER',
      paymentMethod: 'bank_account',
      category: null,
      bookingDate: new Date('2018-08-06T22:00:00Z'),
      valueDate: new Date('2018-08-06T22:00:00Z'),
    });
  });

  it('takes money sent to the account as incoming', () => {
    const record = toKontistLegacyTransaction(aLegacyTransaction({ from: null, to: 4711, amount: 2500 }), ACCOUNT_ID);
    expect(record.amount).toEqual({ minorUnits: 2500, currency: 'EUR' });
  });

  it('tells the direction from the account it is read for', () => {
    const transfer = aLegacyTransaction({ from: 4711, to: 4712, amount: 2500 });
    expect(toKontistLegacyTransaction(transfer, '4711').amount.minorUnits).toBe(-2500);
    expect(toKontistLegacyTransaction(transfer, '4712').amount.minorUnits).toBe(2500);
  });

  it('marks a transaction without a booking date as PENDING', () => {
    const record = toKontistLegacyTransaction(
      aLegacyTransaction({ booking_date: null, valuta_date: null }),
      ACCOUNT_ID,
    );
    expect(record.status).toBe('PENDING');
    expect(record.bookingDate).toBeNull();
  });

  it('has no mandate number, which the legacy format does not send', () => {
    expect(toKontistLegacyTransaction(aLegacyTransaction(), ACCOUNT_ID).mandateNumber).toBeNull();
  });
});

describe('toOAuthTokens', () => {
  it('maps the documented refresh answer, which has no new refresh token', () => {
    const raw = kontistTokenSchema.parse({
      access_token: 'eyJ.access',
      token_type: 'Bearer',
      expires_in: 3599,
      scope: 'offline',
    });
    expect(toOAuthTokens(raw)).toEqual({
      accessToken: 'eyJ.access',
      tokenType: 'Bearer',
      expiresIn: 3599,
      refreshToken: null,
      scope: 'offline',
    });
  });
});

describe('Kontist payload schemas', () => {
  const [cardPayment] = (JSON.parse(transactionsV21) as { results: Record<string, unknown>[] }).results;
  const [legacyCard] = (JSON.parse(transactionsLegacy) as { results: Record<string, unknown>[] }).results;
  const withoutId = (raw: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'id'));

  it('accepts both documented pages with their next link and total', () => {
    expect(v21Page()).toMatchObject({ next: '/api/accounts/4711/transactions?page=2', total: 3 });
    expect(legacyPage().results).toHaveLength(2);
  });

  it('keeps originalAmount as the text Kontist sent', () => {
    expect(v21Page().results[0]?.originalAmount).toBe('760');
  });

  it('refuses an amount sent as a string', () => {
    expect(kontistTransactionSchema.safeParse({ ...cardPayment, amount: '12' }).success).toBe(false);
    expect(kontistLegacyTransactionSchema.safeParse({ ...legacyCard, amount: '12' }).success).toBe(false);
  });

  it('refuses an amount with a fraction of a cent', () => {
    expect(kontistTransactionSchema.safeParse({ ...cardPayment, amount: 6.59 }).success).toBe(false);
  });

  it('refuses a transaction without an id', () => {
    expect(kontistTransactionSchema.safeParse(withoutId(cardPayment!)).success).toBe(false);
    expect(kontistLegacyTransactionSchema.safeParse(withoutId(legacyCard!)).success).toBe(false);
  });

  it('refuses an account whose balance is not whole cents', () => {
    expect(kontistAccountSchema.safeParse({ id: 4711, iban: 'DE06110101001000004444', balance: 173.25 }).success).toBe(
      false,
    );
    expect(kontistAccountSchema.safeParse({ id: 4711, iban: 'DE06110101001000004444', balance: '17325' }).success).toBe(
      false,
    );
  });

  it('refuses a page without a total or with a negative one', () => {
    const page = JSON.parse(transactionsV21) as Record<string, unknown>;
    const { total: _total, ...withoutTotal } = page;
    expect(kontistTransactionPageSchema.safeParse(withoutTotal).success).toBe(false);
    expect(kontistTransactionPageSchema.safeParse({ ...page, total: -1 }).success).toBe(false);
  });

  it('refuses a booking date of the wrong type', () => {
    expect(kontistTransactionSchema.safeParse({ ...cardPayment, bookingDate: 1533745612 }).success).toBe(false);
  });
});
