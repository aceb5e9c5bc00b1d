import {
  AccountTransactionsDocument,
  ConfirmTransferDocument,
  ConfirmationByIdDocument,
  CreateTransferDocument,
  NodeDocument,
  type CreateTransferMutationVariables,
} from '../../generated/graphql';
import { alice, bob, startGateway, type TestGateway } from '../../support/gateway';

const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';

const aTransfer = (overrides: Partial<CreateTransferMutationVariables['input']> = {}) => ({
  accountId: KONTIST_4711,
  recipient: 'Karl Brenner',
  iban: 'DE89 3704 0044 0532 0130 00',
  amount: 1250,
  note: 'Thank you for paying my lunch',
  ...overrides,
});

describe('SEPA transfers with a TAN', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ TAN_MAX_ATTEMPTS: '3' });
  });
  afterAll(() => t.close());
  afterEach(() => t.clearFaults());

  const create = async (overrides = {}, headers: Record<string, string> = alice) => {
    const { body } = await t.gql(CreateTransferDocument, { input: aTransfer(overrides) }, headers);
    expect(body.errors).toBeUndefined();
    return body.data!.createTransfer;
  };

  it('registers a transfer, has a TAN sent, and executes it once with the TAN', async () => {
    const confirmation = await create();
    expect(confirmation).toMatchObject({
      operation: 'CREATE_TRANSFER',
      status: 'PENDING',
      tokenLength: 6,
      attemptsLeft: 3,
      recipient: 'Karl Brenner',
      iban: 'DE89370400440532013000',
      amount: { minorUnits: 1250, decimal: '12.50' },
      account: { providerAccountId: '4711' },
    });
    expect(Date.parse(confirmation.expiresAt)).toBeGreaterThan(Date.now());

    const tan = await t.latestTan();
    const { body } = await t.gql(
      ConfirmTransferDocument,
      { confirmationId: confirmation.id, authorizationToken: tan },
      alice,
    );
    expect(body.errors).toBeUndefined();
    const transfer = body.data!.confirmTransfer;
    expect(transfer).toMatchObject({
      status: 'ACCEPTED',
      recipient: 'Karl Brenner',
      amount: { minorUnits: 1250, decimal: '12.50' },
      account: { providerAccountId: '4711' },
    });

    const state = await t.gql(ConfirmationByIdDocument, { id: confirmation.id }, alice);
    expect(state.body.data!.confirmation).toMatchObject({ status: 'CONFIRMED' });
    const node = await t.gql(NodeDocument, { id: transfer.id }, alice);
    expect(node.body.data!.node).toMatchObject({ __typename: 'Transfer', id: transfer.id });

    const booked = await t.gql(AccountTransactionsDocument, { id: KONTIST_4711, first: 1 }, alice);
    expect(booked.body.data!.account!.transactions.edges[0]!.node).toMatchObject({
      counterpartyName: 'Karl Brenner',
      amount: { minorUnits: -1250 },
    });

    const again = await t.gql(
      ConfirmTransferDocument,
      { confirmationId: confirmation.id, authorizationToken: tan },
      alice,
    );
    expect(again.body.errors![0]!.extensions.code).toBe('CONFIRMATION_USED');
  });

  it('reaches Kontist once for 20 concurrent confirms; the others get CONFIRMATION_USED', async () => {
    const confirmation = await create({ amount: 777 });
    const tan = await t.latestTan();
    await t.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.gql(ConfirmTransferDocument, { confirmationId: confirmation.id, authorizationToken: tan }, alice),
      ),
    );
    const codes = answers.map((a) => a.body.errors?.[0]?.extensions.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFIRMATION_USED')).toHaveLength(19);
    expect((await t.stats())['KONTIST PUT /api/accounts/:id/transfer/:transferId']).toBe(1);
  });

  it('counts wrong TANs, then FAILS and refuses even the right TAN without calling Kontist', async () => {
    const confirmation = await create({ amount: 4242 });
    const tan = await t.latestTan();
    const wrong = tan === '000000' ? '111111' : '000000';
    const attempts = [];
    for (let i = 0; i < 3; i += 1) {
      const { body } = await t.gql(
        ConfirmTransferDocument,
        { confirmationId: confirmation.id, authorizationToken: wrong },
        alice,
      );
      attempts.push(body.errors![0]!.extensions);
    }
    expect(attempts).toEqual([
      expect.objectContaining({ code: 'TAN_INVALID', attemptsLeft: 2 }),
      expect.objectContaining({ code: 'TAN_INVALID', attemptsLeft: 1 }),
      expect.objectContaining({ code: 'TAN_INVALID', attemptsLeft: 0 }),
    ]);
    await t.resetStats();
    const right = await t.gql(
      ConfirmTransferDocument,
      { confirmationId: confirmation.id, authorizationToken: tan },
      alice,
    );
    expect(right.body.errors![0]!.extensions.code).toBe('CONFIRMATION_USED');
    expect(await t.stats()).toEqual({});
    const state = await t.gql(ConfirmationByIdDocument, { id: confirmation.id }, alice);
    expect(state.body.data!.confirmation).toMatchObject({ status: 'FAILED', attemptsLeft: 0 });
  });

  it("answers NOT_FOUND for someone else's confirmation, as if it did not exist", async () => {
    const confirmation = await create({ amount: 99 });
    const tan = await t.latestTan();
    const { body } = await t.gql(
      ConfirmTransferDocument,
      { confirmationId: confirmation.id, authorizationToken: tan },
      bob,
    );
    expect(body.errors![0]!.extensions.code).toBe('NOT_FOUND');
    const peek = await t.gql(ConfirmationByIdDocument, { id: confirmation.id }, bob);
    expect(peek.body.data!.confirmation).toBeNull();
  });

  describe('Idempotency-Key', () => {
    it('answers a retried create with the same confirmation, no second call upstream and no second SMS', async () => {
      const headers = { ...alice, 'Idempotency-Key': `create-${Date.now()}` };
      const first = await t.gql(CreateTransferDocument, { input: aTransfer({ amount: 1111 }) }, headers);
      const sms = await t.smsCount();
      await t.resetStats();
      const second = await t.gql(CreateTransferDocument, { input: aTransfer({ amount: 1111 }) }, headers);
      expect(second.body.data!.createTransfer.id).toBe(first.body.data!.createTransfer.id);
      // Only the `account` field is read again; nothing is registered a second time.
      expect(await t.stats()).toEqual({ 'KONTIST GET /api/accounts': 1 });
      expect(await t.smsCount()).toBe(sms);
    });

    it('refuses the same key with other arguments', async () => {
      const headers = { ...alice, 'Idempotency-Key': `other-${Date.now()}` };
      await t.gql(CreateTransferDocument, { input: aTransfer({ amount: 1 }) }, headers);
      const { body } = await t.gql(CreateTransferDocument, { input: aTransfer({ amount: 2 }) }, headers);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    });

    it('refuses a key longer than 255 characters', async () => {
      const { body } = await t.gql(
        CreateTransferDocument,
        { input: aTransfer() },
        { ...alice, 'Idempotency-Key': 'k'.repeat(256) },
      );
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    });
  });

  describe('bad input: a clear error, and Kontist sees no request', () => {
    it.each([
      ['iban', { iban: 'DE89370400440532013001' }],
      ['iban', { iban: 'DE8937040044053201300' }],
      ['amount', { amount: 0 }],
      ['amount', { amount: -5 }],
      ['recipient', { recipient: '' }],
      ['recipient', { recipient: 'x'.repeat(71) }],
      ['note', { note: 'n'.repeat(141) }],
      ['note', { note: 'Pizza 🍕' }],
      ['note', { note: 'bell\u0007' }],
      ['endToEndId', { endToEndId: 'E'.repeat(36) }],
    ])('refuses a bad %s', async (field, overrides) => {
      await t.resetStats();
      const { body } = await t.gql(CreateTransferDocument, { input: aTransfer(overrides) }, alice);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await t.stats()).toEqual({});
    });

    it('refuses an amount over 2^31-1 already in GraphQL', async () => {
      const { body, status } = await t.gql(CreateTransferDocument, { input: aTransfer({ amount: 2 ** 31 }) }, alice);
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    });

    it('refuses an account that cannot initiate payments', async () => {
      const { body } = await t.gql(
        CreateTransferDocument,
        { input: aTransfer({ accountId: 'QWNjb3VudDpCQU5LSU1QT1JUOjc4NTYyNzg' }) },
        alice,
      );
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
    });
  });
});

