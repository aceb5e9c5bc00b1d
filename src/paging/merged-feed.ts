import type { GatewayError } from '../errors/errors';
import type { TransactionRecord, TransactionSequence } from '../providers/provider';
import type { Position } from './cursor';
import { toConnection, toEdge, type Connection } from './connection';
import type { ResidualFilter } from './residual-filter';
import { SequenceReader, type Head } from './sequence-reader';

/** One provider's (or one account's) newest-first sequence in the merged feed. */
export interface FeedSource {
  key: string;
  sequence: TransactionSequence;
  filter: ResidualFilter;
}

export interface FeedPage {
  connection: Connection;
  /** Sources that failed: their items are missing from this page, their cursor position kept. */
  failures: Array<{ key: string; error: unknown }>;
}

/** Newest booking date first; undated last; ties by source order for a stable merge. */
function isNewer(a: TransactionRecord, b: TransactionRecord): boolean {
  const at = a.bookingDate?.getTime() ?? -Infinity;
  const bt = b.bookingDate?.getTime() ?? -Infinity;
  return at > bt;
}

/**
 * Merges several newest-first sequences into one feed page with one cursor that
 * holds every source's position. A failing source leaves the others' items in the
 * page and keeps its own position, so the next page tries it again.
 */
export async function readMergedFeed(
  sources: FeedSource[],
  query: string,
  start: Record<string, Position> | undefined,
  first: number,
): Promise<FeedPage> {
  const readers = sources.map((source) => ({
    key: source.key,
    reader: new SequenceReader(source.sequence, source.filter, start?.[source.key] ?? { offset: 0 }, first + 1, true),
  }));
  const positions: Record<string, Position> = {};
  for (const { key, reader } of readers) {
    positions[key] = reader.position();
  }
  const failures: FeedPage['failures'] = [];
  const heads = new Map<string, Head | null>();

  const peek = async (key: string, reader: SequenceReader) => {
    try {
      heads.set(key, await reader.peek());
    } catch (error) {
      failures.push({ key, error: error as GatewayError });
      heads.set(key, null);
    }
  };
  await Promise.all(readers.map(({ key, reader }) => peek(key, reader)));

  const edges: Connection['edges'] = [];
  let hasNextPage = false;
  for (;;) {
    let best: { key: string; reader: SequenceReader; head: Head } | undefined;
    for (const { key, reader } of readers) {
      const head = heads.get(key);
      if (head && (!best || isNewer(head.record, best.head.record))) {
        best = { key, reader, head };
      }
    }
    if (!best) {
      break;
    }
    if (edges.length === first) {
      hasNextPage = true;
      break;
    }
    best.reader.take(best.head);
    positions[best.key] = best.reader.position();
    edges.push(toEdge(best.head.record, query, { ...positions }));
    await peek(best.key, best.reader);
  }

  const totals = readers.map(({ reader }, i) => (sources[i]?.filter.active ? null : reader.knownTotal()));
  const totalCount =
    failures.length === 0 && totals.every((t) => t !== null)
      ? totals.reduce<number>((sum, t) => sum + (t as number), 0)
      : null;
  const hasPreviousPage = Object.values(start ?? {}).some((p) => p.offset > 0);
  // A failed source's items are still to come: say so, so that clients page on and retry it.
  const more = hasNextPage || failures.length > 0;
  return { connection: toConnection(edges, more, hasPreviousPage, totalCount), failures };
}
