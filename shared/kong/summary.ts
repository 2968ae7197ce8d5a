/**
 * The list-level summary of a trace, derived from its root span (domain.md section 2). Konnect sends some
 * numbers as strings ("177"), so numeric fields accept both.
 */
import type { AttrValue, Attributes, Span, TraceSpans, TraceSummary } from '../model/types';
import { StatusCode } from '../model/types';
import { latencyModel, modelMs } from './latency';

const NS_PER_MS = 1e6;

export function attrNumber(attrs: Attributes, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = attrs[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '') {
      const n = Number(value);
      if (Number.isFinite(n)) return n;
    }
  }
  return null;
}

export function attrString(attrs: Attributes, ...keys: string[]): string | null {
  for (const key of keys) {
    const value: AttrValue | undefined = attrs[key];
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return null;
}

/** The root span: the span named `kong` if any, else the earliest span without a parent in the trace. */
export function findRoot(trace: TraceSpans): Span | undefined {
  const ids = new Set<string>();
  for (const s of trace.spans) ids.add(s.spanId);
  let best: Span | undefined;
  for (const s of trace.spans) {
    const isRoot = s.parentSpanId === '' || !ids.has(s.parentSpanId);
    if (!isRoot) continue;
    if (s.name === 'kong' && (!best || best.name !== 'kong')) best = s;
    else if (!best || (best.name !== 'kong' && s.start < best.start)) best = s;
  }
  return best;
}

function pathOf(url: string | null, route: string | null): string | null {
  if (url) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
    if (m) return m[1] || '/';
    return url.split('?')[0] ?? url;
  }
  return route;
}

export function isErrorSpan(span: Span): boolean {
  if (span.status.code === StatusCode.ERROR) return true;
  const status = attrNumber(span.attributes, 'http.response.status_code', 'http.status_code');
  return status !== null && status >= 500;
}

/** The fields of a summary read from the root span's attributes alone (stores may keep only the attributes). */
export type RootFields = Pick<
  TraceSummary,
  | 'method'
  | 'url'
  | 'path'
  | 'route'
  | 'routeId'
  | 'serviceId'
  | 'consumerId'
  | 'status'
  | 'upstreamStatus'
  | 'latencyTotalMs'
  | 'latencyInternalMs'
  | 'latencyUpstreamMs'
  | 'latencyClientMs'
  | 'requestId'
>;

/** Gateway 3.9 reports the upstream's time in parts (`*_ms`): their sum, or null when none is there. */
function upstream39(a: Attributes): number | null {
  const parts = ['proxy.kong.upstream.connect_duration_ms', 'proxy.kong.upstream.ttfb_ms', 'proxy.kong.upstream.read_response_duration_ms'].map((k) => attrNumber(a, k));
  return parts.some((p) => p !== null) ? parts.reduce<number>((sum, p) => sum + (p ?? 0), 0) : null;
}

export function rootFields(a: Attributes): RootFields {
  const url = attrString(a, 'url.full', 'http.url');
  const route = attrString(a, 'http.route');
  return {
    method: attrString(a, 'http.request.method', 'http.method'),
    url,
    path: pathOf(url, route),
    route,
    routeId: attrString(a, 'proxy.kong.route.id', 'proxy.kong.router.route_id'),
    serviceId: attrString(a, 'proxy.kong.service.id', 'proxy.kong.router.service_id'),
    consumerId: attrString(a, 'proxy.kong.consumer_id', 'proxy.kong.consumer.id'),
    status: attrNumber(a, 'http.response.status_code', 'http.status_code'),
    upstreamStatus: attrNumber(a, 'proxy.kong.upstream_status_code', 'proxy.kong.upstream.status_code'),
    latencyTotalMs: attrNumber(a, 'proxy.kong.latency.total', 'proxy.kong.latency_total_ms'),
    latencyInternalMs: attrNumber(a, 'proxy.kong.latency.internal'),
    latencyUpstreamMs: attrNumber(a, 'proxy.kong.latency.upstream') ?? upstream39(a),
    latencyClientMs: attrNumber(a, 'proxy.kong.latency.client'),
    requestId: attrString(a, 'proxy.kong.request.id'),
  };
}

export function summarizeTrace(trace: TraceSpans, konnectSessionId: string | null = null): TraceSummary {
  const root = findRoot(trace);
  let minStart = Infinity;
  let maxEnd = -Infinity;
  let errorCount = 0;
  for (const s of trace.spans) {
    if (s.start < minStart) minStart = s.start;
    if (s.start + s.duration > maxEnd) maxEnd = s.start + s.duration;
    if (isErrorSpan(s)) errorCount++;
  }
  if (!Number.isFinite(minStart)) minStart = maxEnd = 0;
  const a: Attributes = root?.attributes ?? {};
  const baseMs = Number(BigInt(trace.baseNs) / 1000n) / 1000;
  const resource = root ? trace.resources[root.resource] : undefined;
  const model = trace.spans.length > 0 ? modelMs(latencyModel(trace)) : null;
  return {
    traceId: trace.traceId,
    rootName: root?.name ?? '',
    startMs: baseMs + minStart / NS_PER_MS,
    durationMs: (root ? root.duration : maxEnd - minStart) / NS_PER_MS,
    gatewayMs: model?.gateway ?? null,
    upstreamMs: model?.upstream ?? null,
    clientMs: model?.client ?? null,
    spanCount: trace.spans.length,
    errorCount,
    ...rootFields(a),
    konnectSessionId: konnectSessionId ?? (resource ? attrString(resource, 'session.id') : null),
    rootAttributes: a,
  };
}
