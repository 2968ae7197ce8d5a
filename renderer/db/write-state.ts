/**
 * What one batch's write works on between its rounds of reads (write-batch.ts), all in memory: the rows read
 * so far, the before-images to journal, the pages as the batch changes them, and the counters per session.
 */
import type { Read } from './idb-steps';
import { decodePage, directoryRow, PAGE_TRACES, type JournalRow, type Page, type PageRow, type TraceRow } from './schema';
import type { ImportMemory } from './write-plan';
import type { SealableRow } from './keyring';

type ReadTable = 'sessions' | 'pages' | 'chunks' | 'logs' | 'payloads';

/** Rows read in this transaction, by table and key (absent: not stored, or known absent and so not read). */
export class BatchRows {
  private readonly got = new Map<string, Map<string, unknown>>();
  private readonly wanted = new Map<ReadTable, Set<string>>();
  /** logs and payloads rows read sealed, opened (issue 21); `got` keeps them as stored, for the journal */
  private readonly opened = new Map<string, unknown>();
  private sealed: { table: ReadTable; key: string; row: SealableRow }[] = [];

  need(table: ReadTable, key: string): void {
    if (this.got.get(table)?.has(key)) return;
    let keys = this.wanted.get(table);
    if (!keys) this.wanted.set(table, (keys = new Set()));
    keys.add(key);
  }

  /** The reads for what was asked since the last round. */
  round(): Read[] {
    const reads: Read[] = [];
    for (const [table, keys] of this.wanted) if (keys.size > 0) reads.push({ kind: 'get', table, keys: [...keys] });
    this.wanted.clear();
    return reads;
  }

  /** Takes the answers of a round (reads of other kinds in it are left to the caller). */
  take(round: readonly Read[], answers: readonly unknown[]): void {
    round.forEach((read, i) => {
      if (read.kind !== 'get') return;
      let got = this.got.get(read.table);
      if (!got) this.got.set(read.table, (got = new Map()));
      const rows = answers[i] as unknown[];
      read.keys.forEach((key, k) => {
        const row = rows[k];
        got.set(key, row);
        if ((read.table === 'logs' || read.table === 'payloads') && (row as SealableRow | undefined)?.sealed) this.sealed.push({ table: read.table, key, row: row as SealableRow });
      });
    });
  }

  /** The sealed rows taken since the last call, to open. */
  takeSealed(): { table: ReadTable; key: string; row: SealableRow }[] {
    const out = this.sealed;
    this.sealed = [];
    return out;
  }

  /** The opened rows of `takeSealed`, in its order. */
  putOpened(list: readonly { table: ReadTable; key: string }[], rows: readonly unknown[]): void {
    list.forEach(({ table, key }, i) => this.opened.set(`${table}\n${key}`, rows[i]));
  }

  /** A row as read, its sealed contents opened. */
  row<T>(table: ReadTable, key: string): T | undefined {
    const opened = this.opened.get(`${table}\n${key}`);
    return (opened ?? this.got.get(table)?.get(key)) as T | undefined;
  }

  /** A row exactly as stored (a before-image for the journal: never the opened contents). */
  stored<T>(table: ReadTable, key: string): T | undefined {
    return this.got.get(table)?.get(key) as T | undefined;
  }
}

/** Before-images of the rows a batch changes, each taken once per import (a failed import restores them). */
export class Journal {
  readonly rows: JournalRow[] = [];

  constructor(private readonly memory: ImportMemory) {}

  /** `createdBy`: the import that created the row (one this import created is removed by importId instead). */
  remember(table: JournalRow['table'], key: string, before: unknown, createdBy?: string): void {
    // nothing stored: nothing to restore
    if (before === undefined) return;
    const id = `${table}:${key}`;
    if (this.memory.journaled.has(id)) return;
    this.memory.journaled.add(id);
    if (createdBy !== this.memory.importId) this.rows.push({ importId: this.memory.importId, table, key, before });
  }
}

