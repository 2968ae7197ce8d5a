/**
 * What is different about a selection (docs/insights.md item 7): per dimension of a request, the share of
 * each value in the selection against the rest, ranked by the difference, with Fisher's exact test; and
 * Include / Exclude of a value as a clause of the list's expression filter. Pure.
 */
import { quote } from '../expr/print';
import type { InsightTrace } from './breakdown';
import { groupKey } from './insights';
import { fisherExact } from './stats';
import { SPAN_DIMS, type SpanDim } from './trace-dims';

export type Dimension = 'method' | 'route' | 'status' | 'upstream status' | 'consumer' | 'client /24' | 'node' | 'ended by' | 'plugins' | SpanDim;

const DIMENSIONS: Record<Dimension, (t: InsightTrace) => string> = {
  method: (t) => t.summary.method ?? '(none)',
  route: (t) => t.summary.route ?? t.summary.path ?? '(none)',
  status: (t) => String(t.summary.status ?? '(none)'),
  'upstream status': (t) => String(t.summary.upstreamStatus ?? '(none)'),
  consumer: (t) => t.summary.consumerId ?? '(none)',
  'client /24': (t) => {
    const m = /^(\d+\.\d+\.\d+)\.\d+$/.exec(t.summary.clientAddress ?? '');
    return m ? `${m[1]}.0/24` : (t.summary.clientAddress ?? '(none)');
  },
  node: (t) => groupKey(t.summary, 'node'),
  'ended by': (t) => t.breakdown.endedBy,
  plugins: (t) => t.breakdown.plugins.join(', ') || '(none)',
  ...(Object.fromEntries(SPAN_DIMS.map((d) => [d, (t: InsightTrace) => t.breakdown.dims?.[d] ?? '(none)'])) as Record<SpanDim, (t: InsightTrace) => string>),
};

export interface Difference {
  dimension: Dimension;
  value: string;
  selected: number;
  selectionPct: number;
  restPct: number;
  /** two-sided Fisher's exact test */
  p: number;
}

/** Below this many selected traces a value is not shown. */
export const MIN_SELECTED = 3;

/** Values more (or less) common in the selection than in the rest, the largest difference first. */
export function differences(selection: readonly InsightTrace[], rest: readonly InsightTrace[]): Difference[] {
  const out: Difference[] = [];
  if (selection.length === 0 || rest.length === 0) return out;
  for (const [dim, f] of Object.entries(DIMENSIONS) as [Dimension, (t: InsightTrace) => string][]) {
    const sel = countBy(selection, f);
    const oth = countBy(rest, f);
    for (const [value, a] of sel) {
      if (a < MIN_SELECTED) continue;
      const c = oth.get(value) ?? 0;
      const selectionPct = (a / selection.length) * 100;
      const restPct = (c / rest.length) * 100;
      if (selectionPct === restPct) continue;
      out.push({ dimension: dim, value, selected: a, selectionPct, restPct, p: fisherExact(a, selection.length - a, c, rest.length - c) });
    }
  }
  return out.sort((x, y) => Math.abs(y.selectionPct - y.restPct) - Math.abs(x.selectionPct - x.restPct) || x.p - y.p);
}

/** The requests of a set with a dimension's value: the ones a Difference's selection % (or rest %) counts. */
export function withValue(set: readonly InsightTrace[], dim: Dimension, value: string): InsightTrace[] {
  const f = DIMENSIONS[dim];
  return set.filter((t) => f(t) === value);
}

function countBy(set: readonly InsightTrace[], f: (t: InsightTrace) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of set) {
    const k = f(t);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

const DIMENSION_FIELDS: Partial<Record<Dimension, { field: string; numeric: boolean }>> = {
  method: { field: 'http.request.method', numeric: false },
  route: { field: 'http.route', numeric: false },
  status: { field: 'http.response.status_code', numeric: true },
  'upstream status': { field: 'proxy.kong.upstream_status_code', numeric: true },
  consumer: { field: 'proxy.kong.consumer.id', numeric: false },
};

/**
 * Include (==) or Exclude (!=) a dimension's value, as a clause of the list's expression filter, joined to
 * what the filter already says with &&; null for a dimension the expression language cannot name or a
 * value that is absent.
 */
export function filterWith(current: string, dim: Dimension, value: string, include: boolean): string | null {
  const f = DIMENSION_FIELDS[dim];
  if (!f || value === '(none)') return null;
  if (f.numeric && !/^\d+$/.test(value)) return null;
  const clause = `${f.field} ${include ? '==' : '!='} ${f.numeric ? value : quote(value)}`;
  const base = current.trim();
  return base ? `(${base}) && ${clause}` : clause;
}
