import { CreateTransferDocument } from '../generated/graphql';
import { alice, callCount, startGateway, type TestGateway } from '../support/gateway';

const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';

const aTransfer = (overrides: Record<string, unknown> = {}) => ({
  accountId: KONTIST_4711,
  recipient: 'Karl Brenner',
  iban: 'DE89370400440532013000',
  amount: 1250,
  ...overrides,
});

let keys = 0;
/** alice's credentials with an Idempotency-Key of this test run's own. */
const withKey = () => ({ ...alice, 'Idempotency-Key': `idempotency-e2e-${process.pid}-${Date.now()}-${++keys}` });

const TWO_TRANSFERS = `
  mutation TwoTransfers($first: CreateTransferInput!, $second: CreateTransferInput!) {
    first: createTransfer(input: $first) { id }
    second: createTransfer(input: $second) { id }
  }
`;

describe('an operation with an Idempotency-Key', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  /** Sends `query` with a key; asserts it was refused before anything ran: no SMS, no upstream call. */
  const expectRefusedBeforeAnythingRuns = async (query: string, variables: Record<string, unknown>) => {
    const sms = await t.smsCount();
    await t.resetStats();
    const response = await t.gql(query, variables, withKey());
    expect(response.status).toBe(200);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors![0]).toMatchObject({
      message: expect.stringContaining('one payment mutation only'),
      extensions: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
    });
    expect(await t.smsCount()).toBe(sms);
    expect(callCount(await t.stats())).toBe(0);
  };

  it('may not hold two createTransfer fields: BAD_USER_INPUT, no TAN sent, nothing sent upstream', async () => {
    await expectRefusedBeforeAnythingRuns(TWO_TRANSFERS, {
      first: aTransfer(),
      second: aTransfer({ recipient: 'Erika Mustermann' }),
    });
  });

  it('counts payment mutations of different kinds alike', async () => {
    await expectRefusedBeforeAnythingRuns(
      `mutation Mixed($input: CreateTransferInput!) {
        createTransfer(input: $input) { id }
        cancelTimedOrder(id: "VGltZWRPcmRlcjpLT05USVNUOjE") { id }
      }`,
      { input: aTransfer() },
    );
  });

  it('counts fields inside inline fragments and fragment spreads on the Mutation root', async () => {
    await expectRefusedBeforeAnythingRuns(
      `mutation Hidden($input: CreateTransferInput!) {
        ... on Mutation { a: createTransfer(input: $input) { id } }
        ...more
      }
      fragment more on Mutation {
        b: createTransfer(input: $input) { id }
      }`,
      { input: aTransfer() },
    );
  });

  it('counts a field that @include would run', async () => {
    await expectRefusedBeforeAnythingRuns(
      `mutation Included($input: CreateTransferInput!, $also: Boolean!) {
        a: createTransfer(input: $input) { id }
        b: createTransfer(input: $input) @include(if: $also) { id }
      }`,
      { input: aTransfer(), also: true },
    );
  });

  it('runs one payment mutation, and answers its retry without a second TAN or upstream call', async () => {
    // Without the confirmation's account: resolving it is a read upstream of its own.
    const create = `mutation Create($input: CreateTransferInput!) { createTransfer(input: $input) { id status recipient } }`;
    const headers = withKey();
    const sms = await t.smsCount();
    const first = await t.gql(create, { input: aTransfer() }, headers);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data).toEqual({
      createTransfer: { id: expect.any(String), status: 'PENDING', recipient: 'Karl Brenner' },
    });
    expect(await t.smsCount()).toBe(sms + 1);

    await t.resetStats();
    const retry = await t.gql(create, { input: aTransfer() }, headers);
    expect(retry.body).toEqual(first.body);
    expect(await t.smsCount()).toBe(sms + 1);
    expect(callCount(await t.stats())).toBe(0);
  });

  it('lets a payment mutation through beside one that @skip leaves out', async () => {
    const sms = await t.smsCount();
    const response = await t.gql(
      `mutation Skipped($input: CreateTransferInput!) {
        a: createTransfer(input: $input) { id status }
        b: createTransfer(input: $input) @skip(if: true) { id }
      }`,
      { input: aTransfer() },
      withKey(),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ a: { id: expect.any(String), status: 'PENDING' } });
    expect(await t.smsCount()).toBe(sms + 1);
  });

  it('does not limit operations without an Idempotency-Key', async () => {
    const sms = await t.smsCount();
    const response = await t.gql(TWO_TRANSFERS, { first: aTransfer(), second: aTransfer({ amount: 990 }) }, alice);
    expect(response.body.errors).toBeUndefined();
    expect(await t.smsCount()).toBe(sms + 2);
  });
});

describe('an Idempotency-Key while the state store is unreachable', () => {
  let t: TestGateway;
  beforeAll(async () => {
    // Port 1: nothing listens, every connection is refused at once.
    t = await startGateway({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => t.close());

  it('answers SERVICE_UNAVAILABLE (503) before anything is sent to the provider, and no TAN is sent', async () => {
    const sms = await t.smsCount();
    await t.resetStats();
    const response = await t.gql(CreateTransferDocument, { input: aTransfer() }, withKey());
    expect(response.status).toBe(503);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }) }),
    ]);
    expect(await t.smsCount()).toBe(sms);
    expect(callCount(await t.stats())).toBe(0);
  });
});
