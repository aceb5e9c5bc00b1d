import {
  AccountOrdersDocument,
  CancelStandingOrderDocument,
  ConfirmStandingOrderDocument,
  ConfirmTimedOrderDocument,
  ConfirmationByIdDocument,
  CreateStandingOrderDocument,
  CreateTimedOrderDocument,
  UpdateStandingOrderDocument,
} from '../generated/graphql';
import { alice, startGateway, type TestGateway } from '../support/gateway';

const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';
const TIMEOUT_MS = 1500;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * The same outcomes for standing and timed orders (CONTRACT.md, "Payment outcomes"):
 * the provider executes, its answer is lost or garbled, and the gateway finds the order.
 */
describe('standing and timed order outcomes when the answer goes wrong', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS), CIRCUIT_FAILURES: '1000' });
  });
  afterAll(() => t.close());
  afterEach(() => t.clearFaults());

  const orders = async () => {
    const { body } = await t.gql(AccountOrdersDocument, { id: KONTIST_4711 }, alice);
    expect(body.errors).toBeUndefined();
    return body.data!.account!;
  };

  const statusOf = async (id: string) => {
    const { body } = await t.gql(ConfirmationByIdDocument, { id }, alice);
    return body.data!.confirmation!;
  };

  const confirmStandingOrder = async (confirmationId: string) =>
    t.gql(ConfirmStandingOrderDocument, { confirmationId, authorizationToken: await t.latestTan() }, alice);

  const newStandingOrder = async (note: string) => {
    const { body } = await t.gql(
      CreateStandingOrderDocument,
      {
        input: {
          accountId: KONTIST_4711,
          recipient: 'Landlord GmbH',
          iban: 'DE89370400440532013000',
          amount: 90_000,
          note,
          reoccurrence: 'MONTHLY',
          firstExecutionDate: inDays(31),
        },
      },
      alice,
    );
    expect(body.errors).toBeUndefined();
    return body.data!.createStandingOrder;
  };

  it('finds a standing order created behind a reset connection by the end-to-end id the gateway gave it', async () => {
    const confirmation = await newStandingOrder('Rent reset');
    expect(confirmation.endToEndId).toMatch(/^GW/);
    await t.faults({ provider: 'KONTIST', afterWrite: { answer: 'reset' } });
    const { body } = await confirmStandingOrder(confirmation.id);
    expect(body.errors).toBeUndefined();
    expect(body.data!.confirmStandingOrder).toMatchObject({ status: 'ACTIVE', note: 'Rent reset' });
    expect(await statusOf(confirmation.id)).toMatchObject({ status: 'CONFIRMED' });
    await t.clearFaults();
    const created = (await orders()).standingOrders.filter((o) => o.note === 'Rent reset');
    expect(created).toHaveLength(1);
    expect(created[0]!.id).toBe(body.data!.confirmStandingOrder.id);
  });

  it('finds an update behind a 5xx, and a cancelation behind a timeout, in the standing order itself', async () => {
    const confirmation = await newStandingOrder('Rent to change');
    await confirmStandingOrder(confirmation.id);
    const order = (await orders()).standingOrders.find((o) => o.note === 'Rent to change')!;

    const update = await t.gql(UpdateStandingOrderDocument, { id: order.id, input: { amount: 95_000 } }, alice);
    await t.faults({ provider: 'KONTIST', afterWrite: { answer: 'status', status: 500 } });
    const updated = await confirmStandingOrder(update.body.data!.updateStandingOrder.id);
    expect(updated.body.data!.confirmStandingOrder).toMatchObject({ amount: { minorUnits: 95_000 } });
    await t.clearFaults();

    const cancel = await t.gql(CancelStandingOrderDocument, { id: order.id }, alice);
    await t.faults({ provider: 'KONTIST', afterWrite: { answer: 'hold', holdMs: TIMEOUT_MS + 1000 } });
    const canceled = await confirmStandingOrder(cancel.body.data!.cancelStandingOrder.id);
    expect(canceled.body.data!.confirmStandingOrder).toMatchObject({ status: 'CANCELED' });
    expect(await statusOf(cancel.body.data!.cancelStandingOrder.id)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('schedules a timed order whose answer was garbled, and shows it as the pending order held it', async () => {
    const { body } = await t.gql(
      CreateTimedOrderDocument,
      {
        input: {
          accountId: KONTIST_4711,
          recipient: 'Karl Brenner',
          iban: 'DE89370400440532013000',
          amount: 4200,
          note: 'Birthday present',
          executeAt: inDays(7),
        },
      },
      alice,
    );
    const confirmationId = body.data!.createTimedOrder.id;
    await t.faults({ provider: 'KONTIST', afterWrite: { answer: 'garble' } });
    const confirmed = await t.gql(
      ConfirmTimedOrderDocument,
      { confirmationId, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(confirmed.body.errors).toBeUndefined();
    expect(confirmed.body.data!.confirmTimedOrder).toMatchObject({ status: 'SCHEDULED', note: 'Birthday present' });
    await t.clearFaults();
    const scheduled = (await orders()).timedOrders.filter((o) => o.note === 'Birthday present');
    expect(scheduled.map((o) => o.id)).toEqual([confirmed.body.data!.confirmTimedOrder.id]);
    expect((await statusOf(confirmationId)).statusDetail).toMatch(/could not be read/);
  });
});
