import type { TransactionSequence } from '../providers/provider';
import type { Position } from './cursor';
import { toConnection, toEdge, type Connection, type Edge } from './connection';
import type { ResidualFilter } from './residual-filter';
import { SequenceReader } from './sequence-reader';

/** The key of a single sequence's position inside its cursors. */
const KEY = 'p';

/**
 * One page of one sequence: `first` items after `start`, each with a cursor that
 * resumes right after it, and one item of look-ahead to tell whether more follow.
 */
export async function readWindow(
  sequence: TransactionSequence,
  filter: ResidualFilter,
  query: string,
  start: Position | undefined,
  first: number,
): Promise<Connection> {
  const reader = new SequenceReader(sequence, filter, start ?? { offset: 0 }, first + 1);
  const edges: Edge[] = [];
  let head = await reader.peek();
  while (head && edges.length < first) {
    reader.take(head);
    edges.push(toEdge(head.record, query, { [KEY]: reader.position() }));
    head = await reader.peek();
  }
  const total = filter.active ? null : reader.knownTotal();
  return toConnection(edges, head !== null, (start?.offset ?? 0) > 0, total);
}

export function windowStart(positions: Record<string, Position> | undefined): Position | undefined {
  return positions?.[KEY];
}
