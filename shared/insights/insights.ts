/**
 * Session insights across traces (docs/insights.md): groups, their statistics, the bridge from the rest
 * to a selection, the ranked differences on categorical dimensions, and outliers with reasons in words.
 * Works from summaries and their breakdowns only (breakdown.ts); never reads span data. Pure.
 */
import type { TraceSummary } from '../model/types';
import { formatDuration } from '../util/duration';
import type { Breakdown, InsightTrace } from './breakdown';
import { isOutlier, outlierBasis, sortedAsc, statsOfSorted, type Sorted, type Stats } from './stats';

export type GroupBy = 'route' | 'service' | 'consumer' | 'status' | 'upstream' | 'node' | 'none';
export const GROUP_BYS: readonly GroupBy[] = ['route', 'service', 'consumer', 'status', 'upstream', 'node', 'none'];

/** A request the chips count as failing ("4% 5xx"): status 500 or above. */
export const isServerError = (t: InsightTrace): boolean => (t.summary.status ?? 0) >= 500;

export function statusClass(status: number | null): string {
  return status === null ? 'no status' : `${Math.floor(status / 100)}xx`;
}

/**
 * What counts as "the same request" under each grouping; the upstream target is read off the spans below
 * the root, so it needs the trace's breakdown (without one: "(no upstream)").
 */
export function groupKey(s: TraceSummary, by: GroupBy, b?: Pick<Breakdown, 'dims'>): string {
  switch (by) {
    case 'route':
      return `${s.method ?? '?'} ${s.route ?? s.path ?? '(no route)'}`;
    case 'service':
      return s.serviceId ?? '(no service)';
    case 'consumer':
      return s.consumerId ?? '(no consumer)';
    case 'status':
      return statusClass(s.status);
    case 'upstream':
      return b?.dims?.['upstream target'] ?? '(no upstream)';
    case 'node':
      return String(s.rootAttributes['kong.node.id'] ?? s.rootAttributes['host.name'] ?? '(no node)');
    case 'none':
      return 'all';
  }
}

/** The CLI's and the export's `S`: nearest-rank figures in ms, p90 null below 10, p99 below 100. */
export interface S {
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

const toS = (st: Stats): S => ({ p50: st.p50, p90: st.p90, p99: st.p99, max: st.max, mean: st.mean });
/** S in ms of nanosecond values already in ascending order */
const msOfSorted = (sortedNs: Sorted) => toS(statsOfSorted(sortedNs, 1e6));
const msOf = (ns: ArrayLike<number>) => msOfSorted(sortedAsc(ns));

export interface GroupRow {
  key: string;
  /** traces in the group that have the row */
  present: number;
  /**
   * `bucket:` rows over all n traces (a bucket a trace lacks counts 0), so their means add up to the mean
   * total; other rows (plugins, upstream steps, I/O) over the traces that have them
   */
  ms: S;
  /** the row's time as a share of the group's total time, in % */
  sharePct: number;
}

export interface Outlier {
  traceId: string;
  reason: string;
}

export interface GroupStats {
  key: string;
  n: number;
  /** traces with status >= 500 */
  errors: number;
  latencyMs: { total: S; gateway: S; upstream: S; client: S };
  rows: GroupRow[];
  outliers: Outlier[];
  traceIds: string[];
}

const ROW_ORDER = ['bucket:', 'plugin:', 'upstream:', 'io:'];
const rowRank = (key: string) => ROW_ORDER.findIndex((p) => key.startsWith(p));

/** A row key in words: `plugin:access:rate-limiting` -> "rate-limiting (access)". */
export function rowLabel(key: string): string {
  const [level, a, b] = key.split(':');
  if (level === 'plugin') return `${b} (${a})`;
  if (level === 'upstream') return `upstream ${a}`;
  if (level === 'io') return `I/O ${a}`;
  return a ?? key;
}

export function groupStats(key: string, traces: readonly InsightTrace[]): GroupStats {
  const n = traces.length;
  const rowNs = new Map<string, number[]>();
  let totalSum = 0;
  let errors = 0;
  const total = new Float64Array(n);
  const gateway = new Float64Array(n);
  const upstream = new Float64Array(n);
  const client = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = traces[i]!;
    const b = t.breakdown;
    totalSum += b.totalNs;
    total[i] = b.totalNs;
    gateway[i] = b.gatewayNs;
    upstream[i] = b.upstreamNs;
    client[i] = b.clientNs;
    if (isServerError(t)) errors++;
    for (const k in b.rows) {
      let list = rowNs.get(k);
      if (!list) rowNs.set(k, (list = []));
      list.push(b.rows[k]!);
    }
  }
  const sortedRows = new Map<string, Float64Array>();
  const rows: GroupRow[] = [];
  for (const [k, list] of rowNs) {
    const sorted = sortedAsc(list);
    sortedRows.set(k, sorted);
    let sum = 0;
    for (const v of list) sum += v;
    // a bucket a trace lacks is 0 ns of its total: over all n, so the buckets' means add up to the mean total
    const ms = k.startsWith('bucket:') && list.length < n ? msOf(Float64Array.from({ length: n }, (_, i) => (i < list.length ? list[i]! : 0))) : msOfSorted(sorted);
    rows.push({ key: k, present: list.length, ms, sharePct: totalSum > 0 ? (sum / totalSum) * 100 : 0 });
  }
  rows.sort((a, b) => rowRank(a.key) - rowRank(b.key) || b.sharePct - a.sharePct || a.key.localeCompare(b.key));
  return {
    key,
    n,
    errors,
    latencyMs: { total: msOf(total), gateway: msOf(gateway), upstream: msOf(upstream), client: msOf(client) },
    rows,
    outliers: outliersWith(traces, sortedRows),
    traceIds: traces.map((t) => t.summary.traceId),
  };
}

