/**
 * Span chunks (see schema.ts): writing normalized traces as `ktv` chunks, and reading a trace back from
 * the chunks its summary row names. `otlp-jsonl` chunks are source lines kept as they were read; they are
 * decoded again with the same decoder the import used, so a trace reads back exactly as it was imported.
 * Chunks never change once written, so decoded ones are cached (a few, most recently used).
 */
import { decodeLineSegment } from '../../shared/decode/index';
import { mergeTraceSpans } from '../../shared/model/merge';
import type { TraceSpans } from '../../shared/model/types';
import type { ChunkRow, KtvDb, TraceRow } from './schema';

/** spans per `ktv` chunk, so opening one trace never decodes much more than it */
export const KTV_CHUNK_SPANS = 2000;
const CACHED_CHUNKS = 12;

const cache = new Map<string, Map<string, TraceSpans>>();
const encoder = new TextEncoder();

/**
 * The traces in source lines (whole lines of a JSON-lines file), decoded synchronously: the writer decodes
 * stored chunks inside an IndexedDB transaction, which must not wait for anything but IndexedDB.
 */
function decodeLines(bytes: Uint8Array, fileName: string): TraceSpans[] {
  return decodeLineSegment({ bytes, fileName, firstLine: 1, startsInput: false, last: true }).batch.traces;
}

/** The traces in a chunk, by trace id. `db` names the database the row came from (the cache's scope). */
export function chunkTraces(row: ChunkRow, db: string): Map<string, TraceSpans> {
  const key = `${db}\n${row.id}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const out = new Map<string, TraceSpans>();
  if (row.kind === 'ktv') {
    for (const t of JSON.parse(row.data as string) as TraceSpans[]) out.set(t.traceId, t);
  } else {
    const data = row.data;
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    for (const t of decodeLines(bytes, `stored chunk ${row.id}`)) out.set(t.traceId, t);
  }
  cache.set(key, out);
  if (cache.size > CACHED_CHUNKS) cache.delete(cache.keys().next().value!);
  return out;
}

/** A trace's spans from already-read chunk rows (those its row names), merged; null when none hold it. */
export function traceFromChunks(dbName: string, traceId: string, rows: readonly (ChunkRow | undefined)[]): TraceSpans | null {
  let out: TraceSpans | null = null;
  for (const row of rows) {
    if (!row) continue;
    const part = chunkTraces(row, dbName).get(traceId);
    if (part) out = out ? mergeTraceSpans(out, part) : part;
  }
  return out;
}

/** The traces in source lines not stored yet (the bytes of an otlp-jsonl chunk), by trace id. */
export function sourceTraces(bytes: Uint8Array): Map<string, TraceSpans> {
  return new Map(decodeLines(bytes, 'source lines').map((t) => [t.traceId, t]));
}

/** A trace's spans, read from the store. */
export async function readTraceSpans(db: KtvDb, row: TraceRow): Promise<TraceSpans | null> {
  return traceFromChunks(db.name, row.traceId, await db.chunks.bulkGet(row.chunks));
}

/**
 * `ktv` chunk rows for traces of one session, about KTV_CHUNK_SPANS spans each; calls `placed` with each
 * trace and the id of the chunk holding it.
 */
export function ktvChunks(
  sessionId: string,
  traces: readonly TraceSpans[],
  nextId: () => string,
  importId: string | undefined,
  placed: (trace: TraceSpans, chunkId: string) => void,
): ChunkRow[] {
  const rows: ChunkRow[] = [];
  let group: TraceSpans[] = [];
  let spans = 0;
  const flush = () => {
    if (group.length === 0) return;
    const id = nextId();
    for (const t of group) placed(t, id);
    const row: ChunkRow = { id, sessionId, kind: 'ktv', data: JSON.stringify(group) };
    if (importId !== undefined) row.importId = importId;
    rows.push(row);
    group = [];
    spans = 0;
  };
  for (const t of traces) {
    group.push(t);
    spans += t.spans.length;
    if (spans >= KTV_CHUNK_SPANS) flush();
  }
  flush();
  return rows;
}
