/**
 * The IndexedDB store (Dexie). Shaped for how it is written and read. Chromium's IndexedDB costs about 70 µs
 * of browser-process time per record and 13 µs per index entry, whatever the record's size (measured on this
 * 2-core machine), so an import writes few, large records:
 * - `pages`: the summary rows of up to PAGE_TRACES traces of one session (what the trace list shows,
 *   sorts and filters on), each naming the chunks that hold its spans.
 * - `directory`: one small row per page listing its trace ids and Kong request ids, to find the page of
 *   a trace (opening it, paste-to-jump) without reading the pages.
 * - `chunks`: span data. Either the source lines of a JSON-lines import exactly as they were read (but a
 *   line holding an AI span, kept with its prompt sanitized: sanitizeGenAiJson)
 *   (`otlp-jsonl`: decoded again, with the same decoder, when a trace in them is opened), or normalized
 *   traces as JSON (`ktv`: other formats, live data, merged traces). Chunks are never changed once written.
 * - `logs`: one document per trace holding its log lines (a span's lines are a filter over those);
 *   lines naming no trace go to the session's '' trace.
 * - `payloads`: captured request/response of a trace, sanitized before it gets here.
 * - `journal`: before-images written by a running import, so a failed or cancelled import can be undone.
 * Trace keys are `${sessionId}|${traceId}`: the same trace id may live in two sessions, once in each.
 * Every released version stays listed: a change adds db.version(n + 1) with its .upgrade(), never edits an
 * older one (Dexie needs the history to upgrade old profiles).
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { rootFields } from '../../shared/kong/summary';
import { summaryJson } from './stored-row';
import type { LogRecord, Payload, TraceSpans, TraceSummary } from '../../shared/model/types';
import type { Sealed } from './vault';

export type SessionSource = 'sample' | 'file' | 'konnect' | 'capture';
export type SessionStatus = 'importing' | 'ready' | 'running' | 'failed';

export interface SessionRow {
  /** 'sample:…', 'file:<content hash>', 'konnect:<uuid>', 'capture:<uuid>' */
  id: string;
  name: string;
  source: SessionSource;
  createdAt: number;
  updatedAt: number;
  status: SessionStatus;
  traceCount: number;
  spanCount: number;
  logCount: number;
  pinned: boolean;
  /** file names this session was imported from */
  files?: string[];
  /** the import that created the session and has not finished; the row is hidden while set */
  importId?: string;
  /**
   * The running import that wrote the latest batch into the session (cleared by its commit). An import
   * that created the session and still finds itself here knows no other import has written into it.
   */
  lastWriter?: string;
  /** source-specific details (Konnect control plane, capture rule...), owned by that feature */
  meta?: Record<string, unknown>;
  /**
   * The capture window: the earliest and latest trace start (Unix ms) among the session's traces, kept by
   * the writer as traces arrive. Absent in a session stored before it was kept, or with no traces yet.
   */
  firstTraceMs?: number;
  lastTraceMs?: number;
  /**
   * The name was made by the app from what the session is (a Konnect session and its capture time), so
   * the sidebar words it from the capture window in the user's time zone; a rename clears it.
   */
  autoName?: 'konnect';
}

/** One trace's summary, as the list shows it; kept inside a PageRow. */
export interface TraceRow extends TraceSummary {
  /** traceKey(sessionId, traceId) */
  id: string;
  sessionId: string;
  logCount: number;
  hasPayload: boolean;
  /** ids of the chunks holding this trace's spans */
  chunks: string[];
}

/** Summary rows of up to PAGE_TRACES traces of one session, as the writer and readers handle them. */
export interface Page {
  id: string;
  sessionId: string;
  traces: TraceRow[];
  /** the import that created this page */
  importId?: string;
}

/**
 * A Page as stored: its rows as one JSON text, which IndexedDB stores and loads several times faster than
 * the same rows as objects (measured: 1.1 s against ~0.3 s of the writer's time per 1,000,000 spans). A
 * stored row leaves out what can be derived: its id and session (the page's), and the summary fields read
 * from the root's attributes (rootFields); decodePage puts them back. That makes pages about a third smaller,
 * which every step pays for: making the JSON, handing it to the writer, storing it, and listing.
 */
