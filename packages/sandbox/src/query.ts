import type { Request } from 'express';

/** One query or form parameter as text; when it is repeated the last one wins, as in Rails. */
export function paramOf(
  source: Request['query'] | Record<string, unknown> | undefined,
  name: string,
): string | undefined {
  const value = source?.[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  return typeof last === 'string' ? last : undefined;
}
