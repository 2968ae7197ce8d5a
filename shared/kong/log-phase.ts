/**
 * 3.13+ gateways write the log phase (`kong.phase.log`, `kong.log.plugin.*`, `kong.analytics.log_request`)
 * as a trace of its own, after the response was sent (domain.md section 11). On its own it is an orphan
 * with an empty map; these functions tie it to its request trace, by the Kong request id both roots carry
 * or by a span link from the log trace to the request, and draw it with that request.
 */
import type { Span, TraceSpans, TraceSummary } from '../model/types';
import { isLogPhaseSpan } from './span-names';
import { findRoot } from './summary';

/** The name of the group span a request trace's log phase is shown under. */
export const LOG_PHASE_GROUP = 'log phase (separate trace)';

/** Whether a trace whose root span has this name is a log-phase trace of its own. */
export const isLogPhaseRoot = (rootName: string): boolean => isLogPhaseSpan(rootName);

/**
 * The request trace a log-phase trace links to: the first span link out of its own trace. Null for a
 * trace that is not a log-phase trace, or has no link.
 */
export function linkedRequestTraceId(trace: TraceSpans): string | null {
  const root = findRoot(trace);
  if (!root || !isLogPhaseRoot(root.name)) return null;
  for (const s of trace.spans) {
    for (const l of s.links ?? []) if (l.traceId !== trace.traceId) return l.traceId;
  }
  return null;
}

type RowKeys = Pick<TraceSummary, 'traceId' | 'rootName' | 'requestId' | 'requestTraceId'>;

/**
 * For every log-phase row among `rows`, the request row it belongs to (found by span link first, then by
 * request id); rows whose request is not among them are left out. One pass, so a list of any size can ask.
 */
export function logPhaseRequests<R extends RowKeys>(rows: readonly R[]): Map<string, R> {
  const byTrace = new Map<string, R>();
  const byRequest = new Map<string, R>();
  for (const r of rows) {
    if (isLogPhaseRoot(r.rootName)) continue;
    byTrace.set(r.traceId, r);
    if (r.requestId && !byRequest.has(r.requestId)) byRequest.set(r.requestId, r);
  }
  const out = new Map<string, R>();
  for (const r of rows) {
    if (!isLogPhaseRoot(r.rootName)) continue;
    const request = (r.requestTraceId ? byTrace.get(r.requestTraceId) : undefined) ?? (r.requestId ? byRequest.get(r.requestId) : undefined);
    if (request) out.set(r.traceId, request);
  }
  return out;
}

/** Whether `companion` is the log phase of the request row `request`. */
export function isLogPhaseOf(companion: RowKeys, request: RowKeys): boolean {
  if (!isLogPhaseRoot(companion.rootName) || isLogPhaseRoot(request.rootName) || companion.traceId === request.traceId) return false;
  return companion.requestTraceId === request.traceId || (!!companion.requestId && companion.requestId === request.requestId);
}

/**
 * The request trace with its log-phase traces' spans appended under one group span per log trace, timed on
 * the request's clock, so the waterfall and the map show them with the request. The group span has no
 * parent (the log phase runs after the root span ended) and says which trace it came from.
 */
export function withLogPhase(request: TraceSpans, companions: readonly TraceSpans[]): TraceSpans {
  if (companions.length === 0) return request;
  const spans: Span[] = [...request.spans];
  const resources = [...request.resources];
  const scopes = [...request.scopes];
  const base = BigInt(request.baseNs);
  const ids = new Set(spans.map((s) => s.spanId));
  for (const log of companions) {
    const shift = Number(BigInt(log.baseNs) - base);
    const resourceAt = resources.length;
    const scopeAt = scopes.length;
    resources.push(...log.resources);
    scopes.push(...log.scopes);
    let start = Infinity;
    let end = -Infinity;
    for (const s of log.spans) {
      start = Math.min(start, s.start + shift);
      end = Math.max(end, s.start + shift + s.duration);
    }
    const group = `log:${log.traceId}`;
    const logIds = new Set(log.spans.map((s) => s.spanId));
    spans.push({
      spanId: group,
      parentSpanId: '',
      name: LOG_PHASE_GROUP,
      kind: 0,
      start: Number.isFinite(start) ? start : 0,
      duration: Number.isFinite(end) ? end - start : 0,
      status: { code: 0 },
      attributes: { 'ktv.log_phase.trace_id': log.traceId },
      events: [],
      resource: log.resources.length > 0 ? resourceAt : 0,
      scope: log.scopes.length > 0 ? scopeAt : 0,
    });
    for (const s of log.spans) {
      // ids are unique per trace only: a clash with the request's spans keeps the request's
      if (ids.has(s.spanId)) continue;
      ids.add(s.spanId);
      const parent = s.parentSpanId !== '' && logIds.has(s.parentSpanId) ? s.parentSpanId : group;
      spans.push({ ...s, start: s.start + shift, parentSpanId: parent, resource: s.resource + resourceAt, scope: s.scope + scopeAt });
    }
  }
  return { ...request, spans, resources, scopes };
}
