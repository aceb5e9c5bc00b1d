import { createSmsOutbox, createTan } from '../src/sms';

describe('sms outbox', () => {
  it('lists sent messages newest first, with an ISO timestamp', () => {
    let now = Date.UTC(2026, 5, 30, 12);
    const outbox = createSmsOutbox(() => new Date((now += 1000)));
    outbox.send({ user: 'alice', tan: '123456', text: 'TAN 123456 for 12.50 EUR', reference: 't-1' });
    outbox.send({ user: 'bob', tan: '654321', text: 'TAN 654321', reference: 't-2' });
    expect(outbox.list()).toEqual([
      { user: 'bob', tan: '654321', text: 'TAN 654321', reference: 't-2', createdAt: '2026-06-30T12:00:02.000Z' },
      {
        user: 'alice',
        tan: '123456',
        text: 'TAN 123456 for 12.50 EUR',
        reference: 't-1',
        createdAt: '2026-06-30T12:00:01.000Z',
      },
    ]);
  });

  it('does not let a caller change what was sent', () => {
    const outbox = createSmsOutbox();
    outbox.send({ user: 'alice', tan: '000001', text: 'x', reference: 'r' });
    outbox.list()[0].tan = '999999';
    expect(outbox.list()[0].tan).toBe('000001');
  });

  it('makes TANs of six digits', () => {
    for (let i = 0; i < 50; i++) {
      expect(createTan()).toMatch(/^\d{6}$/);
    }
  });
});