export interface PageRow {
  id: string;
  sessionId: string;
  /** JSON of StoredRow[] (stored-row.ts) */
  traces: string;
  importId?: string;
}

/** A trace summary made in a decode worker: the few fields the writer reads, and the rest as JSON text. */
export interface SummaryText {
  traceId: string;
  requestId: string | null;
  /** a log-phase trace's request (TraceSummary.requestTraceId), for the directory */
  requestTraceId?: string | null;
  spanCount: number;
  /** the trace's start (Unix ms), for the session's capture window */
  startMs: number;
  konnectSessionId: string | null;
  /** JSON of the summary as a page stores it (summaryJson) */
  json: string;
}

/**
 * A row whose summary is JSON text (see SummaryText): written into the page's JSON as it is, never parsed
 * or re-serialized by the writer. Symbol-keyed, so spreading a row keeps it and JSON.stringify ignores it.
 */
const SUMMARY_JSON = Symbol('summaryJson');
type RowWithText = TraceRow & { [SUMMARY_JSON]?: string };

/** The summary row of a new trace given as SummaryText; only its own fields and `text`'s few are objects. */
export function rowFromText(text: SummaryText, own: Pick<TraceRow, 'id' | 'sessionId' | 'logCount' | 'hasPayload' | 'chunks'>): TraceRow {
  const row = { ...own, traceId: text.traceId, requestId: text.requestId, spanCount: text.spanCount, startMs: text.startMs, konnectSessionId: text.konnectSessionId } as RowWithText;
  if (text.requestTraceId) row.requestTraceId = text.requestTraceId;
  row[SUMMARY_JSON] = text.json;
  return row;
}

function rowJson(row: RowWithText): string {
  const own = `{"logCount":${row.logCount},"hasPayload":${row.hasPayload},"chunks":${JSON.stringify(row.chunks)}`;
  const text = row[SUMMARY_JSON];
  if (text !== undefined) return `${own},${text.slice(1)}`;
  const summary: TraceSummary = row;
  return `${own},${summaryJson(summary).slice(1)}`;
}

export function encodePage(page: Page): PageRow {
  const row: PageRow = { id: page.id, sessionId: page.sessionId, traces: `[${page.traces.map(rowJson).join(',')}]` };
  if (page.importId !== undefined) row.importId = page.importId;
  return row;
}

export function decodePage(row: PageRow): Page {
  const { sessionId } = row;
  const traces = JSON.parse(row.traces) as TraceRow[];
  for (const t of traces) {
    t.id = traceKey(sessionId, t.traceId);
    t.sessionId = sessionId;
    Object.assign(t, rootFields(t.rootAttributes));
    // rows stored before the latency model have no parts: the list shows Kong's figures for them, labelled
    t.gatewayMs ??= null;
    t.upstreamMs ??= null;
    t.clientMs ??= null;
  }
  const page: Page = { id: row.id, sessionId, traces };
  if (row.importId !== undefined) page.importId = row.importId;
  return page;
}

/** Which traces a page holds: its trace ids and Kong request ids, each line-separated. */
export interface DirectoryRow {
  /** the page's id */
  id: string;
  sessionId: string;
  traceIds: string;
  requestIds: string;
  importId?: string;
}

export type ChunkKind = 'otlp-jsonl' | 'ktv';

export interface ChunkRow {
  id: string;
  sessionId: string;
  kind: ChunkKind;
  /** otlp-jsonl: the source lines' bytes, newline-separated; ktv: JSON of TraceSpans[] (a string) */
  data: string | Uint8Array;
  importId?: string;
}

/** Version 1 rows, read only by the upgrade to version 2. */
interface V1TraceRow extends Omit<TraceRow, 'chunks'> {
  importId?: string;
}
interface V1SpansRow {
  id: string;
  sessionId: string;
  trace: TraceSpans;
  importId?: string;
}

