/**
 * The list-level summary of a trace, derived from its root span (domain.md section 2). Konnect sends some
 * numbers as strings ("177"), so numeric fields accept both.
 */
import type { AttrValue, Attributes, Span, TraceSpans, TraceSummary } from '../model/types';
import { StatusCode } from '../model/types';
import { computeBreakdown } from '../insights/breakdown';
import { latencyModel, modelMs } from './latency';
import { linkedRequestTraceId } from './log-phase';
import { upstreamStepOf } from './span-names';

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
  | 'latencyThirdPartyMs'
  | 'requestId'
  | 'clientAddress'
>;

/**
 * Root attribute names of every generation (domain.md sections 2 and 11), today's first: Konnect's
 * debugger since 3.10, 3.10 before GA, 3.9's `*_ms` names, and the OpenTelemetry plugin's older semantic
 * conventions (what live capture receives).
 */
export const ROOT_KEYS = {
  method: ['http.request.method', 'http.method'],
  url: ['url.full', 'http.url'],
  route: ['http.route'],
  routeId: ['proxy.kong.route.id', 'proxy.kong.router.route_id'],
  serviceId: ['proxy.kong.service.id', 'proxy.kong.router.service_id'],
  consumerId: ['proxy.kong.consumer_id', 'proxy.kong.consumer.id'],
  status: ['http.response.status_code', 'http.status_code'],
  upstreamStatus: ['proxy.kong.upstream_status_code', 'proxy.kong.upstream.status_code'],
  latencyTotal: ['proxy.kong.latency.total', 'proxy.kong.latency_total_ms'],
  latencyInternal: ['proxy.kong.latency.internal'],
  latencyUpstream: ['proxy.kong.latency.upstream'],
  latencyClient: ['proxy.kong.latency.client'],
  /** an older gateway reports the upstream as these two parts */
  upstreamTtfb: ['proxy.kong.latency.upstream.ttfb', 'proxy.kong.upstream.ttfb_ms'],
  upstreamReadResponse: ['proxy.kong.latency.upstream.read_response_duration', 'proxy.kong.upstream.read_response_duration_ms'],
  thirdPartyTotal: ['proxy.kong.latency.3p.total_io'],
  /** per kind, when no total is given: today's, 3.10 before GA, 3.9 */
  thirdPartyKinds: [
    'proxy.kong.latency.3p.redis.total_io',
    'proxy.kong.latency.3p.tcpsock.total_io',
    'proxy.kong.latency.3p.http_client.total_io',
    'proxy.kong.latency.3p.dns.total_io',
    'proxy.kong.latency.redis.total_io',
    'proxy.kong.latency.tcpsock.total_io',
    'proxy.kong.redis.total_io_ms',
    'proxy.kong.tcpsock.total_io_ms',
  ],
  requestId: ['proxy.kong.request.id', 'kong.request.id'],
  // on the OpenTelemetry plugin's root (a server span) net.peer.ip is the client; Konnect's root names the
  // upstream network.peer.address instead, which is why that one is not here
  clientAddress: ['client.address', 'http.client_ip', 'net.src.ip', 'net.peer.ip'],
} as const satisfies Record<string, readonly string[]>;

/** The upstream latency a gateway reported: today's one number, or an older gateway's two parts added. */
function reportedUpstream(a: Attributes): number | null {
  const today = attrNumber(a, ...ROOT_KEYS.latencyUpstream);
  if (today !== null) return today;
  const ttfb = attrNumber(a, ...ROOT_KEYS.upstreamTtfb);
  const read = attrNumber(a, ...ROOT_KEYS.upstreamReadResponse);
  return ttfb === null && read === null ? null : (ttfb ?? 0) + (read ?? 0);
}

function reportedThirdParty(a: Attributes): number | null {
  const total = attrNumber(a, ...ROOT_KEYS.thirdPartyTotal);
  if (total !== null) return total;
  let sum: number | null = null;
  for (const key of ROOT_KEYS.thirdPartyKinds) {
    const v = attrNumber(a, key);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

export function rootFields(a: Attributes): RootFields {
  const url = attrString(a, ...ROOT_KEYS.url);
  const route = attrString(a, ...ROOT_KEYS.route);
  return {
    method: attrString(a, ...ROOT_KEYS.method),
    url,
    path: pathOf(url, route),
    route,
    routeId: attrString(a, ...ROOT_KEYS.routeId),
    serviceId: attrString(a, ...ROOT_KEYS.serviceId),
    consumerId: attrString(a, ...ROOT_KEYS.consumerId),
    status: attrNumber(a, ...ROOT_KEYS.status),
    upstreamStatus: attrNumber(a, ...ROOT_KEYS.upstreamStatus),
    latencyTotalMs: attrNumber(a, ...ROOT_KEYS.latencyTotal),
    latencyInternalMs: attrNumber(a, ...ROOT_KEYS.latencyInternal),
    latencyUpstreamMs: reportedUpstream(a),
    latencyClientMs: attrNumber(a, ...ROOT_KEYS.latencyClient),
    latencyThirdPartyMs: reportedThirdParty(a),
    requestId: attrString(a, ...ROOT_KEYS.requestId),
    clientAddress: attrString(a, ...ROOT_KEYS.clientAddress),
  };
}

/** The upstream's name as the spans give it (the first try's peer, else the root's upstream address). */
export function upstreamHost(trace: TraceSpans, root = findRoot(trace)): string | null {
  for (const s of trace.spans) {
    if (upstreamStepOf(s.name) === null) continue;
    const host = attrString(s.attributes, 'network.peer.name', 'proxy.kong.upstream.host', 'net.peer.name', 'peer.service', 'network.peer.address', 'net.peer.ip');
    if (host) return host;
  }
  return root ? attrString(root.attributes, 'proxy.kong.upstream.host', 'proxy.kong.upstream.addr', 'proxy.kong.upstream.address') : null;
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
  const summary: TraceSummary = {
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
  // the upstream's name, found in a span below the root as often as on it: the list's search finds by it
  const host = upstreamHost(trace, root);
  if (host) summary.upstreamHost = host;
  if (trace.spans.length > 0) summary.breakdown = computeBreakdown(trace, summary.status);
  // only a log-phase trace of its own has one; other rows stay as they were
  const requestTraceId = linkedRequestTraceId(trace);
  if (requestTraceId) summary.requestTraceId = requestTraceId;
  return summary;
}
