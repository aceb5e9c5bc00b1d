/**
 * The instant all demo data is anchored to, so that nothing depends on the wall clock:
 * the newest demo transactions are from shortly before it.
 */
export const ANCHOR_MS = Date.UTC(2026, 5, 30, 12, 0, 0);

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** `2026-06-30T12:00:00Z`, as Rails writes a UTC timestamp. */
export function toIsoSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

const isoDates = new Map<number, string>();

/** `2026-06-30`; memoized per day, since big demo accounts ask for the same days again and again. */
export function toIsoDate(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let text = isoDates.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDates.set(day, text);
  }
  return text;
}

/** `2026-06-30T12:00:00+00:00`, as Kontist writes its dates. */
export function toOffsetSeconds(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

/** Midnight UTC of the day that contains `ms`. */
export function startOfDay(ms: number): number {
  return ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);
}
