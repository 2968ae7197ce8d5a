import { describe, expect, it } from 'vitest';
import type { AlignedRow } from '../../../shared/compare/align';
import { shownRows, signedMs, stepDiff } from './compare-model';

const row = (key: string, change: AlignedRow['change'], deltaMs: number): AlignedRow => ({ key, label: key, depth: 0, parent: -1, a: 0, b: 0, aMs: 1, bMs: 1 + deltaMs, deltaMs, change });
const rows = [row('root', 'changed', 100), row('access', 'same', 0.2), row('plugin', 'changed', 99), row('try', 'added', 50), row('log', 'same', 0)];

describe('aligned rows as shown', () => {
  it('differences only keeps the rows that changed, were added or removed, in tree order', () => {
    expect(shownRows(rows, { diffOnly: false, sortByDelta: false })).toEqual([0, 1, 2, 3, 4]);
    expect(shownRows(rows, { diffOnly: true, sortByDelta: false })).toEqual([0, 2, 3]);
  });

  it('sorting by |delta| puts the biggest difference first', () => {
    expect(shownRows(rows, { diffOnly: false, sortByDelta: true })).toEqual([0, 2, 3, 1, 4]);
  });

  it('n and p step through differences in the shown order and stop at the ends', () => {
    const shown = shownRows(rows, { diffOnly: false, sortByDelta: false });
    expect(stepDiff(rows, shown, null, 1)).toBe(0);
    expect(stepDiff(rows, shown, 0, 1)).toBe(2);
    expect(stepDiff(rows, shown, 1, 1)).toBe(2);
    expect(stepDiff(rows, shown, 3, 1)).toBeNull();
    expect(stepDiff(rows, shown, 3, -1)).toBe(2);
    expect(stepDiff(rows, shown, null, -1)).toBe(3);
    expect(stepDiff(rows, shown, 0, -1)).toBeNull();
  });

  it('signs a delta', () => {
    const f = (ns: number) => `${ns / 1e6} ms`;
    expect(signedMs(2, f)).toBe('+2 ms');
    expect(signedMs(-2, f)).toBe('-2 ms');
    expect(signedMs(0, f)).toBe('±0 ms');
  });
});
