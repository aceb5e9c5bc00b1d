/** Bankimport answers at most this many items per call. */
export const MAX_LIMIT = 1000;

/**
 * The fewest Bankimport calls that cover positions [offset, offset + count): the
 * smallest `limit` for which one page holds them all, else consecutive pages of `count`.
 */
export function planPages(offset: number, count: number): { limit: number; pages: number[] } {
  const last = offset + count - 1;
  for (let limit = Math.min(count, MAX_LIMIT); limit <= MAX_LIMIT; limit += 1) {
    if (Math.floor(offset / limit) === Math.floor(last / limit)) {
      return { limit, pages: [Math.floor(offset / limit) + 1] };
    }
  }
  const limit = Math.min(count, MAX_LIMIT);
  const pages: number[] = [];
  for (let page = Math.floor(offset / limit) + 1; page <= Math.floor(last / limit) + 1; page += 1) {
    pages.push(page);
  }
  return { limit, pages };
}
