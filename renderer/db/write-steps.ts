/**
 * The synchronous steps of a batch's write (write-batch.ts runs them between its rounds of reads). Each
 * works on rows already read and on the batch's state (write-state.ts); none touches IndexedDB, so each is
 * tested on plain objects.
 */
import { mergeTraceSpans } from '../../shared/model/merge';
import type { TraceSpans } from '../../shared/model/types';
import { summarizeTrace } from '../../shared/kong/summary';
import { ktvChunks, traceFromChunks } from './chunks';
import type { SessionRouting } from './session-routing';
import { directoryHas, rowFromText, traceKey, type ChunkRow, type DirectoryRow, type LogsRow, type PayloadRow, type SessionRow, type TraceRow } from './schema';
import type { SourceChunks } from './source-chunks';
import { ImportMemory, WAITING, logsRow, moveAttachments, payloadIsNew, type BatchPlan, type WriteInput } from './write-plan';
import type { BatchRows, Deltas, Journal, PageEditor } from './write-state';

/** Finds the page of a stored trace: one this import wrote, or (in a shared session) through the directory. */
export type Locate = (key: string, sid: string, traceId: string) => string | undefined;

export function locator(memory: ImportMemory, dirs: ReadonlyMap<string, readonly DirectoryRow[]>): Locate {
  return (key, sid, traceId) => {
    const known = memory.pageOf.get(key);
    if (known !== undefined || !memory.shared.has(sid)) return known;
    return dirs.get(sid)?.find((d) => directoryHas(d, traceId))?.id;
  };
}

export function bySession(rows: readonly DirectoryRow[]): Map<string, DirectoryRow[]> {
  const dirs = new Map<string, DirectoryRow[]>();
  for (const row of rows) {
    let list = dirs.get(row.sessionId);
    if (!list) dirs.set(row.sessionId, (list = []));
    list.push(row);
  }
  return dirs;
}

/**
 * Log lines and payloads naming a trace that is neither in this batch nor written by this import: their
 * trace may be stored in any session (or nowhere yet), so the whole directory is read for them.
 */
export function looseKeys(plan: BatchPlan, memory: ImportMemory): string[] {
  return [...new Set([...plan.logs.keys(), ...plan.payloads.keys()])].filter((key) => {
    const traceId = plan.logs.get(key)?.traceId ?? plan.payloads.get(key)!.traceId;
    return traceId !== '' && !plan.incoming.has(key) && !memory.pageOf.has(key);
  });
}

/**
 * Step 3b: loose records whose trace is not stored in their own session go to every session that stores it
 * (Konnect keeps payloads and logs apart from traces), or wait for it. Returns the keys they moved to.
 */
export function routeLoose(plan: BatchPlan, loose: readonly string[], dirs: ReadonlyMap<string, readonly DirectoryRow[]>, locate: Locate): Set<string> {
  const moved = new Set<string>();
  const all = [...dirs.values()].flat();
  for (const key of loose) {
    const g = plan.logs.get(key) ?? plan.payloads.get(key)!;
    if (locate(key, g.sid, g.traceId) !== undefined) continue;
    const holders = [...new Set(all.filter((d) => d.sessionId !== g.sid && directoryHas(d, g.traceId)).map((d) => d.sessionId))];
    for (const k of moveAttachments(plan, key, holders.length > 0 ? holders : [WAITING])) moved.add(k);
  }
  return moved;
}

/** What the merge steps share. */
export interface MergeState {
  memory: ImportMemory;
  input: WriteInput;
  dbName: string;
  plan: BatchPlan;
  rows: BatchRows;
  pages: PageEditor;
  journal: Journal;
  deltas: Deltas;
  chunks: SourceChunks;
}

/** A row's own fields: counters kept from the stored row, else from logs and payloads stored before it. */
function ownFields(s: MergeState, key: string, sid: string, keep?: TraceRow) {
  return {
    id: key,
    sessionId: sid,
    logCount: keep?.logCount ?? s.rows.row<LogsRow>('logs', key)?.records.length ?? 0,
    hasPayload: keep?.hasPayload ?? !!s.rows.row('payloads', key),
    chunks: [] as string[],
  };
}

