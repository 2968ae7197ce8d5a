/**
 * The pure parts of writing a batch (no IndexedDB): grouping a batch by the rows it writes, what an import
 * remembers between its batches, and merging log lines and payloads with what is stored. `write-batch.ts`
 * runs them between its rounds of reads.
 */
import type { SourceChunk } from '../../shared/decode/api';
import { WAITING_SESSION_ID } from '../../shared/ids';
import { mergeTraceSpans } from '../../shared/model/merge';
import type { LogRecord, Payload, TraceSpans } from '../../shared/model/types';
import type { SessionRouting } from './session-routing';
import { traceKey, type LogsRow, type Page, type PayloadRow, type SessionRow, type SummaryText } from './schema';

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

/**
 * Where log lines and payloads naming a trace that is stored nowhere yet wait for it (issue 13: Konnect
 * keeps payloads and logs apart from traces, so they may be opened first). Not a session: no row in
 * `sessions`, never listed; a trace written later takes its waiting rows into its own session.
 */
export const WAITING = WAITING_SESSION_ID;

/** A trace of the batch, with the session it goes to. */
export interface Incoming {
  sid: string;
  traceId: string;
  trace?: TraceSpans;
  summary?: SummaryText;
}

/** Log lines of one trace (or of no trace: traceId '') for one session. */
export interface LogGroup {
  sid: string;
  traceId: string;
  records: LogRecord[];
}

interface PayloadIn {
  sid: string;
  traceId: string;
  payload: Payload;
}

/** One batch, grouped by the rows it writes; keys are traceKey(session, trace). */
export interface BatchPlan {
  incoming: Map<string, Incoming>;
  logs: Map<string, LogGroup>;
  payloads: Map<string, PayloadIn>;
}

/** Step 1, plan the batch: one entry per trace, per trace's log lines and per payload, each routed to its session. */
export function planBatch(input: WriteInput, routing: SessionRouting): BatchPlan {
  const route = (traceId: string) => routing.sessionFor(traceId, input.sessionOf);
  const incoming = new Map<string, Incoming>();
  for (const t of input.traces) {
    const sid = route(t.traceId);
    const key = traceKey(sid, t.traceId);
    const prev = incoming.get(key)?.trace;
    incoming.set(key, { sid, traceId: t.traceId, trace: prev ? mergeTraceSpans(prev, t) : t });
  }
  // summaries come one per trace (a decoder gathers each trace's spans of its segment)
  for (const s of input.summaries ?? []) {
    const sid = route(s.traceId);
    incoming.set(traceKey(sid, s.traceId), { sid, traceId: s.traceId, summary: s });
  }
  const logs = new Map<string, LogGroup>();
  for (const r of input.logs) addLogs(logs, route(r.traceId), r.traceId, [r]);
  const payloads = new Map<string, PayloadIn>();
  for (const p of input.payloads) {
    const sid = route(p.traceId);
    payloads.set(traceKey(sid, p.traceId), { sid, traceId: p.traceId, payload: p });
  }
  return { incoming, logs, payloads };
}

function addLogs(groups: Map<string, LogGroup>, sid: string, traceId: string, records: readonly LogRecord[]): void {
  const key = traceKey(sid, traceId);
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { sid, traceId, records: [] }));
  for (const r of records) g.records.push(r);
}

/** The sessions a plan writes into (the waiting place is not one). */
export function planSessions(plan: BatchPlan): Set<string> {
  const sids = new Set<string>();
  for (const v of plan.incoming.values()) sids.add(v.sid);
  for (const g of plan.logs.values()) sids.add(g.sid);
  for (const p of plan.payloads.values()) sids.add(p.sid);
  sids.delete(WAITING);
  return sids;
}

/**
 * Moves the log lines and payload of trace keys `from` to session `to` (attaching them to a trace stored
 * there, or to the waiting place). Returns the new keys. Records already in the target group are kept.
 */
