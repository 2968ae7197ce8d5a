/**
 * The trace list's pure parts: its columns, sorting (nulls last either way), the text filter, and
 * recognising a pasted X-Kong-Request-Id, trace id or `traceparent` header so the search can jump to it.
 */
import type { TraceSummary } from '../../../shared/model/types';

export type SortKey = 'time' | 'method' | 'path' | 'status' | 'total' | 'gateway' | 'upstream' | 'client' | 'spans' | 'errors';
export type SortDir = 'asc' | 'desc';

export interface Column {
  key: SortKey;
  label: string;
  /** CSS grid track */
  width: string;
  numeric: boolean;
}

export const COLUMNS: readonly Column[] = [
  { key: 'time', label: 'Time', width: '104px', numeric: false },
  { key: 'method', label: 'Method', width: '64px', numeric: false },
  { key: 'path', label: 'Path', width: 'minmax(120px, 1fr)', numeric: false },
  { key: 'status', label: 'Status', width: '56px', numeric: true },
  { key: 'total', label: 'Total', width: '72px', numeric: true },
  { key: 'gateway', label: 'Gateway', width: '72px', numeric: true },
  { key: 'upstream', label: 'Upstream', width: '76px', numeric: true },
  { key: 'client', label: 'Client', width: '68px', numeric: true },
  { key: 'spans', label: 'Spans', width: '52px', numeric: true },
  { key: 'errors', label: 'Err', width: '40px', numeric: true },
];

/**
 * The grid's column tracks: the time column is wider when some trace is not from today, as those cells
 * carry their date ("Dec 4 2025 23:42:25.241", which 12 px monospace needs about 180 px for); `afterPath`
 * is the track of a column shown after the path (the "Why slow" column).
 */
export function gridColumns(dated: boolean, afterPath?: string): string {
  return COLUMNS.map((c) => (c.key === 'time' && dated ? '186px' : c.key === 'path' && afterPath ? `${c.width} ${afterPath}` : c.width)).join(' ');
}

export function sortValue(row: TraceSummary, key: SortKey): number | string | null {
  switch (key) {
    case 'time':
      return row.startMs;
    case 'method':
      return row.method;
    case 'path':
      return row.path ?? row.url ?? row.rootName;
    case 'status':
      return row.status;
    case 'total':
    case 'gateway':
    case 'upstream':
    case 'client':
      return latencyCell(row, key).ms;
    case 'spans':
      return row.spanCount;
    case 'errors':
      return row.errorCount;
  }
}

/**
 * One latency column's figure: the latency model's (shared/kong/latency.ts, computed at import), so the
 * list says what the tiles say. A row stored before the model existed has only Kong's own figures: those
 * are shown instead, flagged `reported` so the list can say so.
 */
export function latencyCell(row: TraceSummary, part: 'total' | 'gateway' | 'upstream' | 'client'): { ms: number | null; reported: boolean } {
  if (part === 'total') return { ms: row.durationMs, reported: false };
  const model = part === 'gateway' ? row.gatewayMs : part === 'upstream' ? row.upstreamMs : row.clientMs;
  if (model !== null) return { ms: model, reported: false };
  const kong = part === 'gateway' ? row.latencyInternalMs : part === 'upstream' ? row.latencyUpstreamMs : row.latencyClientMs;
  return { ms: kong, reported: kong !== null };
}

/** A stable sort by one column; rows without a value go last in both directions. */
export function sortTraces<T extends TraceSummary>(rows: readonly T[], key: SortKey, dir: SortDir): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: sortValue(row, key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v));
      return c !== 0 ? c * sign : a.i - b.i;
    })
    .map((x) => x.row);
}

/** Root attributes naming where a request went or who sent it, searched as text. */
const SEARCHED_ROOT_KEYS = ['server.address', 'http.request.header.host', 'http.host', 'proxy.kong.upstream.host', 'proxy.kong.upstream.addr', 'proxy.kong.upstream.address', 'network.peer.address', 'network.peer.name', 'proxy.kong.target.id', 'proxy.kong.upstream.id', 'proxy.kong.consumer.id', 'tls.client.server_name', 'http.client_ip', 'net.peer.ip'];

const hays = new WeakMap<TraceSummary, string>();

/** The row's searchable text, made once per row object (a list of thousands is searched per keystroke). */
function hayOf(row: TraceSummary): string {
  let hay = hays.get(row);
  if (hay === undefined) {
    const a = row.rootAttributes;
    const parts = [row.method, row.path, row.url, row.route, row.status, row.requestId, row.traceId, row.rootName, row.clientAddress, row.consumerId, row.upstreamHost];
    for (const k of SEARCHED_ROOT_KEYS) parts.push(typeof a?.[k] === 'string' || typeof a?.[k] === 'number' ? (a[k] as string | number) : null);
    hay = parts
      .filter((v) => v !== null && v !== undefined)
      .join(' ')
      .toLowerCase();
    hays.set(row, hay);
  }
  return hay;
}

/**
 * Case-insensitive match on what the list shows, the ids a user may hold, the client's address, the
 * upstream's host and target, the consumer, and (when given, lower-cased) the text of the trace's log lines.
 */
export function matchesText(row: TraceSummary, needle: string, logText = ''): boolean {
  if (!needle) return true;
  const hay = logText ? `${hayOf(row)} ${logText}` : hayOf(row);
  return needle
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/**
 * The id a pasted text names, if it names one: a `traceparent` (`00-<trace id>-<span id>-<flags>`, with
 * or without the header name), an `X-Kong-Request-Id: <id>` header line, or a bare 32-hex trace or
 * request id. Kong's request ids are 32 hex characters too, so the caller looks the id up as both.
 */
export function parseJumpId(text: string): string | null {
  const t = text.trim();
  const tp = /^(?:traceparent\s*:\s*)?[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/i.exec(t);
  if (tp) return tp[1]!.toLowerCase();
  const header = /^x-kong-request-id\s*:\s*(\S+)$/i.exec(t);
  if (header) return header[1]!;
  if (/^[0-9a-f]{32}$/i.test(t)) return t;
  return null;
}

/** The row to select after Up/Down/Home/End/PageUp/PageDown from the current one. */
export function moveSelection(current: number, count: number, key: string, page: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(count - 1, current + 1);
    case 'ArrowUp':
      return current < 0 ? 0 : Math.max(0, current - 1);
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, current) + page);
    case 'PageUp':
      return Math.max(0, current - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
