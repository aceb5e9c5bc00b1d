import request from 'supertest';
import type { Express } from 'express';
import { createSandbox } from '../../src/sandbox';
import { ALICE, BOB, basic, daysFromNow, sleep, smsFor, tanFor, wrongTan } from './kontist.helpers';

const ALICE_ACTIVE = {
  id: 6,
  status: 'ACTIVE',
  name: 'Lena Hoffmann',
  iban: 'DE40100500000613748210',
  amount: 25000,
  description: 'Studio rent share',
  lastExecutionDate: null,
  reoccurrence: 'MONTHLY',
  e2eId: 'E-f36e4f7e16f95f5960ec9fe00d3c0050',
  nextOccurrence: '2026-07-01T00:00:00.000+00:00',
};

const ALICE_CANCELED = {
  id: 7,
  status: 'CANCELED',
  name: 'Urban Sports GmbH',
  iban: 'DE25701500000048123456',
  amount: 14700,
  description: 'Urban Sports membership',
  lastExecutionDate: '2026-03-31T20:11:02.109+00:00',
  reoccurrence: 'QUARTERLY',
  e2eId: 'E-81359c56883b508cc891b2d466983e3a',
  nextOccurrence: '2026-04-01T00:00:00.000+00:00',
};

const BOB_ACTIVE = {
  id: 8,
  status: 'ACTIVE',
  name: 'Ruderclub Alster e.V.',
  iban: 'DE34200505501234567890',
  amount: 18000,
  description: 'Annual membership fee',
  lastExecutionDate: '2030-12-31T00:00:00.000+00:00',
  reoccurrence: 'ANNUALLY',
  e2eId: 'E-d447d47fb16d5e0dffe7c7894cc643cf',
  nextOccurrence: '2027-01-15T00:00:00.000+00:00',
};

const FIRST_EXECUTION = '2031-08-27T14:32:08.604Z';

const REGULAR = {
  recipient: 'John Smith',
  iban: 'DE33100110012626008537',
  amount: 12012,
  note: 'Regular payment',
  e2eId: null,
  reoccurrence: 'MONTHLY',
  firstExecutionDate: FIRST_EXECUTION,
  lastExecutionDate: null,
};

