import {
  AccountOrdersDocument,
  CancelStandingOrderDocument,
  ConfirmStandingOrderDocument,
  ConfirmTransferDocument,
  CreateStandingOrderDocument,
  CreateTransferDocument,
  NodeDocument,
  UpdateStandingOrderDocument,
} from '../../generated/graphql';
import { alice, startGateway, type TestGateway } from '../../support/gateway';

const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';
const nextMonth = () => new Date(Date.now() + 31 * 86_400_000).toISOString();

describe('standing orders with a TAN', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  const orders = async () => {
    const { body } = await t.gql(AccountOrdersDocument, { id: KONTIST_4711 }, alice);
    expect(body.errors).toBeUndefined();
    return body.data!.account!.standingOrders;
  };

  const confirm = async (confirmationId: string) => {
    const { body } = await t.gql(
      ConfirmStandingOrderDocument,
      { confirmationId, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.confirmStandingOrder;
  };

  it("lists the account's standing orders of any status, with positive amounts", async () => {
    const list = await orders();
    expect(list.map((o) => o.status).sort()).toEqual(['ACTIVE', 'CANCELED']);
    expect(list.every((o) => o.amount.minorUnits > 0)).toBe(true);
  });

  it('creates, updates and cancels a standing order, each with its own TAN', async () => {
    const created = await t.gql(
      CreateStandingOrderDocument,
      {
        input: {
          accountId: KONTIST_4711,
          recipient: 'John Smith',
          iban: 'DE33100110012626008537',
          amount: 12012,
          reoccurrence: 'MONTHLY',
          firstExecutionDate: nextMonth(),
          note: 'Regular payment',
        },
      },
      alice,
    );
    expect(created.body.data!.createStandingOrder).toMatchObject({
      operation: 'CREATE_STANDING_ORDER',
      status: 'PENDING',
      amount: { minorUnits: 12012 },
    });
    const order = await confirm(created.body.data!.createStandingOrder.id);
    expect(order).toMatchObject({ status: 'ACTIVE', recipient: 'John Smith', amount: { decimal: '120.12' } });
    expect((await orders()).map((o) => o.id)).toContain(order.id);
    const node = await t.gql(NodeDocument, { id: order.id }, alice);
    expect(node.body.data!.node).toMatchObject({ __typename: 'StandingOrder' });

    const update = await t.gql(
      UpdateStandingOrderDocument,
      { id: order.id, input: { amount: 500, reoccurrence: 'QUARTERLY', note: 'Updated standing order' } },
      alice,
    );
    expect(update.body.data!.updateStandingOrder).toMatchObject({
      operation: 'UPDATE_STANDING_ORDER',
      recipient: 'John Smith',
      amount: { minorUnits: 500 },
    });
    expect(await confirm(update.body.data!.updateStandingOrder.id)).toMatchObject({
      status: 'ACTIVE',
      reoccurrence: 'QUARTERLY',
      amount: { minorUnits: 500 },
      note: 'Updated standing order',
    });

    const cancel = await t.gql(CancelStandingOrderDocument, { id: order.id }, alice);
    expect(cancel.body.data!.cancelStandingOrder.operation).toBe('CANCEL_STANDING_ORDER');
    expect(await confirm(cancel.body.data!.cancelStandingOrder.id)).toMatchObject({ status: 'CANCELED' });

    await t.resetStats();
    const again = await t.gql(UpdateStandingOrderDocument, { id: order.id, input: { amount: 1 } }, alice);
    expect(again.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(Object.keys(await t.stats()).some((k) => k.includes('PATCH'))).toBe(false);
  });

  it('refuses a confirmation of the wrong kind', async () => {
    const transfer = await t.gql(
      CreateTransferDocument,
      { input: { accountId: KONTIST_4711, recipient: 'Karl', iban: 'DE89370400440532013000', amount: 5 } },
      alice,
    );
    const { body } = await t.gql(
      ConfirmStandingOrderDocument,
      { confirmationId: transfer.body.data!.createTransfer.id, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'confirmationId' });
    // Still usable with its own mutation.
    const ok = await t.gql(
      ConfirmTransferDocument,
      { confirmationId: transfer.body.data!.createTransfer.id, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(ok.body.errors).toBeUndefined();
  });

  it.each([
    ['firstExecutionDate', { firstExecutionDate: '2020-01-01T00:00:00Z' }],
    ['lastExecutionDate', { lastExecutionDate: '2026-01-01T00:00:00Z' }],
    ['iban', { iban: 'DE00 0000' }],
  ])('refuses a bad %s before anything goes upstream', async (field, overrides) => {
    await t.resetStats();
    const { body } = await t.gql(
      CreateStandingOrderDocument,
      {
        input: {
          accountId: KONTIST_4711,
          recipient: 'John Smith',
          iban: 'DE33100110012626008537',
          amount: 100,
          reoccurrence: 'MONTHLY',
          firstExecutionDate: nextMonth(),
          ...overrides,
        },
      },
      alice,
    );
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.stats()).toEqual({});
  });
});
