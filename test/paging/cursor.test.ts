import { type GatewayError } from '../../src/errors/errors';
import { decodeCursor, encodeCursor, queryKey, type Position } from '../../src/paging/cursor';

const QUERY = queryKey('account', 'KONTIST', '4711', { amountMin: 100 }, 'BOOKING_DATE_DESC');
const OTHER_QUERY = queryKey('account', 'KONTIST', '4711', { amountMin: 200 }, 'BOOKING_DATE_DESC');

const base64url = (text: string) => Buffer.from(text).toString('base64url');
const body = (cursor: string) =>
  JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;

function refusal(cursor: string, query = QUERY, field?: string): GatewayError {
  try {
    decodeCursor(cursor, query, field);
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected the cursor to be refused');
}

describe('queryKey', () => {
  it('gives the same key for the same scope, filter and order', () => {
    expect(queryKey('feed', { purpose: 'miete' }, 'BOOKING_DATE_DESC')).toBe(
      queryKey('feed', { purpose: 'miete' }, 'BOOKING_DATE_DESC'),
    );
  });

  it('gives different keys for another filter or order', () => {
    expect(QUERY).not.toBe(OTHER_QUERY);
    expect(queryKey('feed', {}, 'BOOKING_DATE_DESC')).not.toBe(queryKey('feed', {}, 'BOOKING_DATE_ASC'));
  });
});

describe('encodeCursor and decodeCursor', () => {
  it('round-trips the positions of several sequences', () => {
    const positions: Record<string, Position> = {
      KONTIST: { offset: 3, lastId: '905800' },
      'BANKIMPORT:7856278': { offset: 0 },
      KONTOMATIK: { offset: 1200, lastId: 'tx:with/odd chars ü' },
    };
    expect(decodeCursor(encodeCursor(QUERY, positions), QUERY)).toEqual(positions);
  });

  it('keeps a position without a last id without one', () => {
    expect(decodeCursor(encodeCursor(QUERY, { p: { offset: 7 } }), QUERY)).toEqual({ p: { offset: 7 } });
  });

  it('writes cursors with URL-safe characters only (base64url and one dot before the MAC)', () => {
    const cursor = encodeCursor(QUERY, { p: { offset: 12345, lastId: '???>>>~~~' } });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor issued for another filter, naming after', () => {
    const error = refusal(encodeCursor(OTHER_QUERY, { p: { offset: 3 } }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(error.message).toContain('another filter or order');
  });

  it.each([
    ['not base64url', 'not a cursor!'],
    ['empty', ''],
    ['base64url of text that is not JSON', base64url('offset=3')],
    ['a JSON number', base64url('3')],
    ['JSON null', base64url('null')],
    ['another version', base64url(JSON.stringify({ v: 2, q: QUERY, s: { p: [3] } }))],
    ['without positions', base64url(JSON.stringify({ v: 1, q: QUERY }))],
    ['a negative offset', base64url(JSON.stringify({ v: 1, q: QUERY, s: { p: [-1] } }))],
    ['a fractional offset', base64url(JSON.stringify({ v: 1, q: QUERY, s: { p: [1.5] } }))],
    ['an offset as text', base64url(JSON.stringify({ v: 1, q: QUERY, s: { p: ['3'] } }))],
    ['a numeric last id', base64url(JSON.stringify({ v: 1, q: QUERY, s: { p: [3, 905800] } }))],
    ['a position that is not a list', base64url(JSON.stringify({ v: 1, q: QUERY, s: { p: 3 } }))],
    ['over 8 KB', 'A'.repeat(8193)],
  ])('refuses a cursor that is %s as BAD_USER_INPUT naming after', (_what, cursor) => {
    expect(refusal(cursor).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a truncated cursor', () => {
    const cursor = encodeCursor(QUERY, { p: { offset: 3, lastId: '905800' } });
    expect(refusal(cursor.slice(0, -6)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor with a character changed inside its query key', () => {
    const cursor = encodeCursor(QUERY, { p: { offset: 3 } });
    // Position 20 falls inside the base64 of the `q` value.
    const tampered = cursor.slice(0, 20) + (cursor[20] === 'A' ? 'B' : 'A') + cursor.slice(21);
    expect(refusal(tampered).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a cursor re-encoded with a changed position', () => {
    const issued = encodeCursor(QUERY, { p: { offset: 3, lastId: '905800' } });
    const tampered = base64url(JSON.stringify({ ...body(issued), s: { p: [300, '905800'] } }));
    expect(refusal(tampered).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('names the argument it is given', () => {
    expect(refusal('%%%', QUERY, 'before').extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'before' });
  });
});
