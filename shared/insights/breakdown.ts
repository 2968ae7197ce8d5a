/**
 * A trace's breakdown for session insights (docs/insights.md): everything the cross-trace view needs,
 * small enough to keep beside the summary so the view never reads span data.
 *
 * Every figure is read off the one latency model (shared/kong/latency.ts) and its phase partition:
 * `bucket:` rows are the partition's buckets and add up to the total to the nanosecond; `upstream:` rows
 * are the model's upstream steps; `plugin:` rows are each plugin's own time with the client reads nested
 * in it excluded (as the transaction map counts it); `io:` rows are third-party I/O. Only `bucket:` rows
 * partition the total; the others refine it and may overlap.
 */
import type { TraceSpans, TraceSummary } from '../model/types';
import { latencyModel } from '../kong/latency';
import { PART_OF_STEP } from '../kong/phase-times';
import { classifySpanName, type KongSpanKind } from '../kong/span-names';
import { spanIndex, type SpanIndex } from '../model/span-index';
import { ownTime } from '../kong/transaction-map';
import { endingPlugin } from '../kong/plugin-exit';
import { traceDims, type SpanDim } from './trace-dims';

/** Bumped when a breakdown gains a field: stored ones below it are computed again (breakdown-upgrade.ts). */
export const BREAKDOWN_VERSION = 3;

export interface Breakdown {
  /** the latency model, nanoseconds */
  totalNs: number;
  gatewayNs: number;
  upstreamNs: number;
  clientNs: number;
  /** row key (`bucket:access`, `plugin:access:rate-limiting`, `upstream:ttfb`, `io:redis`) -> ns */
  rows: Record<string, number>;
  /** 'reported' when Kong reported its own latencies, else 'derived' from the spans */
  latencySource: 'reported' | 'derived';
  /** whether the model's total is the root span's (false: the trace's extent, no root) */
  hasRoot: boolean;
  /** who ended the request: 'upstream', or 'gateway' when it never reached one */
  endedBy: 'upstream' | 'gateway';
  /** the plugin that ended the request (shared/kong/plugin-exit.ts endingPlugin); absent when none did, and below version 3 */
  endedByPlugin?: string;
  /** plugin names that ran, sorted */
  plugins: string[];
  /** the dimensions read off spans below the root (trace-dims.ts); absent in version 1 */
  dims?: Partial<Record<SpanDim, string>>;
  /** BREAKDOWN_VERSION when computed (absent: version 1) */
  v?: number;
}

/**
 * The breakdown row a span stands for, and how its time in that row is measured: `own` (a plugin's own time,
 * client reads nested in it excluded, summed over the plugin's spans in that phase), `duration` (third-party
 * I/O and DNS, summed), or `model` (phase buckets and upstream steps, read off the latency model rather than
 * summed over spans). Null for a span no row stands for. computeBreakdown builds its rows through this, and the
 * open trace's percentile badges find a span's row through it, so the two cannot disagree.
 */
function spanRow(k: KongSpanKind): { key: string; measure: 'own' | 'duration' | 'model' } | null {
  switch (k.kind) {
    case 'plugin':
      return { key: `plugin:${k.phase}:${k.plugin}`, measure: 'own' };
    case 'io':
      return { key: `io:${k.target.split('.')[0]}`, measure: 'duration' };
    case 'dns':
      return { key: 'io:dns', measure: 'duration' };
    case 'phase':
      return { key: `bucket:${k.phase}`, measure: 'model' };
    case 'upstream':
      return { key: `upstream:${PART_OF_STEP[k.step]}`, measure: 'model' };
    default:
      return null;
  }
}

/** The breakdown row key a span's name stands for (`plugin:access:jwt`, `upstream:ttfb`...), or null. */
export function rowKeyOfSpan(name: string): string | null {
  return spanRow(classifySpanName(name))?.key ?? null;
}

/** `status`: the response's, from the summary (for who ended a failed request). */
export function computeBreakdown(trace: TraceSpans, status: number | null = null): Breakdown {
  const m = latencyModel(trace);
  const rows: Record<string, number> = {};
  const add = (key: string, ns: number) => {
    rows[key] = (rows[key] ?? 0) + ns;
  };
  // the buckets as the model reads them (whole µs for upstream and client, the gateway's buckets taking
  // the rounding in the largest of them), so they add up to the model's total, not only to the partition's
  let largest: string | null = null;
  let gatewaySum = 0;
  for (const t of m.phases) {
    if (t.key === 'upstream' || t.key === 'client') continue;
    const ns = Math.round(t.ns);
    add(`bucket:${t.key}`, ns);
    gatewaySum += ns;
    if (largest === null || ns > (rows[largest] ?? 0)) largest = `bucket:${t.key}`;
  }
  if (m.upstreamNs > 0 || m.phases.some((t) => t.key === 'upstream')) add('bucket:upstream', m.upstreamNs);
  if (m.clientNs > 0 || m.phases.some((t) => t.key === 'client')) add('bucket:client', m.clientNs);
  const residual = m.gatewayNs - gatewaySum;
  if (residual !== 0) add(largest ?? 'bucket:other', residual);
  for (const s of m.upstreamSteps) add(`upstream:${s.step}`, s.ns);
  const index = spanIndex(trace);
  const plugins = new Set<string>();
  for (const span of trace.spans) {
    const k = classifySpanName(span.name);
    const row = spanRow(k);
    if (!row || row.measure === 'model') continue;
    if (k.kind === 'plugin') plugins.add(k.plugin);
    // an operation of a plugin nested in the plugin's span (`kong.access.plugin.jwt.verify`) is time the
    // plugin's own time already holds: counted once
    if (k.kind === 'plugin' && k.operation && withinRow(index, span, row.key)) continue;
    add(row.key, row.measure === 'own' ? ownTime(index, span) : span.duration);
  }
  // a request that reached its upstream was ended by it (endedBy): only the others look for a plugin
  const endedByPlugin = m.reachedUpstream ? null : endingPlugin(trace, status, false);
  return {
    totalNs: m.totalNs,
    gatewayNs: m.gatewayNs,
    upstreamNs: m.upstreamNs,
    clientNs: m.clientNs,
    rows,
    latencySource: m.source,
    hasRoot: m.clock === 'root span',
    endedBy: m.reachedUpstream ? 'upstream' : 'gateway',
    ...(endedByPlugin ? { endedByPlugin } : {}),
    plugins: [...plugins].sort(),
    dims: traceDims(trace),
    v: BREAKDOWN_VERSION,
  };
}

/** Whether an ancestor of the span stands for the same row (the cycle-safe walk stops at the trace's size). */
function withinRow(index: SpanIndex, span: TraceSpans['spans'][number], key: string): boolean {
  let parent = index.byId.get(span.parentSpanId);
  for (let hops = 0; parent && hops < index.byId.size; hops++) {
    if (rowKeyOfSpan(parent.name) === key) return true;
    parent = index.byId.get(parent.parentSpanId);
  }
  return false;
}

/** A summary with its breakdown: the unit the insights view works on. */
export interface InsightTrace {
  summary: TraceSummary;
  breakdown: Breakdown;
}
