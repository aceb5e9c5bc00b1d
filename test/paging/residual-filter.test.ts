import { residualFilter } from '../../src/paging/residual-filter';
import type { TransactionFilter, TransactionRecord } from '../../src/providers/provider';
import { aTransaction as aBaseTransaction } from '../support/factories';

const aTransaction = (overrides: Partial<TransactionRecord> = {}): TransactionRecord =>
  aBaseTransaction({
    providerTransactionId: '98001',
    counterpartyName: 'Hausverwaltung Müller',
    counterpartyIban: 'DE89370400440532013000',
    purpose: 'Miete März 2024',
    bookingType: 'SEPA_DIRECT_DEBIT',
    bookingDate: new Date('2024-03-15T10:00:00Z'),
    valueDate: new Date('2024-03-15T10:00:00Z'),
    ...overrides,
  });

const none = new Set<keyof TransactionFilter>();
const desc = (filter: TransactionFilter, applied = none) => residualFilter(filter, applied, 'BOOKING_DATE_DESC');
const asc = (filter: TransactionFilter, applied = none) => residualFilter(filter, applied, 'BOOKING_DATE_ASC');
const at = (iso: string) => aTransaction({ bookingDate: new Date(iso) });

describe('residualFilter', () => {
  it('is inactive and takes everything without a filter', () => {
    const filter = desc({});
    expect(filter.active).toBe(false);
    expect(filter.judge(aTransaction({ bookingDate: null, status: 'PENDING' }))).toBe('take');
  });

  it('ignores the parts the provider applied itself', () => {
    const filter = desc(
      { amountMin: 100, status: 'PENDING', purpose: 'zzz' },
      new Set<keyof TransactionFilter>(['amountMin', 'status', 'purpose']),
    );
    expect(filter.active).toBe(false);
    expect(filter.judge(aTransaction({ amount: { minorUnits: -99999, currency: 'EUR' } }))).toBe('take');
  });

  it('applies only the parts the provider left over', () => {
    const filter = desc({ amountMin: 100, purpose: 'miete' }, new Set<keyof TransactionFilter>(['amountMin']));
    expect(filter.active).toBe(true);
    expect(filter.judge(aTransaction({ amount: { minorUnits: 5, currency: 'EUR' } }))).toBe('take');
    expect(filter.judge(aTransaction({ purpose: 'Strom' }))).toBe('skip');
  });

  it('includes both amount bounds', () => {
    const filter = desc({ amountMin: -1000, amountMax: 1000 });
    const amount = (minorUnits: number) => filter.judge(aTransaction({ amount: { minorUnits, currency: 'EUR' } }));
    expect(filter.active).toBe(true);
    expect(amount(-1000)).toBe('take');
    expect(amount(1000)).toBe('take');
    expect(amount(0)).toBe('take');
    expect(amount(-1001)).toBe('skip');
    expect(amount(1001)).toBe('skip');
  });

  it('skips the other status', () => {
    const filter = desc({ status: 'PENDING' });
    expect(filter.judge(aTransaction({ status: 'PENDING', bookingDate: null }))).toBe('take');
    expect(filter.judge(aTransaction({ status: 'BOOKED' }))).toBe('skip');
  });

  it('matches the purpose case-insensitively anywhere in it', () => {
    const filter = desc({ purpose: 'MIETE mär' });
    expect(filter.judge(aTransaction({ purpose: 'Miete März 2024' }))).toBe('take');
    expect(filter.judge(aTransaction({ purpose: 'Nebenkosten miete märz' }))).toBe('take');
    expect(filter.judge(aTransaction({ purpose: 'Miete April' }))).toBe('skip');
    expect(filter.judge(aTransaction({ purpose: null }))).toBe('skip');
  });

  it('includes both date bounds', () => {
    const filter = desc({ bookedFrom: new Date('2024-03-01T00:00:00Z'), bookedTo: new Date('2024-03-31T23:59:59Z') });
    expect(filter.judge(at('2024-03-01T00:00:00Z'))).toBe('take');
    expect(filter.judge(at('2024-03-31T23:59:59Z'))).toBe('take');
  });

  it('stops newest-first reading at the first transaction before bookedFrom', () => {
    const filter = desc({ bookedFrom: new Date('2024-03-01T00:00:00Z') });
    expect(filter.judge(at('2024-02-29T23:59:59Z'))).toBe('stop');
  });

  it('skips newest-first past transactions after bookedTo', () => {
    const filter = desc({ bookedTo: new Date('2024-03-31T00:00:00Z') });
    expect(filter.judge(at('2024-04-01T00:00:00Z'))).toBe('skip');
  });

  it('stops oldest-first reading at the first transaction after bookedTo', () => {
    const filter = asc({ bookedTo: new Date('2024-03-31T00:00:00Z') });
    expect(filter.judge(at('2024-03-31T00:00:01Z'))).toBe('stop');
  });

  it('skips oldest-first past transactions before bookedFrom', () => {
    const filter = asc({ bookedFrom: new Date('2024-03-01T00:00:00Z') });
    expect(filter.judge(at('2024-02-01T00:00:00Z'))).toBe('skip');
  });

  it.each(['BOOKING_DATE_DESC', 'BOOKING_DATE_ASC'] as const)(
    'stops at an undated transaction under a date filter (%s), as they come last',
    (order) => {
      const filter = residualFilter({ bookedFrom: new Date('2000-01-01T00:00:00Z') }, none, order);
      expect(filter.judge(aTransaction({ bookingDate: null, status: 'PENDING' }))).toBe('stop');
    },
  );

  it('lets undated transactions through without a date filter', () => {
    expect(desc({ amountMax: 0 }).judge(aTransaction({ bookingDate: null }))).toBe('take');
  });

  it('judges the date before the other parts, so a bound still stops', () => {
    const filter = desc({ bookedFrom: new Date('2024-03-01T00:00:00Z'), purpose: 'strom' });
    expect(filter.judge(aTransaction({ bookingDate: new Date('2024-01-01T00:00:00Z'), purpose: 'Miete' }))).toBe(
      'stop',
    );
  });

  it('leaves a date bound the provider applied to the provider', () => {
    const filter = desc(
      { bookedFrom: new Date('2024-03-01T00:00:00Z') },
      new Set<keyof TransactionFilter>(['bookedFrom']),
    );
    expect(filter.active).toBe(false);
    expect(filter.judge(aTransaction({ bookingDate: null }))).toBe('take');
  });
});
