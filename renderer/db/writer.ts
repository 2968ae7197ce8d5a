/**
 * Writes decoded batches into the store for one import, so that the import is all-or-nothing:
 * - every batch is one transaction;
 * - rows the import creates carry its importId; rows it changes get a before-image in `journal`;
 * - sessions it creates stay hidden (importId set) until `commit()`;
 * - `rollback()` deletes what it created and restores what it changed, in one transaction.
 * Spans are merged by (traceId, spanId) and log lines by identity, so the same data twice is never
 * stored twice.
 *
 * Speed (issue 3): Chromium's IndexedDB costs ~70 µs per record written, so a batch of 20,000 spans
 * writes a handful of records: its new traces' summaries go onto the import's open page, their spans
 * stay in the source chunks the decoder handed over (or one `ktv` chunk per ~2,000 spans). A fresh
 * import into a session it created looks almost nothing up: the writer remembers the pages of the traces
 * it wrote, and while the session row shows the import as its creator and only writer (`lastWriter`), a
 * trace it has not written cannot be stored yet. A trace that is stored already is read back from its
 * chunks, merged, and written as a new chunk. Rows are put straight on the IndexedDB transaction, out of
 * Dexie's sight; `commit()` tells live queries once that the data changed.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { SourceChunk } from '../../shared/decode/api';
import { mergeTraceSpans } from '../../shared/model/merge';
import type { LogRecord, Payload, TraceSpans } from '../../shared/model/types';
import { summarizeTrace } from '../../shared/kong/summary';
import { decodeSourceTrace, ktvChunks, traceFromChunks } from './chunks';
import type { SessionInit } from './ingest-types';
import {
  decodePage,
  directoryHas,
  directoryRow,
  encodePage,
  newSessionRow,
  PAGE_TRACES,
  rowFromText,
  traceKey,
  type SummaryText,
  type ChunkRow,
  type DirectoryRow,
  type JournalRow,
  type KtvDb,
  type LogsRow,
  type Page,
  type PageRow,
  type PayloadRow,
  type SessionRow,
  type TraceRow,
  undoImport,
} from './schema';

export interface WriteInput {
  traces: TraceSpans[];
  /**
   * Traces given by their summaries instead (decoded in another thread); their spans are in the source
   * chunks `source.chunksOf` names, and are decoded from there only if the trace has to be merged.
   */
  summaries?: SummaryText[];
  logs: LogRecord[];
  payloads: Payload[];
  /** traceId -> Konnect session id named by the data */
  sessionOf?: Record<string, string>;
  /** the source lines holding these traces' spans (DecodedBatch.source) */
  source?: { chunks: SourceChunk[]; chunksOf: Record<string, number[]> };
}

export interface WriteTotals {
  traces: number;
  spans: number;
  logs: number;
  payloads: number;
  sessionIds: string[];
}

const logIdentity = (r: LogRecord): string =>
  `${r.timeNs}|${r.spanId}|${r.severityNumber}|${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`;

const DATA_TABLES = ['pages', 'directory', 'chunks', 'logs', 'payloads'] as const;
type ReadTable = 'pages' | 'chunks' | 'logs' | 'payloads' | 'sessions';

/** Rows one write transaction looks up, fetched table by table in one round trip per `flush`. */
class Reads {
  private readonly wanted = new Map<ReadTable, Set<string>>();
  private readonly fetched = new Map<ReadTable, Map<string, unknown>>();

  constructor(private readonly db: KtvDb) {}

  need(table: ReadTable, key: string): void {
    if (this.fetched.get(table)?.has(key)) return;
    let keys = this.wanted.get(table);
    if (!keys) this.wanted.set(table, (keys = new Set()));
    keys.add(key);
  }

  async flush(): Promise<void> {
    const pending = [...this.wanted].filter(([, keys]) => keys.size > 0);
    this.wanted.clear();
    await Promise.all(
      pending.map(async ([table, keySet]) => {
        const keys = [...keySet];
        const rows: unknown[] = await this.db.table(table).bulkGet(keys);
        let got = this.fetched.get(table);
        if (!got) this.fetched.set(table, (got = new Map()));
        for (let i = 0; i < keys.length; i++) got.set(keys[i]!, rows[i]);
      }),
    );
  }

