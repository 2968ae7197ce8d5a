/**
 * One trace against its group (insights.md, "Comparing two requests"): every span of the subject against
 * the same span (by alignment) in the group's other traces: the group's median, its p10-p90 band and the
 * subject's percentile per row. Percentiles are shared/insights/stats.ts's nearest-rank ones, under the
 * same small-n rule (no p10-p90 band below 10 values); the change rule is the alignment's `isChange`.
 */
import { latencyModel } from '../kong/latency';
import { MIN_N, nearestRank, percentileRank } from '../insights/stats';
import type { TraceSpans } from '../model/types';
import { alignTraces, isChange } from './align';

export interface GroupRow {
  key: string;
  label: string;
  depth: number;
  /** the subject's span */
  b: number;
  bMs: number;
  /** how many of the group's traces have this span */
  n: number;
  medianMs: number | null;
  /** the p10-p90 band; null below 10 values */
  p10Ms: number | null;
  p90Ms: number | null;
  /** the share of the group's values at or below the subject's, in percent; null when no trace has the span */
  percentile: number | null;
  /** the subject minus the median (the subject's own time when no trace of the group has the span) */
  deltaMs: number;
  /** `added`: no trace of the group has this span */
  change: 'same' | 'changed' | 'added';
}

export interface GroupComparison {
  traceId: string;
  totalMs: number;
  /** the other traces compared against */
  size: number;
  total: { medianMs: number | null; p10Ms: number | null; p90Ms: number | null; percentile: number | null };
  rows: GroupRow[];
}

const band = (sorted: number[]) => (sorted.length >= MIN_N[90]! ? { p10Ms: nearestRank(sorted, 10), p90Ms: nearestRank(sorted, 90) } : { p10Ms: null, p90Ms: null });

/** The subject against the group's traces (the subject itself, if among them, is left out). */
export function compareWithGroup(subject: TraceSpans, group: readonly TraceSpans[]): GroupComparison {
  const others = group.filter((g) => g.traceId !== subject.traceId);
  const values: number[][] = subject.spans.map(() => []);
  for (const g of others) {
    for (const r of alignTraces(g, subject).rows) if (r.a >= 0 && r.b >= 0) values[r.b]!.push(r.aMs!);
  }
  const rows = alignTraces(subject, subject).rows.map((r): GroupRow => {
    const sorted = values[r.b]!.sort((x, y) => x - y);
    const bMs = r.bMs!;
    const medianMs = nearestRank(sorted, 50);
    return {
      key: r.key,
      label: r.label,
      depth: r.depth,
      b: r.b,
      bMs,
      n: sorted.length,
      medianMs,
      ...band(sorted),
      percentile: sorted.length ? percentileRank(sorted, bMs) : null,
      deltaMs: bMs - (medianMs ?? 0),
      change: medianMs === null ? 'added' : isChange(medianMs, bMs) ? 'changed' : 'same',
    };
  });
  const totalMs = latencyModel(subject).totalNs / 1e6;
  const totals = others.map((g) => latencyModel(g).totalNs / 1e6).sort((x, y) => x - y);
  return {
    traceId: subject.traceId,
    totalMs,
    size: others.length,
    total: { medianMs: nearestRank(totals, 50), ...band(totals), percentile: totals.length ? percentileRank(totals, totalMs) : null },
    rows,
  };
}