/** A group as its chip shows it: n, 5xx, the median total; and its traces, for groupStats when it is opened. */
export interface GroupChip {
  key: string;
  n: number;
  errors: number;
  totalP50Ms: number | null;
  traces: InsightTrace[];
}

/** The groups, largest first, with only what their chips show (the view's first paint computes these). */
export function groupChips(traces: readonly InsightTrace[], by: GroupBy): GroupChip[] {
  const groups = new Map<string, InsightTrace[]>();
  for (const t of traces) {
    const k = groupKey(t.summary, by, t.breakdown);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(t);
  }
  const chips: GroupChip[] = [];
  for (const [key, list] of groups) {
    let errors = 0;
    for (const t of list) if (isServerError(t)) errors++;
    const totals = sortedAsc(list.map((t) => t.breakdown.totalNs));
    chips.push({ key, n: list.length, errors, totalP50Ms: msOfSorted(totals).p50, traces: list });
  }
  return chips.sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
}

/** Groups with every statistic, largest first. */
export function groupTraces(traces: readonly InsightTrace[], by: GroupBy): GroupStats[] {
  return groupChips(traces, by).map((c) => groupStats(c.key, c.traces));
}

/**
 * Every outlier of a set of traces with its reason, each judged against its own group (route x method by
 * default, as the Insights tab opens): the trace list's "why slow" column and "outliers only" filter.
 */
export function outlierReasons(traces: readonly InsightTrace[], by: GroupBy = 'route'): Map<string, string> {
  const out = new Map<string, string>();
  for (const chip of groupChips(traces, by)) for (const o of outliers(chip.traces)) out.set(o.traceId, o.reason);
  return out;
}

/**
 * The group's outliers on total time, each with the bucket that explains it in words:
 * "upstream 2.31 s, 14x this group's median".
 */
export function outliers(traces: readonly InsightTrace[]): Outlier[] {
  const byRow = new Map<string, number[]>();
  for (const t of traces) {
    for (const k in t.breakdown.rows) {
      if (!k.startsWith('bucket:')) continue;
      let list = byRow.get(k);
      if (!list) byRow.set(k, (list = []));
      list.push(t.breakdown.rows[k]!);
    }
  }
  return outliersWith(traces, new Map([...byRow].map(([k, list]) => [k, sortedAsc(list)])));
}

/** The nearest-rank median of ascending values with `zeros` more values of 0 among them. */
function medianWithZeros(sorted: Sorted, zeros: number): number {
  const n = sorted.length + zeros;
  const rank = Math.max(1, Math.ceil(0.5 * n));
  let negatives = 0;
  while (negatives < sorted.length && sorted[negatives]! < 0) negatives++;
  if (rank <= negatives) return sorted[rank - 1]!;
  if (rank <= negatives + zeros) return 0;
  return sorted[rank - zeros - 1]!;
}

/** outliers() given each row's values (over the traces that have it) in ascending order. */
function outliersWith(traces: readonly InsightTrace[], sortedRows: ReadonlyMap<string, Sorted>): Outlier[] {
  const basis = outlierBasis(traces.map((t) => t.breakdown.totalNs / 1e6));
  if (!basis) return [];
  const n = traces.length;
  // a bucket's median over the whole group, a trace without it counting 0: the zeros rank first
  const medians = new Map<string, number>();
  for (const [k, sorted] of sortedRows) {
    if (!k.startsWith('bucket:')) continue;
    medians.set(k, medianWithZeros(sorted, n - sorted.length));
  }
  const bucketKeys = [...medians.keys()];
  const out: Outlier[] = [];
  for (const t of traces) {
    if (!isOutlier(t.breakdown.totalNs / 1e6, basis)) continue;
    let best: string | null = null;
    let bestExcess = -Infinity;
    for (const k of bucketKeys) {
      const excess = (t.breakdown.rows[k] ?? 0) - (medians.get(k) ?? 0);
      if (excess > bestExcess) {
        bestExcess = excess;
        best = k;
      }
    }
    const ns = best ? (t.breakdown.rows[best] ?? 0) : t.breakdown.totalNs;
    const med = best ? (medians.get(best) ?? 0) : basis.medianMs * 1e6;
    const times = med > 0 ? `, ${formatRatio(ns / med)} this group's median` : `, against ${formatDuration(0)} typically`;
    out.push({ traceId: t.summary.traceId, reason: `${best ? rowLabel(best) : 'total'} ${formatDuration(ns)}${times}` });
  }
  return out;
}