function summaryRow(s: MergeState, key: string, sid: string, trace: TraceSpans, keep?: TraceRow): TraceRow {
  return { ...summarizeTrace(trace, s.input.sessionOf?.[trace.traceId] ?? keep?.konnectSessionId ?? null), ...ownFields(s, key, sid, keep) };
}

/**
 * Step 5a: spans. A stored trace gets the batch's spans merged into what its chunks hold (nothing new: it
 * stays as it is); a new trace gets a row on its session's open page. Traces whose spans are not source
 * lines (merged ones, other formats) are written as `ktv` chunks. Returns the keys of the new traces.
 */
export function mergeSpans(s: MergeState, existing: ReadonlyMap<string, { page: { traces: TraceRow[] }; i: number }>): { key: string; sid: string; traceId: string }[] {
  const unchunked: { sid: string; trace: TraceSpans; row: TraceRow }[] = [];
  const placed: { key: string; sid: string; traceId: string }[] = [];
  for (const [key, inc] of s.plan.incoming) {
    const { sid } = inc;
    const d = s.deltas.of(sid);
    const at = existing.get(key);
    if (at) {
      const trace = s.chunks.trace(inc);
      if (!trace) continue;
      const old = at.page.traces[at.i]!;
      const stored = traceFromChunks(s.dbName, trace.traceId, old.chunks.map((id) => s.rows.row<ChunkRow>('chunks', id)));
      const merged = stored ? mergeTraceSpans(stored, trace) : trace;
      const before = stored?.spans.length ?? 0;
      if (merged.spans.length === before) continue;
      d.spans += merged.spans.length - before;
      const row = summaryRow(s, key, sid, merged, old);
      s.deltas.started(sid, row.startMs);
      at.page.traces[at.i] = row;
      unchunked.push({ sid, trace: merged, row });
      continue;
    }
    const nos = s.input.source?.chunksOf[inc.traceId];
    // a summary stands for spans kept as source lines; without them there is nothing to store
    if (inc.summary && !nos) throw new Error(`trace ${inc.traceId}: its summary came without the source lines holding its spans`);
    const row: TraceRow = inc.summary ? rowFromText(inc.summary, ownFields(s, key, sid)) : summaryRow(s, key, sid, inc.trace!);
    d.traces++;
    d.spans += row.spanCount;
    s.deltas.started(sid, row.startMs);
    if (nos) row.chunks = nos.map((no) => s.chunks.id(sid, no));
    else unchunked.push({ sid, trace: inc.trace!, row });
    s.pages.place(row);
    placed.push({ key, sid, traceId: inc.traceId });
  }
  const perSession = new Map<string, typeof unchunked>();
  for (const u of unchunked) {
    let list = perSession.get(u.sid);
    if (!list) perSession.set(u.sid, (list = []));
    list.push(u);
  }
  for (const [sid, list] of perSession) {
    const rowOf = new Map(list.map((u) => [u.trace.traceId, u.row]));
    const made = ktvChunks(sid, list.map((u) => u.trace), () => s.memory.newId(sid, 'c'), s.memory.importId, (t, id) => rowOf.get(t.traceId)!.chunks.push(id));
    s.chunks.rows.push(...made);
  }
  return placed;
}

