import request from 'supertest';
import type { Express } from 'express';
import type { KontistLegacyTransactionPayload, KontistTransactionPayload } from '../../src/kontist/kontist.wire';
import { createSandbox } from '../../src/sandbox';
import { ALICE, BOB, V21, basic, sleep, smsFor, tanFor, wrongTan } from './kontist.helpers';

const LUNCH = {
  recipient: 'Karl Brenner',
  iban: 'DE89370400440532013000',
  amount: 1250,
  note: 'Thank you for paying my lunch',
  e2eId: 'INV-2026-0042',
};

describe('sandbox Kontist SEPA credit transfers', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox().app;
  });

  async function register(body: object = LUNCH, auth = ALICE, accountId = 4711): Promise<string> {
    const res = await request(app)
      .post(`/kontist/api/accounts/${accountId}/transfer`)
      .set('Authorization', auth)
      .send(body)
      .expect(200);
    return (res.body.links.self as string).split('/').pop()!;
  }

  function confirm(id: string, body: object, auth = ALICE, accountId = 4711): request.Test {
    return request(app).put(`/kontist/api/accounts/${accountId}/transfer/${id}`).set('Authorization', auth).send(body);
  }

  async function balanceOf(auth = ALICE): Promise<number> {
    return (await request(app).get('/kontist/api/accounts').set('Authorization', auth).expect(200)).body[0].balance;
  }

  it('registers a transfer, answers confirmation_required and texts a TAN naming amount and recipient', async () => {
    const res = await request(app)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', ALICE)
      .send(LUNCH)
      .expect(200);
    const self = res.body.links.self as string;
    expect(self).toMatch(/^\/api\/accounts\/4711\/transfer\/[0-9a-f]{32}ctrx$/);
    expect(res.body).toEqual({
      status: 'confirmation_required',
      ...LUNCH,
      meta: { authorizationTokenLength: 6 },
      links: { self },
    });
    const id = self.split('/').pop()!;
    const sms = await smsFor(app, id);
    expect(sms).toEqual({
      user: 'alice',
      tan: expect.stringMatching(/^\d{6}$/),
      text: `Your TAN for the transfer of 12.50 EUR to Karl Brenner: ${sms.tan}`,
      reference: id,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
  });

  it('answers null note and e2eId when they were left out', async () => {
    const res = await request(app)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', ALICE)
      .send({ recipient: 'Mia Schulz', iban: LUNCH.iban, amount: 5 })
      .expect(200);
    expect(res.body).toMatchObject({ recipient: 'Mia Schulz', amount: 5, note: null, e2eId: null });
    expect((await smsFor(app, (res.body.links.self as string).split('/').pop()!)).text).toMatch(
      /^Your TAN for the transfer of 0\.05 EUR to Mia Schulz: \d{6}$/,
    );
  });

  it('executes with the right TAN: accepted, booked first in both lists with the right sign, balance lowered', async () => {
    const before = await balanceOf();
    const id = await register();
    const res = await confirm(id, { ...LUNCH, authorizationToken: await tanFor(app, id) }).expect(200);
    expect(res.body).toEqual({
      status: 'accepted',
      ...LUNCH,
      meta: { authorizationTokenLength: 6 },
      links: { self: `/api/accounts/4711/transfer/${id}` },
    });
    expect(await balanceOf()).toBe(before - 1250);

    const v21 = await request(app)
      .get('/kontist/api/accounts/4711/transactions')
      .set('Authorization', ALICE)
      .set('Accept', V21)
      .expect(200);
    expect(v21.body.total).toBe(261);
    const booked = v21.body.results[0] as KontistTransactionPayload;
    expect(booked).toEqual({
      id: 900320,
      amount: -1250,
      type: null,
      category: null,
      name: 'Karl Brenner',
      iban: LUNCH.iban,
      purpose: LUNCH.note,
      e2eId: LUNCH.e2eId,
      bookingDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/),
      valutaDate: booked.bookingDate,
      bookingType: 'SEPA_CREDIT_TRANSFER',
      originalAmount: null,
      foreignCurrency: null,
      paymentMethod: 'bank_account',
      invoiceNumber: null,
      invoicePreviewUrl: null,
      invoiceDownloadUrl: null,
      userSelectedBookingDate: null,
      documentType: null,
      mandateNumber: null,
    });
    expect(Math.abs(Date.parse(booked.bookingDate!) - Date.now())).toBeLessThan(5000);

    const legacy = await request(app)
      .get('/kontist/api/accounts/4711/transactions')
      .set('Authorization', basic('alice', 'alice-password'))
      .expect(200);
    expect(legacy.body.results[0] as KontistLegacyTransactionPayload).toMatchObject({
      id: 900320,
      from: 4711,
      to: null,
      amount: 1250,
      name: 'Karl Brenner',
      e2e_id: LUNCH.e2eId,
      booking_type: 'SEPA_CREDIT_TRANSFER',
    });

    const single = await request(app)
      .get('/kontist/api/accounts/4711/transactions/900320')
      .set('Authorization', ALICE)
      .set('Accept', V21)
      .expect(200);
    expect(single.body).toEqual(booked);
  });

  it('executes only once: a second PUT with the same TAN is 404 and books nothing more', async () => {
    const id = await register();
    const tan = await tanFor(app, id);
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(200);
    const before = await balanceOf();
    const res = await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(404);
    expect(res.body).toEqual({ error: 'not_found' });
    expect(await balanceOf()).toBe(before);
  });

  it.each([
    ['recipient', { recipient: 'Karl Brenne' }],
    ['iban', { iban: 'DE02120300000000202051' }],
    ['amount', { amount: 1251 }],
    ['note', { note: 'Thanks' }],
    ['a note left out', { note: undefined }],
    ['e2eId', { e2eId: null }],
  ])('refuses a payload that differs in %s with 400 payload_mismatch, using up no attempt', async (_case, change) => {
    const id = await register();
    const tan = await tanFor(app, id);
    for (let i = 0; i < 3; i++) {
      const res = await confirm(id, { ...LUNCH, ...change, authorizationToken: tan }).expect(400);
      expect(res.body).toEqual({ error: 'payload_mismatch' });
    }
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(200);
  });

  it('accepts an absent note where the registration had none, as the same payload', async () => {
    const payment = { recipient: 'Mia Schulz', iban: LUNCH.iban, amount: 700 };
    const id = await register(payment);
    const res = await confirm(id, { ...payment, note: null, authorizationToken: await tanFor(app, id) }).expect(200);
    expect(res.body).toMatchObject({ status: 'accepted', note: null, e2eId: null });
  });

  it('answers a wrong TAN with 400 invalid_tan and still accepts the right one after it', async () => {
    const id = await register();
    const tan = await tanFor(app, id);
    const res = await confirm(id, { ...LUNCH, authorizationToken: wrongTan(tan) }).expect(400);
    expect(res.body).toEqual({ error: 'invalid_tan' });
    await confirm(id, { ...LUNCH, authorizationToken: wrongTan(tan) }).expect(400);
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(200);
  });

  it('forgets the transfer after three wrong TANs: then even the right one is 404 and nothing is booked', async () => {
    const before = await balanceOf();
    const id = await register();
    const tan = await tanFor(app, id);
    for (let i = 0; i < 3; i++) {
      await confirm(id, { ...LUNCH, authorizationToken: wrongTan(tan) }).expect(400, { error: 'invalid_tan' });
    }
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(404, { error: 'not_found' });
    expect(await balanceOf()).toBe(before);
  });

  it('refuses a TAN that is not a string with 400 authorization_token_required, using up no attempt', async () => {
    const id = await register();
    const tan = await tanFor(app, id);
    for (const authorizationToken of [undefined, Number(tan), null]) {
      await confirm(id, { ...LUNCH, authorizationToken }).expect(400, { error: 'authorization_token_required' });
    }
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(200);
  });

  it('lets a pending transfer expire after pendingTtlMs', async () => {
    app = createSandbox({ pendingTtlMs: 40 }).app;
    const id = await register();
    const tan = await tanFor(app, id);
    await sleep(80);
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(404, { error: 'not_found' });
  });

  it('keeps a pending transfer well within the default five minutes', async () => {
    const id = await register();
    const tan = await tanFor(app, id);
    await sleep(80);
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(200);
  });

  it("does not let bob register on alice's account or confirm her transfer by any path", async () => {
    await request(app)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', BOB)
      .send(LUNCH)
      .expect(404, { error: 'not_found' });
    const id = await register();
    const tan = await tanFor(app, id);
    await confirm(id, { ...LUNCH, authorizationToken: tan }, BOB).expect(404, { error: 'not_found' });
    await confirm(id, { ...LUNCH, authorizationToken: tan }, BOB, 4712).expect(404, { error: 'not_found' });
    await confirm(id, { ...LUNCH, authorizationToken: tan }).expect(200);
  });

  it('sends the TAN to the account holder and takes Basic credentials too', async () => {
    const id = await register(LUNCH, basic('bob', 'bob-password'), 4712);
    expect((await smsFor(app, id)).user).toBe('bob');
    const before = await balanceOf(BOB);
    await confirm(id, { ...LUNCH, authorizationToken: await tanFor(app, id) }, BOB, 4712).expect(200);
    expect(await balanceOf(BOB)).toBe(before - 1250);
    expect(await balanceOf()).toBe(1284733);
  });

  it('answers an unknown transfer id with 404', async () => {
    await confirm('f55641811042b9e85989bd57c3718346ctrx', { ...LUNCH, authorizationToken: '123456' }).expect(404, {
      error: 'not_found',
    });
  });

  it.each([
    ['no recipient', { recipient: undefined }, 'invalid_recipient'],
    ['a blank recipient', { recipient: '  ' }, 'invalid_recipient'],
    ['a numeric recipient', { recipient: 42 }, 'invalid_recipient'],
    ['no iban', { iban: undefined }, 'invalid_iban'],
    ['an IBAN with a wrong checksum', { iban: 'DE88370400440532013000' }, 'invalid_iban'],
    ['an IBAN in lower case', { iban: 'de89370400440532013000' }, 'invalid_iban'],
    ['an IBAN with spaces', { iban: 'DE89 3704 0044 0532 0130 00' }, 'invalid_iban'],
    ['no amount', { amount: undefined }, 'invalid_amount'],
    ['a zero amount', { amount: 0 }, 'invalid_amount'],
    ['a negative amount', { amount: -1250 }, 'invalid_amount'],
    ['a fractional amount', { amount: 12.5 }, 'invalid_amount'],
    ['an amount as text', { amount: '1250' }, 'invalid_amount'],
    ['a note that is not text', { note: 7 }, 'invalid_note'],
    ['a note over 140 characters', { note: 'x'.repeat(141) }, 'invalid_note'],
    ['an e2eId over 35 characters', { e2eId: 'x'.repeat(36) }, 'invalid_e2e_id'],
  ])('refuses %s with 400 and sends no TAN', async (_case, change, error) => {
    const res = await request(app)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', ALICE)
      .send({ ...LUNCH, ...change })
      .expect(400);
    expect(res.body).toEqual({ error });
    expect((await request(app).get('/sandbox/sms')).body).toEqual([]);
  });

  it('refuses malformed JSON with 400 invalid_request', async () => {
    await request(app)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', ALICE)
      .set('Content-Type', 'application/json')
      .send('{"recipient":')
      .expect(400, { error: 'invalid_request' });
  });

  it('needs credentials', async () => {
    await request(app).post('/kontist/api/accounts/4711/transfer').send(LUNCH).expect(401);
  });
});
