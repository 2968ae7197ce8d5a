/**
 * The few per-trace facts `ktv summary` prints: span count, root name, root duration, root HTTP status,
 * incomplete spans.
 * (The full TraceSummary the app lists lives in shared/kong/summary.ts.)
 */
import type { AttrValue, Span, TraceSpans } from '../model/types';

export interface TraceBrief {
  traceId: string;
  spans: number;
  root: string;
  durationMs: number;
  statusCode: number | null;
  /** spans with no start or no end time (Span.incomplete) */
  incompleteSpans: number;
}

/**
 * The root span: one with no parent (the earliest if several), else one whose parent is missing from the
 * trace (a partial trace), else the earliest span.
 */
export function findRoot(trace: TraceSpans): Span | undefined {
  let best: Span | undefined;
  for (const s of trace.spans) if (s.parentSpanId === '' && (!best || s.start < best.start)) best = s;
  if (best) return best;
  const ids = new Set(trace.spans.map((s) => s.spanId));
  for (const s of trace.spans) if (!ids.has(s.parentSpanId) && (!best || s.start < best.start)) best = s;
  if (best) return best;
  for (const s of trace.spans) if (!best || s.start < best.start) best = s;
  return best;
}

function statusNumber(v: AttrValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return null;
}

export function traceBrief(trace: TraceSpans): TraceBrief {
  const root = findRoot(trace);
  return {
    traceId: trace.traceId,
    spans: trace.spans.length,
    root: root?.name ?? '',
    durationMs: root ? root.duration / 1e6 : 0,
    statusCode: statusNumber(root?.attributes['http.response.status_code']),
    incompleteSpans: trace.spans.reduce((n, s) => (s.incomplete === undefined ? n : n + 1), 0),
  };
}
