/**
 * The facts of a group's headline beside its latencies (docs/insights.md item 2): when its requests ran,
 * its status mix, who ended the failing ones, and a data quality line. Pure.
 */
import type { InsightTrace } from './breakdown';
import { isServerError, statusClass } from './insights';

export interface HeadlineFacts {
  /** the first and last request's start, Unix ms */
  fromMs: number;
  toMs: number;
  /** status classes with their counts, most common first */
  statusMix: { cls: string; n: number }[];
  /** requests with status >= 500 by who ended them */
  failingEndedBy: { upstream: number; gateway: number };
  /** data quality: latencies derived from spans rather than reported by Kong, traces without a root span */
  derived: number;
  noRoot: number;
}

export function headlineFacts(traces: readonly InsightTrace[]): HeadlineFacts {
  let fromMs = Infinity;
  let toMs = -Infinity;
  const mix = new Map<string, number>();
  const failingEndedBy = { upstream: 0, gateway: 0 };
  let derived = 0;
  let noRoot = 0;
  for (const t of traces) {
    fromMs = Math.min(fromMs, t.summary.startMs);
    toMs = Math.max(toMs, t.summary.startMs);
    const cls = statusClass(t.summary.status);
    mix.set(cls, (mix.get(cls) ?? 0) + 1);
    if (isServerError(t)) failingEndedBy[t.breakdown.endedBy]++;
    if (t.breakdown.latencySource === 'derived') derived++;
    if (!t.breakdown.hasRoot) noRoot++;
  }
  const statusMix = [...mix].map(([cls, n]) => ({ cls, n })).sort((a, b) => b.n - a.n || a.cls.localeCompare(b.cls));
  return { fromMs, toMs, statusMix, failingEndedBy, derived, noRoot };
}

/** The failing requests (status >= 500) one side ended, as "5xx ended by" counts them. */
export function failingEndedBy(members: readonly InsightTrace[], by: 'upstream' | 'gateway'): InsightTrace[] {
  return members.filter((t) => isServerError(t) && t.breakdown.endedBy === by);
}
