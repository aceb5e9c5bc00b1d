import request from 'supertest';
import { createSandbox, type Sandbox } from '../src/sandbox';

const ALICE = 'Bearer sandbox-alice';
const V21 = 'application/vnd.kontist.transactionlist.v2.1+json';
const LUNCH = {
  recipient: 'Karl Brenner',
  iban: 'DE89370400440532013000',
  amount: 1250,
  note: 'Thank you for paying my lunch',
  e2eId: 'INV-2026-0042',
};

describe('sandbox afterWrite faults: the write runs, its answer is spoiled', () => {
  let sandbox: Sandbox;
  let url: string;

  beforeEach(async () => {
    sandbox = createSandbox();
    url = await sandbox.listen(0);
  });

  afterEach(() => sandbox.close());

  function setFaults(body: object): request.Test {
    return request(url).put('/sandbox/faults').send(body);
  }

  async function afterWriteShown(): Promise<unknown> {
    return (await request(url).get('/sandbox/faults').expect(200)).body.faults[0].afterWrite;
  }

  /** Registers alice's lunch transfer (before any fault, so that its answer is readable) and reads its TAN. */
  async function register(): Promise<{ id: string; tan: string }> {
    const res = await request(url)
      .post('/kontist/api/accounts/4711/transfer')
      .set('Authorization', ALICE)
      .send(LUNCH)
      .expect(200);
    const id = (res.body.links.self as string).split('/').pop()!;
    const sms = (await request(url).get('/sandbox/sms').expect(200)).body as Array<{ reference: string; tan: string }>;
    return { id, tan: sms.find((message) => message.reference === id)!.tan };
  }

  /** With fetch rather than supertest: the answers under test are meant not to parse. */
  function confirm(id: string, tan: string, signal?: AbortSignal): Promise<Response> {
    return fetch(`${url}/kontist/api/accounts/4711/transfer/${id}`, {
      method: 'PUT',
      headers: { Authorization: ALICE, 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...LUNCH, authorizationToken: tan }),
      signal,
    });
  }

  async function transactions(): Promise<{ total: number; results: Array<{ amount: number; e2eId: string }> }> {
    return (
      await request(url)
        .get('/kontist/api/accounts/4711/transactions')
        .set('Authorization', ALICE)
        .set('Accept', V21)
        .expect(200)
    ).body;
  }

  async function balance(): Promise<number> {
    return (await request(url).get('/kontist/api/accounts').set('Authorization', ALICE).expect(200)).body[0].balance;
  }

  async function expectBooked(before: { total: number; balance: number }): Promise<void> {
    const after = await transactions();
    expect(after.total).toBe(before.total + 1);
    expect(after.results[0]).toMatchObject({ amount: -1250, e2eId: LUNCH.e2eId });
    expect(await balance()).toBe(before.balance - 1250);
  }

  async function snapshot(): Promise<{ total: number; balance: number }> {
    return { total: (await transactions()).total, balance: await balance() };
  }

  function acceptedBody(id: string): string {
    return JSON.stringify({
      status: 'accepted',
      ...LUNCH,
      meta: { authorizationTokenLength: 6 },
      links: { self: `/api/accounts/4711/transfer/${id}` },
    });
  }

  it('garble: books the transfer and answers 200 with a body that is not JSON, still labelled JSON', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'garble' } }).expect(200);
    const res = await confirm(id, tan);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toBe('\u0000#!garbled');
    await expectBooked(before);
  });

  it('empty: books the transfer and answers 200 with an empty object', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'empty' } }).expect(200);
    const res = await confirm(id, tan);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({});
    await expectBooked(before);
  });

  it('truncate: books the transfer and answers its real status with the first half of the real body', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'truncate' } }).expect(200);
    const res = await confirm(id, tan);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const full = acceptedBody(id);
    expect(await res.text()).toBe(full.slice(0, Math.floor(full.length / 2)));
    await expectBooked(before);
  });

  it('html: books the transfer and answers 200 with an HTML error page, as a proxy would', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'html' } }).expect(200);
    const res = await confirm(id, tan);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe('<html><body>Bad gateway</body></html>');
    await expectBooked(before);
  });

  it('reset: books the transfer and destroys the connection without an answer', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'reset' } }).expect(200);
    await expect(confirm(id, tan)).rejects.toThrow(/fetch failed/);
    await expectBooked(before);
  });

  it('status: books the transfer and answers 502 injected fault by default', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'status' } }).expect(200);
    const res = await confirm(id, tan);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'injected fault' });
    await expectBooked(before);
  });

  it('status: answers the status chosen', async () => {
    const { id, tan } = await register();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'status', status: 504 } }).expect(200);
    const res = await confirm(id, tan);
    expect(res.status).toBe(504);
    expect(await res.json()).toEqual({ error: 'injected fault' });
  });

  it('hold: books the transfer at once and sends the real answer only after holdMs', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'hold', holdMs: 300 } }).expect(200);
    let answered = false;
    const answer = confirm(id, tan).then((res) => {
      answered = true;
      return res;
    });
    await eventually(async () => expect((await transactions()).total).toBe(before.total + 1));
    expect(answered).toBe(false);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(acceptedBody(id));
    await expectBooked(before);
  });

  it('hold: keeps the transfer booked when the client gives up waiting, and answers others meanwhile', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'hold' } }).expect(200);
    const abort = new AbortController();
    const answer = confirm(id, tan, abort.signal);
    await eventually(async () => expect((await transactions()).total).toBe(before.total + 1));
    abort.abort();
    await expect(answer).rejects.toThrow(/abort/i);
    await expectBooked(before);
  });

  it('answers a wrong TAN with its 400 under the fault, spoiling nothing and using up no times', async () => {
    const { id, tan } = await register();
    const before = await snapshot();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'status', times: 1 } }).expect(200);
    const wrong = String((Number(tan) + 1) % 1_000_000).padStart(6, '0');
    const refused = await confirm(id, wrong);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'invalid_tan' });
    expect(await snapshot()).toEqual(before);
    expect(await afterWriteShown()).toEqual({ answer: 'status', status: 502, times: 1 });

    const res = await confirm(id, tan);
    expect(res.status).toBe(502);
    await expectBooked(before);
  });

  it('spoils one write only with times 1, then turns itself off', async () => {
    const first = await register();
    const second = await register();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'empty', times: 1 } }).expect(200);
    expect(await (await confirm(first.id, first.tan)).json()).toEqual({});
    expect(await afterWriteShown()).toBeNull();
    expect(await (await confirm(second.id, second.tan)).text()).toBe(acceptedBody(second.id));
  });

  it('counts down times and shows what is left', async () => {
    const first = await register();
    const second = await register();
    const third = await register();
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'html', times: 2 } }).expect(200);
    expect((await confirm(first.id, first.tan)).headers.get('content-type')).toMatch(/^text\/html/);
    expect(await afterWriteShown()).toEqual({ answer: 'html', times: 1 });
    expect((await confirm(second.id, second.tan)).headers.get('content-type')).toMatch(/^text\/html/);
    expect((await confirm(third.id, third.tan)).status).toBe(200);
    expect(await afterWriteShown()).toBeNull();
  });

  it('spoils a registration too: the TAN is sent though the client cannot read the answer', async () => {
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'garble' } }).expect(200);
    const res = await fetch(`${url}/kontist/api/accounts/4711/transfer`, {
      method: 'POST',
      headers: { Authorization: ALICE, 'Content-Type': 'application/json' },
      body: JSON.stringify(LUNCH),
    });
    expect(await res.text()).toBe('\u0000#!garbled');
    const sms = (await request(url).get('/sandbox/sms').expect(200)).body;
    expect(sms).toHaveLength(1);
  });

  it('garbles an XML answer under the XML content type the route set', async () => {
    await setFaults({ provider: 'KONTOMATIK', afterWrite: { answer: 'garble' } }).expect(200);
    const res = await fetch(`${url}/kontomatik/v1/mock-session.xml`, {
      method: 'POST',
      headers: { 'X-Api-Key': 'sandbox-api-key' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(await res.text()).toBe('\u0000#!garbled');
  });

  it('never spoils a read, nor counts one against times', async () => {
    await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'garble', times: 1 } }).expect(200);
    expect((await transactions()).total).toBe(260);
    expect(await balance()).toBe(1284733);
    expect(await afterWriteShown()).toEqual({ answer: 'garble', times: 1 });
  });

  it('keeps the fault to its provider', async () => {
    await setFaults({ provider: 'BANKIMPORT', afterWrite: { answer: 'status' } }).expect(200);
    const { id, tan } = await register();
    expect((await confirm(id, tan)).status).toBe(200);
  });

  it('lists the fault with its defaults filled in, and clears it with DELETE', async () => {
    const res = await setFaults({ provider: 'KONTIST', afterWrite: { answer: 'hold' } }).expect(200);
    expect(res.body.afterWrite).toEqual({ answer: 'hold', holdMs: 30000, times: null });
    expect(await afterWriteShown()).toEqual({ answer: 'hold', holdMs: 30000, times: null });
    await request(url).delete('/sandbox/faults').expect(204);
    expect(await afterWriteShown()).toBeNull();
    const { id, tan } = await register();
    expect(await (await confirm(id, tan)).text()).toBe(acceptedBody(id));
  });

  it('takes afterWrite null as no fault', async () => {
    const res = await setFaults({ provider: 'KONTIST', afterWrite: null }).expect(200);
    expect(res.body.afterWrite).toBeNull();
  });

  it.each([
    ['afterWrite as text', 'garble', /^afterWrite must be a JSON object or null$/],
    [
      'no answer',
      { times: 1 },
      /^afterWrite\.answer must be one of garble, empty, truncate, html, reset, hold, status$/,
    ],
    ['an unknown answer', { answer: 'slow' }, /^afterWrite\.answer must be one of/],
    ['an unknown field', { answer: 'hold', holdFor: 5 }, /^unknown field afterWrite\.holdFor$/],
    ['a status for another answer', { answer: 'garble', status: 502 }, /^afterWrite\.status applies only/],
    ['a status that is not a server error', { answer: 'status', status: 404 }, /^afterWrite\.status must be/],
    ['a status as text', { answer: 'status', status: '502' }, /^afterWrite\.status must be/],
    ['holdMs for another answer', { answer: 'status', holdMs: 100 }, /^afterWrite\.holdMs applies only/],
    ['a negative holdMs', { answer: 'hold', holdMs: -1 }, /^afterWrite\.holdMs must be an integer from 0 to 600000$/],
    ['a holdMs over ten minutes', { answer: 'hold', holdMs: 600_001 }, /^afterWrite\.holdMs must be/],
    ['times 0', { answer: 'reset', times: 0 }, /^afterWrite\.times must be an integer from 1/],
    ['fractional times', { answer: 'reset', times: 1.5 }, /^afterWrite\.times must be/],
    ['times as text', { answer: 'reset', times: '1' }, /^afterWrite\.times must be/],
  ])('refuses %s with 400, leaving the faults as they were', async (_case, afterWrite, error) => {
    const res = await setFaults({ provider: 'KONTIST', afterWrite }).expect(400);
    expect(res.body).toEqual({ error: expect.stringMatching(error) });
    expect(await afterWriteShown()).toBeNull();
  });
});

/** Retries `check` until it passes or a second has gone by. */
async function eventually(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 1000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
