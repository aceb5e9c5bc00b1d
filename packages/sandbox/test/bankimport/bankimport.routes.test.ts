import request from 'supertest';
import type { Express } from 'express';
import { XMLParser } from 'fast-xml-parser';
import { isLosslessNumber, parse } from 'lossless-json';
import type { BankimportPaginationPayload } from '../../src/bankimport/bankimport.wire';
import { parseDecimalCents } from '../../src/money';
import { createSandbox } from '../../src/sandbox';

const ALICE = 'Token token=sandbox-alice';
const BOB = 'Token token=sandbox-bob';

/** A transaction as the test reads it: decimals kept as their exact text. */
interface Row {
  id: number;
  bank_account_id: number;
  amount: string;
  account_date: string;
  value_date: string;
  imported_at: string;
  status: string;
  purpose: string | null;
  counterparty_iban: string | null;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => name === 'bank_account' || name === 'transaction',
});

/** Reads JSON with every number as its literal text, as the gateway's client must. */
function exact(text: string): unknown {
  return parse(text, undefined, (value) => value) as unknown;
}

function rowsOf(text: string): { transactions: Row[]; pagination: BankimportPaginationPayload } {
  const body = exact(text) as { transactions: Array<Record<string, unknown>>; pagination: Record<string, unknown> };
  const plain = (value: unknown): unknown => (isLosslessNumber(value) ? value.value : value);
  return {
    transactions: body.transactions.map((t) => ({
      ...(t as unknown as Row),
      id: Number(plain(t.id)),
      bank_account_id: Number(plain(t.bank_account_id)),
      amount: String(plain(t.amount)),
    })),
    pagination: Object.fromEntries(
      Object.entries(body.pagination).map(([key, value]) => [key, Number(plain(value))]),
    ) as unknown as BankimportPaginationPayload,
  };
}

function cents(row: Row): number {
  return parseDecimalCents(row.amount)!;
}

function hasValidChecksum(iban: string): boolean {
  const numeric = [...(iban.slice(4) + iban.slice(0, 4))]
    .map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char))
    .join('');
  return BigInt(numeric) % 97n === 1n;
}

