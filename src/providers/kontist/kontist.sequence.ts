import type { TransactionOrder, TransactionRecord, TransactionSequence } from '../provider';

/** One page of an account's Kontist list, already mapped. */
export interface KontistPage {
  total: number;
  hasNext: boolean;
  items: TransactionRecord[];
}

/** Kontist's page size, learned from the first full page it sends; shared per client. */
export interface PageSizeMemo {
  value?: number;
}

/**
 * Kontist lists an account's transactions in fixed pages, booked ones by booking date
 * descending and the unbooked ones (no booking date) last, with no filters or other
 * orders. This reads that list by position, in either order, fetching only the pages
 * that hold the asked positions (and, for ascending order, the tail that tells where
 * the unbooked transactions start). Pages are fetched once per sequence.
 */
export function createKontistSequence(
  fetchPage: (page: number) => Promise<KontistPage>,
  order: TransactionOrder,
  pageSize: PageSizeMemo,
): TransactionSequence {
  const pages = new Map<number, Promise<KontistPage>>();
  let total: number | undefined;
  let booked: number | undefined;

  const page = (n: number): Promise<KontistPage> => {
    let pending = pages.get(n);
    if (!pending) {
      pending = fetchPage(n).then((result) => {
        total = result.total;
        if (n === 1 && result.hasNext && result.items.length > 0) {
          pageSize.value = result.items.length;
        }
        return result;
      });
      pages.set(n, pending);
    }
    return pending;
  };

  const size = async (): Promise<number> => {
    if (pageSize.value === undefined) {
      const first = await page(1);
      return first.hasNext ? first.items.length : Math.max(first.items.length, 1);
    }
    return pageSize.value;
  };

  const knownTotal = async (): Promise<number> => {
    if (total === undefined) {
      await page(1);
    }
    return total as number;
  };

  /** Positions (0-based, in Kontist's own order) → records, fetching pages in parallel. */
  const at = async (positions: number[]): Promise<TransactionRecord[]> => {
    if (positions.length === 0) {
      return [];
    }
    const perPage = await size();
    const needed = [...new Set(positions.map((p) => Math.floor(p / perPage) + 1))];
    const fetched = new Map(await Promise.all(needed.map(async (n) => [n, await page(n)] as const)));
    const records: TransactionRecord[] = [];
    for (const position of positions) {
      const record = fetched.get(Math.floor(position / perPage) + 1)?.items[position % perPage];
      if (!record) {
        break;
      }
      records.push(record);
    }
    return records;
  };

  /** How many booked transactions precede the unbooked tail. */
  const bookedCount = async (): Promise<number> => {
    if (booked === undefined) {
      const count = await knownTotal();
      const perPage = await size();
      let position = count - 1;
      while (position >= 0) {
        const current = await page(Math.floor(position / perPage) + 1);
        const pageStart = Math.floor(position / perPage) * perPage;
        while (position >= pageStart && current.items[position - pageStart]?.bookingDate === null) {
          position -= 1;
        }
        if (position >= pageStart) {
          break;
        }
      }
      booked = position + 1;
    }
    return booked;
  };

  return {
    applied: new Set(),
    pageSize: () => pageSize.value,
    async read(offset, count) {
      if (count <= 0) {
        return { items: [], total: await knownTotal() };
      }
      if (order === 'BOOKING_DATE_DESC') {
        if (total === undefined && pageSize.value !== undefined) {
          // The page holding `offset` also tells the total; no need to fetch page 1 first.
          await page(Math.floor(offset / pageSize.value) + 1);
        }
        // The rest of the last page fetched comes along: it cost nothing more.
        const perPage = await size();
        const all = await knownTotal();
        const end = Math.min(Math.ceil((offset + count) / perPage) * perPage, all);
        const positions = Array.from({ length: Math.max(end - offset, 0) }, (_, i) => offset + i);
        return { items: await at(positions), total: all };
      }
      const all = await knownTotal();
      const bookedTotal = await bookedCount();
      const end = Math.min(offset + count, all);
      const positions = Array.from({ length: Math.max(end - offset, 0) }, (_, i) => {
        const ascending = offset + i;
        return ascending < bookedTotal ? bookedTotal - 1 - ascending : ascending;
      });
      return { items: await at(positions), total: all };
    },
  };
}
