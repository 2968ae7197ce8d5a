/**
 * Captured data waiting for its consumer (the renderer, which stores it), read with a cursor: a read
 * returns everything after the cursor it names and releases everything up to it. The consumer passes the
 * cursor of what it has durably stored, so if it dies between reading and storing (a page reload), the
 * next read returns the same data again; storing merges by (traceId, spanId), so a repeat is harmless.
 */
import type { LogRecord, TraceSpans } from '../model/types';
import { recordsBytes } from './size';

interface Entry {
  seq: number;
  traces: TraceSpans[];
  logs: LogRecord[];
  records: number;
  bytes: number;
}

export interface OutboxRead {
  /** pass this back as the next read's cursor once what came with it is stored */
  cursor: number;
  traces: TraceSpans[];
  logs: LogRecord[];
  /** more entries wait after this read's limit */
  more: boolean;
}

export class Outbox {
  private entries: Entry[] = [];
  private lastSeq = 0;
  private pending = 0;
  private pendingSize = 0;

  /** spans and log records not yet released by the consumer */
  get pendingRecords(): number {
    return this.pending;
  }

  /** about how many bytes those take (see size.ts): the receiver is busy above a bound on either */
  get pendingBytes(): number {
    return this.pendingSize;
  }

  /** the cursor just past everything pushed so far */
  get head(): number {
    return this.lastSeq;
  }

  push(traces: TraceSpans[], logs: LogRecord[]): void {
    const records = traces.reduce((n, t) => n + t.spans.length, 0) + logs.length;
    if (records === 0) return;
    this.lastSeq++;
    const bytes = recordsBytes(traces, logs);
    this.entries.push({ seq: this.lastSeq, traces, logs, records, bytes });
    this.pending += records;
    this.pendingSize += bytes;
  }

  /**
   * Releases entries up to `cursor` and returns those after it, at least one entry and then up to about
   * `maxRecords` spans and log records. A cursor ahead of the head (another session's) reads from the start.
   */
  read(cursor: number, maxRecords = 20_000): OutboxRead {
    const from = cursor > this.lastSeq ? 0 : cursor;
    let released = 0;
    while (released < this.entries.length && this.entries[released]!.seq <= from) {
      this.pending -= this.entries[released]!.records;
      this.pendingSize -= this.entries[released]!.bytes;
      released++;
    }
    if (released > 0) this.entries = this.entries.slice(released);
    const out: OutboxRead = { cursor: from, traces: [], logs: [], more: false };
    let taken = 0;
    for (const e of this.entries) {
      if (taken > 0 && taken + e.records > maxRecords) {
        out.more = true;
        break;
      }
      out.traces.push(...e.traces);
      out.logs.push(...e.logs);
      out.cursor = e.seq;
      taken += e.records;
    }
    return out;
  }
}