/**
 * A trace's log lines. Stored sealed (issue 21): `records` empty and the lines in `sealed`, under the
 * session's data key; a row stored before encryption (or by a store with it off) has them in `records`.
 */
export interface LogsRow {
  id: string;
  sessionId: string;
  traceId: string;
  records: LogRecord[];
  sealed?: Sealed;
  importId?: string;
}

/** A trace's payload; stored sealed as LogsRow is (`payload` then absent). */
export interface PayloadRow {
  id: string;
  sessionId: string;
  payload?: Payload;
  sealed?: Sealed;
  importId?: string;
}

/**
 * A session's data key (issue 21), wrapped by the key-encryption key; id = the session's id (or the waiting
 * place's). Deleting the row (deleting or purging the session) leaves its sealed records unreadable.
 */
export interface KeyRow {
  id: string;
  /** names the key in the records it sealed (Sealed.k): a key made again for the same id is another key */
  keyId: string;
  /** the id of the KEK that wrapped it */
  kek: string;
  wrapped: ArrayBuffer;
  createdAt: number;
}

export interface JournalRow {
  seq?: number;
  importId: string;
  table: 'pages' | 'directory' | 'logs' | 'payloads' | 'sessions';
  key: string;
  /** the row as it was before the import touched it; undefined when the import created it */
  before?: unknown;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const traceKey = (sessionId: string, traceId: string): string => `${sessionId}|${traceId}`;

/** traces per page */
export const PAGE_TRACES = 1000;

/** The directory row of a page. */
export function directoryRow(page: Page): DirectoryRow {
  let traceIds = '\n';
  let requestIds = '\n';
  for (const t of page.traces) {
    traceIds += `${t.traceId}\n`;
    if (t.requestId) requestIds += `${t.requestId}\n`;
    // a log-phase trace is found from its request's trace id too (see repo.ts logPhaseOf)
    if (t.requestTraceId) requestIds += `${t.requestTraceId}\n`;
  }
  const row: DirectoryRow = { id: page.id, sessionId: page.sessionId, traceIds, requestIds };
  if (page.importId !== undefined) row.importId = page.importId;
  return row;
}

/** Whether a directory row lists the trace id (or, with `request`, the Kong request id). */
export const directoryHas = (row: DirectoryRow, id: string, request = false): boolean =>
  (request ? row.requestIds : row.traceIds).includes(`\n${id}\n`);

/**
 * Imports a crash left unfinished under version 1 are undone in version-1 terms (its journal names the
 * version-1 tables) before the upgrade moves the data: what they wrote would otherwise become permanent.
 * Rows of finished imports keep their importId, so only the journal and hidden sessions tell them apart.
 */
async function undoUnfinishedV1Imports(tx: Transaction): Promise<void> {
  const ids = new Set<string>((await tx.table<JournalRow, number>('journal').toArray()).map((e) => e.importId));
  for (const s of await tx.table<SessionRow, string>('sessions').toArray()) if (s.importId) ids.add(s.importId);
  for (const id of ids) await undoImport((name) => tx.table(name), ['traces', 'spans', 'logs', 'payloads'], id);
}

/**
 * Undoes one import inside a running transaction: deletes the rows it created in `dataTables` and the
 * sessions it created, restores the journal's before-images, forgets its journal. `table` gives a table
 * by name, or undefined for one this version no longer has (its before-images cannot be restored).
 */
export async function undoImport(table: (name: string) => Table | undefined, dataTables: readonly string[], importId: string): Promise<void> {
  for (const name of dataTables) await table(name)!.where('importId').equals(importId).delete();
  const sessions = table('sessions') as Table<SessionRow, string>;
  const journal = table('journal') as Table<JournalRow, number>;
  await sessions.bulkDelete(await sessions.filter((s) => s.importId === importId).primaryKeys());
  for (const e of await journal.where('importId').equals(importId).toArray()) await table(e.table)?.put(e.before);
  await journal.where('importId').equals(importId).delete();
}

export type KtvDb = Dexie & {
  sessions: EntityTable<SessionRow, 'id'>;
  pages: EntityTable<PageRow, 'id'>;
  directory: EntityTable<DirectoryRow, 'id'>;
  chunks: EntityTable<ChunkRow, 'id'>;
  logs: EntityTable<LogsRow, 'id'>;
  payloads: EntityTable<PayloadRow, 'id'>;
  journal: EntityTable<JournalRow, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  keys: EntityTable<KeyRow, 'id'>;
};

export const DB_NAME = 'ktv';

/** The first released schema (one summary row and one spans row per trace); exported for upgrade tests. */
export const V1_STORES = {
  sessions: 'id, source, createdAt, status',
  traces:
    'id, sessionId, [sessionId+startMs], [sessionId+status], [sessionId+durationMs], [sessionId+method], [sessionId+route], [sessionId+serviceId], traceId, requestId, importId',
  spans: 'id, sessionId, importId',
  logs: 'id, sessionId, importId',
  payloads: 'id, sessionId, importId',
  journal: '++seq, importId',
  meta: 'key',
};

export function openDb(name = DB_NAME): KtvDb {
  const db = new Dexie(name) as KtvDb;
  db.version(1).stores(V1_STORES);
  // Version 2: one row per trace (plus one spans row, eight index entries) made a 1,000,000-span import
  // take 33 s; pages of summaries and chunks of spans take a few hundred records for the same import.
  db.version(2)
    .stores({
      pages: 'id, sessionId, importId',
      directory: 'id, sessionId, importId',
      chunks: 'id, sessionId, importId',
    })
    .upgrade(async (tx) => {
      const traces = tx.table<V1TraceRow, string>('traces');
      const spans = tx.table<V1SpansRow, string>('spans');
      await undoUnfinishedV1Imports(tx);
      const bySession = new Map<string, V1TraceRow[]>();
      await traces.each((row) => {
        let rows = bySession.get(row.sessionId);
        if (!rows) bySession.set(row.sessionId, (rows = []));
        rows.push(row);
      });
      for (const [sessionId, rows] of bySession) {
        rows.sort((a, b) => a.startMs - b.startMs);
        for (let p = 0; p * PAGE_TRACES < rows.length; p++) {
          const part = rows.slice(p * PAGE_TRACES, (p + 1) * PAGE_TRACES);
          const docs = await spans.bulkGet(part.map((r) => r.id));
          const chunkId = `${sessionId}|c:v1:${p}`;
          const page: Page = {
            id: `${sessionId}|p:v1:${p}`,
            sessionId,
            traces: part.map(({ importId: _importId, ...r }) => ({ ...r, chunks: [chunkId] })),
          };
          const chunk: ChunkRow = { id: chunkId, sessionId, kind: 'ktv', data: JSON.stringify(docs.flatMap((d) => (d ? [d.trace] : []))) };
          await Promise.all([tx.table('pages').put(encodePage(page)), tx.table('directory').put(directoryRow(page)), tx.table('chunks').put(chunk)]);
        }
      }
      await Promise.all([traces.clear(), spans.clear()]);
    });
  db.version(3).stores({ traces: null, spans: null });
  // Version 4 (issue 21): the sessions' data keys. Rows stored before are sealed by the worker afterwards,
  // resumably (seal-existing.ts): an upgrade transaction cannot wait for WebCrypto.
  db.version(4).stores({ keys: 'id' });
  return db;
}

/** A session row with nothing in it yet. */
export function newSessionRow(
  init: Pick<SessionRow, 'id' | 'name' | 'source'> & Partial<Pick<SessionRow, 'status' | 'files' | 'meta' | 'importId' | 'autoName'>>,
  now = Date.now(),
): SessionRow {
  return { status: 'ready', ...init, createdAt: now, updatedAt: now, traceCount: 0, spanCount: 0, logCount: 0, pinned: false };
}