describe('sandbox Bankimport', () => {
  let app: Express;
  let checking: Row[];

  function get(path: string, auth = ALICE): request.Test {
    return request(app).get(`/bankimport${path}`).set('Authorization', auth);
  }

  async function list(path: string, auth = ALICE): Promise<ReturnType<typeof rowsOf>> {
    const res = await get(path, auth).expect(200);
    return rowsOf(res.text);
  }

  beforeAll(async () => {
    app = createSandbox().app;
    const first = await list('/api/v1/bank-account/7856278/transactions?page=1');
    const second = await list('/api/v1/bank-account/7856278/transactions?page=2');
    checking = [...first.transactions, ...second.transactions];
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', undefined],
      ['an unknown token', 'Token token=sandbox-mallory'],
      ['a bearer token', 'Bearer sandbox-alice'],
      ['a token without the token= part', 'Token sandbox-alice'],
    ])('rejects %s with 401 unauthorized', async (_case, header) => {
      const call = request(app).get('/bankimport/api/v1/bank-accounts');
      const res = await (header ? call.set('Authorization', header) : call).expect(401);
      expect(res.body).toEqual({ error: 'unauthorized' });
    });

    it('rejects in XML when the path asks for XML', async () => {
      const res = await request(app).get('/bankimport/api/v1/bank-accounts.xml').expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(xml.parse(res.text)).toEqual({ '?xml': expect.anything(), error: 'unauthorized' });
    });

    it('accepts the token quoted, as Rails does', async () => {
      await request(app)
        .get('/bankimport/api/v1/bank-accounts')
        .set('Authorization', 'Token token="sandbox-alice"')
        .expect(200);
    });
  });

  describe('GET /api/v1/bank-accounts', () => {
    it("lists alice's two Deutsche Bank accounts with every field", async () => {
      const res = await get('/api/v1/bank-accounts').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.bank_accounts).toEqual([
        {
          id: 7856278,
          account_number: '2345678',
          sub_account_number: '01',
          last_update_at: '2026-06-30T11:42:17Z',
          account_owner: 'Alice Example',
          currency: 'EUR',
          bank_name: 'Deutsche Bank',
          bank_code: '30070024',
          balance: 24323.49,
          access_type: 'HBCI',
          account_type: 'Kontokorrentkonto',
          iban: 'DE69300700240234567801',
          bic: 'DEUTDEDBDUE',
          title: 'Girokonto',
        },
        expect.objectContaining({
          id: 7856279,
          sub_account_number: '02',
          balance: -5323.21,
          account_type: 'SparCard',
          iban: 'DE42300700240234567802',
        }),
      ]);
      expect(res.body.bank_accounts.every((account: { iban: string }) => hasValidChecksum(account.iban))).toBe(true);
    });

    it('writes balances as bare JSON numbers with their exact digits', async () => {
      const res = await get('/api/v1/bank-accounts').expect(200);
      expect(res.text).toContain('"balance":24323.49,');
      expect(res.text).toContain('"balance":-5323.21,');
    });

    it('trims trailing zeros as Rails does: bob has 8712.60', async () => {
      const res = await get('/api/v1/bank-accounts', BOB).expect(200);
      expect(res.text).toContain('"balance":8712.6,');
      expect(res.body.bank_accounts).toHaveLength(1);
      expect(res.body.bank_accounts[0]).toMatchObject({
        id: 7856301,
        bank_code: '10020030',
        sub_account_number: null,
        title: null,
      });
    });

    it('answers Rails-style XML when the path ends in .xml', async () => {
      const res = await get('/api/v1/bank-accounts.xml').expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<bank_accounts type="array">')).toBe(true);
      expect(res.text).toContain('<balance type="decimal">24323.49</balance>');
      const doc = xml.parse(res.text);
      const [first, second] = doc.bank_accounts.bank_account;
      expect(first.id).toEqual({ '#text': '7856278', '@_type': 'integer' });
      expect(first.last_update_at).toEqual({ '#text': '2026-06-30T11:42:17Z', '@_type': 'datetime' });
      expect(first.account_owner).toBe('Alice Example');
      expect(second.balance).toEqual({ '#text': '-5323.21', '@_type': 'decimal' });
    });

    it('marks nulls with nil="true" in XML', async () => {
      const res = await get('/api/v1/bank-accounts.xml', BOB).expect(200);
      expect(res.text).toContain('<sub_account_number nil="true"/>');
      expect(xml.parse(res.text).bank_accounts.bank_account[0].title).toEqual({ '@_nil': 'true' });
    });

    const ids = async (query: string): Promise<number[]> =>
      (await get(`/api/v1/bank-accounts?${query}`).expect(200)).body.bank_accounts.map(
        (account: { id: number }) => account.id,
      );

    it.each([
      ['bank_code=300', [7856278, 7856279]],
      ['bank_code=30070024', [7856278, 7856279]],
      ['bank_code=100', []],
      ['account_number=234', [7856278, 7856279]],
      ['account_number=9', []],
      ['last_updated_after=2026-06-30T00:00:00Z', [7856278]],
      ['last_updated_after=2026-06-30T11:42:17Z', []],
      ['last_updated_after=2026-06-29', [7856278, 7856279]],
      ['balance_min=0', [7856278]],
      ['balance_min=24323.49', [7856278]],
      ['balance_min=24323.50', []],
      ['balance_max=-5323.21', [7856279]],
      ['balance_max=-5323.22', []],
      ['balance_min=-6000&balance_max=100.00', [7856279]],
    ])('filters by %s', async (query, expected) => {
      expect(await ids(query)).toEqual(expected);
    });

    it.each(['balance_min=abc', 'balance_max=1.234', 'last_updated_after=yesterday'])(
      'refuses %s with 400',
      async (query) => {
        const res = await get(`/api/v1/bank-accounts?${query}`).expect(400);
        expect(res.body.error).toEqual(expect.any(String));
      },
    );
  });

  describe('GET /api/v1/bank-account/:id', () => {
    it('answers one account under bank_account', async () => {
      const res = await get('/api/v1/bank-account/7856279').expect(200);
      expect(res.body.bank_account).toMatchObject({ id: 7856279, balance: -5323.21 });
      expect(res.text).toContain('"balance":-5323.21');
    });

    it('answers XML with the <bank_account> root', async () => {
      const res = await get('/api/v1/bank-account/7856278.xml').expect(200);
      expect(xml.parse(res.text).bank_account[0].bank_code).toBe('30070024');
    });

    it('accepts an explicit .json', async () => {
      const res = await get('/api/v1/bank-account/7856278.json').expect(200);
      expect(res.body.bank_account.id).toBe(7856278);
    });

    it("answers 404 for someone else's account, an unknown one or a bad id", async () => {
      const res = await get('/api/v1/bank-account/7856278', BOB).expect(404);
      expect(res.body).toEqual({ error: 'not_found' });
      await get('/api/v1/bank-account/1').expect(404);
      await get('/api/v1/bank-account/abc').expect(404);
      const inXml = await get('/api/v1/bank-account/7856278.xml', BOB).expect(404);
      expect(xml.parse(inXml.text).error).toBe('not_found');
    });
  });

  describe('GET /api/v1/bank-account/:id/transactions', () => {
    it('pages 1200 transactions 1000 at a time', async () => {
      const first = await list('/api/v1/bank-account/7856278/transactions');
      expect(first.pagination).toEqual({ current_page: 1, per_page: 1000, total_entries: 1200, total_pages: 2 });
      expect(first.transactions).toHaveLength(1000);
      const second = await list('/api/v1/bank-account/7856278/transactions?page=2');
      expect(second.pagination.current_page).toBe(2);
      expect(second.transactions).toHaveLength(200);
      const third = await list('/api/v1/bank-account/7856278/transactions?page=3');
      expect(third.transactions).toEqual([]);
      expect(third.pagination.total_entries).toBe(1200);
    });

    it('clamps a limit over 1000 to 1000', async () => {
      const page = await list('/api/v1/bank-account/7856278/transactions?limit=5000');
      expect(page.pagination.per_page).toBe(1000);
      expect(page.transactions).toHaveLength(1000);
    });

    it('honours a smaller limit in the pagination', async () => {
      const page = await list('/api/v1/bank-account/7856278/transactions?limit=7&page=3');
      expect(page.pagination).toEqual({ current_page: 3, per_page: 7, total_entries: 1200, total_pages: 172 });
      expect(page.transactions.map((t) => t.id)).toEqual(checking.slice(14, 21).map((t) => t.id));
    });

    it.each([
      'limit=0',
      'limit=-1',
      'limit=ten',
      'page=0',
      'page=x',
      'order_by=amount',
      'status=booked',
      'purpose=ab',
      'amount_min=1.001',
      'amount=abc',
      'amount_max=--1',
    ])('refuses %s with 400 and a reason', async (query) => {
      const res = await get(`/api/v1/bank-account/7856278/transactions?${query}`).expect(400);
      expect(res.body).toEqual({ error: expect.any(String) });
    });

    it('sorts by account_date ascending by default, ties by ascending id', () => {
      for (let i = 1; i < checking.length; i++) {
        const [a, b] = [checking[i - 1], checking[i]];
        expect(a.account_date < b.account_date || (a.account_date === b.account_date && a.id < b.id)).toBe(true);
      }
      expect(new Set(checking.map((t) => t.account_date)).size).toBeLessThan(checking.length);
    });

    it.each([
      ['account_date_desc', 'account_date', -1],
      ['imported_at', 'imported_at', 1],
      ['imported_at_desc', 'imported_at', -1],
    ] as const)('sorts by order_by=%s, ties by id in the same direction', async (order, key, direction) => {
      const rows = [
        ...(await list(`/api/v1/bank-account/7856278/transactions?order_by=${order}`)).transactions,
        ...(await list(`/api/v1/bank-account/7856278/transactions?order_by=${order}&page=2`)).transactions,
      ];
      expect(rows).toHaveLength(1200);
      const misordered: string[] = [];
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        const aFirst = a[key] < b[key] ? 1 : a[key] > b[key] ? -1 : Math.sign(b.id - a.id);
        if (aFirst !== direction) {
          misordered.push(`${a.id} (${a[key]}) before ${b.id} (${b[key]})`);
        }
      }
      expect(misordered).toEqual([]);
    });

    it('has the newest 2% pending and the rest completed', async () => {
      const pending = (await list('/api/v1/bank-account/7856278/transactions?status=pending')).transactions;
      const completed = await list('/api/v1/bank-account/7856278/transactions?status=completed&limit=1');
      expect(pending).toHaveLength(24);
      expect(pending.every((t) => t.status === 'pending')).toBe(true);
      expect(completed.pagination.total_entries).toBe(1176);
      expect(pending.map((t) => t.id)).toEqual(checking.slice(-24).map((t) => t.id));
    });

    it('filters amounts inclusively and exactly on cents', async () => {
      const probe = checking[100];
      const exactly = (await list(`/api/v1/bank-account/7856278/transactions?amount=${probe.amount}`)).transactions;
      expect(exactly.map((t) => t.id)).toContain(probe.id);
      expect(exactly.every((t) => cents(t) === cents(probe))).toBe(true);

      const min = await list(`/api/v1/bank-account/7856278/transactions?amount_min=${probe.amount}&limit=1`);
      expect(min.pagination.total_entries).toBe(checking.filter((t) => cents(t) >= cents(probe)).length);

      const max = await list(`/api/v1/bank-account/7856278/transactions?amount_max=${probe.amount}&limit=1`);
      expect(max.pagination.total_entries).toBe(checking.filter((t) => cents(t) <= cents(probe)).length);

      const band = (await list('/api/v1/bank-account/7856278/transactions?amount_min=-10.00&amount_max=10'))
        .transactions;
      expect(band.length).toBe(checking.filter((t) => cents(t) >= -1000 && cents(t) <= 1000).length);
      expect(band.length).toBeGreaterThan(0);
    });

    it('filters by purpose, case-insensitively, anywhere in the text', async () => {
      const rent = (await list('/api/v1/bank-account/7856278/transactions?purpose=rENT')).transactions;
      const expected = checking.filter((t) => t.purpose?.toLowerCase().includes('rent'));
      expect(rent.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      expect(rent.length).toBeGreaterThan(0);
    });

    it('combines filters', async () => {
      const rows = (
        await list('/api/v1/bank-account/7856278/transactions?purpose=invoice&amount_min=0&status=completed')
      ).transactions;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((t) => t.purpose!.includes('Invoice') && cents(t) > 0 && t.status === 'completed')).toBe(true);
    });

    it("answers 404 for someone else's account", async () => {
      await get('/api/v1/bank-account/7856278/transactions', BOB).expect(404);
    });

    it('writes every amount as a bare number with at most 2 decimals and no trailing zero', async () => {
      const res = await get('/api/v1/bank-account/7856278/transactions').expect(200);
      const amounts = [...res.text.matchAll(/"amount":([^,}]*)/g)].map((match) => match[1]);
      expect(amounts).toHaveLength(1000);
      expect(amounts.every((text) => /^-?\d+(\.\d?[1-9])?$/.test(text))).toBe(true);
      expect(amounts.some((text) => text.includes('.'))).toBe(true);
    });

    it('gives transactions distinct ids, dates as Bankimport writes them and valid IBANs', () => {
      expect(Math.min(...checking.map((t) => t.id))).toBe(5000190);
      expect(Math.max(...checking.map((t) => t.id))).toBe(5001389);
      expect(new Set(checking.map((t) => t.id)).size).toBe(1200);
      for (const t of checking) {
        expect(t.account_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(t.imported_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(t.imported_at <= '2026-06-30T11:42:17Z').toBe(true);
        const valueDelay = (Date.parse(t.value_date) - Date.parse(t.account_date)) / 86_400_000;
        expect([0, 1]).toContain(valueDelay);
        expect(cents(t)).not.toBe(0);
      }
      const ibans = checking.map((t) => t.counterparty_iban).filter((iban): iban is string => iban !== null);
      expect(ibans.length).toBeGreaterThan(0);
      expect(ibans.every(hasValidChecksum)).toBe(true);
    });

    it('answers XML as a transaction_list with pagination', async () => {
      const res = await get('/api/v1/bank-account/7856279/transactions.xml?limit=2&order_by=account_date_desc').expect(
        200,
      );
      expect(res.text).toContain('<transaction_list>\n  <transactions type="array">');
      const doc = xml.parse(res.text).transaction_list;
      expect(doc.pagination.total_entries).toEqual({ '#text': '150', '@_type': 'integer' });
      expect(doc.pagination.per_page).toEqual({ '#text': '2', '@_type': 'integer' });
      const [t] = doc.transactions.transaction;
      expect(t.bank_account_id).toEqual({ '#text': '7856279', '@_type': 'integer' });
      expect(t.amount['@_type']).toBe('decimal');
      expect(t.amount['#text']).toMatch(/^-?\d+(\.\d{1,2})?$/);
      expect(t.account_date['@_type']).toBe('date');
      expect(t.imported_at['@_type']).toBe('datetime');
    });

    it('escapes text in XML', async () => {
      const res = await get('/api/v1/bank-account/7856278/transactions.xml').expect(200);
      expect(res.text).toContain('Brandt &amp; Söhne KG');
      expect(res.text).not.toContain('Brandt & Söhne');
      expect(xml.parse(res.text).transaction_list.transactions.transaction).toHaveLength(1000);
    });

    it('answers an empty XML page with an empty array element', async () => {
      const res = await get('/api/v1/bank-account/7856279/transactions.xml?page=9').expect(200);
      expect(res.text).toContain('<transactions type="array"/>');
    });
  });

  describe('GET /api/v1/transactions', () => {
    it("merges all of the caller's accounts in one order", async () => {
      const page = await list('/api/v1/transactions?order_by=account_date_desc');
      expect(page.pagination).toEqual({ current_page: 1, per_page: 1000, total_entries: 1350, total_pages: 2 });
      expect(new Set(page.transactions.map((t) => t.bank_account_id))).toEqual(new Set([7856278, 7856279]));
      for (let i = 1; i < page.transactions.length; i++) {
        const [a, b] = [page.transactions[i - 1], page.transactions[i]];
        expect(a.account_date > b.account_date || (a.account_date === b.account_date && a.id > b.id)).toBe(true);
      }
    });

    it('counts pending transactions over all accounts', async () => {
      const page = await list('/api/v1/transactions?status=pending');
      expect(page.pagination.total_entries).toBe(27);
    });

    it('shows bob only his own 40', async () => {
      const page = await list('/api/v1/transactions', BOB);
      expect(page.pagination.total_entries).toBe(40);
      expect(page.transactions.every((t) => t.bank_account_id === 7856301)).toBe(true);
      expect(page.transactions.filter((t) => t.status === 'pending')).toHaveLength(1);
    });
  });

  describe('GET /api/v1/transaction/:id', () => {
    it('answers one transaction under transaction, as it is listed', async () => {
      const probe = checking[5];
      const res = await get(`/api/v1/transaction/${probe.id}`).expect(200);
      expect(Object.keys(res.body)).toEqual(['transaction']);
      expect(res.body.transaction).toMatchObject({
        id: probe.id,
        bank_account_id: 7856278,
        account_date: probe.account_date,
        status: probe.status,
        purpose: probe.purpose,
      });
      expect(res.text).toContain(`"amount":${probe.amount},`);
    });

    it('answers XML with the <transaction> root', async () => {
      const res = await get(`/api/v1/transaction/${checking[0].id}.xml`).expect(200);
      expect(xml.parse(res.text).transaction[0].id['#text']).toBe(String(checking[0].id));
    });

    it("answers 404 for someone else's transaction or an unknown one", async () => {
      await get(`/api/v1/transaction/${checking[0].id}`, BOB).expect(404);
      await get('/api/v1/transaction/42').expect(404);
    });
  });

  it('answers unknown paths with 404 in the asked format', async () => {
    const res = await get('/api/v1/nothing').expect(404);
    expect(res.body).toEqual({ error: 'not_found' });
  });
});
