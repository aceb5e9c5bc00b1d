import { createPendingRequests } from '../../src/kontist/kontist.pending';
import { createKontistTimedOrders, type KontistTimedOrder } from '../../src/kontist/kontist.timed-orders';
import { createSmsOutbox } from '../../src/sms';

const PAYMENT = { recipient: 'John Smith', iban: 'DE33100110012626008537', amount: 12012, note: null, e2eId: null };

describe('Kontist timed orders', () => {
  function setUp(now: () => number = Date.now) {
    const sms = createSmsOutbox();
    const booked: KontistTimedOrder[] = [];
    let onBook: (order: KontistTimedOrder) => void = () => undefined;
    const orders = createKontistTimedOrders({
      pending: createPendingRequests({ sms, ttlMs: 60_000, now }),
      now,
      book: (order) => {
        booked.push({ ...order });
        onBook(order);
      },
    });
    const scheduled = (executeAt: number): KontistTimedOrder => {
      const order = orders.create('alice', 4711, PAYMENT, executeAt);
      const outcome = orders.confirm(4711, order.id, sms.list()[0].tan);
      expect(outcome.status).toBe('confirmed');
      return order;
    };
    const nextBooking = () => new Promise<KontistTimedOrder>((resolve) => (onBook = resolve));
    return { orders, booked, scheduled, nextBooking };
  }

  it('executes a due order on its own timer, without anyone asking', async () => {
    const { booked, scheduled, nextBooking } = setUp();
    const booking = nextBooking();
    const order = scheduled(Date.now() + 30);
    const executed = await booking;
    expect(executed.id).toBe(order.id);
    expect(order).toMatchObject({ status: 'EXECUTED', transactionStatus: 'executed' });
    expect(order.executedAt).toBeGreaterThanOrEqual(order.executeAt);
    expect(booked).toHaveLength(1);
  });

  it('executes lazily whatever is due, oldest first, and only once', () => {
    let now = Date.UTC(2026, 10, 21, 12);
    const { orders, booked, scheduled } = setUp(() => now);
    const later = scheduled(now + 2000);
    const sooner = scheduled(now + 1000);
    const far = scheduled(now + 10 ** 12);
    now += 5000;
    orders.executeDue();
    orders.executeDue();
    expect(booked.map((order) => order.id)).toEqual([sooner.id, later.id]);
    expect(later).toMatchObject({ status: 'EXECUTED', executedAt: now });
    expect(orders.scheduledOf(4711)).toEqual([far]);
  });

  it('does not execute a canceled order when its time comes', () => {
    let now = Date.UTC(2026, 10, 21, 12);
    const { orders, booked, scheduled } = setUp(() => now);
    const order = scheduled(now + 1000);
    expect(orders.cancel(4711, order.id).status).toBe('canceled');
    now += 2000;
    orders.executeDue();
    expect(booked).toEqual([]);
    expect(order).toMatchObject({ status: 'CANCELED', executedAt: null, transactionStatus: 'canceled' });
  });

  it('refuses to cancel an executed order', () => {
    let now = Date.UTC(2026, 10, 21, 12);
    const { orders, scheduled } = setUp(() => now);
    const order = scheduled(now + 1000);
    now += 1000;
    expect(orders.cancel(4711, order.id)).toEqual({ status: 'not_scheduled' });
    expect(order.status).toBe('EXECUTED');
  });
});
