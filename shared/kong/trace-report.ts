/**
 * What `ktv summary --json` says of a trace beyond its brief: the request, the latency model (parts
 * adding up to the total, the root span), Kong's own figures beside it, the phase bar's partition and the
 * verdict. The same functions as the app's screens, so the CLI and the app never disagree.
 */
import type { TraceSpans } from '../model/types';
import { latencyModel, modelMs, type LatencyMs } from './latency';
import { attrString, findRoot, summarizeTrace } from './summary';
import { verdict, type Verdict } from './verdict';

export interface TraceReport {
  method: string | null;
  url: string | null;
  requestId: string | null;
  /** the Konnect debugger session that recorded the trace */
  sessionId: string | null;
  gatewayVersion: string | null;
  latencyMs: LatencyMs;
  reportedMs: LatencyMs<number | null>;
  latencySource: 'reported' | 'derived';
  /** phase bucket -> ms (nanosecond precision), adding up to the root span's duration */
  phasesMs: Record<string, number>;
  verdict: Verdict;
}

const nsToMs = (ns: number) => Math.round(ns) / 1e6;

export function traceReport(trace: TraceSpans): TraceReport {
  const s = summarizeTrace(trace);
  const model = latencyModel(trace);
  const root = findRoot(trace);
  const resource = root ? trace.resources[root.resource] : undefined;
  return {
    method: s.method,
    url: s.url,
    requestId: s.requestId,
    sessionId: s.konnectSessionId,
    gatewayVersion: resource ? attrString(resource, 'service.version') : null,
    latencyMs: modelMs(model),
    reportedMs: model.reported,
    latencySource: model.source,
    phasesMs: Object.fromEntries(model.phases.map((p) => [p.key, nsToMs(p.ns)])),
    verdict: verdict(trace, model),
  };
}
