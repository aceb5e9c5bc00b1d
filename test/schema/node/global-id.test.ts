import type { GatewayError } from '../../../src/errors/errors';
import { serveProviderNames } from '../../../src/providers/provider-name';
import { banks } from '../../../src/providers/registry';
import { fromGlobalId, toGlobalId } from '../../../src/schema/node/global-id';

// Ids name the banks this process serves: those of the registry here.
serveProviderNames(banks.map((bank) => bank.name));

const raw = (text: string) => Buffer.from(text).toString('base64url');

function refusal(id: string, field = 'id', expected?: Parameters<typeof fromGlobalId>[2]): GatewayError {
  try {
    fromGlobalId(id, field, expected);
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected the id to be refused');
}

describe('toGlobalId and fromGlobalId', () => {
  it('round-trips an account id', () => {
    const id = toGlobalId('Account', 'KONTIST', '4711');
    expect(fromGlobalId(id, 'id')).toEqual({ type: 'Account', provider: 'KONTIST', parts: ['4711'] });
  });

  it('round-trips a transaction id with its account', () => {
    const id = toGlobalId('Transaction', 'BANKIMPORT', '7856278', '98001');
    expect(fromGlobalId(id, 'id')).toEqual({
      type: 'Transaction',
      provider: 'BANKIMPORT',
      parts: ['7856278', '98001'],
    });
  });

  it('round-trips parts holding colons, slashes, percent signs and non-ASCII text', () => {
    const parts = ['acc:1/2', 'tx/with:colon%20and ü'];
    const id = toGlobalId('Transaction', 'KONTOMATIK', ...parts);
    expect(fromGlobalId(id, 'id')).toEqual({ type: 'Transaction', provider: 'KONTOMATIK', parts });
  });

  it('gives the same id for the same node every time, URL-safe', () => {
    const id = toGlobalId('Account', 'BANKIMPORT', '7856278');
    expect(toGlobalId('Account', 'BANKIMPORT', '7856278')).toBe(id);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).not.toContain('7856278');
  });

  it('gives different ids to different nodes', () => {
    const ids = new Set([
      toGlobalId('Account', 'KONTIST', '1'),
      toGlobalId('Account', 'BANKIMPORT', '1'),
      toGlobalId('Transaction', 'KONTIST', '1', '2'),
      toGlobalId('Transaction', 'KONTIST', '1:2', '3'),
      toGlobalId('Transaction', 'KONTIST', '1', '2:3'),
    ]);
    expect(ids.size).toBe(5);
  });

  it('accepts an id of one of the expected types', () => {
    const id = toGlobalId('Account', 'KONTIST', '4711');
    expect(fromGlobalId(id, 'accountId', ['Account']).parts).toEqual(['4711']);
  });

  it('refuses an id of another type, naming the field', () => {
    const error = refusal(toGlobalId('Account', 'KONTIST', '4711'), 'transactionId', ['Transaction']);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'transactionId' });
    expect(error.message).toBe('transactionId is not the id of Transaction.');
  });

  it.each([
    ['garbage with spaces', 'not an id'],
    ['empty', ''],
    ['padded base64', `${raw('Account:KONTIST:4711')}==`],
    ['over 512 characters', 'A'.repeat(513)],
    ['an unknown type', raw('User:KONTIST:4711')],
    ['a lower-case type', raw('account:KONTIST:4711')],
    ['an unknown provider', raw('Account:N26:4711')],
    ['a lower-case provider', raw('Account:kontist:4711')],
    ['an account id with two parts', raw('Account:KONTIST:4711:1')],
    ['a transaction id with one part', raw('Transaction:KONTIST:905800')],
    ['a transaction id with three parts', raw('Transaction:KONTIST:4711:905800:1')],
    ['an empty part', raw('Transaction:KONTIST::905800')],
    ['no parts', raw('Account:KONTIST')],
    ['a broken percent escape', raw('Account:KONTIST:%E0%A4%A')],
    ['a prototype key as type', raw('constructor:KONTIST:4711')],
  ])('refuses %s as BAD_USER_INPUT naming the field', (_what, id) => {
    const error = refusal(id, 'accountId');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'accountId' });
    expect(error.message).toBe('accountId is not an id issued by this gateway.');
  });
});
