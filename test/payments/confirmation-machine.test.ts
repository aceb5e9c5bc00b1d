import type { Confirmation } from '../../src/payments/confirmation';
import * as machine from '../../src/payments/confirmation-machine';
import type { PaymentResult } from '../../src/providers/payments';
import { aConfirmation } from './confirmation.factory';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const EXECUTING_MS = 15_000;
const failure = { code: 'PROVIDER_UNAVAILABLE', message: 'no answer' };
const result: PaymentResult = {
  kind: 'TRANSFER',
  transfer: {
    provider: 'KONTIST',
    providerAccountId: '4711',
    providerTransferId: 'transfer-1',
    status: 'ACCEPTED',
    recipient: 'Karl Brenner',
    iban: 'DE89370400440532013000',
    amount: { minorUnits: 1250, currency: 'EUR' },
    note: 'Lunch',
    endToEndId: 'E2E',
  },
};

const pending = () => aConfirmation({ expiresAt: T0 + 300_000 });
const claimed = (claimId = 'mine') => machine.claim(pending(), claimId, T0, EXECUTING_MS) as Confirmation;
const unknown = () => machine.lose(claimed(), 'mine', failure, T0 + 1000) as Confirmation;

describe('the confirmation state machine', () => {
  describe('PENDING', () => {
    it('is claimed into EXECUTING with a deadline, one version on', () => {
      expect(claimed()).toMatchObject({
        version: 1,
        state: { status: 'EXECUTING', claim: 'mine', deadline: T0 + EXECUTING_MS },
      });
    });

    it('cannot be claimed once expired, and reads as EXPIRED and settled then', () => {
      const record = pending();
      expect(machine.claim(record, 'late', record.expiresAt, EXECUTING_MS)).toBeNull();
      expect(machine.isExpired(record, record.expiresAt)).toBe(true);
      expect(machine.isSettled(record, record.expiresAt)).toBe(true);
      expect(machine.isSettled(record, record.expiresAt - 1)).toBe(false);
    });

    it('changes next at its expiry', () => {
      expect(machine.nextChangeAt(pending())).toBe(T0 + 300_000);
    });
  });

  describe('EXECUTING', () => {
    it('cannot be claimed a second time', () => {
      expect(machine.claim(claimed(), 'other', T0, EXECUTING_MS)).toBeNull();
    });

    it('becomes CONFIRMED, FAILED or UNKNOWN only for the claim that holds it', () => {
      expect(machine.execute(claimed(), 'other', result, null)).toBeNull();
      expect(machine.refuse(claimed(), 'other', failure)).toBeNull();
      expect(machine.lose(claimed(), 'other', failure, T0)).toBeNull();
      expect(machine.execute(claimed(), 'mine', result, null)?.state).toEqual({
        status: 'CONFIRMED',
        result,
        detail: null,
      });
      expect(machine.refuse(claimed(), 'mine', failure)?.state).toEqual({ status: 'FAILED', failure });
    });

    it('goes back to PENDING, attempts untouched, when nothing reached the provider', () => {
      expect(machine.release(claimed(), 'mine')).toMatchObject({ attemptsLeft: 3, state: { status: 'PENDING' } });
      expect(machine.release(claimed(), 'other')).toBeNull();
    });

    it('counts a wrong TAN, and FAILS when no attempts are left', () => {
      const once = machine.rejectTan(claimed(), 'mine') as Confirmation;
      expect(once).toMatchObject({ attemptsLeft: 2, state: { status: 'PENDING' } });
      const last = machine.rejectTan({ ...claimed(), attemptsLeft: 1 }, 'mine') as Confirmation;
      expect(last).toMatchObject({ attemptsLeft: 0, state: { status: 'FAILED', failure: { code: 'TAN_INVALID' } } });
    });

    it('turns UNKNOWN past its deadline, never before', () => {
      const record = claimed();
      expect(machine.expireClaim(record, T0 + EXECUTING_MS - 1)).toBeNull();
      expect(machine.expireClaim(record, T0 + EXECUTING_MS)?.state).toMatchObject({
        status: 'UNKNOWN',
        nextCheckAt: T0 + EXECUTING_MS,
      });
      expect(machine.nextChangeAt(record)).toBe(T0 + EXECUTING_MS);
    });
  });

  describe('UNKNOWN', () => {
    it('is looked into right away', () => {
      expect(unknown().state).toMatchObject({ status: 'UNKNOWN', since: T0 + 1000, checks: 0, nextCheckAt: T0 + 1000 });
      expect(machine.isSettled(unknown(), T0 + 1000)).toBe(false);
    });

    it('becomes CONFIRMED on evidence, saying how it was found', () => {
      const found = machine.found(unknown(), result, T0 + 4000) as Confirmation;
      expect(found.state).toMatchObject({ status: 'CONFIRMED', result });
      expect(found.state.status === 'CONFIRMED' && found.state.detail).toMatch(
        /found the executed operation .* 3 s later/,
      );
    });

    it('takes a late answer of the provider as its word', () => {
      expect(machine.execute(unknown(), 'mine', result, null)?.state.status).toBe('CONFIRMED');
    });

    it('never becomes FAILED from the absence of evidence: it backs off, then stops looking', () => {
      const schedule = { delaysMs: [1000, 5000], forMs: 20_000 };
      let record = unknown();
      const looks: Array<number | null> = [];
      for (let now = T0 + 1000; record.state.status === 'UNKNOWN' && record.state.nextCheckAt !== null;) {
        now = record.state.nextCheckAt;
        record = machine.notFound(record, now, schedule) as Confirmation;
        looks.push(record.state.status === 'UNKNOWN' ? record.state.nextCheckAt : null);
      }
      expect(record.state.status).toBe('UNKNOWN');
      expect(looks).toEqual([T0 + 2000, T0 + 7000, T0 + 12_000, T0 + 17_000, null]);
      expect(machine.isSettled(record, T0 + 60_000)).toBe(true);
      expect(machine.notFound(record, T0 + 60_000, schedule)).toBeNull();
    });

    it('is not touched again by a second loss', () => {
      const record = unknown();
      expect(machine.lose(record, 'mine', failure, T0 + 5000)).toBe(record);
    });
  });

  describe('CONFIRMED and FAILED', () => {
    it('are settled: no transition leaves them', () => {
      const confirmed = machine.execute(claimed(), 'mine', result, null) as Confirmation;
      const failed = machine.refuse(claimed(), 'mine', failure) as Confirmation;
      for (const record of [confirmed, failed]) {
        expect(machine.isSettled(record, T0)).toBe(true);
        expect(machine.nextChangeAt(record)).toBeNull();
        expect(machine.claim(record, 'again', T0, EXECUTING_MS)).toBeNull();
        expect(machine.found(record, result, T0)).toBeNull();
        expect(machine.expireClaim(record, T0 + 10 * EXECUTING_MS)).toBeNull();
        expect(machine.lose(record, 'mine', failure, T0)).toBeNull();
      }
    });
  });
});
