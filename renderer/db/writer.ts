/**
 * Writes decoded batches into the store for one import, so that the import is all-or-nothing:
 * - every batch is one transaction;
 * - rows the import creates carry its importId; rows it changes get a before-image in `journal`;
 * - sessions it creates stay hidden (importId set) until `commit()`;
 * - `rollback()` deletes what it created and restores what it changed, in one transaction.
 * Spans are merged by (traceId, spanId) and log lines by identity, so the same data twice is never
 * stored twice.
 *
 * Speed (issue 3): a fresh import into a session it created looks almost nothing up. The writer remembers
 * the keys it wrote; while the session row, read first in each batch, shows the import as the session's
 * creator and only writer (`lastWriter`), a key it has not written cannot be stored yet. Data rows are put
 * straight on the IndexedDB transaction, out of Dexie's sight (no per-request promise, no live-query
 * refresh of every view after every batch); `commit()` tells live queries once that the data changed.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { mergeTraceSpans } from '../../shared/model/merge';
import type { LogRecord, Payload, TraceSpans } from '../../shared/model/types';
import { summarizeTrace } from '../../shared/kong/summary';
import type { SessionInit } from './ingest-types';
import { newSessionRow, traceKey, type JournalRow, type KtvDb, type LogsRow, type PayloadRow, type SessionRow, type SpansRow, type TraceRow } from './schema';

export interface WriteInput {
  traces: TraceSpans[];
  logs: LogRecord[];
  payloads: Payload[];
  /** traceId -> Konnect session id named by the data */
  sessionOf?: Record<string, string>;
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

type DataTable = 'spans' | 'traces' | 'logs' | 'payloads';
type ReadTable = DataTable | 'sessions';
const DATA_TABLES: DataTable[] = ['spans', 'traces', 'logs', 'payloads'];

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
interface Grouped {
  incoming: Map<string, { sid: string; trace: TraceSpans }>;
  logGroups: Map<string, { sid: string; traceId: string; records: LogRecord[] }>;
  payloadRows: PayloadRow[];
  sids: Set<string>;
}

export class ImportWriter {
  private journaled = new Set<string>();
  /** sessions this import has written a batch into */
  private sessions = new Set<string>();
  /**
   * Keys this import has written, per table (spans and traces rows go together). In a session the import
   * created and alone writes into, a key not listed cannot be stored yet, so it is not looked up.
   */
  private written: Record<'traces' | 'logs' | 'payloads', Set<string>> = { traces: new Set(), logs: new Set(), payloads: new Set() };
  /** sessions that existed before the import, or another import also writes into: every key is looked up */
  private shared = new Set<string>();
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

  /** Whether a row of `table` at `key` may be stored already. */
  private mayExist(table: DataTable, key: string, sid: string): boolean {
    return this.shared.has(sid) || this.written[table === 'spans' ? 'traces' : table].has(key);
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
    for (const keys of Object.values(this.written)) for (const k of keys) if (k.startsWith(prefix)) keys.delete(k);
  }

