/**
 * One batch's write, as steps run inside one IndexedDB transaction by `runSteps` (idb-steps.ts): each
 * `yield` is a round of reads, everything between is synchronous (see write-plan.ts for the pure parts).
 *
 *   1. plan       group the batch by trace, routed to sessions                 (planBatch, before the transaction)
 *   2. sessions   read the session rows: which sessions hold data already        (ImportMemory.classify)
 *   3. locate     find stored traces (this import's pages, or the directory); log lines and payloads
 *                 naming a trace stored in no session of theirs go to the session that has it, or wait
 *   4. read       the pages, logs and payloads rows the batch changes, then the chunks of traces it merges into
 *   5. merge      spans into stored traces, new traces onto pages, log lines, payloads, waiting rows taken in
 *   6. apply      the rows to put, the before-images to journal, the session rows with their counters
 */
import type { TraceSpans } from '../../shared/model/types';
import { mergeTraceSpans } from '../../shared/model/merge';
import { summarizeTrace } from '../../shared/kong/summary';
import { decodeSourceTrace, ktvChunks, traceFromChunks } from './chunks';
import type { Read, Steps, Writes } from './idb-steps';
import type { SessionRouting } from './session-routing';
import {
  decodePage,
  directoryHas,
  directoryRow,
  encodePage,
  PAGE_TRACES,
  rowFromText,
  traceKey,
  type ChunkRow,
  type DirectoryRow,
  type JournalRow,
  type LogsRow,
  type Page,
  type PageRow,
  type PayloadRow,
  type SessionRow,
  type TraceRow,
} from './schema';
import { ImportMemory, WAITING, logsRow, moveAttachments, payloadIsNew, planSessions, type BatchPlan, type Incoming, type WriteInput } from './write-plan';

/** What a batch added, for the import's report. */
export interface BatchOutcome {
  traces: number;
  spans: number;
  logs: number;
  payloads: number;
  /** per session other than the one the data was routed to: the traces that got log lines / a payload */
  attached: Map<string, { logs: Set<string>; payloads: Set<string> }>;
  /** traces whose log lines / payload wait for them (stored nowhere yet) */
  waiting: { logs: Set<string>; payloads: Set<string> };
}

export interface BatchContext {
  memory: ImportMemory;
  routing: SessionRouting;
  dbName: string;
  input: WriteInput;
  now: number;
}

/** Source chunks of this batch as rows, each written once per session that uses it. */
export class SourceChunks {
  readonly rows: ChunkRow[] = [];
  /** how many of `rows` were put before the first read */
  putEarly = 0;
  private readonly ids = new Map<string, string>();
  private readonly byNo: Map<number, Uint8Array>;

  constructor(
    private readonly ctx: BatchContext,
  ) {
    this.byNo = new Map(ctx.input.source?.chunks.map((c) => [c.no, c.bytes]));
  }

