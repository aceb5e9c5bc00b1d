import type { TransactionRecord, TransactionSequence } from '../providers/provider';
import type { Position } from './cursor';
import type { ResidualFilter } from './residual-filter';

/** The most items asked of a provider in one read. */
const MAX_CHUNK = 1000;
/** The first read where a date bound may end the sequence soon: small, then doubling. */
const PROBE_CHUNK = 25;

export interface Head {
  record: TransactionRecord;
  /** The record's position in the sequence. */
  position: number;
}

/**
 * Reads one sequence forward from a cursor position, item by item, fetching in chunks:
 * the first as large as the page asked for, larger ones only while the gateway's own
 * filter keeps skipping items.
 */
export class SequenceReader {
  private buffer: TransactionRecord[] = [];
  private bufferStart: number;
  private next: number;
  private lastId: string | undefined;
  /** Nothing lies beyond the buffer. */
  private exhausted = false;
  /** The filter said nothing further can match. */
  private stopped = false;
  private resuming: boolean;
  private chunk: number;
  private total: number | null = null;

  constructor(
    private readonly sequence: TransactionSequence,
    private readonly filter: ResidualFilter,
    start: Position,
    wanted: number,
    /**
     * Read one provider page at a time instead of all `wanted` items at once: for merged
     * feeds, where each source gives only its share of a page.
     */
    private readonly lazy = false,
  ) {
    this.next = start.offset;
    this.bufferStart = start.offset;
    this.lastId = start.lastId;
    this.resuming = start.offset > 0 && start.lastId !== undefined;
    this.chunk = Math.min(Math.max(wanted, 1), filter.mayStop ? PROBE_CHUNK : MAX_CHUNK);
  }

  /** The next item the filter takes, without consuming it; null at the end. */
  async peek(): Promise<Head | null> {
    while (!this.stopped) {
      const index = this.next - this.bufferStart;
      if (index >= this.buffer.length) {
        if (this.exhausted) {
          return null;
        }
        await this.fill();
        continue;
      }
      const record = this.buffer[index] as TransactionRecord;
      const verdict = this.filter.judge(record);
      if (verdict === 'take') {
        return { record, position: this.next };
      }
      if (verdict === 'stop') {
        this.stopped = true;
      } else {
        this.next += 1;
      }
    }
    return null;
  }

  /** Consumes the item `peek` returned. */
  take(head: Head): void {
    this.next = head.position + 1;
    this.lastId = head.record.providerTransactionId;
  }

  /** Where a cursor taken now would resume. */
  position(): Position {
    return this.lastId === undefined ? { offset: this.next } : { offset: this.next, lastId: this.lastId };
  }

  /** The sequence's length, where the provider told it. */
  knownTotal(): number | null {
    return this.total;
  }

  private async fill(): Promise<void> {
    if (this.lazy) {
      this.chunk = Math.min(this.chunk, this.sequence.pageSize?.() ?? (this.sequence.pageSize ? 1 : this.chunk));
    }
    const from = this.resuming ? this.next - 1 : this.next;
    const count = this.resuming ? this.chunk + 1 : this.chunk;
    const { items, total } = await this.sequence.read(from, count);
    this.total = total;
    this.buffer = items;
    this.bufferStart = from;
    this.exhausted = items.length < count;
    if (this.resuming) {
      // The item given out last is re-read: if newer items were inserted since, it has
      // moved, and resuming right after it (not at the old offset) repeats nothing.
      this.resuming = false;
      const seen = items.findIndex((item) => item.providerTransactionId === this.lastId);
      this.next = from + (seen >= 0 ? seen + 1 : 1);
    }
    if (this.filter.active) {
      this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    }
  }
}
