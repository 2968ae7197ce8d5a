/**
 * Read side of the store: small query functions and hooks the features use. Components never talk to
 * Dexie tables directly. The UI thread only reads: every write goes through the ingest worker
 * (ingest-client.ts: `startImport`, `storeOp`, `followRemote`).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { isLogPhaseOf, isLogPhaseRoot, withLogPhase } from '../../shared/kong/log-phase';
import type { LogRecord, Payload, TraceSpans } from '../../shared/model/types';
import { readTraceSpans, traceFromChunks } from './chunks';
import { db } from './db';
import { KeyringError, openStored } from './keyring';
import { decodePage, directoryHas, traceKey, type DirectoryRow, type LogsRow, type PageRow, type PayloadRow, type SessionRow, type TraceRow } from './schema';

/** Visible sessions (an import still running is hidden), newest first, pinned ones on top. */
export async function listSessions(): Promise<SessionRow[]> {
  const rows = await db.sessions.toArray();
  return rows
    .filter((s) => !s.importId)
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);
}

export const useSessions = (): SessionRow[] | undefined => useLiveQuery(listSessions, []);

export const getSession = async (id: string): Promise<SessionRow | null> => (await db.sessions.get(id)) ?? null;

export const useSession = (id: string | null): SessionRow | undefined | null =>
  useLiveQuery(async () => (id ? ((await db.sessions.get(id)) ?? null) : null), [id]);

/**
 * Decoded pages, kept while their text is unchanged: the list and the pick of a first trace read the same
 * pages at the same moment (at the end of an import, each would otherwise parse every page), and a page a
 * write left alone is not parsed again. The rows are shared: callers must not change them.
 */
const decodedPages = new Map<string, { text: string; traces: TraceRow[] }>();
/** about 64,000 summaries */
const DECODED_PAGES = 64;

function pageTraces(row: PageRow): TraceRow[] {
  const hit = decodedPages.get(row.id);
  decodedPages.delete(row.id);
  const traces = hit && hit.text === row.traces ? hit.traces : decodePage(row).traces;
  decodedPages.set(row.id, { text: row.traces, traces });
  if (decodedPages.size > DECODED_PAGES) decodedPages.delete(decodedPages.keys().next().value!);
  return traces;
}

/** A session's trace summaries in start order (the list sorts and filters them in memory). */
export async function listTraces(sessionId: string): Promise<TraceRow[]> {
  const pages = await db.pages.where('sessionId').equals(sessionId).toArray();
  return pages.flatMap(pageTraces).sort((a, b) => a.startMs - b.startMs);
}

export const useTraces = (sessionId: string | null): TraceRow[] | undefined =>
  useLiveQuery(async () => (sessionId ? listTraces(sessionId) : []), [sessionId]);

/** The summary row of a trace found through the directory rows given (a trace lives in one page). */
async function rowFrom(dirs: DirectoryRow[], match: (d: DirectoryRow) => boolean, pick: (t: TraceRow) => boolean): Promise<TraceRow | undefined> {
  for (const d of dirs) {
    if (!match(d)) continue;
    const row = await db.pages.get(d.id);
    const found = row ? pageTraces(row).find(pick) : undefined;
    if (found) return found;
  }
  return undefined;
}

export async function getTraceRow(sessionId: string, traceId: string): Promise<TraceRow | null> {
  const dirs = await db.directory.where('sessionId').equals(sessionId).toArray();
  return (await rowFrom(dirs, (d) => directoryHas(d, traceId), (t) => t.traceId === traceId)) ?? null;
}

/**
 * A trace's spans; a request trace comes with the spans of its log phase when a 3.13+ gateway wrote that as
 * a trace of its own (shared/kong/log-phase.ts), found through the directory by request id or trace id.
 */
export async function getTraceSpans(sessionId: string, traceId: string): Promise<TraceSpans | null> {
  const dirs = await db.directory.where('sessionId').equals(sessionId).toArray();
  const row = await rowFrom(dirs, (d) => directoryHas(d, traceId), (t) => t.traceId === traceId);
  if (!row) return null;
  const spans = await readTraceSpans(db, row);
  if (!spans || isLogPhaseRoot(row.rootName)) return spans;
  const logRows: TraceRow[] = [];
  const keys = row.requestId ? [traceId, row.requestId] : [traceId];
  for (const d of dirs) {
    if (!keys.some((k) => directoryHas(d, k, true))) continue;
    const page = await db.pages.get(d.id);
    if (page) for (const t of pageTraces(page)) if (isLogPhaseOf(t, row)) logRows.push(t);
  }
  if (logRows.length === 0) return spans;
  const logs = await Promise.all(logRows.map((r) => readTraceSpans(db, r)));
  return withLogPhase(spans, logs.filter((t): t is TraceSpans => t !== null));
}

/**
 * A live query about one trace that answers undefined (loading) until the answer for *this* trace is in:
 * useLiveQuery keeps showing the previous answer while a new query runs, and a previous "none" would read
 * as "this trace is no longer stored" for as long as the new one takes to load.
 */