/** Step 5b: log lines and payloads that waited for the traces just placed move into their session. Returns the waiting keys to delete. */
export function adoptWaiting(s: MergeState, placed: readonly { key: string; sid: string; traceId: string }[]): Record<'logs' | 'payloads', string[]> {
  const deletes: Record<'logs' | 'payloads', string[]> = { logs: [], payloads: [] };
  for (const { key, sid, traceId } of placed) {
    const wkey = traceKey(WAITING, traceId);
    const logs = s.rows.row<LogsRow>('logs', wkey);
    if (logs && !deletes.logs.includes(wkey)) {
      s.journal.remember('logs', wkey, s.rows.stored('logs', wkey), logs.importId);
      deletes.logs.push(wkey);
      let g = s.plan.logs.get(key);
      if (!g) s.plan.logs.set(key, (g = { sid, traceId, records: [] }));
      g.records = [...logs.records, ...g.records];
    }
    const payload = s.rows.row<PayloadRow>('payloads', wkey);
    if (payload && !deletes.payloads.includes(wkey)) {
      s.journal.remember('payloads', wkey, s.rows.stored('payloads', wkey), payload.importId);
      deletes.payloads.push(wkey);
      if (!s.plan.payloads.has(key)) s.plan.payloads.set(key, { sid, traceId, payload: payload.payload! });
    }
  }
  return deletes;
}

/** Step 5c: log lines merged by identity; only rows that gain lines are written. Calls `stored` for each. */
export function mergeLogs(s: MergeState, stored: (key: string, sid: string, traceId: string) => void): LogsRow[] {
  const out: LogsRow[] = [];
  for (const [key, g] of s.plan.logs) {
    const old = s.rows.row<LogsRow>('logs', key);
    const row = logsRow(key, g, old, s.memory.importId);
    const added = row.records.length - (old?.records.length ?? 0);
    if (added === 0) continue;
    s.journal.remember('logs', key, s.rows.stored('logs', key), old?.importId);
    out.push(row);
    stored(key, g.sid, g.traceId);
    if (g.sid === WAITING) continue;
    s.deltas.of(g.sid).logs += added;
    const trace = g.traceId ? s.pages.touch(key, g.sid) : undefined;
    if (trace) trace.logCount = row.records.length;
  }
  return out;
}

/** Step 5d: payloads (sanitized at decode), one per trace; the same payload again is not written. */
export function mergePayloads(s: MergeState, stored: (key: string, sid: string, traceId: string) => void): PayloadRow[] {
  const out: PayloadRow[] = [];
  const { importId } = s.memory;
  for (const [key, p] of s.plan.payloads) {
    const old = s.rows.row<PayloadRow>('payloads', key);
    if (!payloadIsNew(old, p.payload)) continue;
    s.journal.remember('payloads', key, s.rows.stored('payloads', key), old?.importId);
    out.push({ id: key, sessionId: p.sid, payload: p.payload, importId: old ? (old.importId ?? importId) : importId });
    stored(key, p.sid, p.traceId);
    if (p.sid === WAITING) continue;
    const trace = s.pages.touch(key, p.sid);
    if (trace) trace.hasPayload = true;
  }
  return out;
}

/** Step 6: the session rows, created hidden by the import, with counters kept incrementally. */
export function sessionRows(sids: Iterable<string>, stored: (sid: string) => SessionRow | undefined, deltas: Deltas, journal: Journal, routing: SessionRouting, importId: string, now: number): SessionRow[] {
  return [...sids].map((sid) => {
    const old = stored(sid);
    journal.remember('sessions', sid, old, old?.importId);
    const d = deltas.of(sid);
    const base = old ?? routing.newSession(sid, importId, now);
    // a session stored before the window was kept holds traces it does not know the start of: no window
    const known = base.firstTraceMs !== undefined || base.traceCount === 0;
    const firstMs = Math.min(base.firstTraceMs ?? Infinity, d.firstMs);
    const lastMs = Math.max(base.lastTraceMs ?? -Infinity, d.lastMs);
    return {
      ...base,
      ...(known && Number.isFinite(firstMs) ? { firstTraceMs: firstMs, lastTraceMs: lastMs } : {}),
      files: [...new Set([...(base.files ?? []), ...routing.files])],
      updatedAt: now,
      traceCount: base.traceCount + d.traces,
      spanCount: base.spanCount + d.spans,
      logCount: base.logCount + d.logs,
      lastWriter: importId,
    };
  });
}
