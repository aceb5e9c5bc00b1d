import request from 'supertest';
import type { Express } from 'express';
import type { KontistLegacyTransactionPayload, KontistTransactionPayload } from '../../src/kontist/kontist.wire';
import { createSandbox } from '../../src/sandbox';
import { ALICE, BOB, V21, basic, daysFromNow, sleep, smsFor, tanFor, wrongTan } from './kontist.helpers';

const EXECUTE_AT = '2031-08-27T12:00:00.000Z';

const BILL = {
  recipient: 'John Smith',
  iban: 'DE33100110012626008537',
  amount: 12012,
  note: 'Bill payment',
  e2eId: null,
  date: EXECUTE_AT,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('sandbox Kontist timed orders', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox().app;
  });

  function create(body: object = BILL, auth = ALICE, accountId = 4711): request.Test {
    return request(app).post(`/kontist/api/accounts/${accountId}/timed-orders`).set('Authorization', auth).send(body);
  }

  function confirm(id: string, token: unknown, auth = ALICE, accountId = 4711): request.Test {
    return request(app)
      .post(`/kontist/api/accounts/${accountId}/timed-orders/${id}/confirm`)
      .set('Authorization', auth)
      .send({ token });
  }

  function cancel(id: string, auth = ALICE, accountId = 4711): request.Test {
    return request(app)
      .patch(`/kontist/api/accounts/${accountId}/timed-orders/${id}/cancel`)
      .set('Authorization', auth);
  }

  async function list(auth = ALICE, accountId = 4711): Promise<unknown[]> {
    return (
      await request(app).get(`/kontist/api/accounts/${accountId}/timed-orders`).set('Authorization', auth).expect(200)
    ).body;
  }

  async function scheduled(body: object = BILL): Promise<string> {
    const { id } = (await create(body).expect(200)).body;
    await confirm(id, await tanFor(app, id)).expect(200);
    return id;
  }

  async function balance(): Promise<number> {
    return (await request(app).get('/kontist/api/accounts').set('Authorization', ALICE).expect(200)).body[0].balance;
  }

  it('registers the order in the snake_case shape of the docs and texts a TAN for it', async () => {
    const res = await create().expect(200);
    const { id, scheduled_transaction: transaction } = res.body;
    const hex = (transaction.reference as string).slice(2);
    expect(res.body).toEqual({
      id: expect.stringMatching(UUID),
      execute_at: EXECUTE_AT,
      executed_at: null,
      status: 'CONFIRMATION_REQUIRED',
      scheduled_transaction: {
        id: expect.stringMatching(UUID),
        status: 'scheduled',
        reference: expect.stringMatching(/^R-[0-9a-f]{32}$/),
        description: 'Bill payment',
        recipient_iban: 'DE33100110012626008537',
        recipient_name: 'John Smith',
        recipient_bic: '',
        end_to_end_id: `E-${hex}`,
        batch_id: null,
        created_at: expect.stringMatching(ISO_MS),
        amount: { value: 12012, currency: 'EUR', unit: 'cents' },
      },
    });
    expect(transaction.id).not.toBe(id);
    expect(Math.abs(Date.parse(transaction.created_at) - Date.now())).toBeLessThan(5000);
    const sms = await smsFor(app, id);
    expect(sms).toMatchObject({
      user: 'alice',
      text: `Your TAN for the timed order of 120.12 EUR to John Smith on 2031-08-27: ${sms.tan}`,
    });
    expect(await list()).toEqual([]);
  });

  it("keeps the caller's e2eId and writes the date as an ISO instant", async () => {
    const res = await create({ ...BILL, e2eId: 'INV-7', note: undefined, date: '2031-08-27T14:32:08+02:00' }).expect(
      200,
    );
    expect(res.body.execute_at).toBe('2031-08-27T12:32:08.000Z');
    expect(res.body.scheduled_transaction).toMatchObject({ end_to_end_id: 'INV-7', description: null });
  });

  it('schedules the order with the right TAN and lists it in the camelCase list format, amount negative', async () => {
    const { body: created } = await create().expect(200);
    const res = await confirm(created.id, await tanFor(app, created.id)).expect(200);
    expect(res.body).toEqual({ ...created, status: 'SCHEDULED' });
    expect(await list()).toEqual([
      {
        id: created.id,
        recipientName: 'John Smith',
        recipientIban: 'DE33100110012626008537',
        date: EXECUTE_AT,
        purpose: 'Bill payment',
        amount: -12012,
        e2eId: created.scheduled_transaction.end_to_end_id,
        status: 'scheduled',
        type: 'TIMED_ORDER',
      },
    ]);
    expect(await list(basic('alice', 'alice-password'))).toHaveLength(1);
    expect(await list(BOB, 4712)).toEqual([]);
  });

  it('lists scheduled orders soonest first', async () => {
    const later = await scheduled({ ...BILL, date: '2032-01-01T00:00:00Z' });
    const sooner = await scheduled({ ...BILL, date: '2031-01-01T00:00:00Z' });
    expect(((await list()) as Array<{ id: string }>).map((order) => order.id)).toEqual([sooner, later]);
  });

  it('cancels a SCHEDULED order, which then leaves the list and cannot be canceled again', async () => {
    const id = await scheduled();
    const res = await cancel(id).expect(200);
    expect(res.body).toMatchObject({ id, status: 'CANCELED', executed_at: null });
    expect(res.body.scheduled_transaction.status).toBe('canceled');
    expect(await list()).toEqual([]);
    await cancel(id).expect(400, { error: 'timed_order_not_scheduled' });
    await confirm(id, '123456').expect(404, { error: 'not_found' });
  });

  it('refuses to cancel an order still waiting for its TAN', async () => {
    const { id } = (await create().expect(200)).body;
    await cancel(id).expect(400, { error: 'timed_order_not_scheduled' });
    await confirm(id, await tanFor(app, id)).expect(200);
  });

  it('executes a confirmed order when it falls due: booked first, balance lowered, no longer listed', async () => {
    const before = await balance();
    const date = new Date(Date.now() + 1000).toISOString();
    const { id } = (await create({ ...BILL, date }).expect(200)).body;
    await confirm(id, await tanFor(app, id)).expect(200);
    expect(await list()).toHaveLength(1);

    await sleep(Date.parse(date) - Date.now() + 50);
    expect(await list()).toEqual([]);
    expect(await balance()).toBe(before - 12012);
    const v21 = await request(app)
      .get('/kontist/api/accounts/4711/transactions')
      .set('Authorization', ALICE)
      .set('Accept', V21)
      .expect(200);
    const booked = v21.body.results[0] as KontistTransactionPayload;
    expect(booked).toMatchObject({
      amount: -12012,
      name: 'John Smith',
      iban: 'DE33100110012626008537',
      purpose: 'Bill payment',
      e2eId: expect.stringMatching(/^E-[0-9a-f]{32}$/),
      bookingType: 'SEPA_CREDIT_TRANSFER',
      paymentMethod: 'bank_account',
    });
    const legacy = await request(app).get('/kontist/api/accounts/4711/transactions').set('Authorization', ALICE);
    expect(legacy.body.results[0] as KontistLegacyTransactionPayload).toMatchObject({
      id: booked.id,
      from: 4711,
      amount: 12012,
    });
    await cancel(id).expect(400, { error: 'timed_order_not_scheduled' });
  });

  it.each([
    ['a date in the past', { date: daysFromNow(-1) }, 'date_in_past'],
    ['no date', { date: undefined }, 'invalid_date'],
    ['a date that is no date', { date: 'tomorrow' }, 'invalid_date'],
    ['a date-time without a zone', { date: '2031-08-27T12:00:00' }, 'invalid_date'],
    ['no recipient', { recipient: undefined }, 'invalid_recipient'],
    ['an IBAN with a wrong checksum', { iban: 'DE34100110012626008537' }, 'invalid_iban'],
    ['a fractional amount', { amount: 1.5 }, 'invalid_amount'],
  ])('refuses %s with 400 and sends no TAN', async (_case, change, error) => {
    await create({ ...BILL, ...change }).expect(400, { error });
    expect((await request(app).get('/sandbox/sms')).body).toEqual([]);
  });

  it('answers a wrong TAN with 400 invalid_tan and still takes the right one', async () => {
    const { id } = (await create().expect(200)).body;
    const tan = await tanFor(app, id);
    await confirm(id, wrongTan(tan)).expect(400, { error: 'invalid_tan' });
    await confirm(id, tan).expect(200);
  });

  it('forgets the order after three wrong TANs', async () => {
    const { id } = (await create().expect(200)).body;
    const tan = await tanFor(app, id);
    for (let i = 0; i < 3; i++) {
      await confirm(id, wrongTan(tan)).expect(400, { error: 'invalid_tan' });
    }
    await confirm(id, tan).expect(404, { error: 'not_found' });
    await cancel(id).expect(404, { error: 'not_found' });
    expect(await list()).toEqual([]);
  });

  it('confirms once: a second confirmation is 404 and the order stays scheduled once', async () => {
    const { id } = (await create().expect(200)).body;
    const tan = await tanFor(app, id);
    await confirm(id, tan).expect(200);
    await confirm(id, tan).expect(404, { error: 'not_found' });
    expect(await list()).toHaveLength(1);
  });

  it('refuses a token that is not a string with 400 token_required', async () => {
    const { id } = (await create().expect(200)).body;
    await confirm(id, Number(await tanFor(app, id))).expect(400, { error: 'token_required' });
  });

  it('lets an unconfirmed order expire after pendingTtlMs', async () => {
    app = createSandbox({ pendingTtlMs: 40 }).app;
    const { id } = (await create().expect(200)).body;
    const tan = await tanFor(app, id);
    await sleep(80);
    await confirm(id, tan).expect(404, { error: 'not_found' });
    await cancel(id).expect(404, { error: 'not_found' });
  });

  it("does not let bob create, confirm, cancel or list on alice's account", async () => {
    await create(BILL, BOB).expect(404, { error: 'not_found' });
    const { id } = (await create().expect(200)).body;
    const tan = await tanFor(app, id);
    await confirm(id, tan, BOB).expect(404, { error: 'not_found' });
    await confirm(id, tan, BOB, 4712).expect(404, { error: 'not_found' });
    await confirm(id, tan).expect(200);
    await cancel(id, BOB).expect(404, { error: 'not_found' });
    await cancel(id, BOB, 4712).expect(404, { error: 'not_found' });
    await request(app).get('/kontist/api/accounts/4711/timed-orders').set('Authorization', BOB).expect(404);
    expect(await list()).toHaveLength(1);
  });
});
