import { createPendingRequests, toEuroText } from '../../src/kontist/kontist.pending';
import { createSmsOutbox } from '../../src/sms';

describe('Kontist pending requests', () => {
  let now: number;
  const sms = createSmsOutbox();

  function open(id = 'r-1', ttlMs = 1000) {
    const pending = createPendingRequests<{ amount: number }>({ sms, ttlMs, now: () => now });
    pending.open({
      id,
      accountId: 4711,
      user: 'alice',
      purpose: 'the transfer of 1.00 EUR to Mia',
      payload: { amount: 100 },
    });
    const tan = sms.list().find((message) => message.reference === id)!.tan;
    return { pending, tan };
  }

  beforeEach(() => {
    now = Date.UTC(2026, 10, 21, 12);
  });

  it('texts the TAN to the user with the request id as reference', () => {
    const { tan } = open('r-text');
    expect(sms.list()[0]).toMatchObject({
      user: 'alice',
      reference: 'r-text',
      text: `Your TAN for the transfer of 1.00 EUR to Mia: ${tan}`,
    });
  });

  it('releases the payload to the right TAN exactly once', () => {
    const { pending, tan } = open();
    expect(pending.confirm('r-1', 4711, tan)).toEqual({ status: 'confirmed', payload: { amount: 100 } });
    expect(pending.confirm('r-1', 4711, tan)).toEqual({ status: 'not_found' });
    expect(pending.peek('r-1', 4711)).toBeUndefined();
  });

  it('gives three attempts, then forgets the request', () => {
    const { pending, tan } = open();
    const wrong = tan === '000000' ? '000001' : '000000';
    expect(pending.confirm('r-1', 4711, wrong)).toEqual({ status: 'invalid_tan' });
    expect(pending.confirm('r-1', 4711, wrong)).toEqual({ status: 'invalid_tan' });
    expect(pending.peek('r-1', 4711)).toEqual({ amount: 100 });
    expect(pending.confirm('r-1', 4711, wrong)).toEqual({ status: 'invalid_tan' });
    expect(pending.confirm('r-1', 4711, tan)).toEqual({ status: 'not_found' });
  });

  it('expires exactly ttlMs after it was opened', () => {
    const { pending, tan } = open();
    now += 999;
    expect(pending.peek('r-1', 4711)).toEqual({ amount: 100 });
    now += 1;
    expect(pending.peek('r-1', 4711)).toBeUndefined();
    expect(pending.confirm('r-1', 4711, tan)).toEqual({ status: 'not_found' });
  });

  it('hides a request from another account, and such a try uses up no attempt', () => {
    const { pending, tan } = open();
    for (let i = 0; i < 5; i++) {
      expect(pending.confirm('r-1', 4712, '000000')).toEqual({ status: 'not_found' });
    }
    expect(pending.peek('r-1', 4712)).toBeUndefined();
    expect(pending.confirm('r-1', 4711, tan).status).toBe('confirmed');
  });

  it('writes amounts with two decimals', () => {
    expect([toEuroText(1250), toEuroText(5), toEuroText(100000), toEuroText(1999)]).toEqual([
      '12.50',
      '0.05',
      '1000.00',
      '19.99',
    ]);
  });
});