function formatRatio(r: number): string {
  return r >= 10 ? `${Math.round(r)}x` : `${r.toFixed(1)}x`;
}

export interface BridgeRow {
  key: string;
  /** mean in the selection minus mean in the rest, ns (rounded so the rows add up to deltaNs) */
  deltaNs: number;
}

export interface Bridge {
  restMeanNs: number;
  selectionMeanNs: number;
  /** selectionMean - restMean, rounded to the ns; the rows add up to it exactly */
  deltaNs: number;
  rows: BridgeRow[];
}

/**
 * From the rest's mean to the selection's mean, one bar per bucket of the partition. Because the buckets
 * partition each total, the differences of their means add up to the difference of the mean totals;
 * computed on integers over the common denominator nS * nR so rounding cannot break that.
 */
export function bridge(selection: readonly InsightTrace[], rest: readonly InsightTrace[]): Bridge | null {
  const nS = BigInt(selection.length);
  const nR = BigInt(rest.length);
  if (nS === 0n || nR === 0n) return null;
  const sel = bucketSums(selection);
  const oth = bucketSums(rest);
  const keys = [...new Set([...sel.rows.keys(), ...oth.rows.keys()])];
  const den = nS * nR;
  const nums = keys.map((k) => (sel.rows.get(k) ?? 0n) * nR - (oth.rows.get(k) ?? 0n) * nS);
  const totalNum = sel.total * nR - oth.total * nS;
  const deltaNs = roundDiv(totalNum, den);
  // largest remainder: floor every row, hand the missing nanoseconds to the largest remainders
  const floors = nums.map((x) => floorDiv(x, den));
  const remainders = nums.map((x, i) => x - floors[i]! * den);
  let missing = deltaNs - floors.reduce((a, b) => a + b, 0n);
  const order = keys.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : 0));
  const rounded = [...floors];
  for (const i of order) {
    if (missing <= 0n) break;
    rounded[i]! += 1n;
    missing -= 1n;
  }
  return {
    restMeanNs: Number(oth.total) / Number(nR),
    selectionMeanNs: Number(sel.total) / Number(nS),
    deltaNs: Number(deltaNs),
    rows: keys.map((key, i) => ({ key, deltaNs: Number(rounded[i]) })).sort((a, b) => Math.abs(b.deltaNs) - Math.abs(a.deltaNs)),
  };
}

/**
 * The exact sums of a set's (rounded) totals and `bucket:` rows, in one pass. Summed as numbers while they
 * stay exact integers (below 2^53 ns, about 104 days), which is every real set; as BigInt past that.
 */
function bucketSums(set: readonly InsightTrace[]): { total: bigint; rows: Map<string, bigint> } {
  let total = 0;
  const rows = new Map<string, number>();
  for (const t of set) {
    total += Math.round(t.breakdown.totalNs);
    for (const k in t.breakdown.rows) if (k.startsWith('bucket:')) rows.set(k, (rows.get(k) ?? 0) + Math.round(t.breakdown.rows[k]!));
  }
  if (Number.isSafeInteger(total) && [...rows.values()].every((v) => Number.isSafeInteger(v))) {
    return { total: BigInt(total), rows: new Map([...rows].map(([k, v]) => [k, BigInt(v)])) };
  }
  const big = new Map<string, bigint>();
  let bigTotal = 0n;
  for (const t of set) {
    bigTotal += BigInt(Math.round(t.breakdown.totalNs));
    for (const k in t.breakdown.rows) if (k.startsWith('bucket:')) big.set(k, (big.get(k) ?? 0n) + BigInt(Math.round(t.breakdown.rows[k]!)));
  }
  return { total: bigTotal, rows: big };
}

/**
 * Extra time in the selection per row: mean in the selection minus mean in the rest, in ms (a trace without
 * the row counts 0). Over `bucket:` rows these add up to the difference of the mean totals (the bridge
 * gives the same to the nanosecond); other rows refine them.
 */
export function extraTime(selection: readonly InsightTrace[], rest: readonly InsightTrace[]): Map<string, number> {
  const out = new Map<string, number>();
  if (selection.length === 0 || rest.length === 0) return out;
  const sums = (set: readonly InsightTrace[]) => {
    const m = new Map<string, number>();
    for (const t of set) for (const k in t.breakdown.rows) m.set(k, (m.get(k) ?? 0) + t.breakdown.rows[k]!);
    return m;
  };
  const a = sums(selection);
  const b = sums(rest);
  for (const k of new Set([...a.keys(), ...b.keys()])) out.set(k, ((a.get(k) ?? 0) / selection.length - (b.get(k) ?? 0) / rest.length) / 1e6);
  return out;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}
function roundDiv(a: bigint, b: bigint): bigint {
  return floorDiv(2n * a + b, 2n * b);
}
