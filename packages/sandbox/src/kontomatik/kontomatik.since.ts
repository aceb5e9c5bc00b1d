import { DAY_MS } from '../time';

/** How far back an import reaches when it names no `since`. */
export const DEFAULT_IMPORT_DAYS = 90;

/** The import's error text when `since` is further back than Kontomatik imports. */
export const TOO_OLD_MESSAGE = 'Transactions can only be imported for the last five years.';

/** Days since 1970-01-01 (UTC); the mock bank dates everything in whole days. */
export function epochDayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The same calendar day five years earlier (29 February falls on 1 March). */
function fiveYearsBefore(day: number): number {
  const date = new Date(day * DAY_MS);
  return epochDayOf(Date.UTC(date.getUTCFullYear() - 5, date.getUTCMonth(), date.getUTCDate()));
}

export type SinceOutcome =
  | {
      /** The first day whose transactions are imported. */
      sinceDay: number;
      /** Further back than five years: accepted, but the import will fail. */
      tooOld: boolean;
    }
  | { error: string };

/** The form's optional `since` (`YYYY-MM-DD`) against `today`, an epoch day. */
export function parseSince(text: string | undefined, today: number): SinceOutcome {
  if (text === undefined || text === '') {
    return { sinceDay: today - DEFAULT_IMPORT_DAYS, tooOld: false };
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  // Date.UTC rolls 2026-02-30 over into March; such a date is not one.
  if (!match || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) {
    return { error: 'since must be a date written YYYY-MM-DD' };
  }
  const sinceDay = epochDayOf(ms);
  if (sinceDay > today) {
    return { error: 'since must not be in the future' };
  }
  return { sinceDay, tooOld: sinceDay < fiveYearsBefore(today) };
}