  /** The stored row, or undefined when it is absent or was not looked up (known absent). */
  row<T>(table: ReadTable, key: string): T | undefined {
    return this.fetched.get(table)?.get(key) as T | undefined;
  }
}

/** One batch, grouped by the rows it writes. */
interface Incoming {
  sid: string;
  traceId: string;
  trace?: TraceSpans;
  summary?: SummaryText;
}

interface Grouped {
  incoming: Map<string, Incoming>;
  logGroups: Map<string, { sid: string; traceId: string; records: LogRecord[] }>;
  payloadRows: PayloadRow[];
  sids: Set<string>;
}

export class ImportWriter {
  private journaled = new Set<string>();
  /** sessions this import has written a batch into */
  private sessions = new Set<string>();
  /** trace key -> page id, for the traces this import has written */
  private pageOf = new Map<string, string>();
  /** keys of the logs and payloads rows this import has written */
  private written: Record<'logs' | 'payloads', Set<string>> = { logs: new Set(), payloads: new Set() };
  /** per session, the page this import is filling (created by it) */
  private open = new Map<string, Page>();
  /** sessions that existed before the import, or another import also writes into: every key is looked up */
  private shared = new Set<string>();
  private seq = 0;
  readonly totals: WriteTotals = { traces: 0, spans: 0, logs: 0, payloads: 0, sessionIds: [] };

  constructor(
    private readonly db: KtvDb,
    readonly importId: string,
    private readonly defaultSession: SessionInit,
    private readonly forceSession = false,
  ) {}

  private sessionFor(traceId: string, sessionOf?: Record<string, string>): string {
    const named = sessionOf?.[traceId];
    return named && !this.forceSession ? `konnect:${named}` : this.defaultSession.id;
  }

  private newId(sid: string, kind: 'p' | 'c'): string {
    return `${sid}|${kind}:${this.importId}:${(this.seq++).toString(36)}`;
  }

  /**
   * Checks the session rows read in this transaction: a session is the import's alone when it does not
   * exist yet or the import created it and wrote its latest batch. Returns whether one was found shared.
   */
  private checkSessions(reads: Reads, sids: Iterable<string>): boolean {
    let found = false;
    for (const sid of sids) {
      const row = reads.row<SessionRow>('sessions', sid);
      if (!row && this.sessions.has(sid)) this.forgetSession(sid);
      const alone = !row || (row.importId === this.importId && row.lastWriter === this.importId);
      if (!alone && !this.shared.has(sid)) {
        this.shared.add(sid);
        found = true;
      }
    }
    return found;
  }

  /** The session was deleted while the import ran (and its rows with it): nothing of it is stored now. */
  private forgetSession(sid: string): void {
    const prefix = traceKey(sid, '');
    for (const k of this.pageOf.keys()) if (k.startsWith(prefix)) this.pageOf.delete(k);
    for (const keys of Object.values(this.written)) for (const k of keys) if (k.startsWith(prefix)) keys.delete(k);
    this.open.delete(sid);
  }

  private group(input: WriteInput): Grouped {
    // spans: one document per trace, merged with what is stored
    const incoming = new Map<string, Incoming>();
    for (const t of input.traces) {
      const sid = this.sessionFor(t.traceId, input.sessionOf);
      const key = traceKey(sid, t.traceId);
      const prev = incoming.get(key)?.trace;
      incoming.set(key, { sid, traceId: t.traceId, trace: prev ? mergeTraceSpans(prev, t) : t });
    }
    // summaries come one per trace (a decoder gathers each trace's spans of its segment)
    for (const s of input.summaries ?? []) {
      const sid = this.sessionFor(s.traceId, input.sessionOf);
      incoming.set(traceKey(sid, s.traceId), { sid, traceId: s.traceId, summary: s });
    }
    // logs: one document per trace; lines naming no trace go to the session's '' document
    const logGroups = new Map<string, { sid: string; traceId: string; records: LogRecord[] }>();
    for (const r of input.logs) {
      const sid = this.sessionFor(r.traceId, input.sessionOf);
      const key = traceKey(sid, r.traceId);
      let g = logGroups.get(key);
      if (!g) logGroups.set(key, (g = { sid, traceId: r.traceId, records: [] }));
      g.records.push(r);
    }
    // payloads: sanitized at decode; one per trace
    const payloadRows: PayloadRow[] = input.payloads.map((p) => {
      const sid = this.sessionFor(p.traceId, input.sessionOf);
      return { id: traceKey(sid, p.traceId), sessionId: sid, payload: p, importId: this.importId };
    });
    const sids = new Set<string>();
    for (const v of incoming.values()) sids.add(v.sid);
    for (const g of logGroups.values()) sids.add(g.sid);
    for (const p of payloadRows) sids.add(p.sessionId);
    return { incoming, logGroups, payloadRows, sids };
  }

