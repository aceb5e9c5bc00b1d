import type { GatewayError } from '../../src/errors/errors';
import {
  checkAmount,
  checkEndToEndId,
  checkFuture,
  checkIban,
  checkNotBefore,
  checkNotBeforeToday,
  checkNote,
  checkRecipient,
} from '../../src/schema/payment-rules';

const refusal = (check: () => unknown): GatewayError => {
  try {
    check();
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error('expected a refusal');
};

describe('payment input rules', () => {
  it('accepts an IBAN with spaces and small letters, compacted and upper-cased', () => {
    expect(checkIban('de89 3704 0044 0532 0130 00')).toBe('DE89370400440532013000');
  });

  it.each([
    ['a wrong checksum', 'DE89370400440532013001'],
    ['a wrong length', 'DE8937040044053201300'],
    ['an unknown country', 'XX89370400440532013000'],
    ['garbage', 'not an iban'],
  ])('refuses an IBAN with %s, naming the field and never echoing it', (_why, iban) => {
    const error = refusal(() => checkIban(iban));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'iban' });
    expect(error.message).not.toContain(iban);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the amount %s', (amount) => {
    expect(refusal(() => checkAmount(amount)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'amount' });
  });

  it('accepts a recipient of 1 to 70 SEPA characters, umlauts included as they are', () => {
    expect(checkRecipient('Jürgen Müller-Straß (GmbH) Co. +1')).toBe('Jürgen Müller-Straß (GmbH) Co. +1');
    expect(checkRecipient('x'.repeat(70))).toHaveLength(70);
  });

  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['71 characters', 'x'.repeat(71)],
    ['an emoji', 'Karl 😀'],
    ['an accent outside the set', 'José'],
    ['a control character', 'Karl\u0007'],
  ])('refuses a recipient that is %s', (_why, recipient) => {
    expect(refusal(() => checkRecipient(recipient)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'recipient' });
  });

  it('bounds the note at 140 and the end-to-end id at 35 characters', () => {
    expect(checkNote('n'.repeat(140))).toHaveLength(140);
    expect(refusal(() => checkNote('n'.repeat(141))).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(checkEndToEndId('E'.repeat(35))).toHaveLength(35);
    expect(refusal(() => checkEndToEndId('E'.repeat(36))).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'endToEndId',
    });
    expect(checkNote(null)).toBeNull();
  });

  it('wants execution times in the future and first executions from today on', () => {
    const now = Date.UTC(2026, 10, 21, 12);
    expect(refusal(() => checkFuture(new Date(now - 1), 'executeAt', now)).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'executeAt',
    });
    expect(checkNotBeforeToday(new Date(Date.UTC(2026, 10, 21)), 'firstExecutionDate', new Date(now))).toBeInstanceOf(
      Date,
    );
    expect(
      refusal(() => checkNotBeforeToday(new Date(Date.UTC(2026, 10, 20)), 'firstExecutionDate', new Date(now)))
        .extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'firstExecutionDate' });
    const first = new Date(Date.UTC(2026, 11, 1));
    expect(
      refusal(() => checkNotBefore(new Date(Date.UTC(2026, 10, 30)), first, 'lastExecutionDate', 'firstExecutionDate'))
        .extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'lastExecutionDate' });
  });
});
