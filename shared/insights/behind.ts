/**
 * The traces behind a figure of session insights (docs/insights.md: "every aggregate opens the traces
 * behind it"). A percentile is nearest-rank, so it is one real request: `traceAtRank` gives it with its
 * value, computed as groupStats computes the figure (the same values, the same rank, stats.ts's `rankOf`),
 * so the request opened has exactly the value shown. A count or a share is of a set of requests: the
 * functions below give it with the same predicate the figure counts with. Pure.
 */
import type { InsightTrace } from './breakdown';
import { statusClass } from './insights';
import { MIN_N, rankOf, sortedAsc } from './stats';

/** A latency of the headline. */
export type Part = 'total' | 'gateway' | 'upstream' | 'client';
/** A row of "where time goes": `bucket:access`, `plugin:access:rate-limiting`, `upstream:ttfb`, `io:redis`. */
export type RowKey = `${string}:${string}`;
export type Measure = Part | RowKey;

const PART_NS = { total: 'totalNs', gateway: 'gatewayNs', upstream: 'upstreamNs', client: 'clientNs' } as const;

const isPart = (m: Measure): m is Part => m in PART_NS;

/**
 * A request's value of a measure, ns; undefined when it lacks the row. A phase bucket it lacks is 0 ns of
 * its total (groupStats counts `bucket:` rows over all n), so every request has every bucket.
 */
export function measureNs(t: InsightTrace, m: Measure): number | undefined {
  if (isPart(m)) return t.breakdown[PART_NS[m]];
  const v = t.breakdown.rows[m];
  return v === undefined && m.startsWith('bucket:') ? 0 : v;
}

/** The requests a measure's figures are over: all of them, but for a plugin, upstream step or I/O row those having it. */
export function membersOf(members: readonly InsightTrace[], m: Measure): InsightTrace[] {
  return members.filter((t) => measureNs(t, m) !== undefined);
}

/** The requests that have a row at all (a row's "n present" and its share of the time): for a bucket, those with it. */
export function having(members: readonly InsightTrace[], row: RowKey): InsightTrace[] {
  return members.filter((t) => t.breakdown.rows[row] !== undefined);
}

/** A percentile as a request: its value (ns), which is the figure, and the trace that has it. */
export interface AtRank {
  ns: number;
  /** found when first read (a scan of the members for the value), so a table of figures costs one sort per row */
  readonly traceId: string;
}

/** The percentiles a table shows; 100 is the max. */
export type Rank = 50 | 90 | 95 | 99 | 100;

/** A measure's values over the requests it is over, ordered once for every percentile of it. */
export interface Ranking {
  over: InsightTrace[];
  /** the values in the members' order */
  values: Float64Array;
  /** the same, ascending */
  sorted: Float64Array;
}

export function rankingOf(members: readonly InsightTrace[], m: Measure): Ranking {
  // measureNs and membersOf in one pass, the kind of measure decided once (a group can hold thousands)
  let over: InsightTrace[];
  let values: Float64Array;
  if (isPart(m)) {
    const field = PART_NS[m];
    over = [...members];
    values = Float64Array.from(members, (t) => t.breakdown[field]);
  } else if (m.startsWith('bucket:')) {
    over = [...members];
    values = Float64Array.from(members, (t) => t.breakdown.rows[m] ?? 0);
  } else {
    over = [];
    const list: number[] = [];
    for (const t of members) {
      const v = t.breakdown.rows[m];
      if (v === undefined) continue;
      over.push(t);
      list.push(v);
    }
    values = Float64Array.from(list);
  }
  // a typed array sorts numerically, as groupStats sorts (stats.ts)
  return { over, values, sorted: sortedAsc(values) };
}

/**
 * The request at nearest rank p of the members' values of a measure: ordered by value, then by trace id
 * (so among requests of equal value the choice does not depend on their order), the one at rank
 * ceil(p/100 * n). Null where the small-n rules hide the percentile (p90 below 10 requests, p95 below 20,
 * p99 below 100), as the tables grey it.
 */
export function traceAtRank(members: readonly InsightTrace[], m: Measure, p: Rank): { traceId: string; ns: number } | null {
  const at = atRank(rankingOf(members, m), p);
  return at && { traceId: at.traceId, ns: at.ns };
}

/** p50, p90, p99 and max of a measure as requests, ordering the members once. */
export function figuresAtRank(members: readonly InsightTrace[], m: Measure): Record<'p50' | 'p90' | 'p99' | 'max', AtRank | null> {
  const r = rankingOf(members, m);
  return { p50: atRank(r, 50), p90: atRank(r, 90), p99: atRank(r, 99), max: atRank(r, 100) };
}

/** traceAtRank of a measure already ordered. */
export function atRank(r: Ranking, p: Rank): AtRank | null {
  const { over, values, sorted } = r;
  const n = sorted.length;
  if (n === 0 || n < (MIN_N[p] ?? 1)) return null;
  const k = rankOf(n, p) - 1;
  const ns = sorted[k]!;
  let id: string | undefined;
  const find = () => {
    // the requests of that value take ranks first..first+ties-1; ordered by trace id, the one at k
    let first = k;
    while (first > 0 && sorted[first - 1] === ns) first--;
    const tied: string[] = [];
    for (let i = 0; i < over.length; i++) if (values[i] === ns) tied.push(over[i]!.summary.traceId);
    tied.sort();
    return tied[k - first]!;
  };
  return {
    ns,
    get traceId() {
      return (id ??= find());
    },
  };
}

/** The requests of one status class ("2xx", "no status"), as the headline's status mix counts them. */
export function withStatusClass(members: readonly InsightTrace[], cls: string): InsightTrace[] {
  return members.filter((t) => statusClass(t.summary.status) === cls);
}

export const idsOf = (ts: readonly InsightTrace[]): string[] => ts.map((t) => t.summary.traceId);
