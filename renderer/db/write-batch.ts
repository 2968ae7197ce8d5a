/**
 * One batch's write, as steps run inside one IndexedDB transaction by `runSteps` (idb-steps.ts): each
 * `yield` is a round of reads, everything between is synchronous (write-steps.ts, write-state.ts):
 *
 *   1. plan       group the batch by trace, routed to sessions         (planBatch, before the transaction)
 *   2. sessions   read the session rows: which sessions hold data already (ImportMemory.classify)
 *   3. locate     find stored traces (this import's pages, or the directory); log lines and payloads naming
 *                 a trace stored in no session of theirs go to the sessions that have it, or wait (routeLoose)
 *   4. read       the pages, logs and payloads rows the batch changes, then the chunks of traces it adds to
 *   5. merge      spans, then waiting rows taken in, log lines, payloads (mergeSpans ... mergePayloads)
 *   6. apply      session rows with their counters, the rows to put and delete, the before-images
 *   7. seal       logs and payloads rows under their session's data key (issue 21; a `work` round)
 * Sealed logs and payloads rows read in step 4 are opened in a `work` round of their own.
 */
import type { Read, Steps, Writes } from './idb-steps';
import type { SealingKeyring } from './keyring-writer';
import type { SessionRouting } from './session-routing';
import type { SourceChunks } from './source-chunks';
import { directoryRow, encodePage, traceKey, type DirectoryRow, type LogsRow, type PageRow, type PayloadRow, type SessionRow, type TraceRow } from './schema';
import { ImportMemory, WAITING, planSessions, type BatchPlan, type WriteInput } from './write-plan';
import { BatchRows, Deltas, Journal, PageEditor } from './write-state';
import { adoptWaiting, bySession, locator, looseKeys, mergeLogs, mergePayloads, mergeSpans, routeLoose, sessionRows, type MergeState } from './write-steps';

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

/**
 * Rows sealed before the batch's transaction, as they would be written were nothing stored under their keys
 * (a fresh import's case): step 7 takes one when the row it writes is that row, so the transaction need not
 * wait for WebCrypto. `src`/`count`: the plan's records array and its length when sealed (a row whose group
 * gained records since, or whose stored row was merged, is sealed again).
 */
export interface Presealed {
  logs: Map<string, { src: unknown; count: number; row: LogsRow }>;
  payloads: Map<string, { src: unknown; row: PayloadRow }>;
}

export interface BatchContext {
  presealed?: Presealed;
  memory: ImportMemory;
  /** seals the logs and payloads rows written and opens those read (issue 21); absent: written in clear */
  keyring?: SealingKeyring;
  routing: SessionRouting;
  dbName: string;
  input: WriteInput;
  now: number;
}