/**
 * The pages a batch changes: stored ones (read, or this import's open page kept in memory) copied on first
 * change, and new ones for new traces. `located` maps a trace key to the page holding it.
 */
export class PageEditor {
  readonly out = new Map<string, Page>();
  readonly located = new Map<string, string>();
  private readonly index = new Map<string, Map<string, number>>();

  constructor(
    private readonly memory: ImportMemory,
    private readonly stored: (pageId: string) => PageRow | undefined,
    private readonly journal: Journal,
  ) {}

  /** The page as this batch leaves it, or undefined when it is not stored (nor this import's open page). */
  page(pid: string, sid: string): Page | undefined {
    const out = this.out.get(pid);
    if (out) return out;
    const { memory } = this;
    const mine = memory.open.get(sid);
    const shared = memory.shared.has(sid);
    const storedRow = shared || mine?.id !== pid ? this.stored(pid) : undefined;
    const stored = storedRow ? decodePage(storedRow) : mine?.id === pid && !shared ? mine : undefined;
    if (!stored) return undefined;
    this.journal.remember('pages', pid, storedRow, stored.importId);
    if (storedRow) this.journal.remember('directory', pid, directoryRow(stored), stored.importId);
    const page = { ...stored, traces: [...stored.traces] };
    this.out.set(pid, page);
    if (mine?.id === pid) memory.open.set(sid, page);
    return page;
  }

  /** Where a located trace's summary row is. */
  entry(key: string, sid: string): { page: Page; i: number } | undefined {
    const pid = this.located.get(key);
    const page = pid === undefined ? undefined : this.page(pid, sid);
    if (!page) return undefined;
    let index = this.index.get(page.id);
    if (!index) {
      const built = new Map<string, number>();
      page.traces.forEach((t, i) => built.set(t.id, i));
      this.index.set(page.id, (index = built));
    }
    const i = index.get(key);
    return i === undefined ? undefined : { page, i };
  }

  /** A copy of a located trace's row, put in its page's place, to change counters on. */
  touch(key: string, sid: string): TraceRow | undefined {
    const at = this.entry(key, sid);
    if (!at) return undefined;
    const row = { ...at.page.traces[at.i]! };
    at.page.traces[at.i] = row;
    return row;
  }

  /** Puts a new trace's row on the session's open page, or on a new page when it is full. */
  place(row: TraceRow): void {
    const { memory } = this;
    const sid = row.sessionId;
    const open = memory.open.get(sid);
    let page = open ? this.page(open.id, sid) : undefined;
    if (!page || page.traces.length >= PAGE_TRACES) {
      page = { id: memory.newId(sid, 'p'), sessionId: sid, traces: [], importId: memory.importId };
      memory.open.set(sid, page);
      this.out.set(page.id, page);
    }
    page.traces.push(row);
    memory.pageOf.set(row.id, page.id);
    this.located.set(row.id, page.id);
    this.index.get(page.id)?.set(row.id, page.traces.length - 1);
  }
}

/** New traces, spans and log lines per session, for the session rows' counters. */
export interface Delta {
  traces: number;
  spans: number;
  logs: number;
  /** the earliest and latest start (Unix ms) of the traces written; Infinity / -Infinity when none */
  firstMs: number;
  lastMs: number;
}

export class Deltas {
  readonly bySession = new Map<string, Delta>();

  of(sid: string): Delta {
    let d = this.bySession.get(sid);
    if (!d) this.bySession.set(sid, (d = { traces: 0, spans: 0, logs: 0, firstMs: Infinity, lastMs: -Infinity }));
    return d;
  }

  /** A trace written into the session starts at `startMs` (0 or less: unknown). */
  started(sid: string, startMs: number): void {
    if (!(startMs > 0)) return;
    const d = this.of(sid);
    if (startMs < d.firstMs) d.firstMs = startMs;
    if (startMs > d.lastMs) d.lastMs = startMs;
  }
}