  /**
   * Writes one batch in one transaction. One at a time: each relies on what the previous one wrote, but
   * the next may start as soon as this one has called `issued` (its rows are handed to IndexedDB, which
   * runs the transactions in order): the next batch's source lines are then put while this one commits.
   */
  async write(input: WriteInput, issued?: () => void): Promise<void> {
    const { incoming, logGroups, payloadRows, sids } = this.group(input);
    const { db } = this;
    // source lines of new traces in a session this import created and alone writes into: they will be
    // stored whatever the lookups find, so they are put first (while the previous transaction commits)
    const chunkRows: ChunkRow[] = [];
    const sourceIds = new Map<string, string>();
    const sourceByNo = new Map(input.source?.chunks.map((c) => [c.no, c]));
    const sourceChunk = (sid: string, no: number): string => {
      const k = `${sid}\n${no}`;
      let id = sourceIds.get(k);
      if (id === undefined) {
        const data = sourceByNo.get(no)?.bytes;
        id = this.newId(sid, 'c');
        sourceIds.set(k, id);
        if (data) chunkRows.push({ id, sessionId: sid, kind: 'otlp-jsonl', data, importId: this.importId });
      }
      return id;
    };
    if (input.source) {
      for (const [key, inc] of incoming) {
        if (!this.sessions.has(inc.sid) || this.shared.has(inc.sid) || this.pageOf.has(key)) continue;
        for (const no of input.source.chunksOf[inc.traceId] ?? []) sourceChunk(inc.sid, no);
      }
    }
    const early = chunkRows.length;
    const failed: { error: DOMException | null } = { error: null };
    try {
      await db.transaction('rw', [db.sessions, db.pages, db.directory, db.chunks, db.logs, db.payloads, db.journal], async (tx) => {
        const idb = tx.idbtrans;
        idb.addEventListener('error', (e) => {
          failed.error ??= e.target instanceof IDBRequest ? e.target.error : null;
        });
        const putAll = (table: (typeof DATA_TABLES)[number] | 'sessions', rows: Iterable<unknown>) => {
          const store = idb.objectStore(table);
          for (const row of rows) store.put(row);
        };
        putAll('chunks', chunkRows);
        const journal: JournalRow[] = [];
        const remember = (table: JournalRow['table'], key: string, before: unknown, createdBy?: string) => {
          // nothing stored: nothing to restore (a row this import creates is removed by importId)
          if (before === undefined) return;
          const id = `${table}:${key}`;
          if (this.journaled.has(id)) return;
          this.journaled.add(id);
          if (createdBy !== this.importId) journal.push({ importId: this.importId, table, key, before });
        };
        const deltas = new Map<string, { traces: number; spans: number; logs: number }>();
        const delta = (sid: string) => {
          let d = deltas.get(sid);
          if (!d) deltas.set(sid, (d = { traces: 0, spans: 0, logs: 0 }));
          return d;
        };
        const reads = new Reads(db);
        const mayHave = (table: 'logs' | 'payloads', key: string, sid: string) => this.shared.has(sid) || this.written[table].has(key);

        // the session rows first: they tell whether anything else can be stored already
        for (const sid of sids) reads.need('sessions', sid);
        await reads.flush();
        this.checkSessions(reads, sids);
        // where stored traces are: pages this import wrote, or (in a shared session) the directory
        const dirs = new Map<string, DirectoryRow[]>();
        await Promise.all(
          [...sids]
            .filter((sid) => this.shared.has(sid))
            .map(async (sid) => dirs.set(sid, await db.directory.where('sessionId').equals(sid).toArray())),
        );
        const locate = (key: string, sid: string, traceId: string): string | undefined => {
          const known = this.pageOf.get(key);
          if (known !== undefined || !this.shared.has(sid)) return known;
          return dirs.get(sid)?.find((d) => directoryHas(d, traceId))?.id;
        };
        const located = new Map<string, string>();
        const want = (key: string, sid: string, traceId: string) => {
          const pid = located.get(key) ?? locate(key, sid, traceId);
          if (pid === undefined) return;
          located.set(key, pid);
          if (this.shared.has(sid) || this.open.get(sid)?.id !== pid) reads.need('pages', pid);
        };
        for (const [key, { sid, traceId }] of incoming) {
          want(key, sid, traceId);
          if (!located.has(key)) {
            // logs and payloads may have arrived before their trace (another file, or earlier lines)
            if (mayHave('logs', key, sid)) reads.need('logs', key);
            if (mayHave('payloads', key, sid)) reads.need('payloads', key);
          }
        }
        for (const [key, g] of logGroups) {
          if (mayHave('logs', key, g.sid)) reads.need('logs', key);
          if (g.traceId) want(key, g.sid, g.traceId);
        }
        for (const p of payloadRows) {
          if (mayHave('payloads', p.id, p.sessionId)) reads.need('payloads', p.id);
          want(p.id, p.sessionId, p.payload.traceId);
        }
        if (this.shared.size > 0) for (const sid of sids) if (this.shared.has(sid) && this.open.has(sid)) reads.need('pages', this.open.get(sid)!.id);
        await reads.flush();

        // pages as this batch changes them
        const pagesOut = new Map<string, Page>();
        const entryIndex = new Map<string, Map<string, number>>();
        const pageFor = (pid: string, sid: string): Page | undefined => {
          let page = pagesOut.get(pid);
          if (page) return page;
          const mine = this.open.get(sid);
          const storedRow = this.shared.has(sid) || mine?.id !== pid ? reads.row<PageRow>('pages', pid) : undefined;
          const stored = storedRow ? decodePage(storedRow) : mine?.id === pid && !this.shared.has(sid) ? mine : undefined;
          if (!stored) return undefined;
          remember('pages', pid, storedRow, stored.importId);
          if (storedRow) remember('directory', pid, directoryRow(stored), stored.importId);
          page = { ...stored, traces: [...stored.traces] };
          pagesOut.set(pid, page);
          if (mine?.id === pid) this.open.set(sid, page);
          return page;
        };
        const entryOf = (key: string, sid: string): { page: Page; i: number } | undefined => {
          const pid = located.get(key);
          const page = pid === undefined ? undefined : pageFor(pid, sid);
          if (!page) return undefined;
          let index = entryIndex.get(page.id);
          if (!index) {
            entryIndex.set(page.id, (index = new Map()));
            page.traces.forEach((t, i) => index!.set(t.id, i));
          }
          const i = index.get(key);
          return i === undefined ? undefined : { page, i };
        };

        // stored traces this batch adds spans to: read their chunks
        const existing = new Map<string, { page: Page; i: number }>();
        for (const [key, { sid }] of incoming) {
          const at = entryOf(key, sid);
          if (!at) continue;
          existing.set(key, at);
          for (const id of at.page.traces[at.i]!.chunks) reads.need('chunks', id);
        }
        await reads.flush();

        const toKtv = new Map<string, TraceSpans[]>();
        /** traces whose spans are not in source lines (merged ones, other formats): they go into ktv chunks */
        const unchunked: { sid: string; trace: TraceSpans; row: TraceRow }[] = [];
        // a row's own fields: counters kept from the stored row, else from logs and payloads stored before it
        const own = (key: string, sid: string, keep?: TraceRow) => ({
          id: key,
          sessionId: sid,
          logCount: keep?.logCount ?? reads.row<LogsRow>('logs', key)?.records.length ?? 0,
          hasPayload: keep?.hasPayload ?? !!reads.row('payloads', key),
          chunks: [] as string[],
        });
        const summary = (key: string, sid: string, trace: TraceSpans, keep?: TraceRow): TraceRow => ({
          ...summarizeTrace(trace, input.sessionOf?.[trace.traceId] ?? keep?.konnectSessionId ?? null),
          ...own(key, sid, keep),
        });

        // the spans of a trace given by its summary, from this batch's source chunks
        const incomingTrace = async (inc: Incoming): Promise<TraceSpans | null> =>
          inc.trace ??
          decodeSourceTrace(
            inc.traceId,
            (input.source?.chunksOf[inc.traceId] ?? []).map((no) => sourceByNo.get(no)?.bytes),
          );
        for (const [key, inc] of incoming) {
          const { sid } = inc;
          const d = delta(sid);
          const at = existing.get(key);
          if (at) {
            const trace = await incomingTrace(inc);
            if (!trace) continue;
            const old = at.page.traces[at.i]!;
            const stored = await traceFromChunks(db, trace.traceId, old.chunks.map((id) => reads.row<ChunkRow>('chunks', id)));
            const merged = stored ? mergeTraceSpans(stored, trace) : trace;
            const before = stored?.spans.length ?? 0;
            // nothing new (the same data again): the stored copy stays as it is
            if (merged.spans.length === before) continue;
            d.spans += merged.spans.length - before;
            const row = summary(key, sid, merged, old);
            at.page.traces[at.i] = row;
            unchunked.push({ sid, trace: merged, row });
            continue;
          }
          const nos = input.source?.chunksOf[inc.traceId];
          // a summary stands for spans kept as source lines; without them there is nothing to store
          if (inc.summary && !nos) throw new Error(`trace ${inc.traceId}: its summary came without the source lines holding its spans`);
          const row: TraceRow = inc.summary
            ? rowFromText(inc.summary, own(key, sid))
            : summary(key, sid, inc.trace!);
          d.traces++;
          d.spans += row.spanCount;
          if (nos) row.chunks = nos.map((no) => sourceChunk(sid, no));
          else unchunked.push({ sid, trace: inc.trace!, row });
          let page = this.open.get(sid);
          page = page ? pageFor(page.id, sid) : undefined;
          if (!page || page.traces.length >= PAGE_TRACES) {
            page = { id: this.newId(sid, 'p'), sessionId: sid, traces: [], importId: this.importId };
            this.open.set(sid, page);
            pagesOut.set(page.id, page);
          }
          page.traces.push(row);
          this.pageOf.set(key, page.id);
          located.set(key, page.id);
          entryIndex.get(page.id)?.set(key, page.traces.length - 1);
        }
        for (const s of unchunked) {
          let list = toKtv.get(s.sid);
          if (!list) toKtv.set(s.sid, (list = []));
          list.push(s.trace);
        }
        for (const [sid, traces] of toKtv) {
          const rowOf = new Map(unchunked.filter((s) => s.sid === sid).map((s) => [s.trace.traceId, s.row]));
          chunkRows.push(...ktvChunks(sid, traces, () => this.newId(sid, 'c'), this.importId, (t, id) => rowOf.get(t.traceId)!.chunks.push(id)));
        }

        const touchRow = (key: string, sid: string): TraceRow | undefined => {
          const at = entryOf(key, sid);
          if (!at) return undefined;
          const row = { ...at.page.traces[at.i]! };
          at.page.traces[at.i] = row;
          return row;
        };

        const logRows: LogsRow[] = [];
        for (const [key, g] of logGroups) {
          const old = reads.row<LogsRow>('logs', key);
          remember('logs', key, old, old?.importId);
          const seen = new Set((old?.records ?? []).map(logIdentity));
          const records = old ? [...old.records] : [];
          for (const r of g.records) {
            const id = logIdentity(r);
            if (seen.has(id)) continue;
            seen.add(id);
            records.push(r);
          }
          delta(g.sid).logs += records.length - (old?.records.length ?? 0);
          logRows.push({ id: key, sessionId: g.sid, traceId: g.traceId, records, importId: old ? old.importId : this.importId });
          const row = g.traceId ? touchRow(key, g.sid) : undefined;
          if (row) row.logCount = records.length;
        }

        for (const p of payloadRows) {
          const old = reads.row<PayloadRow>('payloads', p.id);
          remember('payloads', p.id, old, old?.importId);
          if (old) p.importId = old.importId ?? this.importId;
          const row = touchRow(p.id, p.sessionId);
          if (row) row.hasPayload = true;
        }

        // sessions: created hidden, counters kept incrementally
        const now = Date.now();
        const sessionRows: SessionRow[] = [...sids].map((sid) => {
          const old = reads.row<SessionRow>('sessions', sid);
          remember('sessions', sid, old, old?.importId);
          const d = delta(sid);
          const own = sid === this.defaultSession.id;
          const base: SessionRow =
            old ??
            newSessionRow(
              {
                id: sid,
                name: own ? this.defaultSession.name : `Konnect session ${sid.slice('konnect:'.length, 'konnect:'.length + 8)}`,
                source: own ? this.defaultSession.source : 'konnect',
                status: 'importing',
                importId: this.importId,
                ...(own && this.defaultSession.meta ? { meta: this.defaultSession.meta } : {}),
              },
              now,
            );
          const files = new Set([...(base.files ?? []), ...(this.defaultSession.files ?? [])]);
          return {
            ...base,
            files: [...files],
            updatedAt: now,
            traceCount: base.traceCount + d.traces,
            spanCount: base.spanCount + d.spans,
            logCount: base.logCount + d.logs,
            lastWriter: this.importId,
          };
        });

        putAll('chunks', chunkRows.slice(early));
        putAll('pages', [...pagesOut.values()].map(encodePage));
        putAll('directory', [...pagesOut.values()].map(directoryRow));
        putAll('logs', logRows);
        putAll('payloads', payloadRows);
        for (const sid of sids) this.sessions.add(sid);
        for (const key of logGroups.keys()) this.written.logs.add(key);
        for (const p of payloadRows) this.written.payloads.add(p.id);
        for (const d of deltas.values()) {
          this.totals.traces += d.traces;
          this.totals.spans += d.spans;
          this.totals.logs += d.logs;
        }
        this.totals.payloads += payloadRows.length;
        // session rows too go straight on the transaction: views learn of the import when it commits
        putAll('sessions', sessionRows);
        const last = journal.length ? db.journal.bulkAdd(journal) : Promise.resolve();
        issued?.();
        await last;
      });
    } catch (e) {
      // a request's own error says more than the abort it caused (and than the aborts of the others)
      throw failed.error && failed.error.name !== 'AbortError' ? failed.error : e;
    }
  }