/** The batch's steps (see the file's comment). `chunks` already holds the rows put before the first read. */
export function* batchSteps(ctx: BatchContext, plan: BatchPlan, chunks: SourceChunks): Steps<BatchOutcome> {
  const { memory, input } = ctx;
  const rows = new BatchRows();

  // 2. sessions, and whether any log lines or payloads wait for their trace at all
  let sids = planSessions(plan);
  for (const sid of sids) rows.need('sessions', sid);
  const counts: Read[] = [
    { kind: 'count', table: 'logs', index: 'sessionId', value: WAITING },
    { kind: 'count', table: 'payloads', index: 'sessionId', value: WAITING },
  ];
  let round = [...rows.round(), ...counts];
  const answers = yield round;
  rows.take(round, answers);
  const waiting = { logs: (answers[round.length - 2] as number) > 0, payloads: (answers[round.length - 1] as number) > 0 };
  memory.classify(new Map([...sids].map((sid) => [sid, rows.row<SessionRow>('sessions', sid)])));

  // 3. locate
  const loose = looseKeys(plan, memory);
  const dirReads: Read[] =
    loose.length > 0
      ? [{ kind: 'all', table: 'directory' }]
      : [...sids].filter((sid) => memory.shared.has(sid)).map((sid) => ({ kind: 'index', table: 'directory', index: 'sessionId', value: sid }));
  const dirs = bySession((yield dirReads).flat() as DirectoryRow[]);
  const locate = locator(memory, dirs);
  const moved = routeLoose(plan, loose, dirs, locate);
  // sessions that log lines or payloads moved to hold data: every key is looked up there
  for (const sid of planSessions(plan)) {
    if (sids.has(sid)) continue;
    memory.shared.add(sid);
    rows.need('sessions', sid);
  }
  sids = planSessions(plan);

  // 4. read what the batch changes
  const journal = new Journal(memory);
  const pages = new PageEditor(memory, (pid) => rows.row<PageRow>('pages', pid), journal);
  const want = (key: string, sid: string, traceId: string) => {
    const pid = pages.located.get(key) ?? locate(key, sid, traceId);
    if (pid === undefined) return;
    pages.located.set(key, pid);
    if (memory.shared.has(sid) || memory.open.get(sid)?.id !== pid) rows.need('pages', pid);
  };
  const mayHave = (table: 'logs' | 'payloads', key: string, sid: string) => (sid === WAITING ? waiting[table] : memory.mayHave(table, key, sid));
  for (const [key, { sid, traceId }] of plan.incoming) {
    want(key, sid, traceId);
    if (pages.located.has(key)) continue;
    // log lines and payloads may have come before their trace (another file, or earlier lines), here or waiting
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
  // sealed logs and payloads rows read are opened (in any store: a keyring-less handle fails on them)
  const sealed = rows.takeSealed();
  if (sealed.length > 0) {
    const keyring = ctx.keyring;
    if (!keyring) throw new Error('this store handle holds no keys: sealed records cannot be merged');
    const [opened] = yield [{ kind: 'work', run: () => keyring.openRows(sealed.map((e) => e.row)) }];
    rows.putOpened(sealed, opened as unknown[]);
  }

  // stored traces this batch adds spans to: read their chunks
  const existing = new Map<string, { page: { traces: TraceRow[] }; i: number }>();
  for (const [key, { sid }] of plan.incoming) {
    const at = pages.entry(key, sid);
    if (!at) continue;
    existing.set(key, at);
    for (const id of at.page.traces[at.i]!.chunks) rows.need('chunks', id);
  }
  round = rows.round();
  if (round.length > 0) rows.take(round, yield round);

  // 5. merge
  const deltas = new Deltas();
  const s: MergeState = { memory, input, dbName: ctx.dbName, plan, rows, pages, journal, deltas, chunks };
  const placed = mergeSpans(s, existing);
  const deletes = adoptWaiting(s, placed);
  const outcome: BatchOutcome = { traces: 0, spans: 0, logs: 0, payloads: 0, attached: new Map(), waiting: { logs: new Set(), payloads: new Set() } };
  const stored = (table: 'logs' | 'payloads') => (key: string, sid: string, traceId: string) => {
    if (!moved.has(key)) return;
    if (sid === WAITING) return void outcome.waiting[table].add(traceId);
    let a = outcome.attached.get(sid);
    if (!a) outcome.attached.set(sid, (a = { logs: new Set(), payloads: new Set() }));
    a[table].add(traceId);
  };
  const logRows = mergeLogs(s, stored('logs'));
  const payloadRows = mergePayloads(s, stored('payloads'));

  // 6. apply
  const sessions = sessionRows(sids, (sid) => rows.row<SessionRow>('sessions', sid), deltas, journal, ctx.routing, memory.importId, ctx.now);
  for (const sid of sids) memory.sessions.add(sid);
  for (const r of logRows) memory.written.logs.add(r.id);
  for (const r of payloadRows) memory.written.payloads.add(r.id);
  for (const d of deltas.bySession.values()) {
    outcome.traces += d.traces;
    outcome.spans += d.spans;
    outcome.logs += d.logs;
  }
  outcome.payloads = payloadRows.filter((r) => r.sessionId !== WAITING).length;
  // 7. seal what is written: rows sealed before the transaction where they are what it writes, the rest
  // in one wait for WebCrypto
  let logsOut: unknown[] = logRows;
  let payloadsOut: unknown[] = payloadRows;
  const { keyring } = ctx;
  if (keyring && keyring.seals && logRows.length + payloadRows.length > 0) {
    const pre = ctx.presealed;
    const left: { logs: LogsRow[]; payloads: PayloadRow[] } = { logs: [], payloads: [] };
    const logsPre = logRows.map((r) => {
      const p = pre?.logs.get(r.id);
      const g = plan.logs.get(r.id);
      if (p && g && p.src === g.records && p.count === g.records.length && rows.stored('logs', r.id) === undefined && p.row.sessionId === r.sessionId && p.row.importId === r.importId) return p.row;
      left.logs.push(r);
      return null;
    });
    const payloadsPre = payloadRows.map((r) => {
      const p = pre?.payloads.get(r.id);
      if (p && p.src === r.payload && rows.stored('payloads', r.id) === undefined && p.row.sessionId === r.sessionId && p.row.importId === r.importId) return p.row;
      left.payloads.push(r);
      return null;
    });
    let sealedLogs: LogsRow[] = [];
    let sealedPayloads: PayloadRow[] = [];
    if (left.logs.length + left.payloads.length > 0) {
      const [done] = yield [{ kind: 'work', run: () => Promise.all([keyring.sealRows(left.logs), keyring.sealRows(left.payloads)]) }];
      [sealedLogs, sealedPayloads] = done as [LogsRow[], PayloadRow[]];
    }
    let l = 0;
    let q = 0;
    logsOut = logsPre.map((r) => r ?? sealedLogs[l++]!);
    payloadsOut = payloadsPre.map((r) => r ?? sealedPayloads[q++]!);
  }
  const writes: Writes = {
    delete: [
      { table: 'logs', keys: deletes.logs },
      { table: 'payloads', keys: deletes.payloads },
    ],
    put: [
      { table: 'chunks', rows: chunks.rows.slice(chunks.putEarly) },
      { table: 'pages', rows: [...pages.out.values()].map(encodePage) },
      { table: 'directory', rows: [...pages.out.values()].map(directoryRow) },
      { table: 'logs', rows: logsOut },
      { table: 'payloads', rows: payloadsOut },
      // session rows too go straight on the transaction: views learn of the import when it commits
      { table: 'sessions', rows: sessions },
    ],
    add: [{ table: 'journal', rows: journal.rows }],
  };
  return { writes, result: outcome };
}