function useTraceQuery<T, N>(
  sessionId: string | null,
  traceId: string | null,
  query: (sessionId: string, traceId: string) => Promise<T>,
  none: N,
): T | N | undefined {
  const key = sessionId && traceId ? traceKey(sessionId, traceId) : null;
  const answer = useLiveQuery(async () => ({ key, value: sessionId && traceId ? await query(sessionId, traceId) : none }), [sessionId, traceId]);
  if (key === null) return none;
  return answer?.key === key ? answer.value : undefined;
}

export const useTraceSpans = (sessionId: string | null, traceId: string | null): TraceSpans | null | undefined =>
  useTraceQuery(sessionId, traceId, getTraceSpans, null);

export const useTraceRow = (sessionId: string | null, traceId: string | null): TraceRow | null | undefined =>
  useTraceQuery(sessionId, traceId, getTraceRow, null);

/**
 * A logs or payloads row as the views read it: sealed contents opened (issue 21). A row whose data key is
 * gone or wrapped by a KEK this host does not have (a browser-mode host started on another data directory)
 * reads as absent, with a warning, rather than breaking the view.
 */
async function opened<T extends LogsRow | PayloadRow>(row: T | undefined): Promise<T | undefined> {
  if (!row) return undefined;
  try {
    return await openStored(db, row);
  } catch (e) {
    if (!(e instanceof KeyringError)) throw e;
    console.warn(`ktv: ${row.id} cannot be read: ${e.message}`);
    return undefined;
  }
}

async function openedAll<T extends LogsRow | PayloadRow>(rows: readonly T[]): Promise<T[]> {
  return (await Promise.all(rows.map(opened))).filter((r): r is Awaited<T> => r !== undefined);
}

export async function getTraceLogs(sessionId: string, traceId: string): Promise<LogRecord[]> {
  return (await opened(await db.logs.get(traceKey(sessionId, traceId))))?.records ?? [];
}

export const useTraceLogs = (sessionId: string | null, traceId: string | null): LogRecord[] | undefined =>
  useTraceQuery(sessionId, traceId, getTraceLogs, [] as LogRecord[]);

export async function getPayload(sessionId: string, traceId: string): Promise<Payload | null> {
  return (await opened(await db.payloads.get(traceKey(sessionId, traceId))))?.payload ?? null;
}

export const usePayload = (sessionId: string | null, traceId: string | null): Payload | null | undefined =>
  useTraceQuery(sessionId, traceId, getPayload, null);

/** Find a trace by trace id or Kong request id across all sessions (for paste-to-jump). */
export async function findTrace(idOrRequestId: string): Promise<TraceRow | undefined> {
  const dirs = await db.directory.toArray();
  const traceId = idOrRequestId.toLowerCase();
  // a 3.13+ log-phase trace carries its request's id too: the request itself is what the user wants
  return (
    (await rowFrom(dirs, (d) => directoryHas(d, traceId), (t) => t.traceId === traceId)) ??
    (await rowFrom(dirs, (d) => directoryHas(d, idOrRequestId, true), (t) => t.requestId === idOrRequestId && !isLogPhaseRoot(t.rootName))) ??
    rowFrom(dirs, (d) => directoryHas(d, idOrRequestId, true), (t) => t.requestId === idOrRequestId)
  );
}

/**
 * Each trace's log lines as one lower-cased text, for searching; stops once `maxChars` are read
 * (`truncated` then says some traces were not read).
 */
export async function readLogTexts(sessionId: string, maxChars: number): Promise<{ byTrace: Map<string, string>; truncated: boolean }> {
  const byTrace = new Map<string, string>();
  let chars = 0;
  // rows are read a group at a time: sealed ones are opened (WebCrypto, outside the read) before the next
  const keys = (await db.logs.where('sessionId').equals(sessionId).primaryKeys()) as string[];
  for (let i = 0; i < keys.length; i += LOG_TEXT_GROUP) {
    const rows = await db.logs.bulkGet(keys.slice(i, i + LOG_TEXT_GROUP));
    for (const stored of rows) {
      if (chars >= maxChars) return { byTrace, truncated: true };
      if (!stored?.traceId) continue;
      const row = await opened(stored);
      if (!row) continue;
      const text = row.records
        .map((r) => (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)))
        .join('\n')
        .toLowerCase();
      chars += text.length;
      byTrace.set(row.traceId, text);
    }
  }
  return { byTrace, truncated: false };
}

const LOG_TEXT_GROUP = 256;

/** Every trace (spans merged from their chunks) and log line of a session, for "Export as OTLP/JSON". */
export async function readSessionContents(sessionId: string): Promise<{ traces: TraceSpans[]; logs: LogRecord[] }> {
  const [pages, chunks, logRows] = await Promise.all([
    db.pages.where('sessionId').equals(sessionId).toArray(),
    db.chunks.where('sessionId').equals(sessionId).toArray(),
    db.logs.where('sessionId').equals(sessionId).toArray(),
  ]);
  const chunkById = new Map(chunks.map((c) => [c.id, c]));
  const traces: TraceSpans[] = [];
  for (const page of pages) {
    for (const row of decodePage(page).traces) {
      const trace = traceFromChunks(db.name, row.traceId, row.chunks.map((id) => chunkById.get(id)));
      if (trace) traces.push(trace);
    }
  }
  return { traces, logs: (await openedAll(logRows)).flatMap((r) => r.records) };
}

/** A flag or small record kept in the `meta` table (e.g. "samples seeded"), or undefined. */
export async function getMeta(key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}
