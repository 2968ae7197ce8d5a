/**
 * What is different about a selection (docs/insights.md item 7): per dimension of a request, the share of
 * each value in the selection against the rest, ranked by the difference, with Fisher's exact test; and
 * Include / Exclude of a value as a clause of the list's expression filter. Pure.
 */
import { compile } from '../expr';
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
  'ended by': (t) => (t.breakdown.endedByPlugin ? `plugin ${t.breakdown.endedByPlugin}` : t.breakdown.endedBy),
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

const DIMENSION_FIELDS: Partial<Record<Dimension, { field: string; kind: 'string' | 'int' | 'cidr' }>> = {
  method: { field: 'http.request.method', kind: 'string' },
  route: { field: 'http.route', kind: 'string' },
  status: { field: 'http.response.status_code', kind: 'int' },
  'upstream status': { field: 'proxy.kong.upstream.status_code', kind: 'int' },
  consumer: { field: 'proxy.kong.consumer.id', kind: 'string' },
  'client /24': { field: 'client.address', kind: 'cidr' },
};

/**
 * A dimension's value as one clause of the expression language (the list's filter and the sampling rules
 * of a capture or a Konnect session): `==` / `!=` for Include / Exclude, `in` / `not in` for a client's
 * /24; null for a dimension the language cannot name, or a value that is absent.
 */
export function dimensionClause(dim: Dimension, value: string, include: boolean): string | null {
  const f = DIMENSION_FIELDS[dim];
  if (!f || value === '(none)') return null;
  if (f.kind === 'int') return /^\d+$/.test(value) ? `${f.field} ${include ? '==' : '!='} ${value}` : null;
  if (f.kind === 'cidr') {
    const cidr = /^\d+\.\d+\.\d+\.0\/24$/.test(value) ? value : null;
    return cidr ? `${f.field} ${include ? 'in' : 'not in'} ${cidr}` : null;
  }
  return `${f.field} ${include ? '==' : '!='} ${quote(value)}`;
}

/**
 * Whether a dimension's clause says of these traces exactly what the dimension says: the clause, evaluated
 * on each trace's root span as the list's filter does, keeps the traces having that value and no other.
 * A value read from an attribute the language does not look at (a client address only in `net.peer.ip`,
 * a route known only by its path) fails here, and then no Include / Exclude is offered for it rather than
 * one that would filter differently from what the table shows.
 */
export function clauseAgrees(traces: readonly InsightTrace[], dim: Dimension, value: string): boolean {
  const clause = dimensionClause(dim, value, true);
  if (!clause) return false;
  const c = compile(clause);
  if (!c.ok) return false;
  const of = DIMENSIONS[dim];
  return traces.every((t) => c.evaluate(t.summary.rootAttributes) === (of(t) === value));
}

/**
 * Include (==) or Exclude (!=) a dimension's value, as a clause of the list's expression filter, joined to
 * what the filter already says with &&; null where dimensionClause is.
 */
export function filterWith(current: string, dim: Dimension, value: string, include: boolean): string | null {
  const clause = dimensionClause(dim, value, include);
  return clause && andClause(current, clause);
}

/** A clause joined to what the list's filter already says, with && (the filter in parentheses). */
export function andClause(current: string, clause: string): string {
  const base = current.trim();
  return base ? `(${base}) && ${clause}` : clause;
}
