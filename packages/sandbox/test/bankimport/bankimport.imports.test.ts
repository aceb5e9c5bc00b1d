import request from 'supertest';
import type { Express } from 'express';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'lossless-json';
import { parseDecimalCents } from '../../src/money';
import { createSandbox } from '../../src/sandbox';
import type { RequestCount } from '../../src/stats';

const ALICE = 'Token token=sandbox-alice';
const BOB = 'Token token=sandbox-bob';

const ALICE_LOGIN = { title: 'Notgroschen', hbci_bank_code: '30070024', username: 'alice', secret: 'alice-hbci-pin' };
const BOB_LOGIN = { title: 'Rücklagen', hbci_bank_code: '30070024', username: 'bob', secret: 'bob-hbci-pin' };

/** The sandbox books in Berlin summer time, as its demo data does. */
const BERLIN_OFFSET_MS = 2 * 3_600_000;

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === 'bank_account',
});

/** JSON with every number kept as its literal text, so that money is compared exactly. */
function exact<T>(text: string): T {
  return parse(text, undefined, (value) => value) as T;
}

interface TransactionRow {
  id: string;
  bank_account_id: string;
  amount: string;
  account_date: string;
  value_date: string;
  imported_at: string;
  status: string;
}

/** Waits on the wall clock until `isoDate` has passed: imports complete at their finish date. */
function passed(isoDate: string): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(isoDate) - Date.now()) + 25));
}

function hasValidChecksum(iban: string): boolean {
  const numeric = [...(iban.slice(4) + iban.slice(0, 4))]
    .map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char))
    .join('');
  return BigInt(numeric) % 97n === 1n;
}