describe('sandbox Kontist standing orders', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox().app;
  });

  async function list(accountId = 4711, auth = ALICE): Promise<unknown[]> {
    return (
      await request(app)
        .get(`/kontist/api/accounts/${accountId}/standing-orders`)
        .set('Authorization', auth)
        .expect(200)
    ).body;
  }

  async function create(body: object = REGULAR): Promise<string> {
    const res = await request(app)
      .post('/kontist/api/accounts/4711/standing-orders')
      .set('Authorization', ALICE)
      .send(body)
      .expect(200);
    return res.body.requestId;
  }

  function update(orderId: number | string, body: object, auth = ALICE, accountId = 4711): request.Test {
    return request(app)
      .patch(`/kontist/api/accounts/${accountId}/standing-orders/${orderId}`)
      .set('Authorization', auth)
      .send(body);
  }

  function cancel(orderId: number | string, auth = ALICE, accountId = 4711): request.Test {
    return request(app)
      .patch(`/kontist/api/accounts/${accountId}/standing-orders/${orderId}/cancel`)
      .set('Authorization', auth);
  }

  function confirm(requestId: string, authorizationToken: unknown, auth = ALICE, accountId = 4711): request.Test {
    return request(app)
      .post(`/kontist/api/accounts/${accountId}/standing-orders/confirm`)
      .set('Authorization', auth)
      .send({ requestId, authorizationToken });
  }

  describe('demo data', () => {
    it('gives alice one ACTIVE and one CANCELED order, newest first, in the docs shape', async () => {
      expect(await list()).toEqual([ALICE_CANCELED, ALICE_ACTIVE]);
    });

    it('gives bob one ACTIVE order of his own, in the legacy API too', async () => {
      expect(await list(4712, BOB)).toEqual([BOB_ACTIVE]);
      expect(await list(4712, basic('bob', 'bob-password'))).toEqual([BOB_ACTIVE]);
    });

    it('is the same in every sandbox', async () => {
      const other = createSandbox().app;
      const res = await request(other).get('/kontist/api/accounts/4711/standing-orders').set('Authorization', ALICE);
      expect(res.body).toEqual(await list());
    });
  });

  describe('creation', () => {
    it('registers the order, answers CONFIRMATION_REQUIRED with a request id and texts a TAN for it', async () => {
      const res = await request(app)
        .post('/kontist/api/accounts/4711/standing-orders')
        .set('Authorization', ALICE)
        .send(REGULAR)
        .expect(200);
      expect(res.body).toEqual({
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
        status: 'CONFIRMATION_REQUIRED',
        amount: 12012,
        recipient: 'John Smith',
        iban: 'DE33100110012626008537',
        e2eId: null,
      });
      const sms = await smsFor(app, res.body.requestId);
      expect(sms).toMatchObject({
        user: 'alice',
        text: `Your TAN for the standing order of 120.12 EUR to John Smith: ${sms.tan}`,
      });
      expect(await list()).toHaveLength(2);
    });

    it('creates an ACTIVE order with the right TAN, starting on the first execution day at midnight', async () => {
      const requestId = await create();
      const res = await confirm(requestId, await tanFor(app, requestId)).expect(200);
      expect(res.body).toEqual({
        id: 9,
        status: 'ACTIVE',
        name: 'John Smith',
        iban: 'DE33100110012626008537',
        amount: 12012,
        description: 'Regular payment',
        lastExecutionDate: null,
        reoccurrence: 'MONTHLY',
        e2eId: expect.stringMatching(/^E-[0-9a-f]{32}$/),
        nextOccurrence: '2031-08-27T00:00:00.000+00:00',
      });
      expect(await list()).toEqual([res.body, ALICE_CANCELED, ALICE_ACTIVE]);
      expect(await list(4712, BOB)).toEqual([BOB_ACTIVE]);
    });

    it("keeps the caller's e2eId and last execution date", async () => {
      const requestId = await create({
        ...REGULAR,
        note: undefined,
        e2eId: 'SO-77',
        reoccurrence: 'EVERY_SIX_MONTHS',
        firstExecutionDate: '2031-01-31',
        lastExecutionDate: '2032-12-31T20:11:02.109Z',
      });
      const res = await confirm(requestId, await tanFor(app, requestId)).expect(200);
      expect(res.body).toMatchObject({
        description: null,
        e2eId: 'SO-77',
        reoccurrence: 'EVERY_SIX_MONTHS',
        lastExecutionDate: '2032-12-31T20:11:02.109+00:00',
        nextOccurrence: '2031-01-31T00:00:00.000+00:00',
      });
    });

    it('accepts today as the first execution date', async () => {
      await create({ ...REGULAR, firstExecutionDate: new Date().toISOString() });
    });

    it.each([
      ['no recipient', { recipient: undefined }, 'invalid_recipient'],
      ['an IBAN with a wrong checksum', { iban: 'DE34100110012626008537' }, 'invalid_iban'],
      ['a zero amount', { amount: 0 }, 'invalid_amount'],
      ['no reoccurrence', { reoccurrence: undefined }, 'invalid_reoccurrence'],
      ['a weekly reoccurrence', { reoccurrence: 'WEEKLY' }, 'invalid_reoccurrence'],
      ['no first execution date', { firstExecutionDate: undefined }, 'invalid_first_execution_date'],
      ['a first execution date that is no date', { firstExecutionDate: 'soon' }, 'invalid_first_execution_date'],
      ['February 30th', { firstExecutionDate: '2031-02-30' }, 'invalid_first_execution_date'],
      ['a first execution date in the past', { firstExecutionDate: daysFromNow(-2) }, 'first_execution_date_in_past'],
      ['a last execution date before the first', { lastExecutionDate: '2031-08-01' }, 'invalid_last_execution_date'],
      ['a last execution date that is no date', { lastExecutionDate: 12 }, 'invalid_last_execution_date'],
    ])('refuses %s with 400 and sends no TAN', async (_case, change, error) => {
      const res = await request(app)
        .post('/kontist/api/accounts/4711/standing-orders')
        .set('Authorization', ALICE)
        .send({ ...REGULAR, ...change })
        .expect(400);
      expect(res.body).toEqual({ error });
      expect((await request(app).get('/sandbox/sms')).body).toEqual([]);
    });
  });

  describe('update', () => {
    const CHANGES = {
      amount: 500,
      note: 'Updated standing order',
      reoccurrence: 'QUARTERLY',
      e2eId: '123456789',
      lastExecutionDate: '2032-12-31T20:11:02.109Z',
    };

    it('registers the change with a request id and answers the amount and e2eId it will have', async () => {
      const res = await update(6, CHANGES).expect(200);
      expect(res.body).toEqual({
        requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
        status: 'CONFIRMATION_REQUIRED',
        amount: 500,
        recipient: 'Lena Hoffmann',
        iban: ALICE_ACTIVE.iban,
        e2eId: '123456789',
      });
      expect((await smsFor(app, res.body.requestId)).text).toMatch(
        /^Your TAN for the change of the standing order to Lena Hoffmann: \d{6}$/,
      );
      expect(await list()).toEqual([ALICE_CANCELED, ALICE_ACTIVE]);
    });

    it('changes only the five attributes once confirmed, keeping recipient and next occurrence', async () => {
      const { requestId } = (await update(6, CHANGES).expect(200)).body;
      const res = await confirm(requestId, await tanFor(app, requestId)).expect(200);
      const updated = {
        ...ALICE_ACTIVE,
        amount: 500,
        description: 'Updated standing order',
        reoccurrence: 'QUARTERLY',
        e2eId: '123456789',
        lastExecutionDate: '2032-12-31T20:11:02.109+00:00',
      };
      expect(res.body).toEqual(updated);
      expect(await list()).toEqual([ALICE_CANCELED, updated]);
    });

    it('keeps what the body leaves out and a null e2eId, and removes the note when it is null', async () => {
      const { requestId, amount, e2eId } = (await update(6, { note: null, e2eId: null }).expect(200)).body;
      expect([amount, e2eId]).toEqual([25000, ALICE_ACTIVE.e2eId]);
      const res = await confirm(requestId, await tanFor(app, requestId)).expect(200);
      expect(res.body).toEqual({ ...ALICE_ACTIVE, description: null });
    });

    it('refuses to change a CANCELED order with 400 standing_order_not_active', async () => {
      await update(7, CHANGES).expect(400, { error: 'standing_order_not_active' });
    });

    it.each([
      ['an empty body', {}, 'nothing_to_update'],
      ['only a null e2eId', { e2eId: null }, 'nothing_to_update'],
      ['a negative amount', { amount: -5 }, 'invalid_amount'],
      ['an e2eId over 35 characters', { e2eId: 'x'.repeat(36) }, 'invalid_e2e_id'],
      ['a daily reoccurrence', { reoccurrence: 'DAILY' }, 'invalid_reoccurrence'],
      [
        'a last execution date before the next occurrence',
        { lastExecutionDate: '2026-06-30' },
        'invalid_last_execution_date',
      ],
    ])('refuses %s with 400', async (_case, body, error) => {
      await update(6, body).expect(400, { error });
    });

    it("answers 404 for an unknown order or someone else's", async () => {
      await update(99, CHANGES).expect(404, { error: 'not_found' });
      await update('abc', CHANGES).expect(404, { error: 'not_found' });
      await update(8, CHANGES).expect(404, { error: 'not_found' });
      await update(6, CHANGES, BOB).expect(404, { error: 'not_found' });
      await update(6, CHANGES, BOB, 4712).expect(404, { error: 'not_found' });
    });
  });

  describe('cancelation', () => {
    it('registers the cancelation and answers only the request id and status', async () => {
      const res = await cancel(6).expect(200);
      expect(res.body).toEqual({ requestId: expect.stringMatching(/^[0-9a-f]{32}$/), status: 'CONFIRMATION_REQUIRED' });
      expect((await smsFor(app, res.body.requestId)).text).toMatch(
        /^Your TAN for the cancelation of the standing order to Lena Hoffmann: \d{6}$/,
      );
    });

    it('cancels the order once confirmed; it stays in the list as CANCELED and can change no more', async () => {
      const { requestId } = (await cancel(6).expect(200)).body;
      const res = await confirm(requestId, await tanFor(app, requestId)).expect(200);
      expect(res.body).toEqual({ ...ALICE_ACTIVE, status: 'CANCELED' });
      expect(await list()).toEqual([ALICE_CANCELED, { ...ALICE_ACTIVE, status: 'CANCELED' }]);
      await cancel(6).expect(400, { error: 'standing_order_not_active' });
      await update(6, { amount: 1 }).expect(400, { error: 'standing_order_not_active' });
    });

    it('refuses an update confirmed after the order was canceled', async () => {
      const change = (await update(6, { amount: 1 }).expect(200)).body.requestId;
      const cancelation = (await cancel(6).expect(200)).body.requestId;
      await confirm(cancelation, await tanFor(app, cancelation)).expect(200);
      await confirm(change, await tanFor(app, change)).expect(400, { error: 'standing_order_not_active' });
      expect(await list()).toEqual([ALICE_CANCELED, { ...ALICE_ACTIVE, status: 'CANCELED' }]);
    });

    it("answers 404 for an unknown order or someone else's", async () => {
      await cancel(99).expect(404, { error: 'not_found' });
      await cancel(8).expect(404, { error: 'not_found' });
      await cancel(6, BOB, 4712).expect(404, { error: 'not_found' });
      await cancel(7).expect(400, { error: 'standing_order_not_active' });
    });
  });

  describe('confirmation', () => {
    it('answers a wrong TAN with 400 invalid_tan and still takes the right one', async () => {
      const requestId = await create();
      const tan = await tanFor(app, requestId);
      await confirm(requestId, wrongTan(tan)).expect(400, { error: 'invalid_tan' });
      await confirm(requestId, wrongTan(tan)).expect(400, { error: 'invalid_tan' });
      await confirm(requestId, tan).expect(200);
    });

    it('forgets the request after three wrong TANs', async () => {
      const { requestId } = (await cancel(6).expect(200)).body;
      const tan = await tanFor(app, requestId);
      for (let i = 0; i < 3; i++) {
        await confirm(requestId, wrongTan(tan)).expect(400, { error: 'invalid_tan' });
      }
      await confirm(requestId, tan).expect(404, { error: 'not_found' });
      expect(await list()).toEqual([ALICE_CANCELED, ALICE_ACTIVE]);
    });

    it('executes a request once: confirming it again is 404 and creates nothing more', async () => {
      const requestId = await create();
      const tan = await tanFor(app, requestId);
      await confirm(requestId, tan).expect(200);
      await confirm(requestId, tan).expect(404, { error: 'not_found' });
      expect(await list()).toHaveLength(3);
    });

    it('answers an unknown or missing request id with 404', async () => {
      await confirm('92bf42e2eb6405f3a61babab43d623b1', '123456').expect(404, { error: 'not_found' });
      await confirm(undefined as unknown as string, '123456').expect(404, { error: 'not_found' });
    });

    it('refuses a TAN that is not a string with 400 authorization_token_required', async () => {
      const requestId = await create();
      await confirm(requestId, 123456).expect(400, { error: 'authorization_token_required' });
      await confirm(requestId, await tanFor(app, requestId)).expect(200);
    });

    it("does not let bob confirm alice's request, through his account or hers", async () => {
      const requestId = await create();
      const tan = await tanFor(app, requestId);
      await confirm(requestId, tan, BOB, 4712).expect(404, { error: 'not_found' });
      await confirm(requestId, tan, BOB).expect(404, { error: 'not_found' });
      await confirm(requestId, tan).expect(200);
    });

    it('lets a request expire after pendingTtlMs', async () => {
      app = createSandbox({ pendingTtlMs: 40 }).app;
      const requestId = await create();
      const tan = await tanFor(app, requestId);
      await sleep(80);
      await confirm(requestId, tan).expect(404, { error: 'not_found' });
      expect(await list()).toHaveLength(2);
    });
  });

  it("answers 404 for someone else's account list", async () => {
    await request(app)
      .get('/kontist/api/accounts/4711/standing-orders')
      .set('Authorization', BOB)
      .expect(404, { error: 'not_found' });
  });
});