  private group(input: WriteInput): Grouped {
    // spans: one document per trace, merged with what is stored
    const incoming = new Map<string, { sid: string; trace: TraceSpans }>();
    for (const t of input.traces) {
      const sid = this.sessionFor(t.traceId, input.sessionOf);
      const key = traceKey(sid, t.traceId);
      const prev = incoming.get(key);
      incoming.set(key, { sid, trace: prev ? mergeTraceSpans(prev.trace, t) : t });
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

  /** Writes one batch in one transaction. One at a time: each relies on what the previous one wrote. */
  async write(input: WriteInput): Promise<void> {
    const { incoming, logGroups, payloadRows, sids } = this.group(input);
    const { db } = this;
    const failed: { error: DOMException | null } = { error: null };
    try {
      await db.transaction('rw', [db.sessions, db.traces, db.spans, db.logs, db.payloads, db.journal], async (tx) => {
        const idb = tx.idbtrans;
        idb.addEventListener('error', (e) => {
          failed.error ??= e.target instanceof IDBRequest ? e.target.error : null;
        });
        const putAll = (table: DataTable, rows: Iterable<unknown>) => {
          const store = idb.objectStore(table);
          for (const row of rows) store.put(row);
        };
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
        const spanRows: SpansRow[] = [];
        const rowByKey = new Map<string, TraceRow>();
        const payloadKeys = new Set(payloadRows.map((p) => p.id));
        const addTrace = (key: string, sid: string, trace: TraceSpans) => {
          const old = reads.row<SpansRow>('spans', key);
          const oldRow = reads.row<TraceRow>('traces', key);
          remember('spans', key, old, old?.importId);
          remember('traces', key, oldRow, oldRow?.importId);
          const merged = old ? mergeTraceSpans(old.trace, trace) : trace;
          const d = delta(sid);
          if (!old) d.traces++;
          d.spans += merged.spans.length - (old?.trace.spans.length ?? 0);
          spanRows.push({ id: key, sessionId: sid, trace: merged, importId: old ? old.importId : this.importId });
          const summary = summarizeTrace(merged, input.sessionOf?.[trace.traceId] ?? oldRow?.konnectSessionId ?? null);
          rowByKey.set(key, {
            ...summary,
            id: key,
            sessionId: sid,
            logCount: oldRow?.logCount ?? reads.row<LogsRow>('logs', key)?.records.length ?? 0,
            hasPayload: oldRow?.hasPayload ?? !!reads.row('payloads', key),
            importId: oldRow ? oldRow.importId : this.importId,
          });
        };

        // look up only rows that may exist; the session rows come in the same round trip (a session not
        // seen before is taken as new), and keys of a session found shared are looked up in a second one
        const plan = () => {
          for (const [key, { sid }] of incoming) {
            if (this.mayExist('traces', key, sid)) {
              reads.need('spans', key);
              reads.need('traces', key);
            }
          }
          for (const [key, g] of logGroups) {
            if (this.mayExist('logs', key, g.sid)) reads.need('logs', key);
            // log counts live on trace rows too, for the list
            if (g.traceId && !incoming.has(key) && this.mayExist('traces', key, g.sid)) reads.need('traces', key);
          }
          for (const p of payloadRows) {
            if (this.mayExist('payloads', p.id, p.sessionId)) reads.need('payloads', p.id);
            if (!incoming.has(p.id) && this.mayExist('traces', p.id, p.sessionId)) reads.need('traces', p.id);
          }
        };
        for (const sid of sids) reads.need('sessions', sid);
        plan();
        await reads.flush();
        if (this.checkSessions(reads, sids)) {
          plan();
          await reads.flush();
        }
        // logs and payloads may have arrived before their trace (another file, or earlier lines)
        for (const [key, { sid }] of incoming) {
          if (reads.row('traces', key)) continue;
          if (this.mayExist('logs', key, sid)) reads.need('logs', key);
          if (this.mayExist('payloads', key, sid)) reads.need('payloads', key);
        }
        await reads.flush();

        for (const [key, { sid, trace }] of incoming) addTrace(key, sid, trace);
        // rows this batch did not bring, whose log count or payload flag changes
        const touchRow = (key: string): TraceRow | undefined => {
          let row = rowByKey.get(key);
          if (row) return row;
          const stored = reads.row<TraceRow>('traces', key);
          if (!stored) return undefined;
          remember('traces', key, stored, stored.importId);
          rowByKey.set(key, (row = { ...stored }));
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
          const row = g.traceId ? touchRow(key) : undefined;
          if (row) row.logCount = records.length;
        }

        for (const p of payloadRows) {
          const old = reads.row<PayloadRow>('payloads', p.id);
          remember('payloads', p.id, old, old?.importId);
          if (old) p.importId = old.importId ?? this.importId;
          const row = touchRow(p.id);
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

        putAll('spans', spanRows);
        putAll('traces', rowByKey.values());
        putAll('logs', logRows);
        putAll('payloads', payloadRows);
        for (const sid of sids) this.sessions.add(sid);
        for (const key of incoming.keys()) this.written.traces.add(key);
        for (const key of logGroups.keys()) this.written.logs.add(key);
        for (const key of payloadKeys) this.written.payloads.add(key);
        for (const d of deltas.values()) {
          this.totals.traces += d.traces;
          this.totals.spans += d.spans;
          this.totals.logs += d.logs;
        }
        this.totals.payloads += payloadRows.length;
        await Promise.all([journal.length ? db.journal.bulkAdd(journal) : undefined, db.sessions.bulkPut(sessionRows)]);
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
  await db.transaction('rw', [db.sessions, db.traces, db.spans, db.logs, db.payloads, db.journal], async () => {
    await Promise.all([
      db.traces.where('importId').equals(importId).delete(),
      db.spans.where('importId').equals(importId).delete(),
      db.logs.where('importId').equals(importId).delete(),
      db.payloads.where('importId').equals(importId).delete(),
    ]);
    const created = await db.sessions.filter((s) => s.importId === importId).primaryKeys();
    await db.sessions.bulkDelete(created);
    const entries = await db.journal.where('importId').equals(importId).toArray();
    for (const e of entries) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await (db[e.table] as any).put(e.before);
    }
    await db.journal.where('importId').equals(importId).delete();
  });
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
