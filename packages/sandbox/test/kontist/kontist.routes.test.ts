import request from 'supertest';
import type { Express } from 'express';
import type {
  KontistLegacyTransactionPayload,
  KontistTransactionPagePayload,
  KontistTransactionPayload,
} from '../../src/kontist/kontist.wire';
import { createSandbox } from '../../src/sandbox';

const V21 = 'application/vnd.kontist.transactionlist.v2.1+json';
const ALICE = 'Bearer sandbox-alice';
const BOB = 'Bearer sandbox-bob';

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

function hasValidChecksum(iban: string): boolean {
  const numeric = [...(iban.slice(4) + iban.slice(0, 4))]
    .map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char))
    .join('');
  return BigInt(numeric) % 97n === 1n;
}

describe('sandbox Kontist', () => {
  let app: Express;

  beforeAll(() => {
    app = createSandbox().app;
  });

  async function page<T>(
    accountId: number,
    n: number,
    accept?: string,
    auth = ALICE,
  ): Promise<KontistTransactionPagePayload<T>> {
    const call = request(app)
      .get(`/kontist/api/accounts/${accountId}/transactions?page=${n}`)
      .set('Authorization', auth);
    const res = await (accept ? call.set('Accept', accept) : call).expect(200);
    return res.body as KontistTransactionPagePayload<T>;
  }

  async function allV21(accountId: number, auth = ALICE): Promise<KontistTransactionPayload[]> {
    const results: KontistTransactionPayload[] = [];
    for (let n = 1; ; n++) {
      const body = await page<KontistTransactionPayload>(accountId, n, V21, auth);
      results.push(...body.results);
      if (body.next === null) {
        return results;
      }
    }
  }

  describe('authentication', () => {
    it.each([
      ['no Authorization header', undefined],
      ['an unknown bearer token', 'Bearer sandbox-mallory'],
      ['a bearer scheme without a token', 'Bearer'],
      ['a wrong Basic password', basic('alice', 'bob-password')],
      ['Basic credentials without a colon', `Basic ${Buffer.from('alice').toString('base64')}`],
      ['an unknown scheme', 'Token token=sandbox-alice'],
    ])('rejects %s with 401 unauthorized', async (_case, header) => {
      const call = request(app).get('/kontist/api/accounts');
      const res = await (header ? call.set('Authorization', header) : call).expect(401);
      expect(res.body).toEqual({ error: 'unauthorized' });
    });

    it('rejects an unknown path without credentials with 401 rather than telling it apart', async () => {
      await request(app).get('/kontist/api/nothing').expect(401);
    });
  });

  describe('GET /api/accounts', () => {
    it('answers a bearer token in the current format', async () => {
      const res = await request(app).get('/kontist/api/accounts').set('Authorization', ALICE).expect(200);
      expect(res.body).toEqual([
        { id: 4711, iban: 'DE09110101001000004711', balance: 1284733, accountType: 'solaris' },
      ]);
      expect(hasValidChecksum(res.body[0].iban)).toBe(true);
    });

    it('answers Basic credentials in the legacy format, with a trailing slash too', async () => {
      const res = await request(app)
        .get('/kontist/api/accounts/')
        .set('Authorization', basic('bob', 'bob-password'))
        .expect(200);
      expect(res.body).toEqual([
        { id: 4712, iban: 'DE79110101001000004712', bankName: 'solarisBank', balance: 254390 },
      ]);
    });
  });

  describe('GET /api/accounts/:id/transactions', () => {
    it('pages alice in 50s with next links and the account total', async () => {
      const first = await page<KontistTransactionPayload>(4711, 1, V21);
      expect(first.total).toBe(260);
      expect(first.results).toHaveLength(50);
      expect(first.next).toBe('/api/accounts/4711/transactions?page=2');

      const last = await page<KontistTransactionPayload>(4711, 6, V21);
      expect(last.results).toHaveLength(10);
      expect(last.next).toBeNull();
      expect(last.total).toBe(260);
    });

    it('answers a page past the end with no results and no next', async () => {
      const body = await page<KontistTransactionPayload>(4711, 7, V21);
      expect(body).toEqual({ next: null, total: 260, results: [] });
    });

    it('defaults to page 1 and accepts a trailing slash', async () => {
      const res = await request(app)
        .get('/kontist/api/accounts/4711/transactions/')
        .set('Authorization', ALICE)
        .set('Accept', V21)
        .expect(200);
      expect(res.body.next).toBe('/api/accounts/4711/transactions?page=2');
      expect(res.body.results[0]).toEqual((await page<KontistTransactionPayload>(4711, 1, V21)).results[0]);
    });

    it.each(['0', '-1', 'abc', '1.5', ''])('refuses page=%p with 400 invalid_page', async (value) => {
      const res = await request(app)
        .get(`/kontist/api/accounts/4711/transactions?page=${value}`)
        .set('Authorization', ALICE)
        .expect(400);
      expect(res.body).toEqual({ error: 'invalid_page' });
    });

    it('lists booked transactions newest first, ties by higher id, then the 4 unbooked ones last', async () => {
      const all = await allV21(4711);
      expect(all).toHaveLength(260);
      const booked = all.slice(0, 256);
      const unbooked = all.slice(256);
      expect(booked.every((t) => t.bookingDate !== null)).toBe(true);
      for (let i = 1; i < booked.length; i++) {
        const [a, b] = [booked[i - 1], booked[i]];
        expect(a.bookingDate! > b.bookingDate! || (a.bookingDate === b.bookingDate && a.id > b.id)).toBe(true);
      }
      expect(unbooked.map((t) => [t.bookingDate, t.valutaDate])).toEqual(Array(4).fill([null, null]));
      expect(unbooked.map((t) => t.id)).toEqual([900259, 900258, 900257, 900256]);
    });

    it('gives every transaction a distinct id, a non-zero integer amount and valid IBANs', async () => {
      const all = [...(await allV21(4711)), ...(await allV21(4712, BOB))];
      expect(new Set(all.map((t) => t.id)).size).toBe(320);
      expect(all.every((t) => Number.isInteger(t.amount) && t.amount !== 0)).toBe(true);
      expect(all.filter((t) => t.iban !== null).every((t) => hasValidChecksum(t.iban!))).toBe(true);
    });

    it('has realistic variety: both directions, every booking type, card payments abroad, mandates', async () => {
      const all = await allV21(4711);
      expect(all.some((t) => t.amount > 0)).toBe(true);
      expect(all.some((t) => t.amount < 0)).toBe(true);
      expect(new Set(all.map((t) => t.bookingType))).toEqual(
        new Set([
          'SEPA_CREDIT_TRANSFER',
          'SEPA_DIRECT_DEBIT',
          'DIRECT_DEBIT',
          'SEPA_DIRECT_DEBIT_RETURN',
          'CARD_TRANSACTION',
        ]),
      );
      const abroad = all.filter((t) => t.originalAmount !== null);
      expect(abroad.length).toBeGreaterThan(0);
      for (const t of abroad) {
        expect(t.originalAmount).toMatch(/^\d+$/);
        expect(['CHF', 'USD']).toContain(t.foreignCurrency);
        expect(t.paymentMethod).toBe('credit_card');
      }
      const debits = all.filter((t) => t.bookingType === 'SEPA_DIRECT_DEBIT' || t.bookingType === 'DIRECT_DEBIT');
      expect(debits.every((t) => t.mandateNumber !== null && t.amount < 0)).toBe(true);
      for (const word of ['Rent', 'Invoice', 'Salary', 'Coffee']) {
        expect(all.some((t) => t.purpose?.includes(word))).toBe(true);
      }
    });

    it('gives bob 60 transactions of his own, 2 of them unbooked', async () => {
      const all = await allV21(4712, BOB);
      expect(all).toHaveLength(60);
      expect(all.filter((t) => t.bookingDate === null)).toHaveLength(2);
      expect(all.slice(-2).every((t) => t.bookingDate === null)).toBe(true);
    });

    it('sends v2.1 with signed amounts and the legacy format unsigned with from/to', async () => {
      const v21 = (await page<KontistTransactionPayload>(4711, 1, V21)).results;
      const legacy = (await page<KontistLegacyTransactionPayload>(4711, 1)).results;
      expect(legacy.map((t) => t.id)).toEqual(v21.map((t) => t.id));
      const outgoing = v21.findIndex((t) => t.amount < 0);
      const incoming = v21.findIndex((t) => t.amount > 0);
      expect(legacy[outgoing]).toMatchObject({ from: 4711, to: null, amount: -v21[outgoing].amount });
      expect(legacy[incoming]).toMatchObject({ from: null, to: 4711, amount: v21[incoming].amount });
      expect(legacy.every((t) => t.amount > 0)).toBe(true);
      expect(Object.keys(legacy[0]).sort()).toEqual(
        [
          'id',
          'from',
          'to',
          'amount',
          'type',
          'category',
          'name',
          'iban',
          'purpose',
          'e2e_id',
          'booking_date',
          'valuta_date',
          'booking_type',
          'original_amount',
          'foreign_currency',
          'paymentMethod',
        ].sort(),
      );
      expect(v21[0]).toHaveProperty('e2eId');
      expect(v21[0]).toHaveProperty('mandateNumber');
      expect(v21[0]).not.toHaveProperty('e2e_id');
    });

    it('answers the legacy format to Basic credentials without the v2.1 Accept header', async () => {
      const body = await page<KontistLegacyTransactionPayload>(
        4711,
        1,
        'application/json',
        basic('alice', 'alice-password'),
      );
      expect(body.results[0]).toHaveProperty('booking_date');
    });

    it('writes dates as Kontist does', async () => {
      const all = await allV21(4711);
      const dated = all.filter((t) => t.bookingDate !== null);
      expect(dated.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/.test(t.bookingDate!))).toBe(true);
      expect(dated.every((t) => t.bookingDate! <= '2026-06-30T12:00:00+00:00')).toBe(true);
    });

    it("answers 404 for someone else's account or an unknown one", async () => {
      const res = await request(app)
        .get('/kontist/api/accounts/4711/transactions')
        .set('Authorization', BOB)
        .expect(404);
      expect(res.body).toEqual({ error: 'not_found' });
      await request(app).get('/kontist/api/accounts/9999/transactions').set('Authorization', ALICE).expect(404);
      await request(app).get('/kontist/api/accounts/abc/transactions').set('Authorization', ALICE).expect(404);
    });
  });

  describe('GET /api/accounts/:id/transactions/:transactionId', () => {
    it('answers one transaction as the v2.1 item when asked for v2.1', async () => {
      const [listed] = (await page<KontistTransactionPayload>(4711, 1, V21)).results;
      const res = await request(app)
        .get(`/kontist/api/accounts/4711/transactions/${listed.id}`)
        .set('Authorization', ALICE)
        .set('Accept', 'application/vnd.kontist.transaction.v2.1+json')
        .expect(200);
      expect(res.body).toEqual(listed);
    });

    it('answers the legacy item otherwise', async () => {
      const [listed] = (await page<KontistLegacyTransactionPayload>(4711, 1)).results;
      const res = await request(app)
        .get(`/kontist/api/accounts/4711/transactions/${listed.id}`)
        .set('Authorization', ALICE)
        .expect(200);
      expect(res.body).toEqual(listed);
    });

    it("answers 404 for a transaction on another account or someone else's", async () => {
      const [bobs] = (await page<KontistTransactionPayload>(4712, 1, V21, BOB)).results;
      await request(app)
        .get(`/kontist/api/accounts/4711/transactions/${bobs.id}`)
        .set('Authorization', ALICE)
        .expect(404);
      await request(app)
        .get(`/kontist/api/accounts/4712/transactions/${bobs.id}`)
        .set('Authorization', ALICE)
        .expect(404);
      await request(app).get('/kontist/api/accounts/4711/transactions/12').set('Authorization', ALICE).expect(404);
    });
  });

  describe('stats', () => {
    it('counts the write routes under the templates of the docs, /standing-orders/confirm as its own', async () => {
      const fresh = createSandbox().app;
      const calls: Array<[string, string]> = [
        ['post', '/api/accounts/4711/transfer'],
        ['put', '/api/accounts/4711/transfer/f55641811042b9e85989bd57c3718346ctrx'],
        ['get', '/api/accounts/4711/standing-orders'],
        ['post', '/api/accounts/4711/standing-orders'],
        ['post', '/api/accounts/4711/standing-orders/confirm'],
        ['patch', '/api/accounts/4711/standing-orders/6'],
        ['patch', '/api/accounts/4711/standing-orders/6/cancel'],
        ['get', '/api/accounts/4711/timed-orders'],
        ['post', '/api/accounts/4711/timed-orders'],
        ['post', '/api/accounts/4711/timed-orders/9939482a-b1a2-4cff-8b48-ae340e398659/confirm'],
        ['patch', '/api/accounts/4711/timed-orders/9939482a-b1a2-4cff-8b48-ae340e398659/cancel'],
      ];
      for (const [method, path] of calls) {
        await request(fresh)[method as 'get'](`/kontist${path}`).set('Authorization', ALICE).send({});
      }
      const res = await request(fresh).get('/sandbox/stats').expect(200);
      expect(res.body.requests).toEqual([
        { provider: 'KONTIST', method: 'GET', route: '/api/accounts/:id/standing-orders', count: 1 },
        { provider: 'KONTIST', method: 'POST', route: '/api/accounts/:id/standing-orders', count: 1 },
        { provider: 'KONTIST', method: 'PATCH', route: '/api/accounts/:id/standing-orders/:standingOrderId', count: 1 },
        {
          provider: 'KONTIST',
          method: 'PATCH',
          route: '/api/accounts/:id/standing-orders/:standingOrderId/cancel',
          count: 1,
        },
        { provider: 'KONTIST', method: 'POST', route: '/api/accounts/:id/standing-orders/confirm', count: 1 },
        { provider: 'KONTIST', method: 'GET', route: '/api/accounts/:id/timed-orders', count: 1 },
        { provider: 'KONTIST', method: 'POST', route: '/api/accounts/:id/timed-orders', count: 1 },
        {
          provider: 'KONTIST',
          method: 'PATCH',
          route: '/api/accounts/:id/timed-orders/:timedOrderId/cancel',
          count: 1,
        },
        {
          provider: 'KONTIST',
          method: 'POST',
          route: '/api/accounts/:id/timed-orders/:timedOrderId/confirm',
          count: 1,
        },
        { provider: 'KONTIST', method: 'POST', route: '/api/accounts/:id/transfer', count: 1 },
        { provider: 'KONTIST', method: 'PUT', route: '/api/accounts/:id/transfer/:transferId', count: 1 },
      ]);
    });
  });
});
