import { ConfirmTransferDocument, ConfirmationByIdDocument, CreateTransferDocument } from '../generated/graphql';
import { aTransfer, kontistBookings } from '../support/payments';
import { alice, startGateway, type TestGateway } from '../support/gateway';

const PUT_TRANSFER = 'KONTIST PUT /api/accounts/:id/transfer/:transferId';
const TIMEOUT_MS = 1500;

/**
 * CONTRACT.md, "Payment outcomes": whatever happens to the provider's answer, the
 * status a client can read ends equal to what the provider booked, with exactly one
 * execution upstream and never an internal error.
 */
describe('payment outcomes when the provider executes and the answer goes wrong', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), CIRCUIT_FAILURES: '1000' });
  });
  afterAll(() => t.close());
  afterEach(() => t.clearFaults());

  const bookings = (endToEndId: string) => kontistBookings(t.sandboxUrl, endToEndId);

  const created = async (input = aTransfer()) => {
    const { body } = await t.gql(CreateTransferDocument, { input }, alice);
    expect(body.errors).toBeUndefined();
    return { id: body.data!.createTransfer.id, tan: await t.latestTan(), input };
  };

  const confirm = (id: string, tan: string) =>
    t.gql(ConfirmTransferDocument, { confirmationId: id, authorizationToken: tan }, alice);

  const status = async (id: string) => {
    const { body } = await t.gql(ConfirmationByIdDocument, { id }, alice);
    expect(body.errors).toBeUndefined();
    return body.data!.confirmation!;
  };

  /** Polls the client's view until it reads `expected`, for as long as the contract allows. */
  const eventually = async (id: string, expected: string) => {
    const deadline = Date.now() + TIMEOUT_MS + 10_000;
    let seen = await status(id);
    while (seen.status !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await status(id);
    }
    expect(seen.status).toBe(expected);
    return seen;
  };

  const noInternalErrors = () =>
    expect(t.logs.filter((line) => line.includes('INTERNAL_SERVER_ERROR') || line.includes('"level":50'))).toEqual([]);

  it.each(['garble', 'empty', 'truncate', 'html'])(
    'reads a 2xx it cannot parse (%s) as executed: CONFIRMED with what the pending order held',
    async (answer) => {
      const { id, tan, input } = await created();
      await t.resetStats();
      await t.faults({ provider: 'KONTIST', afterWrite: { answer } });
      const { body } = await confirm(id, tan);
      expect(body.errors).toBeUndefined();
      expect(body.data!.confirmTransfer).toMatchObject({
        status: 'ACCEPTED',
        recipient: 'Karl Brenner',
        amount: { minorUnits: 1250 },
        endToEndId: input.endToEndId,
      });
      const seen = await status(id);
      expect(seen).toMatchObject({ status: 'CONFIRMED', failureReason: null });
      expect(seen.statusDetail).toMatch(/could not be read/);
      expect(await bookings(input.endToEndId!)).toBe(1);
      expect((await t.stats())[PUT_TRANSFER]).toBe(1);
      noInternalErrors();
    },
  );

  it.each([
    ['a reset connection', { answer: 'reset' }],
    ['a 5xx', { answer: 'status', status: 502 }],
    ['a timeout', { answer: 'hold', holdMs: TIMEOUT_MS + 2000 }],
  ])('finds the executed transfer at the provider after %s, and answers with it', async (_fault, afterWrite) => {
    const { id, tan, input } = await created();
    await t.resetStats();
    await t.faults({ provider: 'KONTIST', afterWrite });
    const { body } = await confirm(id, tan);
    expect(body.errors).toBeUndefined();
    expect(body.data!.confirmTransfer).toMatchObject({ status: 'ACCEPTED', endToEndId: input.endToEndId });
    const seen = await status(id);
    expect(seen.status).toBe('CONFIRMED');
    expect(seen.statusDetail).toMatch(/found the executed operation/);
    expect(await bookings(input.endToEndId!)).toBe(1);
    expect((await t.stats())[PUT_TRANSFER]).toBe(1);
    noInternalErrors();
  });

  it('never reports FAILED for an execution whose answer was lost: UNKNOWN while nothing is found', async () => {
    const { id, tan, input } = await created();
    await t.faults({ provider: 'KONTIST', down: true });
    const { body } = await confirm(id, tan);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'PROVIDER_UNAVAILABLE',
      provider: 'KONTIST',
      confirmationStatus: 'UNKNOWN',
    });
    expect(body.errors?.[0]?.message).toMatch(/may or may not have run/);
    await t.clearFaults();
    const seen = await status(id);
    expect(seen.status).toBe('UNKNOWN');
    expect(seen.statusDetail).toMatch(/looking for the operation/);
    expect(await bookings(input.endToEndId!)).toBe(0);
    const again = await confirm(id, tan);
    expect(again.body.errors?.[0]?.extensions.code).toBe('CONFIRMATION_USED');
  });

  it('runs the execution to its end when the client hangs up, and records what it did', async () => {
    const { id, tan, input } = await created();
    await t.resetStats();
    await t.faults({ provider: 'KONTIST', afterWrite: { answer: 'hold', holdMs: 600 } });
    const hangUp = new AbortController();
    const sent = fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...alice },
      body: JSON.stringify({
        query:
          'mutation ($id: ID!, $tan: String!) { confirmTransfer(confirmationId: $id, authorizationToken: $tan) { status } }',
        variables: { id, tan },
      }),
      signal: hangUp.signal,
    });
    // Hung up while the bank holds the answer to a write it has made.
    while (!(await t.stats())[PUT_TRANSFER]) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    hangUp.abort();
    await expect(sent).rejects.toThrow();
    expect((await eventually(id, 'CONFIRMED')).statusDetail).toBeNull();
    expect(await bookings(input.endToEndId!)).toBe(1);
    expect((await t.stats())[PUT_TRANSFER]).toBe(1);
  });

  it('gives every transfer an end-to-end id the client did not give, and finds it by that', async () => {
    const { id, tan } = await created(aTransfer({ endToEndId: null }));
    const confirmation = await status(id);
    expect(confirmation.endToEndId).toMatch(/^GW[0-9A-F]{24}$/);
    await t.faults({ provider: 'KONTIST', afterWrite: { answer: 'reset' } });
    const { body } = await confirm(id, tan);
    expect(body.data!.confirmTransfer.endToEndId).toBe(confirmation.endToEndId);
    expect(await bookings(confirmation.endToEndId!)).toBe(1);
  });

  it('refuses a transfer beyond the balance with PROVIDER_ERROR and the reason INSUFFICIENT_FUNDS, without a TAN', async () => {
    const sms = await t.smsCount();
    const { body } = await t.gql(CreateTransferDocument, { input: aTransfer({ amount: 2_000_000_000 }) }, alice);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      provider: 'KONTIST',
      reason: 'INSUFFICIENT_FUNDS',
    });
    expect(await t.smsCount()).toBe(sms);
  });
});
