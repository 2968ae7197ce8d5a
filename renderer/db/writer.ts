/**
 * Writes decoded batches into the store for one import, so that the import is all-or-nothing:
 * - every batch is one transaction;
 * - rows the import creates carry its importId; rows it changes get a before-image in `journal`;
 * - sessions it creates stay hidden (importId set) until `commit()`;
 * - `rollback()` deletes what it created and restores what it changed, in one transaction.
 * Spans are merged by (traceId, spanId) and log lines by identity, so the same data twice is never
 * stored twice.
 */
import { mergeTraceSpans } from '../../shared/model/merge';
import type { LogRecord, Payload, TraceSpans } from '../../shared/model/types';
import { summarizeTrace } from '../../shared/kong/summary';
import type { SessionInit } from './ingest-types';
import { traceKey, type JournalRow, type KtvDb, type LogsRow, type SessionRow, type TraceRow } from './schema';

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

export class ImportWriter {
  private journaled = new Set<string>();
  private sessions = new Set<string>();
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

  async write(input: WriteInput): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.sessions, db.traces, db.spans, db.logs, db.payloads, db.journal], async () => {
      const journal: JournalRow[] = [];
      const remember = (table: JournalRow['table'], key: string, before: unknown, createdBy?: string) => {
        const id = `${table}:${key}`;
        if (this.journaled.has(id)) return;
        this.journaled.add(id);
        // a row this import created is removed by importId on rollback: no before-image needed
        if (before !== undefined && createdBy !== this.importId) journal.push({ importId: this.importId, table, key, before });
      };
      const deltas = new Map<string, { traces: number; spans: number; logs: number }>();
      const delta = (sid: string) => {
        let d = deltas.get(sid);
        if (!d) deltas.set(sid, (d = { traces: 0, spans: 0, logs: 0 }));
        return d;
      };

      // spans: one document per trace, merged with what is stored
      const incoming = new Map<string, { sid: string; trace: TraceSpans }>();
      for (const t of input.traces) {
        const sid = this.sessionFor(t.traceId, input.sessionOf);
        const key = traceKey(sid, t.traceId);
        const prev = incoming.get(key);
        incoming.set(key, { sid, trace: prev ? mergeTraceSpans(prev.trace, t) : t });
      }
      const keys = [...incoming.keys()];
      const [oldSpans, oldRows] = await Promise.all([db.spans.bulkGet(keys), db.traces.bulkGet(keys)]);
      // logs and payloads may have arrived before their trace (another file, or earlier lines)
      const fresh = keys.filter((_k, i) => !oldRows[i]);
      const [earlierLogs, earlierPayloads] = fresh.length
        ? await Promise.all([db.logs.bulkGet(fresh), db.payloads.bulkGet(fresh)])
        : [[], []];
      const earlier = new Map(fresh.map((k, i) => [k, { logs: earlierLogs[i]?.records.length ?? 0, payload: !!earlierPayloads[i] }]));
      const spanRows = [];
      const traceRows: TraceRow[] = [];
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        const { sid, trace } = incoming.get(key)!;
        const old = oldSpans[i];
        const oldRow = oldRows[i];
        remember('spans', key, old, old?.importId);
        remember('traces', key, oldRow, oldRow?.importId);
        const merged = old ? mergeTraceSpans(old.trace, trace) : trace;
        const d = delta(sid);
        if (!old) d.traces++;
        d.spans += merged.spans.length - (old?.trace.spans.length ?? 0);
        spanRows.push({ id: key, sessionId: sid, trace: merged, importId: old ? old.importId : this.importId });
        const summary = summarizeTrace(merged, input.sessionOf?.[trace.traceId] ?? oldRow?.konnectSessionId ?? null);
        traceRows.push({
          ...summary,
          id: key,
          sessionId: sid,
          logCount: oldRow?.logCount ?? earlier.get(key)?.logs ?? 0,
          hasPayload: oldRow?.hasPayload ?? earlier.get(key)?.payload ?? false,
          importId: oldRow ? oldRow.importId : this.importId,
        });
      }
      const rowByKey = new Map(traceRows.map((r) => [r.id, r]));

      // logs: one document per trace; lines naming no trace go to the session's '' document
      const logGroups = new Map<string, { sid: string; traceId: string; records: LogRecord[] }>();
      for (const r of input.logs) {
        const sid = this.sessionFor(r.traceId, input.sessionOf);
        const key = traceKey(sid, r.traceId);
        let g = logGroups.get(key);
        if (!g) logGroups.set(key, (g = { sid, traceId: r.traceId, records: [] }));
        g.records.push(r);
      }
      const logKeys = [...logGroups.keys()];
      const oldLogs = logKeys.length ? await db.logs.bulkGet(logKeys) : [];
      const logRows: LogsRow[] = [];
      const missingRows: string[] = [];
      for (let i = 0; i < logKeys.length; i++) {
        const key = logKeys[i]!;
        const g = logGroups.get(key)!;
        const old = oldLogs[i];
        remember('logs', key, old, old?.importId);
        const seen = new Set((old?.records ?? []).map(logIdentity));
        const records = old ? [...old.records] : [];
        for (const r of g.records) {
          const id = logIdentity(r);
          if (seen.has(id)) continue;
          seen.add(id);
          records.push(r);
        }
        const added = records.length - (old?.records.length ?? 0);
        delta(g.sid).logs += added;
        logRows.push({ id: key, sessionId: g.sid, traceId: g.traceId, records, importId: old ? old.importId : this.importId });
        if (g.traceId && !rowByKey.has(key)) missingRows.push(key);
      }
      // log counts live on trace rows too, for the list; fetch rows this batch did not touch
      const extraRows = missingRows.length ? await db.traces.bulkGet(missingRows) : [];
      extraRows.forEach((row, i) => {
        if (!row) return;
        remember('traces', missingRows[i]!, row, row.importId);
        rowByKey.set(row.id, { ...row });
      });
      for (const lr of logRows) {
        const row = rowByKey.get(lr.id);
        if (row) row.logCount = lr.records.length;
      }

      // payloads: sanitized at decode; one per trace
      const payloadRows = input.payloads.map((p) => {
        const sid = this.sessionFor(p.traceId, input.sessionOf);
        return { id: traceKey(sid, p.traceId), sessionId: sid, payload: p, importId: this.importId };
      });
      if (payloadRows.length) {
        const oldPayloads = await db.payloads.bulkGet(payloadRows.map((r) => r.id));
        oldPayloads.forEach((old, i) => {
          remember('payloads', payloadRows[i]!.id, old, old?.importId);
          if (old) payloadRows[i]!.importId = old.importId ?? this.importId;
        });
        const missing = payloadRows.map((r) => r.id).filter((id) => !rowByKey.has(id));
        const rows = missing.length ? await db.traces.bulkGet(missing) : [];
        rows.forEach((row, i) => {
          if (!row) return;
          remember('traces', missing[i]!, row, row.importId);
          rowByKey.set(row.id, { ...row });
        });
        for (const p of payloadRows) {
          const row = rowByKey.get(p.id);
          if (row) row.hasPayload = true;
        }
      }

      // sessions: created hidden, counters kept incrementally
      const sids = [...deltas.keys()];
      for (const p of payloadRows) if (!deltas.has(p.sessionId)) delta(p.sessionId);
      const allSids = [...new Set([...sids, ...deltas.keys()])];
      const oldSessions = await db.sessions.bulkGet(allSids);
      const now = Date.now();
      const sessionRows: SessionRow[] = allSids.map((sid, i) => {
        const old = oldSessions[i];
        remember('sessions', sid, old, old?.importId);
        this.sessions.add(sid);
        const d = deltas.get(sid)!;
        const base: SessionRow = old ?? {
          id: sid,
          name: sid === this.defaultSession.id ? this.defaultSession.name : `Konnect session ${sid.slice('konnect:'.length, 'konnect:'.length + 8)}`,
          source: sid === this.defaultSession.id ? this.defaultSession.source : 'konnect',
          createdAt: now,
          updatedAt: now,
          status: 'importing',
          traceCount: 0,
          spanCount: 0,
          logCount: 0,
          pinned: false,
          importId: this.importId,
          ...(sid === this.defaultSession.id && this.defaultSession.meta ? { meta: this.defaultSession.meta } : {}),
        };
        const files = new Set([...(base.files ?? []), ...(this.defaultSession.files ?? [])]);
        return {
          ...base,
          files: [...files],
          updatedAt: now,
          traceCount: base.traceCount + d.traces,
          spanCount: base.spanCount + d.spans,
          logCount: base.logCount + d.logs,
        };
      });

      await Promise.all([
        journal.length ? db.journal.bulkAdd(journal) : undefined,
        spanRows.length ? db.spans.bulkPut(spanRows) : undefined,
        rowByKey.size ? db.traces.bulkPut([...rowByKey.values()]) : undefined,
        logRows.length ? db.logs.bulkPut(logRows) : undefined,
        payloadRows.length ? db.payloads.bulkPut(payloadRows) : undefined,
        db.sessions.bulkPut(sessionRows),
      ]);
      for (const d of deltas.values()) {
        this.totals.traces += d.traces;
        this.totals.spans += d.spans;
        this.totals.logs += d.logs;
      }
      this.totals.payloads += payloadRows.length;
    });
  }

  /** Makes the import visible and forgets its journal. */
  async commit(): Promise<WriteTotals> {
    const { db } = this;
    await db.transaction('rw', [db.sessions, db.journal], async () => {
      for (const sid of this.sessions) {
        const row = await db.sessions.get(sid);
        if (row && row.importId === this.importId) {
          const { importId: _done, ...rest } = row;
          await db.sessions.put({ ...rest, status: 'ready' });
        }
      }
      await db.journal.where('importId').equals(this.importId).delete();
    });
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
