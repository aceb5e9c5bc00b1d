import { parseJson } from '../../../src/providers/http';
import { parseBankimportXml } from '../../../src/providers/bankimport/bankimport.xml';
import {
  bankimportBankAccountListSchema,
  bankimportTransactionListSchema,
} from '../../../src/providers/bankimport/bankimport.payloads';
import { toBankimportAccount, toBankimportTransaction } from '../../../src/providers/bankimport/bankimport.mapper';

/** The documented accounts, as Rails' `to_xml` writes them. */
const bankAccountsXml = `<?xml version="1.0" encoding="UTF-8"?>
<bank_accounts type="array">
  <bank_account>
    <id type="integer">7856278</id>
    <account_number>12345</account_number>
    <sub_account_number>01</sub_account_number>
    <last_update_at type="datetime">2013-04-28T12:13:22Z</last_update_at>
    <account_owner>ACME Company Inc.</account_owner>
    <currency>EUR</currency>
    <bank_name>Deutsche Bank</bank_name>
    <bank_code>30070024</bank_code>
    <balance type="decimal">24323.49</balance>
    <access_type>HBCI</access_type>
    <account_type>Kontokorrentkonto</account_type>
    <iban>DE04300700240001234501</iban>
    <bic nil="true"/>
  </bank_account>
  <bank_account>
    <id type="integer">7856279</id>
    <account_number>12345</account_number>
    <sub_account_number>02</sub_account_number>
    <last_update_at type="datetime">2013-04-28T12:16:22Z</last_update_at>
    <account_owner>ACME Company Inc.</account_owner>
    <currency>EUR</currency>
    <bank_name>Deutsche Bank</bank_name>
    <bank_code>30070024</bank_code>
    <balance type="decimal">-5323.21</balance>
    <access_type>HBCI</access_type>
    <account_type>SparCard</account_type>
    <iban>DE04300700240001234502</iban>
    <bic>DEUTDEDBDUE</bic>
  </bank_account>
</bank_accounts>
`;

const bankAccountsJson = `{"bank_accounts": [
  {"id": 7856278, "account_number": "12345", "sub_account_number": "01", "last_update_at": "2013-04-28T12:13:22Z",
   "account_owner": "ACME Company Inc.", "currency": "EUR", "bank_name": "Deutsche Bank", "bank_code": "30070024",
   "balance": 24323.49, "access_type": "HBCI", "account_type": "Kontokorrentkonto", "iban": "DE04300700240001234501",
   "bic": null},
  {"id": 7856279, "account_number": "12345", "sub_account_number": "02", "last_update_at": "2013-04-28T12:16:22Z",
   "account_owner": "ACME Company Inc.", "currency": "EUR", "bank_name": "Deutsche Bank", "bank_code": "30070024",
   "balance": -5323.21, "access_type": "HBCI", "account_type": "SparCard", "iban": "DE04300700240001234502",
   "bic": "DEUTDEDBDUE"}
]}`;

interface XmlTransaction {
  id: number;
  amount: string;
  status: 'pending' | 'completed';
  accountDate: string | null;
  purpose: string;
}

const anXmlTransaction = (overrides: Partial<XmlTransaction> = {}): XmlTransaction => ({
  id: 98001,
  amount: '-12.50',
  status: 'completed',
  accountDate: '2024-03-01',
  purpose: 'Lunch',
  ...overrides,
});

const transactionXml = (t: XmlTransaction) => `
    <transaction>
      <id type="integer">${t.id}</id>
      <bank_account_id type="integer">7856278</bank_account_id>
      <amount type="decimal">${t.amount}</amount>
      <currency>EUR</currency>
      ${t.accountDate === null ? '<account_date type="date" nil="true"/>' : `<account_date type="date">${t.accountDate}</account_date>`}
      <status>${t.status}</status>
      <purpose>${t.purpose}</purpose>
      <counterparty_name nil="true"/>
    </transaction>`;