  /** Makes the import visible and forgets its journal. */
  async commit(): Promise<WriteTotals> {
    const { db } = this;
    await db.transaction('rw', [db.sessions, db.journal], async () => {
      for (const sid of this.sessions) {
        const row = await db.sessions.get(sid);
        if (!row || (row.importId !== this.importId && row.lastWriter !== this.importId)) continue;
        const { importId, lastWriter: _done, ...rest } = row;
        if (importId === this.importId) await db.sessions.put({ ...rest, status: 'ready' });
        else await db.sessions.put(importId === undefined ? rest : { ...rest, importId });
      }
      await db.journal.where('importId').equals(this.importId).delete();
    });
    announceDataChanged(db);
    this.totals.sessionIds = [...this.sessions];
    return this.totals;
  }

  async rollback(): Promise<void> {
    await rollbackImport(this.db, this.importId);
  }
}

/** Undoes an import: deletes what it created, restores what it changed. Safe to run twice. */
export async function rollbackImport(db: KtvDb, importId: string): Promise<void> {
  await db.transaction('rw', [db.sessions, db.pages, db.directory, db.chunks, db.logs, db.payloads, db.journal], () =>
    // a journal entry naming a table this version no longer has is skipped (the upgrade undid those)
    undoImport((name) => db.tables.find((t) => t.name === name), DATA_TABLES, importId),
  );
}

/** Undoes imports a crash or a closed window left unfinished. Returns how many. */
export async function recoverUnfinishedImports(db: KtvDb): Promise<number> {
  const fromJournal = (await db.journal.orderBy('importId').uniqueKeys()) as string[];
  const fromSessions = (await db.sessions.toArray()).map((s) => s.importId).filter((id): id is string => !!id);
  const ids = [...new Set([...fromJournal, ...fromSessions])];
  for (const id of ids) await rollbackImport(db, id);
  return ids.length;
}

/**
 * Tells live queries in every tab and worker that the data tables changed. Batches put their rows on the
 * IndexedDB transaction directly, out of Dexie's sight, so the views refresh once, when the import is done.
 */
function announceDataChanged(db: KtvDb): void {
  const everything = new RangeSet(Dexie.minKey, Dexie.maxKey);
  const parts: ObservabilitySet = {};
  for (const name of DATA_TABLES) {
    const part = `idb://${db.name}/${name}/`;
    parts[part] = parts[`${part}:dels`] = everything;
    for (const index of db.table(name).schema.indexes) parts[part + index.name] = everything;
  }
  Dexie.on.storagemutated.fire(parts);
}