describe('a transfer whose execution goes unanswered', () => {
  // A gateway of its own: it keeps looking for the transfer at Kontist in the background,
  // which would show in the other tests' upstream counts.
  let u: TestGateway;
  beforeAll(async () => {
    u = await startGateway();
  });
  afterAll(() => u.close());

  it('records an unanswered execution as UNKNOWN and never retries it blindly', async () => {
    const created = await u.gql(CreateTransferDocument, { input: aTransfer({ amount: 31337 }) }, alice);
    const confirmation = created.body.data!.createTransfer;
    const tan = await u.latestTan();
    await u.faults({ provider: 'KONTIST', down: true });
    const { body } = await u.gql(
      ConfirmTransferDocument,
      { confirmationId: confirmation.id, authorizationToken: tan },
      alice,
    );
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'KONTIST' });
    await u.clearFaults();
    const state = await u.gql(ConfirmationByIdDocument, { id: confirmation.id }, alice);
    expect(state.body.data!.confirmation).toMatchObject({ status: 'UNKNOWN' });
    const retry = await u.gql(
      ConfirmTransferDocument,
      { confirmationId: confirmation.id, authorizationToken: tan },
      alice,
    );
    expect(retry.body.errors![0]!.extensions.code).toBe('CONFIRMATION_USED');
  });
});