  /** The id of source chunk `no` in session `sid`, adding its row the first time. */
  id(sid: string, no: number): string {
    const k = `${sid}\n${no}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      const data = this.byNo.get(no);
      id = this.ctx.memory.newId(sid, 'c');
      this.ids.set(k, id);
      if (data) this.rows.push({ id, sessionId: sid, kind: 'otlp-jsonl', data, importId: this.ctx.memory.importId });
    }
    return id;
  }

  /** The spans of a trace of this batch: given, or decoded from its source lines. */
  trace(inc: Incoming): TraceSpans | null {
    return inc.trace ?? decodeSourceTrace(inc.traceId, (this.ctx.input.source?.chunksOf[inc.traceId] ?? []).map((no) => this.byNo.get(no)));
  }

  /**
   * Source lines of new traces in a session this import created and alone writes into: stored whatever the
   * reads find, so they are put before the first read (while the previous transaction commits).
   */
  early(plan: BatchPlan): ChunkRow[] {
    const { memory, input } = this.ctx;
    if (!input.source) return [];
    for (const [key, inc] of plan.incoming) {
      if (!memory.sessions.has(inc.sid) || memory.shared.has(inc.sid) || memory.pageOf.has(key)) continue;
      for (const no of input.source.chunksOf[inc.traceId] ?? []) this.id(inc.sid, no);
    }
    this.putEarly = this.rows.length;
    return this.rows.slice();
  }
}

/** Rows read in this transaction, by table and key (absent: not stored, or known absent and not read). */
class Rows {
  private readonly got = new Map<string, Map<string, unknown>>();
  private readonly wanted = new Map<string, Set<string>>();

  need(table: 'sessions' | 'pages' | 'chunks' | 'logs' | 'payloads', key: string): void {
    if (this.got.get(table)?.has(key)) return;
    let keys = this.wanted.get(table);
    if (!keys) this.wanted.set(table, (keys = new Set()));
    keys.add(key);
  }

  /** The round of reads for what was asked since the last one. */
  round(): Read[] {
    const reads: Read[] = [];
    for (const [table, keys] of this.wanted) if (keys.size > 0) reads.push({ kind: 'get', table: table as Read['table'], keys: [...keys] });
    return reads;
  }

  /** Takes the answers of `round()`. */
  take(round: readonly Read[], answers: readonly unknown[]): void {
    round.forEach((read, i) => {
      if (read.kind !== 'get') return;
      let got = this.got.get(read.table);
      if (!got) this.got.set(read.table, (got = new Map()));
      const rows = answers[i] as unknown[];
      read.keys.forEach((key, k) => got.set(key, rows[k]));
    });
    this.wanted.clear();
  }

  row<T>(table: string, key: string): T | undefined {
    return this.got.get(table)?.get(key) as T | undefined;
  }
}

/** The batch's steps (see the file's comment). `chunks` already holds the rows put before the first read. */
export function* batchSteps(ctx: BatchContext, plan: BatchPlan, chunks: SourceChunks): Steps<BatchOutcome> {
  const { memory, input } = ctx;
  const importId = memory.importId;
  const rows = new Rows();
  const outcome: BatchOutcome = { traces: 0, spans: 0, logs: 0, payloads: 0, attached: new Map(), waiting: { logs: new Set(), payloads: new Set() } };

  // 2. sessions: their rows say whether anything else can be stored already; the waiting rows' count whether
  // any wait at all
  let sids = planSessions(plan);
  const waitingCount: Read[] = [
    { kind: 'count', table: 'logs', index: 'sessionId', value: WAITING },
    { kind: 'count', table: 'payloads', index: 'sessionId', value: WAITING },
  ];
  for (const sid of sids) rows.need('sessions', sid);
  let round = [...rows.round(), ...waitingCount];
  let answers = yield round;
  rows.take(round, answers);
  const waiting = { logs: (answers[round.length - 2] as number) > 0, payloads: (answers[round.length - 1] as number) > 0 };
  memory.classify(new Map([...sids].map((sid) => [sid, rows.row<SessionRow>('sessions', sid)])));

  // 3. locate: log lines and payloads naming a trace neither in this batch nor written by this import may
  // belong to a trace stored in any session; only then is the whole directory read
  const loose = [...new Set([...plan.logs.keys(), ...plan.payloads.keys()])].filter((key) => {
    const traceId = plan.logs.get(key)?.traceId ?? plan.payloads.get(key)!.traceId;
    return traceId !== '' && !plan.incoming.has(key) && !memory.pageOf.has(key);
  });
  const dirReads: Read[] =
    loose.length > 0 ? [{ kind: 'all', table: 'directory' }] : [...sids].filter((sid) => memory.shared.has(sid)).map((sid) => ({ kind: 'index', table: 'directory', index: 'sessionId', value: sid }));
  answers = yield dirReads;
  const dirs = new Map<string, DirectoryRow[]>();
  for (const row of answers.flat() as DirectoryRow[]) {
    let list = dirs.get(row.sessionId);
    if (!list) dirs.set(row.sessionId, (list = []));
    list.push(row);
  }
  const locate = (key: string, sid: string, traceId: string): string | undefined => {
    const known = memory.pageOf.get(key);
    if (known !== undefined || !memory.shared.has(sid)) return known;
    return dirs.get(sid)?.find((d) => directoryHas(d, traceId))?.id;
  };

  // loose records whose trace is stored in no session of theirs: to every session that has it, else waiting
  const attached = new Set<string>();
  for (const key of loose) {
    const g = plan.logs.get(key) ?? plan.payloads.get(key)!;
    if (locate(key, g.sid, g.traceId) !== undefined) continue;
    const holders = [...new Set([...dirs.values()].flat().filter((d) => d.sessionId !== g.sid && directoryHas(d, g.traceId)).map((d) => d.sessionId))];
    for (const k of moveAttachments(plan, key, holders.length > 0 ? holders : [WAITING])) attached.add(k);
  }
  // sessions that log lines or payloads were attached to hold data: every key is looked up there
  const newSids = [...planSessions(plan)].filter((sid) => !sids.has(sid));
  for (const sid of newSids) memory.shared.add(sid);
  sids = planSessions(plan);
  const attach = (table: 'logs' | 'payloads', key: string, sid: string, traceId: string) => {
    if (!attached.has(key)) return;
    if (sid === WAITING) {
      outcome.waiting[table].add(traceId);
      return;
    }
    let a = outcome.attached.get(sid);
    if (!a) outcome.attached.set(sid, (a = { logs: new Set(), payloads: new Set() }));
    a[table].add(traceId);
  };

  // 4. read what the batch changes
  for (const sid of newSids) rows.need('sessions', sid);
  const located = new Map<string, string>();
  const want = (key: string, sid: string, traceId: string) => {
    const pid = located.get(key) ?? locate(key, sid, traceId);
    if (pid === undefined) return;
    located.set(key, pid);
    if (memory.shared.has(sid) || memory.open.get(sid)?.id !== pid) rows.need('pages', pid);
  };
  const mayHave = (table: 'logs' | 'payloads', key: string, sid: string) => (sid === WAITING ? waiting[table] : memory.mayHave(table, key, sid));
  for (const [key, { sid, traceId }] of plan.incoming) {
    want(key, sid, traceId);
    if (located.has(key)) continue;
    // logs and payloads may have arrived before their trace (another file, or earlier lines), here or waiting
    if (mayHave('logs', key, sid)) rows.need('logs', key);
    if (mayHave('payloads', key, sid)) rows.need('payloads', key);
    if (waiting.logs) rows.need('logs', traceKey(WAITING, traceId));
    if (waiting.payloads) rows.need('payloads', traceKey(WAITING, traceId));
  }
  for (const [key, g] of plan.logs) {
    if (mayHave('logs', key, g.sid)) rows.need('logs', key);
    if (g.traceId && g.sid !== WAITING) want(key, g.sid, g.traceId);
  }
  for (const [key, p] of plan.payloads) {
    if (mayHave('payloads', key, p.sid)) rows.need('payloads', key);
    if (p.sid !== WAITING) want(key, p.sid, p.traceId);
  }
  for (const sid of sids) if (memory.shared.has(sid) && memory.open.has(sid)) rows.need('pages', memory.open.get(sid)!.id);
  round = rows.round();
  rows.take(round, yield round);

  const journal: JournalRow[] = [];
  const remember = (table: JournalRow['table'], key: string, before: unknown, createdBy?: string) => {
    // nothing stored: nothing to restore (a row this import creates is removed by importId)
    if (before === undefined) return;
    const id = `${table}:${key}`;
    if (memory.journaled.has(id)) return;
    memory.journaled.add(id);
    if (createdBy !== importId) journal.push({ importId, table, key, before });
  };

  // pages as this batch changes them
  const pagesOut = new Map<string, Page>();
  const entryIndex = new Map<string, Map<string, number>>();
  const pageFor = (pid: string, sid: string): Page | undefined => {
    const out = pagesOut.get(pid);
    if (out) return out;
    const mine = memory.open.get(sid);
    const storedRow = memory.shared.has(sid) || mine?.id !== pid ? rows.row<PageRow>('pages', pid) : undefined;
    const stored = storedRow ? decodePage(storedRow) : mine?.id === pid && !memory.shared.has(sid) ? mine : undefined;
    if (!stored) return undefined;
    remember('pages', pid, storedRow, stored.importId);
    if (storedRow) remember('directory', pid, directoryRow(stored), stored.importId);
    const page = { ...stored, traces: [...stored.traces] };
    pagesOut.set(pid, page);
    if (mine?.id === pid) memory.open.set(sid, page);
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
  for (const [key, { sid }] of plan.incoming) {
    const at = entryOf(key, sid);
    if (!at) continue;
    existing.set(key, at);
    for (const id of at.page.traces[at.i]!.chunks) rows.need('chunks', id);
  }
  round = rows.round();
  if (round.length > 0) rows.take(round, yield round);

  // 5. merge: spans
  const deltas = new Map<string, { traces: number; spans: number; logs: number }>();
  const delta = (sid: string) => {
    let d = deltas.get(sid);
    if (!d) deltas.set(sid, (d = { traces: 0, spans: 0, logs: 0 }));
    return d;
  };
  /** traces whose spans are not in source lines (merged ones, other formats): they go into ktv chunks */
  const unchunked: { sid: string; trace: TraceSpans; row: TraceRow }[] = [];
  // a row's own fields: counters kept from the stored row, else from logs and payloads stored before it
  const own = (key: string, sid: string, keep?: TraceRow) => ({
    id: key,
    sessionId: sid,
    logCount: keep?.logCount ?? rows.row<LogsRow>('logs', key)?.records.length ?? 0,
    hasPayload: keep?.hasPayload ?? !!rows.row('payloads', key),
    chunks: [] as string[],
  });
  const summary = (key: string, sid: string, trace: TraceSpans, keep?: TraceRow): TraceRow => ({
    ...summarizeTrace(trace, input.sessionOf?.[trace.traceId] ?? keep?.konnectSessionId ?? null),
    ...own(key, sid, keep),
  });
  const placed: { key: string; sid: string; traceId: string }[] = [];
  for (const [key, inc] of plan.incoming) {
    const { sid } = inc;
    const d = delta(sid);
    const at = existing.get(key);
    if (at) {
      const trace = chunks.trace(inc);
      if (!trace) continue;
      const old = at.page.traces[at.i]!;
      const stored = traceFromChunks(ctx.dbName, trace.traceId, old.chunks.map((id) => rows.row<ChunkRow>('chunks', id)));
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
    const row: TraceRow = inc.summary ? rowFromText(inc.summary, own(key, sid)) : summary(key, sid, inc.trace!);
    d.traces++;
    d.spans += row.spanCount;
    if (nos) row.chunks = nos.map((no) => chunks.id(sid, no));
    else unchunked.push({ sid, trace: inc.trace!, row });
    let page = memory.open.get(sid);
    page = page ? pageFor(page.id, sid) : undefined;
    if (!page || page.traces.length >= PAGE_TRACES) {
      page = { id: memory.newId(sid, 'p'), sessionId: sid, traces: [], importId };
      memory.open.set(sid, page);
      pagesOut.set(page.id, page);
    }
    page.traces.push(row);
    memory.pageOf.set(key, page.id);
    located.set(key, page.id);
    entryIndex.get(page.id)?.set(key, page.traces.length - 1);
    placed.push({ key, sid, traceId: inc.traceId });
  }
  const bySession = new Map<string, typeof unchunked>();
  for (const s of unchunked) {
    let list = bySession.get(s.sid);
    if (!list) bySession.set(s.sid, (list = []));
    list.push(s);
  }
  for (const [sid, list] of bySession) {
    const rowOf = new Map(list.map((s) => [s.trace.traceId, s.row]));
    const made = ktvChunks(sid, list.map((s) => s.trace), () => memory.newId(sid, 'c'), importId, (t, id) => rowOf.get(t.traceId)!.chunks.push(id));
    chunks.rows.push(...made);
  }

  // waiting log lines and payloads of the traces just placed come into their session
  const deletes: Record<'logs' | 'payloads', string[]> = { logs: [], payloads: [] };
  for (const { key, sid, traceId } of placed) {
    const wkey = traceKey(WAITING, traceId);
    const logs = rows.row<LogsRow>('logs', wkey);
    if (logs && !deletes.logs.includes(wkey)) {
      remember('logs', wkey, logs, logs.importId);
      deletes.logs.push(wkey);
      let g = plan.logs.get(key);
      if (!g) plan.logs.set(key, (g = { sid, traceId, records: [] }));
      g.records = [...logs.records, ...g.records];
      const waited = plan.logs.get(wkey);
      if (waited) {
        g.records.push(...waited.records);
        plan.logs.delete(wkey);
      }
    }
    const payload = rows.row<PayloadRow>('payloads', wkey);
    if (payload && !deletes.payloads.includes(wkey)) {
      remember('payloads', wkey, payload, payload.importId);
      deletes.payloads.push(wkey);
      if (!plan.payloads.has(key)) plan.payloads.set(key, { sid, traceId, payload: payload.payload });
    }
  }

  const touchRow = (key: string, sid: string): TraceRow | undefined => {
    const at = entryOf(key, sid);
    if (!at) return undefined;
    const row = { ...at.page.traces[at.i]! };
    at.page.traces[at.i] = row;
    return row;
  };

  // log lines, merged by identity
  const logRows: LogsRow[] = [];
  for (const [key, g] of plan.logs) {
    const old = rows.row<LogsRow>('logs', key);
    const row = logsRow(key, g, old, importId);
    const added = row.records.length - (old?.records.length ?? 0);
    if (added === 0) continue;
    remember('logs', key, old, old?.importId);
    logRows.push(row);
    attach('logs', key, g.sid, g.traceId);
    if (g.sid === WAITING) continue;
    delta(g.sid).logs += added;
    const trace = g.traceId ? touchRow(key, g.sid) : undefined;
    if (trace) trace.logCount = row.records.length;
  }

  // payloads: sanitized at decode; one per trace
  const payloadRows: PayloadRow[] = [];
  for (const [key, p] of plan.payloads) {
    const old = rows.row<PayloadRow>('payloads', key);
    if (!payloadIsNew(old, p.payload)) continue;
    remember('payloads', key, old, old?.importId);
    payloadRows.push({ id: key, sessionId: p.sid, payload: p.payload, importId: old ? (old.importId ?? importId) : importId });
    attach('payloads', key, p.sid, p.traceId);
    if (p.sid === WAITING) continue;
    const trace = touchRow(key, p.sid);
    if (trace) trace.hasPayload = true;
  }

  // 6. apply: sessions created hidden, counters kept incrementally
  const sessionRows: SessionRow[] = [...sids].map((sid) => {
    const old = rows.row<SessionRow>('sessions', sid);
    remember('sessions', sid, old, old?.importId);
    const d = delta(sid);
    const base = old ?? ctx.routing.newSession(sid, importId, ctx.now);
    return {
      ...base,
      files: [...new Set([...(base.files ?? []), ...ctx.routing.files])],
      updatedAt: ctx.now,
      traceCount: base.traceCount + d.traces,
      spanCount: base.spanCount + d.spans,
      logCount: base.logCount + d.logs,
      lastWriter: importId,
    };
  });

  for (const sid of sids) memory.sessions.add(sid);
  for (const r of logRows) memory.written.logs.add(r.id);
  for (const r of payloadRows) memory.written.payloads.add(r.id);
  for (const d of deltas.values()) {
    outcome.traces += d.traces;
    outcome.spans += d.spans;
    outcome.logs += d.logs;
  }
  outcome.payloads = payloadRows.filter((r) => r.sessionId !== WAITING).length;

  const writes: Writes = {
    delete: [
      { table: 'logs', keys: deletes.logs },
      { table: 'payloads', keys: deletes.payloads },
    ],
    put: [
      { table: 'chunks', rows: chunks.rows.slice(chunks.putEarly) },
      { table: 'pages', rows: [...pagesOut.values()].map(encodePage) },
      { table: 'directory', rows: [...pagesOut.values()].map(directoryRow) },
      { table: 'logs', rows: logRows },
      { table: 'payloads', rows: payloadRows },
      // session rows too go straight on the transaction: views learn of the import when it commits
      { table: 'sessions', rows: sessionRows },
    ],
    add: [{ table: 'journal', rows: journal }],
  };
  return { writes, result: outcome };
}

