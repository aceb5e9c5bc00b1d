import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { AccountTransactionsDocument, AccountsDocument } from '../generated/graphql';
import { alice, startGateway, type TestGateway } from '../support/gateway';

/** A fake Bankimport whose answers each test chooses: real HTTP, hostile bodies. */
function hostileBankimport() {
  let answer: (res: http.ServerResponse) => void = (res) => res.end();
  const server = http.createServer((_req, res) => answer(res));
  return {
    server,
    answerWith(next: (res: http.ServerResponse) => void) {
      answer = next;
    },
    async listen(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(['json', 'xml'])('a hostile Bankimport (%s)', (format) => {
  const fake = hostileBankimport();
  let t: TestGateway;

  beforeAll(async () => {
    const url = await fake.listen();
    t = await startGateway({
      BANKIMPORT_URL: url,
      BANKIMPORT_FORMAT: format,
      UPSTREAM_TIMEOUT_MS: '300',
      CIRCUIT_FAILURES: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
    fake.server.closeAllConnections();
    await fake.close();
  });

  const bankimportError = async () => {
    const { body } = await t.gql(AccountsDocument, {}, alice);
    // Kontist still answers: one provider's garbage never blanks the response.
    expect(body.data!.accounts.map((a) => a.provider)).toEqual(['KONTIST']);
    expect(body.errors).toHaveLength(1);
    return body.errors![0]!;
  };

  const send =
    (body: string, type = format === 'xml' ? 'application/xml' : 'application/json') =>
    (res: http.ServerResponse) => {
      res.setHeader('Content-Type', type);
      res.end(body);
    };

  it('answers PROVIDER_ERROR for a malformed body', async () => {
    fake.answerWith(
      send(format === 'xml' ? '<bank_accounts type="array"><bank_account><id>1' : '{"bank_accounts": [{"id": 1,'),
    );
    expect((await bankimportError()).extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'BANKIMPORT' });
  });

  it('answers PROVIDER_ERROR for fields of the wrong type, never a stack', async () => {
    fake.answerWith(
      send(
        format === 'xml'
          ? '<bank_accounts type="array"><bank_account><id type="integer">x1</id></bank_account></bank_accounts>'
          : '{"bank_accounts": [{"id": "abc", "balance": {"evil": true}}]}',
      ),
    );
    const error = await bankimportError();
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'BANKIMPORT' });
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses an XML entity bomb without expanding it', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><bank_accounts type="array"><bank_account><account_owner>&lol4;</account_owner></bank_account></bank_accounts>`;
    fake.answerWith(send(format === 'xml' ? bomb : '{"bank_accounts": "&lol4;"}'));
    expect((await bankimportError()).extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'BANKIMPORT' });
  });

  it('answers PROVIDER_UNAVAILABLE for a reply slower than UPSTREAM_TIMEOUT_MS', async () => {
    fake.answerWith((res) => setTimeout(() => send('{"bank_accounts": []}')(res), 2000).unref());
    expect((await bankimportError()).extensions).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      provider: 'BANKIMPORT',
    });
  });

  it('answers PROVIDER_UNAVAILABLE for a 502 and PROVIDER_ERROR with the status for a 422', async () => {
    fake.answerWith((res) => {
      res.statusCode = 502;
      res.end('bad gateway');
    });
    expect((await bankimportError()).extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
    fake.answerWith((res) => {
      res.statusCode = 422;
      res.setHeader('Content-Type', 'application/json');
      res.end('{"error": "bank_code unknown"}');
    });
    const error = await bankimportError();
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_ERROR', status: 422 });
    expect(error.message).toContain('bank_code unknown');
  });

  it('keeps serving correct data afterwards', async () => {
    fake.answerWith(send('garbage'));
    const { body } = await t.gql(AccountTransactionsDocument, { id: 'QWNjb3VudDpLT05USVNUOjQ3MTE', first: 3 }, alice);
    expect(body.errors).toBeUndefined();
    expect(body.data!.account!.transactions.edges).toHaveLength(3);
  });
});

describe('a hostile Kontomatik', () => {
  const fake = hostileBankimport();
  let t: TestGateway;
  const commandId = Buffer.from('ImportCommand:KONTOMATIK:0123456789abcdef').toString('base64url');

  beforeAll(async () => {
    t = await startGateway({
      KONTOMATIK_URL: await fake.listen(),
      UPSTREAM_TIMEOUT_MS: '2000',
      CIRCUIT_FAILURES: '1000',
    });
  });
  afterAll(async () => {
    await t.close();
    fake.server.closeAllConnections();
    await fake.close();
  });

  const xml = (body: string) => (res: http.ServerResponse) => {
    res.setHeader('Content-Type', 'application/xml');
    res.end(body);
  };
  const importError = async () => {
    const { body } = await t.gql(`query($id: ID!) { importCommand(id: $id) { status } }`, { id: commandId });
    expect(body.errors).toHaveLength(1);
    return body.errors![0]!;
  };

  it.each([
    [
      'a billion-laughs entity bomb',
      `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><reply><command id="x" status="&b;"/></reply>`,
    ],
    ['truncated XML', '<reply><command id="x" status="RUNNING"><accounts><account><number>1'],
    ['a status of the wrong type', '<reply><command id="x"><status><nested>1</nested></status></command></reply>'],
    [
      'an amount that is not a decimal',
      '<reply><command id="x" status="COMPLETED"><accounts><account><number>1</number><currency>PLN</currency><balance>NaN</balance></account></accounts></command></reply>',
    ],
  ])('answers PROVIDER_ERROR for %s, and keeps serving', async (_name, body) => {
    fake.answerWith(xml(body));
    const error = await importError();
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'KONTOMATIK' });
    expect(error.message).not.toMatch(/at \w+ \(|node_modules/);
    const { body: ok } = await t.gql(AccountsDocument, {}, alice);
    expect(ok.data!.accounts.length).toBeGreaterThan(0);
  });

  it('refuses a 50 MB reply unread, with bounded memory', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    fake.answerWith((res) => {
      res.setHeader('Content-Type', 'application/xml');
      res.write('<reply><command id="x" status="RUNNING"><target>');
      let sent = 0;
      const more = () => {
        while (sent < 50) {
          sent += 1;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end('</target></command></reply>');
      };
      more();
    });
    const before = process.memoryUsage().rss;
    const error = await importError();
    expect(error.extensions).toMatchObject({ code: 'PROVIDER_ERROR', provider: 'KONTOMATIK' });
    expect(error.message).toMatch(/larger than the gateway accepts/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });
});
