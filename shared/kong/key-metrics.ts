/**
 * The key metrics shown beside the transaction map, from the root span's attributes (Konnect sends some
 * numbers as strings; `summarizeTrace` accepts both). When the gateway did not report its latencies,
 * they are derived from the spans and flagged so the UI can say so.
 */
import type { TraceSpans } from '../model/types';
import { phaseTimes } from './phase-times';
import { summarizeTrace } from './summary';

export interface KeyMetrics {
  status: number | null;
  upstreamStatus: number | null;
  method: string | null;
  url: string | null;
  route: string | null;
  routeId: string | null;
  serviceId: string | null;
  consumerId: string | null;
  requestId: string | null;
  totalMs: number | null;
  gatewayMs: number | null;
  upstreamMs: number | null;
  clientMs: number | null;
  /** true when at least one latency above was derived from spans rather than reported by Kong */
  derived: boolean;
  spanCount: number;
  errorCount: number;
}

export function keyMetrics(trace: TraceSpans): KeyMetrics {
  const s = summarizeTrace(trace);
  let derived = false;
  let buckets: Map<string, number> | null = null;
  const bucketMs = (key: string): number => {
    buckets ??= new Map(phaseTimes(trace).map((p) => [p.key, p.ns]));
    return (buckets.get(key) ?? 0) / 1e6;
  };
  const totalMs = s.latencyTotalMs ?? (trace.spans.length > 0 ? s.durationMs : null);
  let upstreamMs = s.latencyUpstreamMs;
  let clientMs = s.latencyClientMs;
  let gatewayMs = s.latencyInternalMs;
  if (trace.spans.length > 0) {
    if (upstreamMs === null) {
      upstreamMs = bucketMs('upstream');
      derived = true;
    }
    if (clientMs === null) {
      clientMs = bucketMs('client');
      derived = true;
    }
    if (gatewayMs === null && totalMs !== null) {
      gatewayMs = Math.max(0, totalMs - upstreamMs - clientMs);
      derived = true;
    }
  }
  return {
    status: s.status,
    upstreamStatus: s.upstreamStatus,
    method: s.method,
    url: s.url,
    route: s.route,
    routeId: s.routeId,
    serviceId: s.serviceId,
    consumerId: s.consumerId,
    requestId: s.requestId,
    totalMs,
    gatewayMs,
    upstreamMs,
    clientMs,
    derived,
    spanCount: s.spanCount,
    errorCount: s.errorCount,
  };
}
