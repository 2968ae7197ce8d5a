/**
 * Honest statistics for small sets (docs/insights.md, "Honest small numbers"): nearest-rank percentiles
 * (every figure is a real request one can open), the small-n rules that hide a percentile the set cannot
 * support, robust (MAD) outliers, and Fisher's exact test for a categorical difference. Pure.
 */

/** Ascending values, sortable as numbers. A typed array sorts numerically several times faster than
 * `Array.prototype.sort` with a comparator, which is most of a group's statistics. */
export type Sorted = ArrayLike<number>;

/** The values in ascending order, as a typed array. */
export function sortedAsc(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** The nearest rank of percentile p among n values, 1-based: ceil(p/100 * n), at least 1, at most n. */
export function rankOf(n: number, p: number): number {
  return Math.min(Math.max(1, Math.ceil((p / 100) * n)), n);
}

/** The value at rank ceil(p/100 * n) of the ascending values; null for an empty set. */
export function nearestRank(sortedAsc: Sorted, p: number): number | null {
  const n = sortedAsc.length;
  if (n === 0) return null;
  return sortedAsc[rankOf(n, p) - 1]!;
}

/** How many of the ascending values are at or below x (a binary search). */
export function countAtOrBelow(sortedAsc: Sorted, x: number): number {
  let lo = 0;
  let hi = sortedAsc.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedAsc[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where x stands in the ascending values, in percent: the share of them at or below x (0 for an empty set). */
export function percentileRank(sortedAsc: Sorted, x: number): number {
  const n = sortedAsc.length;
  if (n === 0) return 0;
  return Math.round((countAtOrBelow(sortedAsc, x) / n) * 100);
}

/** The smallest n at which a percentile is shown; below it the cell shows max, greyed. */
export const MIN_N: Readonly<Record<number, number>> = { 50: 1, 90: 10, 95: 20, 99: 100 };

export interface Stats {
  n: number;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

function gated(sorted: Sorted, p: number, scale: number): number | null {
  if (sorted.length < (MIN_N[p] ?? 1)) return null;
  const v = nearestRank(sorted, p);
  return v === null ? null : v / scale;
}

/** n, nearest-rank p50/p90/p95/p99 under the small-n rules, max and mean. */
export function stats(values: ArrayLike<number>): Stats {
  return statsOfSorted(sortedAsc(values));
}

/** stats() of values already in ascending order, each divided by `scale` (1e6: nanoseconds to ms). */
export function statsOfSorted(sorted: Sorted, scale = 1): Stats {
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]! / scale;
  return {
    n,
    p50: gated(sorted, 50, scale),
    p90: gated(sorted, 90, scale),
    p95: gated(sorted, 95, scale),
    p99: gated(sorted, 99, scale),
    max: n > 0 ? sorted[n - 1]! / scale : null,
    mean: n > 0 ? sum / n : null,
  };
}

export const OUTLIER_Z = 3.5;
export const OUTLIER_MIN_MS = 1;
export const MAD_FLOOR_MS = 0.1;
const MAD_SCALE = 1.4826;

export interface OutlierTest {
  /** the nearest-rank median of the set */
  medianMs: number;
  /** the nearest-rank median absolute deviation, floored at MAD_FLOOR_MS */
  madMs: number;
}

/** The median and MAD an outlier is judged against (null for an empty set). */
export function outlierBasis(valuesMs: ArrayLike<number>): OutlierTest | null {
  const sorted = sortedAsc(valuesMs);
  const median = nearestRank(sorted, 50);
  if (median === null) return null;
  const dev = sorted.map((v) => Math.abs(v - median)).sort();
  const mad = Math.max(nearestRank(dev, 50) ?? 0, MAD_FLOOR_MS);
  return { medianMs: median, madMs: mad };
}

/** (x - median) / (1.4826 * MAD) >= 3.5 and at least 1 ms above the median. */
export function isOutlier(xMs: number, basis: OutlierTest): boolean {
  const above = xMs - basis.medianMs;
  return above >= OUTLIER_MIN_MS && above / (MAD_SCALE * basis.madMs) >= OUTLIER_Z;
}

/** log(k!) for k <= n, grown as needed and kept: a re-ranking tests many tables of the same n */
let lfCache = new Float64Array(2);
function logFactorials(n: number): Float64Array {
  if (lfCache.length > n) return lfCache;
  const f = new Float64Array(Math.max(n + 1, lfCache.length * 2));
  f.set(lfCache);
  for (let i = lfCache.length; i < f.length; i++) f[i] = f[i - 1]! + Math.log(i);
  lfCache = f;
  return f;
}

/**
 * Two-sided Fisher's exact test of the 2x2 table [[a, b], [c, d]] (rows: selection / rest; columns: has
 * the value / has not): the sum of the probabilities of every table with the same margins that is no more
 * likely than the observed one (R's fisher.test convention, with its relative tolerance of 1e-7).
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const n = r1 + r2;
  if (n === 0) return 1;
  const lf = logFactorials(n);
  const logP = (x: number) => {
    const y = r1 - x;
    const z = c1 - x;
    const w = r2 - z;
    return lf[r1]! + lf[r2]! + lf[c1]! + lf[n - c1]! - lf[n]! - lf[x]! - lf[y]! - lf[z]! - lf[w]!;
  };
  const observed = logP(a);
  const lo = Math.max(0, c1 - r2);
  const hi = Math.min(r1, c1);
  let p = 0;
  for (let x = lo; x <= hi; x++) {
    const lp = logP(x);
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