export function moveAttachments(plan: BatchPlan, from: string, targets: readonly string[]): string[] {
  const logs = plan.logs.get(from);
  const payload = plan.payloads.get(from);
  plan.logs.delete(from);
  plan.payloads.delete(from);
  const keys: string[] = [];
  for (const sid of targets) {
    const traceId = logs?.traceId ?? payload!.traceId;
    const key = traceKey(sid, traceId);
    keys.push(key);
    if (logs) addLogs(plan.logs, sid, traceId, logs.records);
    if (payload && !plan.payloads.has(key)) plan.payloads.set(key, { ...payload, sid });
  }
  return keys;
}

const logIdentity = (r: LogRecord): string =>
  `${r.timeNs}|${r.spanId}|${r.severityNumber}|${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}`;

/** Log lines merged by identity: the stored ones first, then the new ones not seen yet. */
function mergeLogRecords(stored: readonly LogRecord[], incoming: readonly LogRecord[]): LogRecord[] {
  const seen = new Set(stored.map(logIdentity));
  const records = [...stored];
  for (const r of incoming) {
    const id = logIdentity(r);
    if (seen.has(id)) continue;
    seen.add(id);
    records.push(r);
  }
  return records;
}

/** Whether a payload adds anything to the stored one (the same payload again is not new). */
export const payloadIsNew = (stored: PayloadRow | undefined, payload: Payload): boolean =>
  !stored || JSON.stringify(stored.payload) !== JSON.stringify(payload);

/** A logs row as a batch leaves it (`importId` stays the creator's, so a rollback deletes only what it created). */
export function logsRow(key: string, group: LogGroup, stored: LogsRow | undefined, importId: string): LogsRow {
  const records = mergeLogRecords(stored?.records ?? [], group.records);
  return { id: key, sessionId: group.sid, traceId: group.traceId, records, importId: stored ? (stored.importId as string) : importId };
}

/** What an import remembers between its batches, so a fresh import into its own session looks little up. */
export class ImportMemory {
  /** journal entries written (table:key), so each row's before-image is taken once */
  readonly journaled = new Set<string>();
  /** sessions this import has written a batch into */
  readonly sessions = new Set<string>();
  /** trace key -> page id, for the traces this import has written */
  readonly pageOf = new Map<string, string>();
  /** keys of the logs and payloads rows this import has written */
  readonly written: Record<'logs' | 'payloads', Set<string>> = { logs: new Set(), payloads: new Set() };
  /** per session, the page this import is filling (created by it) */
  readonly open = new Map<string, Page>();
  /** sessions that existed before the import, or another import also writes into: every key is looked up */
  readonly shared = new Set<string>();
  private seq = 0;

  constructor(readonly importId: string) {}

  newId(sid: string, kind: 'p' | 'c'): string {
    return `${sid}|${kind}:${this.importId}:${(this.seq++).toString(36)}`;
  }

  /**
   * Step 2, classify the sessions from their rows as read in this transaction: a session is the import's
   * alone when it does not exist yet, or the import created it and wrote its latest batch.
   */
  classify(rows: ReadonlyMap<string, SessionRow | undefined>): void {
    for (const [sid, row] of rows) {
      if (!row && this.sessions.has(sid)) this.forgetSession(sid);
      const alone = !row || (row.importId === this.importId && row.lastWriter === this.importId);
      if (!alone) this.shared.add(sid);
    }
  }

  /** Whether a logs or payloads row under `key` may be stored already (else it is known absent). */
  mayHave(table: 'logs' | 'payloads', key: string, sid: string): boolean {
    return this.shared.has(sid) || this.written[table].has(key);
  }

  /** The session was deleted while the import ran (and its rows with it): nothing of it is stored now. */
  private forgetSession(sid: string): void {
    const prefix = traceKey(sid, '');
    for (const k of this.pageOf.keys()) if (k.startsWith(prefix)) this.pageOf.delete(k);
    for (const keys of Object.values(this.written)) for (const k of keys) if (k.startsWith(prefix)) keys.delete(k);
    this.open.delete(sid);
  }
}
