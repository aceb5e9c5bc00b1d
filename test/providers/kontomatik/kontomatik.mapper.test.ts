import { toCommandResult, toImportStatus } from '../../../src/providers/kontomatik/kontomatik.mapper';
import { kontomatikCommandReplySchema } from '../../../src/providers/kontomatik/kontomatik.payloads';
import { readKontomatikXml } from '../../../src/providers/kontomatik/kontomatik.xml';

const commandOf = (xml: string) => kontomatikCommandReplySchema.parse(readKontomatikXml(xml)).reply.command;

describe('Kontomatik command states', () => {
  it.each([
    ['QUEUED', 'QUEUED'],
    ['RUNNING', 'RUNNING'],
    ['COMPLETED', 'COMPLETED'],
    ['FAILED', 'FAILED'],
    ['setup', 'QUEUED'],
    ['in_progress', 'RUNNING'],
    ['successful', 'COMPLETED'],
    ['error', 'FAILED'],
  ])('maps %s to %s', (word, status) => {
    expect(toImportStatus(word)).toBe(status);
  });

  it('refuses a state it does not know rather than guessing', () => {
    expect(() => toImportStatus('paused')).toThrow(/unknown command status/);
  });
});

describe('Kontomatik command replies', () => {
  it('reads the OpenAPI shape: accounts, exact amounts, newest first, stable ids', () => {
    const result = toCommandResult(
      commandOf(`<?xml version="1.0" encoding="UTF-8"?>
      <reply><command id="c1" status="COMPLETED"><target>KontoBank</target>
        <owners><owner><name>Jan Kowalski</name><externalId>u-1</externalId></owner></owners>
        <accounts><account><number>PL61109010140000071219812874</number><currency>PLN</currency>
          <balance>1234567.89</balance><availableBalance>0.10</availableBalance>
          <transactions>
            <transaction><date>2026-06-01</date><amount>-0.30</amount><description>Orlen &amp; Co</description></transaction>
            <transaction><date>2026-06-03</date><amount>100000000.01</amount></transaction>
          </transactions>
        </account></accounts>
        <multipleAccessToken>tok</multipleAccessToken>
      </command></reply>`),
    );
    expect(result).toMatchObject({
      commandId: 'c1',
      status: 'COMPLETED',
      target: 'KontoBank',
      multipleAccessToken: 'tok',
    });
    expect(result.owners).toEqual([{ name: 'Jan Kowalski', email: null, externalId: 'u-1' }]);
    const [account] = result.accounts;
    expect(account).toMatchObject({
      provider: 'KONTOMATIK',
      providerAccountId: 'c1:PL61109010140000071219812874',
      iban: 'PL61109010140000071219812874',
      balance: { minorUnits: 123456789, currency: 'PLN' },
      availableBalance: { minorUnits: 10, currency: 'PLN' },
    });
    const transactions = result.transactions.get(account!.providerAccountId)!;
    expect(transactions.map((t) => t.amount.minorUnits)).toEqual([10000000001, -30]);
    expect(transactions.map((t) => t.providerTransactionId)).toEqual(['1', '2']);
    expect(transactions[1]!.purpose).toBe('Orlen & Co');
  });

  it('reads the live service’s shape: `state`, results in <result>, moneyTransactions', () => {
    const result = toCommandResult(
      commandOf(`<reply><command id="c2" state="successful"><result>
        <accounts><account><number>123</number><currency>EUR</currency><balance>5</balance>
          <moneyTransactions><moneyTransaction><transactionOn>2026-05-05</transactionOn><amount>12.5</amount><title>Rent</title><party>Anna</party></moneyTransaction></moneyTransactions>
        </account></accounts></result></command></reply>`),
    );
    expect(result.status).toBe('COMPLETED');
    const [account] = result.accounts;
    expect(account!.iban).toBeNull();
    expect(result.transactions.get(account!.providerAccountId)![0]).toMatchObject({
      amount: { minorUnits: 1250, currency: 'EUR' },
      purpose: 'Rent',
      counterpartyName: 'Anna',
    });
  });

  it('reads a running command without results, and a failed one with its error', () => {
    expect(toCommandResult(commandOf('<reply><command id="c3" state="in_progress"/></reply>'))).toMatchObject({
      status: 'RUNNING',
      accounts: [],
    });
    expect(
      toCommandResult(commandOf('<reply><command id="c4" status="FAILED"><error>Too old</error></command></reply>')),
    ).toMatchObject({ status: 'FAILED', error: 'Too old' });
  });

  it('refuses amounts that are not exact decimals and replies of the wrong shape', () => {
    const withAmount = (amount: string) =>
      `<reply><command id="c" status="COMPLETED"><accounts><account><number>1</number><currency>PLN</currency>
        <transactions><transaction><date>2026-01-01</date><amount>${amount}</amount></transaction></transactions>
      </account></accounts></command></reply>`;
    expect(() => toCommandResult(commandOf(withAmount('1e3')))).toThrow();
    expect(() => toCommandResult(commandOf(withAmount('12.345')))).toThrow();
    expect(() => commandOf('<reply><session>x</session></reply>')).toThrow();
  });
});

describe('Kontomatik XML reading', () => {
  it('refuses entity declarations: no billion laughs, no external entities', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
      <reply><command id="x" status="COMPLETED"><target>&lol2;</target></command></reply>`;
    expect(() => readKontomatikXml(bomb)).toThrow(/DOCTYPE/);
    expect(() => readKontomatikXml('<!DOCTYPE r SYSTEM "file:///etc/passwd"><reply/>')).toThrow(/DOCTYPE/);
  });

  it('refuses absurd nesting', () => {
    const deep = `${'<a>'.repeat(200)}x${'</a>'.repeat(200)}`;
    expect(() => readKontomatikXml(deep)).toThrow();
  });
});
