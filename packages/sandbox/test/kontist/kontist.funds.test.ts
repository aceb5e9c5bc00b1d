import request from 'supertest';
import type { Express } from 'express';
import { createSandbox } from '../../src/sandbox';
import { ALICE, V21, tanFor, wrongTan } from './kontist.helpers';

/** Alice's main account 4711 starts with 12,847.33 EUR. */
const ALICE_BALANCE = 1284733;
const TWENTY_MILLION_EUR = 2_000_000_000;

const PAYMENT = {
  recipient: 'Karl Brenner',
  iban: 'DE89370400440532013000',
  note: 'Invoice 2026-0042',
};

const INSUFFICIENT_FUNDS = {
  error: 'insufficient_funds',
  message: 'The account balance does not cover this payment.',
};

describe('sandbox Kontist refuses payments the balance does not cover', () => {
  let app: Express;

  beforeEach(() => {
    app = createSandbox().app;
  });

  function register(amount: number): request.Test {
    return request(app)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', ALICE)
      .send({ ...PAYMENT, amount });
  }

  async function registered(amount: number): Promise<string> {
    return ((await register(amount).expect(200)).body.links.self as string).split('/').pop()!;
  }

  function confirm(id: string, amount: number, authorizationToken: string): request.Test {
    return request(app)
      .put(`/kontist/api/accounts/4711/transfer/${id}`)
      .set('Authorization', ALICE)
      .send({ ...PAYMENT, amount, authorizationToken });
  }

  function createTimedOrder(amount: number): request.Test {
    return request(app)
      .post('/kontist/api/accounts/4711/timed-orders')
      .set('Authorization', ALICE)
      .send({ ...PAYMENT, amount, date: '2031-08-27T12:00:00.000Z' });
  }

  async function balance(): Promise<number> {
    return (await request(app).get('/kontist/api/accounts').set('Authorization', ALICE).expect(200)).body[0].balance;
  }

  async function transactionCount(): Promise<number> {
    return (
      await request(app)
        .get('/kontist/api/accounts/4711/transactions')
        .set('Authorization', ALICE)
        .set('Accept', V21)
        .expect(200)
    ).body.total;
  }

  async function smsCount(): Promise<number> {
    return ((await request(app).get('/sandbox/sms').expect(200)).body as unknown[]).length;
  }

  describe('transfers', () => {
    it('refuses to register 20,000,000 EUR from a 12,847.33 EUR balance with 422, sending no TAN', async () => {
      const res = await register(TWENTY_MILLION_EUR).expect(422);
      expect(res.body).toEqual(INSUFFICIENT_FUNDS);
      expect(await smsCount()).toBe(0);
      expect(await balance()).toBe(ALICE_BALANCE);
      expect(await transactionCount()).toBe(260);
    });

    it('refuses one cent over the balance and executes exactly the balance, leaving zero', async () => {
      await register(ALICE_BALANCE + 1).expect(422, INSUFFICIENT_FUNDS);
      const id = await registered(ALICE_BALANCE);
      await confirm(id, ALICE_BALANCE, await tanFor(app, id)).expect(200);
      expect(await balance()).toBe(0);
    });

    it('reports a malformed payment as 400 before looking at the balance', async () => {
      await register(-1).expect(400, { error: 'invalid_amount' });
      await request(app)
        .post('/kontist/api/accounts/4711/transfer')
        .set('Authorization', ALICE)
        .send({ ...PAYMENT, iban: 'DE88370400440532013000', amount: TWENTY_MILLION_EUR })
        .expect(400, { error: 'invalid_iban' });
    });

    it('refuses to execute a transfer the balance no longer covers, booking nothing and keeping it pending', async () => {
      const first = await registered(1_000_000);
      const second = await registered(1_000_000);
      const tan = await tanFor(app, second);
      await confirm(first, 1_000_000, await tanFor(app, first)).expect(200);

      // More tries than a pending transfer has attempts: the refusal uses none of them up.
      for (let i = 0; i < 4; i++) {
        await confirm(second, 1_000_000, tan).expect(422, INSUFFICIENT_FUNDS);
      }
      await confirm(second, 1_000_000, wrongTan(tan)).expect(422, INSUFFICIENT_FUNDS);
      await confirm(second, 999_999, tan).expect(400, { error: 'payload_mismatch' });

      expect(await balance()).toBe(ALICE_BALANCE - 1_000_000);
      expect(await transactionCount()).toBe(261);
    });
  });

  describe('timed orders', () => {
    it('refuses to create one beyond the balance with 422, sending no TAN and scheduling nothing', async () => {
      const res = await createTimedOrder(TWENTY_MILLION_EUR).expect(422);
      expect(res.body).toEqual(INSUFFICIENT_FUNDS);
      expect(await smsCount()).toBe(0);
      const list = await request(app).get('/kontist/api/accounts/4711/timed-orders').set('Authorization', ALICE);
      expect(list.body).toEqual([]);
    });

    it('accepts exactly the balance and checks against the balance as it is now', async () => {
      expect((await createTimedOrder(ALICE_BALANCE).expect(200)).body.status).toBe('CONFIRMATION_REQUIRED');
      const id = await registered(1_000_000);
      await confirm(id, 1_000_000, await tanFor(app, id)).expect(200);
      await createTimedOrder(ALICE_BALANCE - 1_000_000 + 1).expect(422, INSUFFICIENT_FUNDS);
      await createTimedOrder(ALICE_BALANCE - 1_000_000).expect(200);
    });
  });

  it('does not check standing orders, which run later', async () => {
    const res = await request(app)
      .post('/kontist/api/accounts/4711/standing-orders')
      .set('Authorization', ALICE)
      .send({
        ...PAYMENT,
        amount: TWENTY_MILLION_EUR,
        e2eId: null,
        reoccurrence: 'MONTHLY',
        firstExecutionDate: '2031-08-27T14:32:08.604Z',
        lastExecutionDate: null,
      })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'CONFIRMATION_REQUIRED', amount: TWENTY_MILLION_EUR });
    expect(await smsCount()).toBe(1);
  });
});
