/**
 * The facts of a group's headline beside its latencies (docs/insights.md item 2): when its requests ran,
 * its status mix, who ended the failing ones (the upstream, the gateway, a plugin by name), and a data
 * quality line. Pure.
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
  /** requests with status >= 400 that a plugin ended (answered itself), by plugin, most first */
  pluginEnded: { plugin: string; n: number }[];
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
  const byPlugin = new Map<string, number>();
  for (const t of traces) {
    fromMs = Math.min(fromMs, t.summary.startMs);
    toMs = Math.max(toMs, t.summary.startMs);
    const cls = statusClass(t.summary.status);
    mix.set(cls, (mix.get(cls) ?? 0) + 1);
    if (isServerError(t)) failingEndedBy[t.breakdown.endedBy]++;
    const plugin = pluginAnswered(t);
    if (plugin) byPlugin.set(plugin, (byPlugin.get(plugin) ?? 0) + 1);
    if (t.breakdown.latencySource === 'derived') derived++;
    if (!t.breakdown.hasRoot) noRoot++;
  }
  const statusMix = [...mix].map(([cls, n]) => ({ cls, n })).sort((a, b) => b.n - a.n || a.cls.localeCompare(b.cls));
  const pluginEnded = [...byPlugin].map(([plugin, n]) => ({ plugin, n })).sort((a, b) => b.n - a.n || a.plugin.localeCompare(b.plugin));
  return { fromMs, toMs, statusMix, failingEndedBy, pluginEnded, derived, noRoot };
}

/** The failing requests (status >= 500) one side ended, as "5xx ended by" counts them. */
export function failingEndedBy(members: readonly InsightTrace[], by: 'upstream' | 'gateway'): InsightTrace[] {
  return members.filter((t) => isServerError(t) && t.breakdown.endedBy === by);
}

/** The plugin that answered a failing request (status >= 400) itself, or null. */
function pluginAnswered(t: InsightTrace): string | null {
  return t.breakdown.endedByPlugin && (t.summary.status ?? 0) >= 400 ? t.breakdown.endedByPlugin : null;
}

/** The failing requests (status >= 400) a plugin answered, as the headline's "answered by" counts them. */
export function answeredBy(members: readonly InsightTrace[], plugin: string): InsightTrace[] {
  return members.filter((t) => pluginAnswered(t) === plugin);
}
