/** Parses a provider's ISO-8601 date or date-time; throws on anything else. */
export function parseProviderDate(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new RangeError(`not a date: ${JSON.stringify(value.slice(0, 40))}`);
  }
  return date;
}

export function parseOptionalDate(value: string | null | undefined): Date | null {
  return value ? parseProviderDate(value) : null;
}