const transactionListXml = (
  transactions: XmlTransaction[],
  totalEntries = transactions.length,
) => `<?xml version="1.0" encoding="UTF-8"?>
<transaction_list>
  ${
    transactions.length === 0
      ? '<transactions type="array"/>'
      : `<transactions type="array">${transactions.map(transactionXml).join('')}
  </transactions>`
  }
  <pagination>
    <current_page type="integer">1</current_page>
    <per_page type="integer">1000</per_page>
    <total_entries type="integer">${totalEntries}</total_entries>
    <total_pages type="integer">1</total_pages>
  </pagination>
</transaction_list>
`;

/** The client reads the list inside `<transaction_list>`. */
const transactionList = (xml: string) => (parseBankimportXml(xml) as { transaction_list: unknown }).transaction_list;

describe('parseBankimportXml', () => {
  it('decodes the accounts to the same tree as their JSON', () => {
    expect(parseBankimportXml(bankAccountsXml)).toEqual(parseJson(bankAccountsJson));
  });

  it('gives the same accounts as the JSON after the schema and mapper', () => {
    const fromXml = bankimportBankAccountListSchema
      .parse(parseBankimportXml(bankAccountsXml))
      .bank_accounts.map(toBankimportAccount);
    const fromJson = bankimportBankAccountListSchema
      .parse(parseJson(bankAccountsJson))
      .bank_accounts.map(toBankimportAccount);
    expect(fromXml).toEqual(fromJson);
    expect(fromXml.map((a) => a.balance?.minorUnits)).toEqual([2432349, -532321]);
  });

  it('keeps decimals as their exact text and integers as numbers', () => {
    const tree = parseBankimportXml(bankAccountsXml) as { bank_accounts: Array<Record<string, unknown>> };
    expect(tree.bank_accounts[0]?.balance).toBe('24323.49');
    expect(tree.bank_accounts[0]?.id).toBe(7856278);
    expect(tree.bank_accounts[0]?.sub_account_number).toBe('01');
    expect(tree.bank_accounts[0]?.bic).toBeNull();
  });

  it('decodes an array of one element as an array', () => {
    const xml = `<bank_accounts type="array"><bank_account><id type="integer">1</id><currency>EUR</currency></bank_account></bank_accounts>`;
    expect(parseBankimportXml(xml)).toEqual({ bank_accounts: [{ id: 1, currency: 'EUR' }] });
  });

  it('decodes an empty array', () => {
    expect(transactionList(transactionListXml([]))).toEqual({
      transactions: [],
      pagination: { current_page: 1, per_page: 1000, total_entries: 0, total_pages: 1 },
    });
  });

  it('decodes a transaction list with its pagination to the same tree as its JSON', () => {
    const xml = transactionListXml([
      anXmlTransaction(),
      anXmlTransaction({ id: 98002, amount: '100', status: 'pending', accountDate: null, purpose: 'Refund' }),
    ]);
    expect(transactionList(xml)).toEqual(
      parseJson(`{
        "transactions": [
          {"id": 98001, "bank_account_id": 7856278, "amount": -12.50, "currency": "EUR", "account_date": "2024-03-01",
           "status": "completed", "purpose": "Lunch", "counterparty_name": null},
          {"id": 98002, "bank_account_id": 7856278, "amount": "100", "currency": "EUR", "account_date": null,
           "status": "pending", "purpose": "Refund", "counterparty_name": null}
        ],
        "pagination": {"current_page": 1, "per_page": 1000, "total_entries": 2, "total_pages": 1}
      }`),
    );
  });

  it('gives mapped transactions with pending and completed status and dates', () => {
    const xml = transactionListXml([
      anXmlTransaction(),
      anXmlTransaction({ id: 98002, amount: '0.10', status: 'pending', accountDate: null }),
    ]);
    const list = bankimportTransactionListSchema.parse(transactionList(xml));
    const records = list.transactions.map(toBankimportTransaction);
    expect(records.map((r) => [r.providerTransactionId, r.amount.minorUnits, r.status, r.bookingDate])).toEqual([
      ['98001', -1250, 'BOOKED', new Date('2024-03-01T00:00:00Z')],
      ['98002', 10, 'PENDING', null],
    ]);
    expect(list.pagination.total_entries).toBe(2);
  });

  it('decodes a transaction list holding a single transaction', () => {
    const list = bankimportTransactionListSchema.parse(transactionList(transactionListXml([anXmlTransaction()])));
    expect(list.transactions).toHaveLength(1);
    expect(list.transactions[0]?.id).toBe(98001);
  });

  it('unescapes the predefined XML entities in text', () => {
    const xml = transactionListXml([
      anXmlTransaction({ purpose: 'Miete &amp; Nebenkosten &lt;03/2024&gt; &quot;Haus&quot; &apos;A&apos;' }),
    ]);
    const list = bankimportTransactionListSchema.parse(transactionList(xml));
    expect(list.transactions[0]?.purpose).toBe(`Miete & Nebenkosten <03/2024> "Haus" 'A'`);
  });

  it('unescapes an escaped ampersand only once', () => {
    const xml = transactionListXml([anXmlTransaction({ purpose: 'AT&amp;amp;T' })]);
    const list = bankimportTransactionListSchema.parse(transactionList(xml));
    expect(list.transactions[0]?.purpose).toBe('AT&amp;T');
  });

  it('decodes character references to their characters', () => {
    // Rails' Builder writes non-ASCII text as character references: "Müller" as "M&#252;ller".
    const xml = transactionListXml([anXmlTransaction({ purpose: 'M&#252;ller &#x2013; Miete' })]);
    const list = bankimportTransactionListSchema.parse(transactionList(xml));
    expect(list.transactions[0]?.purpose).toBe('Müller – Miete');
  });

  it('keeps UTF-8 text as it is', () => {
    const xml = transactionListXml([anXmlTransaction({ purpose: 'Überweisung an Jürgen' })]);
    const list = bankimportTransactionListSchema.parse(transactionList(xml));
    expect(list.transactions[0]?.purpose).toBe('Überweisung an Jürgen');
  });
});

