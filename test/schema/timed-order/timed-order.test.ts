import {
  AccountOrdersDocument,
  CancelTimedOrderDocument,
  ConfirmTimedOrderDocument,
  ConfirmationByIdDocument,
  CreateTimedOrderDocument,
} from '../../generated/graphql';
import { alice, startGateway, type TestGateway } from '../../support/gateway';

const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';
const TTL_S = 60;

describe('timed orders with a TAN', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ CONFIRMATION_TTL_S: String(TTL_S) });
  });
  afterAll(() => t.close());

  const create = (executeAt: string, amount = 12012) =>
    t.gql(
      CreateTimedOrderDocument,
      {
        input: {
          accountId: KONTIST_4711,
          recipient: 'John Smith',
          iban: 'DE33100110012626008537',
          amount,
          executeAt,
          note: 'Bill payment',
        },
      },
      alice,
    );

  it('schedules a timed order with the TAN, lists it, and cancels it without one', async () => {
    const executeAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await create(executeAt);
    expect(created.body.data!.createTimedOrder).toMatchObject({ operation: 'CREATE_TIMED_ORDER', status: 'PENDING' });
    const { body } = await t.gql(
      ConfirmTimedOrderDocument,
      { confirmationId: created.body.data!.createTimedOrder.id, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(body.errors).toBeUndefined();
    const order = body.data!.confirmTimedOrder;
    expect(order).toMatchObject({ status: 'SCHEDULED', amount: { minorUnits: 12012 }, executeAt });

    const listed = await t.gql(AccountOrdersDocument, { id: KONTIST_4711 }, alice);
    const scheduled = listed.body.data!.account!.timedOrders.find((o) => o.id === order.id);
    // Kontist lists them with negative amounts; the gateway shows the amount sent.
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', amount: { minorUnits: 12012, decimal: '120.12' } });

    const canceled = await t.gql(CancelTimedOrderDocument, { id: order.id }, alice);
    expect(canceled.body.data!.cancelTimedOrder).toMatchObject({ status: 'CANCELED' });
    const twice = await t.gql(CancelTimedOrderDocument, { id: order.id }, alice);
    expect(twice.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('refuses an execution time in the past', async () => {
    const { body } = await create(new Date(Date.now() - 60_000).toISOString());
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'executeAt' });
  });

  it('answers CONFIRMATION_EXPIRED after CONFIRMATION_TTL_S, and shows it EXPIRED', async () => {
    const created = await create(new Date(Date.now() + 86_400_000).toISOString(), 4711);
    const tan = await t.latestTan();
    // The gateway's clock, a second past the TTL; the bank's TAN is still good.
    const now = Date.now;
    const later = jest.spyOn(Date, 'now').mockImplementation(() => now() + (TTL_S + 1) * 1000);
    try {
      const { body } = await t.gql(
        ConfirmTimedOrderDocument,
        { confirmationId: created.body.data!.createTimedOrder.id, authorizationToken: tan },
        alice,
      );
      expect(body.errors![0]!.extensions.code).toBe('CONFIRMATION_EXPIRED');
      const state = await t.gql(ConfirmationByIdDocument, { id: created.body.data!.createTimedOrder.id }, alice);
      expect(state.body.data!.confirmation!.status).toBe('EXPIRED');
    } finally {
      later.mockRestore();
    }
  });
});
