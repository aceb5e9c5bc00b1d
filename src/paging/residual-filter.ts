import type { TransactionFilter, TransactionOrder, TransactionRecord } from '../providers/provider';

/** What the gateway does with the next item of a sequence. */
export type Verdict = 'take' | 'skip' | 'stop';

/** The filter parts a provider did not apply, as one check per item. */
export interface ResidualFilter {
  /** True when some part of the filter is left to the gateway. */
  readonly active: boolean;
  /** True when a date bound may end the sequence early, so reading ahead may be wasted. */
  readonly mayStop: boolean;
  judge(record: TransactionRecord): Verdict;
}

/**
 * Builds the gateway's share of a filter. Bounds are inclusive; transactions without a
 * booking date are left out by date filters. Because sequences are ordered by booking
 * date, a date bound in the reading direction ends the sequence instead of skipping
 * the rest of it.
 */
export function residualFilter(
  filter: TransactionFilter,
  applied: ReadonlySet<keyof TransactionFilter>,
  order: TransactionOrder,
): ResidualFilter {
  const open = <K extends keyof TransactionFilter>(key: K) =>
    filter[key] !== undefined && !applied.has(key) ? filter[key] : undefined;
  const status = open('status');
  const amountMin = open('amountMin');
  const amountMax = open('amountMax');
  const purpose = open('purpose')?.toLowerCase();
  const from = open('bookedFrom')?.getTime();
  const to = open('bookedTo')?.getTime();
  const active = [status, amountMin, amountMax, purpose, from, to].some((v) => v !== undefined);
  const descending = order === 'BOOKING_DATE_DESC';

  return {
    active,
    mayStop: from !== undefined || to !== undefined,
    judge(record) {
      if (from !== undefined || to !== undefined) {
        const booked = record.bookingDate?.getTime();
        if (booked === undefined) {
          // Undated transactions come last in both orders: nothing after them can match.
          return 'stop';
        }
        if (from !== undefined && booked < from) {
          return descending ? 'stop' : 'skip';
        }
        if (to !== undefined && booked > to) {
          return descending ? 'skip' : 'stop';
        }
      }
      if (status !== undefined && record.status !== status) {
        return 'skip';
      }
      if (amountMin !== undefined && record.amount.minorUnits < amountMin) {
        return 'skip';
      }
      if (amountMax !== undefined && record.amount.minorUnits > amountMax) {
        return 'skip';
      }
      if (purpose !== undefined && !record.purpose?.toLowerCase().includes(purpose)) {
        return 'skip';
      }
      return 'take';
    },
  };
}
