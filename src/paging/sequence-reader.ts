import type { TransactionRecord, TransactionSequence } from '../providers/provider';
import type { Position } from './cursor';
import type { ResidualFilter } from './residual-filter';

/** The most items asked of a provider in one read. */
const MAX_CHUNK = 1000;
/** The first read where a date bound may end the sequence soon: small, then doubling. */
const PROBE_CHUNK = 25;
/** Reads spent looking for a cursor's last item after newer items moved it. */
const RESUME_READS = 4;

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
    if (this.resuming) {
      this.resuming = false;
      await this.resume();
    } else {
      await this.load(this.next, this.chunk);
    }
    if (this.filter.active) {
      this.chunk = Math.min(this.chunk * 2, MAX_CHUNK);
    }
  }

  /**
   * Re-reads from the last item given out: if newer items were inserted since, it has
   * moved further on, and resuming right after it (not at the old offset) repeats
   * nothing. The search looks a few growing reads ahead, then falls back to the offset.
   */
  private async resume(): Promise<void> {
    const from = this.next - 1;
    let scan = from;
    let count = this.chunk + 1;
    let first: { items: TransactionRecord[]; exhausted: boolean } | undefined;
    for (let attempt = 0; attempt < RESUME_READS; attempt += 1) {
      await this.load(scan, count);
      first ??= { items: this.buffer, exhausted: this.exhausted };
      const seen = this.buffer.findIndex((item) => item.providerTransactionId === this.lastId);
      if (seen >= 0) {
        this.next = scan + seen + 1;
        return;
      }
      if (this.exhausted) {
        break;
      }
      scan += this.buffer.length;
      count = Math.min(count * 2, MAX_CHUNK);
    }
    this.buffer = first?.items ?? [];
    this.exhausted = first?.exhausted ?? true;
    this.bufferStart = from;
    this.next = from + 1;
  }

  private async load(from: number, count: number): Promise<void> {
    const { items, total } = await this.sequence.read(from, count);
    this.total = total;
    this.buffer = items;
    this.bufferStart = from;
    this.exhausted = items.length < count;
  }
}
