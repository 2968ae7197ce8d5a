import { describe, expect, it } from 'vitest';
import { fisherExact, isOutlier, nearestRank, outlierBasis, stats } from './stats';

describe('nearestRank', () => {
  // the worked example of the nearest-rank method: 15, 20, 35, 40, 50
  const v = [15, 20, 35, 40, 50];
  it('takes the value at rank ceil(p/100 * n)', () => {
    expect(nearestRank(v, 5)).toBe(15);
    expect(nearestRank(v, 30)).toBe(20);
    expect(nearestRank(v, 40)).toBe(20);
    expect(nearestRank(v, 50)).toBe(35);
    expect(nearestRank(v, 100)).toBe(50);
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('stats', () => {
  const range = (n: number) => Array.from({ length: n }, (_, i) => n - i); // descending: stats sorts
  it('hides p90 below 10 requests, p95 below 20 and p99 below 100', () => {
    expect(stats(range(9))).toEqual({ n: 9, p50: 5, p90: null, p95: null, p99: null, max: 9, mean: 5 });
    expect(stats(range(10))).toMatchObject({ p50: 5, p90: 9, p95: null, p99: null, max: 10 });
    expect(stats(range(20))).toMatchObject({ p90: 18, p95: 19, p99: null });
    expect(stats(range(99)).p99).toBeNull();
    expect(stats(range(100))).toMatchObject({ p50: 50, p90: 90, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });
  it('says nothing of an empty set', () => {
    expect(stats([])).toEqual({ n: 0, p50: null, p90: null, p95: null, p99: null, max: null, mean: null });
  });
});

describe('outliers (MAD)', () => {
  it('flags a request 3.5 scaled MADs above the median', () => {
    // 1..9: median 5, deviations 0,1,1,2,2,3,3,4,4 -> MAD 2; threshold 5 + 3.5 * 1.4826 * 2 = 15.3782
    const b = outlierBasis([1, 2, 3, 4, 5, 6, 7, 8, 9])!;
    expect(b).toEqual({ medianMs: 5, madMs: 2 });
    expect(isOutlier(15.37, b)).toBe(false);
    expect(isOutlier(15.39, b)).toBe(true);
  });
  it('floors the MAD at 0.1 ms and asks for at least 1 ms above the median', () => {
    const b = outlierBasis([10, 10, 10, 10, 10, 10, 10, 10, 10, 50])!;
    expect(b).toEqual({ medianMs: 10, madMs: 0.1 });
    expect(isOutlier(50, b)).toBe(true);
    // 0.9 ms above: 6 scaled MADs, but less than a millisecond
    expect(isOutlier(10.9, b)).toBe(false);
    expect(isOutlier(11, b)).toBe(true);
  });
});

describe('fisherExact (two-sided)', () => {
  it('matches published values', () => {
    // Fisher's lady tasting tea: 3 of 4 right each way, p = 34/70
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(34 / 70, 10);
    // the textbook dieting example (men 1 of 12 dieting, women 9 of 12): p = 0.002759
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.0027594561852, 9);
    // no difference at all
    expect(fisherExact(5, 5, 5, 5)).toBe(1);
    expect(fisherExact(0, 0, 0, 0)).toBe(1);
  });
});