describe('sandbox Bankimport: linking HBCI logins and forced imports', () => {
  let app: Express;

  function get(path: string, auth = ALICE): request.Test {
    return request(app).get(`/bankimport${path}`).set('Authorization', auth);
  }

  function post(path: string, auth = ALICE): request.Test {
    return request(app).post(`/bankimport${path}`).set('Authorization', auth);
  }

  function linkWithForm(form: Record<string, string>, auth = ALICE, suffix = ''): request.Test {
    return post(`/api/v1/bank-account/hbci${suffix}`, auth).type('form').send(form);
  }

  async function accountIds(auth = ALICE): Promise<number[]> {
    const res = await get('/api/v1/bank-accounts', auth).expect(200);
    return res.body.bank_accounts.map((account: { id: number }) => account.id);
  }

  async function totalTransactions(path: string, auth = ALICE): Promise<number> {
    return (await get(`${path}?limit=1`, auth).expect(200)).body.pagination.total_entries;
  }

  beforeEach(() => {
    app = createSandbox({ importMs: 60_000 }).app;
  });

  describe('POST /api/v1/bank-account/hbci', () => {
    it("links alice's login from a form body: 201 with all of the login's accounts, the new one titled as asked", async () => {
      const res = await linkWithForm(ALICE_LOGIN).expect(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const accounts = res.body.bank_accounts;
      expect(accounts.map((account: { id: number }) => account.id)).toEqual([7856278, 7856279, 7856280]);
      expect(accounts[0].title).toBe('Girokonto');
      expect(accounts[2]).toEqual({
        id: 7856280,
        account_number: '2345678',
        sub_account_number: '03',
        last_update_at: '2026-06-30T06:12:09Z',
        account_owner: 'Alice Example',
        currency: 'EUR',
        bank_name: 'Deutsche Bank',
        bank_code: '30070024',
        balance: 18734.15,
        access_type: 'HBCI',
        account_type: 'Tagesgeld',
        iban: expect.stringMatching(/^DE\d{2}300700240234567803$/),
        bic: 'DEUTDEDBDUE',
        title: 'Notgroschen',
      });
      expect(hasValidChecksum(accounts[2].iban)).toBe(true);
      expect(res.text).toContain('"balance":18734.15,');
    });

    it("links bob's login from a JSON body with his customer number: only his Deutsche Bank account", async () => {
      const res = await post('/api/v1/bank-account/hbci', BOB)
        .send({ ...BOB_LOGIN, customer_number: '4711000815' })
        .expect(201);
      expect(res.body.bank_accounts).toEqual([
        expect.objectContaining({ id: 7856302, bank_code: '30070024', account_type: 'Tagesgeld', title: 'Rücklagen' }),
      ]);
      expect(await accountIds(BOB)).toEqual([7856301, 7856302]);
      expect(await accountIds(ALICE)).toEqual([7856278, 7856279]);
    });

    it('accepts the bank code as a JSON number and the login without its optional customer number', async () => {
      await post('/api/v1/bank-account/hbci', BOB)
        .send({ ...BOB_LOGIN, hbci_bank_code: 30070024 })
        .expect(201);
    });

    it('keeps the extra account out of every list, lookup and search until the login is linked', async () => {
      expect(await accountIds()).toEqual([7856278, 7856279]);
      await get('/api/v1/bank-account/7856280').expect(404);
      await get('/api/v1/bank-account/7856280/transactions').expect(404);
      await get('/api/v1/transaction/4999900').expect(404);
      expect(await totalTransactions('/api/v1/transactions')).toBe(1350);

      await linkWithForm(ALICE_LOGIN).expect(201);

      expect(await accountIds()).toEqual([7856278, 7856279, 7856280]);
      expect((await get('/api/v1/bank-account/7856280').expect(200)).body.bank_account.title).toBe('Notgroschen');
      const savings = await get('/api/v1/bank-account/7856280/transactions').expect(200);
      expect(savings.body.pagination.total_entries).toBe(30);
      expect(savings.body.transactions[0].id).toBe(4999900);
      expect(savings.body.transactions.every((t: { bank_account_id: number }) => t.bank_account_id === 7856280)).toBe(
        true,
      );
      expect((await get('/api/v1/transaction/4999900').expect(200)).body.transaction.bank_account_id).toBe(7856280);
      expect(await totalTransactions('/api/v1/transactions')).toBe(1380);
      expect(await accountIds(BOB)).toEqual([7856301]);
      await get('/api/v1/bank-account/7856280', BOB).expect(404);
    });

    it('answers Rails-style XML when the path ends in .xml', async () => {
      const res = await linkWithForm(ALICE_LOGIN, ALICE, '.xml').expect(201);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<bank_accounts type="array">')).toBe(true);
      const added = xml.parse(res.text).bank_accounts.bank_account[2];
      expect(added.id).toEqual({ '#text': '7856280', '@_type': 'integer' });
      expect(added.balance).toEqual({ '#text': '18734.15', '@_type': 'decimal' });
      expect(added.title).toBe('Notgroschen');
    });

    it('is idempotent: linking again answers the same accounts with 200 and duplicates nothing', async () => {
      const first = await linkWithForm(ALICE_LOGIN).expect(201);
      const again = await linkWithForm({ ...ALICE_LOGIN, title: 'Another title' }).expect(200);
      expect(again.body).toEqual(first.body);
      expect(await accountIds()).toEqual([7856278, 7856279, 7856280]);
      expect(await totalTransactions('/api/v1/transactions')).toBe(1380);
    });

    it.each([
      ['a wrong PIN', { secret: 'wrong-hbci-pin' }],
      ['a PIN with a stray space', { secret: 'alice-hbci-pin ' }],
      ['an unknown username', { username: 'mallory' }],
      ['a customer number where the login has none', { customer_number: '4711000815' }],
    ])('refuses %s with 422 hbci_login_failed, echoing no secret', async (_case, change) => {
      const res = await linkWithForm({ ...ALICE_LOGIN, ...change }).expect(422);
      expect(res.body).toEqual({ error: 'hbci_login_failed', message: 'The bank refused the HBCI login.' });
      expect(res.text).not.toContain('hbci-pin');
      expect(await accountIds()).toEqual([7856278, 7856279]);
    });

    it('refuses a customer number other than the login has', async () => {
      const res = await post('/api/v1/bank-account/hbci', BOB)
        .send({ ...BOB_LOGIN, customer_number: '1234567890' })
        .expect(422);
      expect(res.body.error).toBe('hbci_login_failed');
    });

    it('refuses in XML as a Rails Hash, still without the secret', async () => {
      const res = await linkWithForm({ ...ALICE_LOGIN, secret: 'secret-guess-42' }, ALICE, '.xml').expect(422);
      expect(res.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?>\n<hash>\n  <error>hbci_login_failed</error>\n' +
          '  <message>The bank refused the HBCI login.</message>\n</hash>\n',
      );
    });

    it('refuses an unknown bank code with 422 unknown_bank_code', async () => {
      const res = await linkWithForm({ ...ALICE_LOGIN, hbci_bank_code: '12345678' }).expect(422);
      expect(res.body).toEqual({ error: 'unknown_bank_code', message: expect.any(String) });
      expect(res.text).not.toContain('alice-hbci-pin');
    });

    it('refuses a right login at a bank where it does not exist with hbci_login_failed', async () => {
      const res = await linkWithForm({ ...ALICE_LOGIN, hbci_bank_code: '10020030' }).expect(422);
      expect(res.body.error).toBe('hbci_login_failed');
    });

    it.each(['title', 'hbci_bank_code', 'username', 'secret'])(
      'refuses a missing or blank %s with 422 missing_parameter naming it',
      async (name) => {
        const without = Object.fromEntries(Object.entries(ALICE_LOGIN).filter(([key]) => key !== name));
        for (const body of [without, { ...ALICE_LOGIN, [name]: '  ' }]) {
          const res = await linkWithForm(body).expect(422);
          expect(res.body).toEqual({
            error: 'missing_parameter',
            message: `param is missing or the value is empty: ${name}`,
          });
        }
      },
    );

    it("refuses bob's login for alice's token with 409 login_linked_elsewhere and links nothing", async () => {
      const res = await linkWithForm(BOB_LOGIN, ALICE).expect(409);
      expect(res.body).toEqual({ error: 'login_linked_elsewhere', message: expect.any(String) });
      expect(res.text).not.toContain('bob-hbci-pin');
      expect(await accountIds(ALICE)).toEqual([7856278, 7856279]);
      expect(await accountIds(BOB)).toEqual([7856301]);
    });

    it('checks the PIN before telling whose login it is', async () => {
      const res = await linkWithForm({ ...BOB_LOGIN, secret: 'guess' }, ALICE).expect(422);
      expect(res.body.error).toBe('hbci_login_failed');
    });

    it('requires the Bankimport token', async () => {
      const res = await request(app).post('/bankimport/api/v1/bank-account/hbci').type('form').send(ALICE_LOGIN);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthorized' });
    });

    it('refuses a malformed JSON body with 400 in the format asked for', async () => {
      const res = await post('/api/v1/bank-account/hbci.xml')
        .set('Content-Type', 'application/json')
        .send('{"secret": "alice-hbci-pin",')
        .expect(400);
      expect(res.text).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<error>invalid_request</error>\n');
    });
  });

  describe('POST /api/v1/bank-account/:id/import', () => {
    it('starts an import: 201 with its id, the account and a finish date importMs from now', async () => {
      const before = Date.now();
      const res = await post('/api/v1/bank-account/7856278/import').expect(201);
      const after = Date.now();
      expect(Object.keys(res.body)).toEqual(['import']);
      expect(Object.keys(res.body.import)).toEqual(['id', 'bank_account_id', 'estimated_finish_date']);
      expect(res.body.import).toMatchObject({ id: 343833, bank_account_id: 7856278 });
      const finish = res.body.import.estimated_finish_date;
      expect(finish).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      // On a whole second, never before importMs has passed.
      expect(Date.parse(finish)).toBeGreaterThanOrEqual(before + 60_000);
      expect(Date.parse(finish)).toBeLessThan(after + 61_000);
    });

    it('answers Rails-style XML when the path ends in .xml', async () => {
      const res = await post('/api/v1/bank-account/7856279/import.xml').expect(201);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      const finish = /<estimated_finish_date type="datetime">([^<]+)</.exec(res.text)?.[1];
      expect(finish).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(res.text).toBe(
        '<?xml version="1.0" encoding="UTF-8"?>\n<import>\n  <id type="integer">343833</id>\n' +
          '  <bank_account_id type="integer">7856279</bank_account_id>\n' +
          `  <estimated_finish_date type="datetime">${finish}</estimated_finish_date>\n</import>\n`,
      );
    });

    it('numbers imports upwards across accounts and users', async () => {
      const ids = [];
      for (const [path, auth] of [
        ['/api/v1/bank-account/7856278/import', ALICE],
        ['/api/v1/bank-account/7856301/import', BOB],
        ['/api/v1/bank-account/7856279/import', ALICE],
      ]) {
        ids.push((await post(path, auth).expect(201)).body.import.id);
      }
      expect(ids).toEqual([343833, 343834, 343835]);
    });

    it('returns the running import again, with 200, rather than starting another', async () => {
      const first = await post('/api/v1/bank-account/7856278/import').expect(201);
      const again = await post('/api/v1/bank-account/7856278/import.json').expect(200);
      expect(again.body).toEqual(first.body);
    });

    it('changes nothing before the finish date', async () => {
      const before = await get('/api/v1/bank-account/7856278').expect(200);
      await post('/api/v1/bank-account/7856278/import').expect(201);
      const during = await get('/api/v1/bank-account/7856278').expect(200);
      expect(during.text).toBe(before.text);
      expect(await totalTransactions('/api/v1/bank-account/7856278/transactions')).toBe(1200);
      expect(await totalTransactions('/api/v1/transactions')).toBe(1350);
    });

    it('imports into a freshly linked account too', async () => {
      await post('/api/v1/bank-account/7856280/import').expect(404);
      await linkWithForm(ALICE_LOGIN).expect(201);
      expect((await post('/api/v1/bank-account/7856280/import').expect(201)).body.import.bank_account_id).toBe(7856280);
    });

    it("answers 404 for someone else's account, an unknown one or a bad id", async () => {
      const res = await post('/api/v1/bank-account/7856278/import', BOB).expect(404);
      expect(res.body).toEqual({ error: 'not_found' });
      await post('/api/v1/bank-account/42/import').expect(404);
      await post('/api/v1/bank-account/abc/import').expect(404);
      const inXml = await post('/api/v1/bank-account/7856301/import.xml').expect(404);
      expect(inXml.text).toContain('<error>not_found</error>');
    });

    describe('at the estimated finish date', () => {
      beforeEach(() => {
        app = createSandbox({ importMs: 50 }).app;
      });

      it('moves last_update_at there, books 1 to 5 transactions dated then and moves the balance by their sum', async () => {
        const before = exact<{ bank_account: { balance: string; last_update_at: string } }>(
          (await get('/api/v1/bank-account/7856278').expect(200)).text,
        ).bank_account;
        const started = (await post('/api/v1/bank-account/7856278/import').expect(201)).body.import;
        const finish: string = started.estimated_finish_date;
        await passed(finish);

        const after = exact<{ bank_account: { balance: string; last_update_at: string } }>(
          (await get('/api/v1/bank-account/7856278').expect(200)).text,
        ).bank_account;
        expect(before.last_update_at).toBe('2026-06-30T11:42:17Z');
        expect(after.last_update_at).toBe(finish);

        const newest = exact<{ transactions: TransactionRow[]; pagination: { total_entries: string } }>(
          (await get('/api/v1/bank-account/7856278/transactions?order_by=imported_at_desc&limit=10').expect(200)).text,
        );
        const added = newest.transactions.filter((t) => t.imported_at === finish);
        expect(added.length).toBeGreaterThanOrEqual(1);
        expect(added.length).toBeLessThanOrEqual(5);
        expect(Number(newest.pagination.total_entries)).toBe(1200 + added.length);
        const berlinDay = new Date(Date.parse(finish) + BERLIN_OFFSET_MS).toISOString().slice(0, 10);
        for (const t of added) {
          expect(t).toMatchObject({ bank_account_id: '7856278', account_date: berlinDay, value_date: berlinDay });
          expect(Number(t.id)).toBeGreaterThanOrEqual(5001390);
        }
        const sum = added.reduce((total, t) => total + parseDecimalCents(t.amount)!, 0);
        expect(parseDecimalCents(after.balance)! - parseDecimalCents(before.balance)!).toBe(sum);

        const feed = (await get('/api/v1/transactions?order_by=account_date_desc&limit=5').expect(200)).body;
        expect(feed.pagination.total_entries).toBe(1350 + added.length);
        expect(feed.transactions.slice(0, added.length).map((t: { id: number }) => t.id)).toEqual(
          added.map((t) => Number(t.id)).sort((a, b) => b - a),
        );
        await get(`/api/v1/transaction/${added[0].id}`).expect(200);
        await get(`/api/v1/transaction/${added[0].id}`, BOB).expect(404);

        const next = await post('/api/v1/bank-account/7856278/import').expect(201);
        expect(next.body.import.id).toBe(343834);
      });

      it('books the same transactions for the same import in every sandbox', async () => {
        const apps = [createSandbox({ importMs: 50 }).app, createSandbox({ importMs: 50 }).app];
        const finishes = await Promise.all(
          apps.map(
            async (one) =>
              (
                await request(one)
                  .post('/bankimport/api/v1/bank-account/7856301/import')
                  .set('Authorization', BOB)
                  .expect(201)
              ).body.import.estimated_finish_date as string,
          ),
        );
        await passed(finishes.sort().at(-1)!);
        const [a, b] = await Promise.all(
          apps.map(async (one) =>
            (
              await request(one)
                .get('/bankimport/api/v1/bank-account/7856301/transactions?status=pending&order_by=imported_at_desc')
                .set('Authorization', BOB)
                .expect(200)
            ).body.transactions.map(
              ({ imported_at: _at, account_date: _ad, value_date: _vd, ...rest }: TransactionRow) => rest,
            ),
          ),
        );
        expect(a.length).toBeGreaterThan(1);
        expect(a).toEqual(b);
      });
    });
  });

  it('counts the new routes in /sandbox/stats under their templates', async () => {
    await request(app).delete('/sandbox/stats').expect(204);
    await linkWithForm(ALICE_LOGIN).expect(201);
    await linkWithForm(ALICE_LOGIN, ALICE, '.xml').expect(200);
    await post('/api/v1/bank-account/7856278/import').expect(201);
    await post('/api/v1/bank-account/7856280/import.xml').expect(201);
    await get('/api/v1/bank-account/7856280').expect(200);
    const requests: RequestCount[] = (await request(app).get('/sandbox/stats').expect(200)).body.requests;
    expect(requests).toEqual([
      { provider: 'BANKIMPORT', method: 'GET', route: '/api/v1/bank-account/:id', count: 1 },
      { provider: 'BANKIMPORT', method: 'POST', route: '/api/v1/bank-account/:id/import', count: 2 },
      { provider: 'BANKIMPORT', method: 'POST', route: '/api/v1/bank-account/hbci', count: 2 },
    ]);
  });
});