describe('parseBankimportXml with hostile or broken documents', () => {
  it('refuses a billion-laughs entity bomb', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<bank_accounts type="array"><bank_account><account_owner>&lol9;</account_owner></bank_account></bank_accounts>`;
    expect(() => parseBankimportXml(bomb)).toThrow(/DOCTYPE|entity/i);
  });

  it('refuses an external entity', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><bank_accounts type="array"><bank_account><account_owner>&xxe;</account_owner></bank_account></bank_accounts>`;
    expect(() => parseBankimportXml(xxe)).toThrow(/DOCTYPE|entity/i);
  });

  it('refuses a DOCTYPE spelled in lower case', () => {
    expect(() => parseBankimportXml('<!doctype a><a>1</a>')).toThrow(/DOCTYPE|entity/i);
  });

  it('refuses a truncated document', () => {
    const truncated = bankAccountsXml.slice(0, bankAccountsXml.indexOf('<balance'));
    expect(() => parseBankimportXml(truncated)).toThrow();
  });

  it('refuses mismatched tags', () => {
    expect(() =>
      parseBankimportXml('<bank_accounts type="array"><bank_account></bank_accounts></bank_account>'),
    ).toThrow();
  });

  it('refuses a body that is not XML at all', () => {
    expect(() => parseBankimportXml('{"bank_accounts": []}')).toThrow();
    expect(() => parseBankimportXml('')).toThrow();
  });

  it.each(['12a', '1.5', '', ' ', '0x10', '1e3', '99999999999999999999'])(
    'refuses %p as a type="integer" value',
    (value) => {
      expect(() => parseBankimportXml(`<bank_account><id type="integer">${value}</id></bank_account>`)).toThrow();
    },
  );

  it('reads a negative type="integer" value', () => {
    expect(parseBankimportXml('<pagination><current_page type="integer">-1</current_page></pagination>')).toEqual({
      pagination: { current_page: -1 },
    });
  });

  it('refuses an element named to pollute prototypes', () => {
    expect(() =>
      parseBankimportXml('<bank_account><__proto__><polluted>yes</polluted></__proto__></bank_account>'),
    ).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
