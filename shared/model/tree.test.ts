import { describe, expect, it } from 'vitest';
import {
  ancestorIds,
  buildSpanTree,
  collapsedForLevel,
  searchSpans,
  visibleRows,
  type SpanTree,
} from './tree';
import type { Span } from './types';

function span(spanId: string, parentSpanId: string, start: number, duration: number, extra: Partial<Span> = {}): Span {
  return {
    spanId,
    parentSpanId,
    name: extra.name ?? `op-${spanId}`,
    kind: 1,
    start,
    duration,
    status: { code: 0 },
    attributes: {},
    events: [],
    resource: 0,
    scope: 0,
    ...extra,
  };
}

const names = (tree: SpanTree, rows: ArrayLike<number>): string[] =>
  Array.from(rows, (i) => tree.spans[i]!.spanId);

describe('buildSpanTree', () => {
  it('orders children by start, computes depth and descendant counts', () => {
    const tree = buildSpanTree([
      span('r', '', 0, 100),
      span('b', 'r', 50, 10),
      span('a', 'r', 10, 10),
      span('a1', 'a', 12, 2),
    ]);
    expect(names(tree, tree.preorder)).toEqual(['r', 'a', 'a1', 'b']);
    const at = (id: string): number => tree.indexOf.get(id)!;
    expect(tree.depth[at('a1')]).toBe(2);
    expect(tree.descendants[at('r')]).toBe(3);
    expect(tree.descendants[at('a')]).toBe(1);
    expect(tree.maxDepth).toBe(2);
    expect(tree.minStart).toBe(0);
    expect(tree.maxEnd).toBe(100);
  });

  it('makes spans whose parent is missing into roots, in start order', () => {
    const tree = buildSpanTree([span('x', 'gone', 30, 5), span('r', '', 0, 100), span('c', 'x', 31, 1)]);
    expect(names(tree, tree.roots)).toEqual(['r', 'x']);
    expect(names(tree, tree.preorder)).toEqual(['r', 'x', 'c']);
  });

  it('breaks a parent cycle instead of losing its spans', () => {
    const tree = buildSpanTree([span('a', 'b', 0, 10), span('b', 'a', 5, 1)]);
    expect(names(tree, tree.preorder)).toEqual(['a', 'b']);
    expect(tree.parent[tree.indexOf.get('a')!]).toBe(-1);
  });

  it('builds a 20,000-deep chain without overflowing the stack', () => {
    const spans = Array.from({ length: 20_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : '', i, 40_000 - 2 * i));
    const tree = buildSpanTree(spans);
    expect(tree.maxDepth).toBe(19_999);
    expect(tree.descendants[0]).toBe(19_999);
    // every span ends one ns after its child: the path runs down the chain and back up
    expect(tree.onCriticalPath.every((v) => v === 1)).toBe(true);
    expect(visibleRows(tree, new Set()).length).toBe(20_000);
    expect(ancestorIds(tree, 19_999)).toHaveLength(19_999);
    expect(searchSpans(tree, 'op-s19999')!.keep.reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  it('handles 50,000 flat spans', () => {
    const spans = [span('root', '', 0, 1e9)];
    for (let i = 0; i < 50_000; i++) spans.push(span(`c${i}`, 'root', (i * 7919) % 1e6, 100));
    const tree = buildSpanTree(spans);
    expect(tree.children[0]).toHaveLength(50_000);
    expect(visibleRows(tree, new Set(['root'])).length).toBe(1);
    const starts = tree.children[0]!.map((i) => tree.spans[i]!.start);
    expect(starts.every((s, k) => k === 0 || s >= starts[k - 1]!)).toBe(true);
  });
});

describe('self time', () => {
  it('subtracts the union of overlapping children, clipped to the parent', () => {
    const tree = buildSpanTree([
      span('r', '', 0, 100),
      span('a', 'r', 10, 30), // 10..40
      span('b', 'r', 20, 30), // 20..50 overlaps a
      span('c', 'r', 90, 50), // 90..140, clipped to 90..100
    ]);
    expect(tree.selfTime[0]).toBe(100 - 40 - 10);
    expect(tree.selfTime[tree.indexOf.get('a')!]).toBe(30);
  });

  it('is never negative when a child is longer than its parent', () => {
    const tree = buildSpanTree([span('r', '', 0, 10), span('a', 'r', 0, 50)]);
    expect(tree.selfTime[0]).toBe(0);
  });
});

describe('critical path', () => {
  it('follows the last-finishing child and the sequential work before it', () => {
    // r: 0..100; a: 10..40 (a1 15..35); b: 50..90; c: 20..45 overlaps a but ends after it
    const tree = buildSpanTree([
      span('r', '', 0, 100),
      span('a', 'r', 10, 30),
      span('a1', 'a', 15, 20),
      span('b', 'r', 50, 40),
      span('c', 'r', 20, 25),
    ]);
    const path = tree.criticalPath.map((s) => [tree.spans[s.span]!.spanId, s.start, s.end]);
    expect(path).toEqual([
      ['r', 0, 20],
      ['c', 20, 45],
      ['r', 45, 50],
      ['b', 50, 90],
      ['r', 90, 100],
    ]);
    expect(tree.onCriticalPath[tree.indexOf.get('a')!]).toBe(0);
    expect(tree.onCriticalPath[tree.indexOf.get('a1')!]).toBe(0);
  });

  it('clips a child that outlives its parent and covers the root end to end', () => {
    const tree = buildSpanTree([span('r', '', 0, 100), span('a', 'r', 60, 80)]);
    const path = tree.criticalPath.map((s) => [tree.spans[s.span]!.spanId, s.start, s.end]);
    expect(path).toEqual([
      ['r', 0, 60],
      ['a', 60, 100],
    ]);
  });

  it('counts back-to-back children that touch', () => {
    const tree = buildSpanTree([span('r', '', 0, 30), span('a', 'r', 0, 10), span('b', 'r', 10, 20)]);
    expect(tree.criticalPath.map((s) => tree.spans[s.span]!.spanId)).toEqual(['a', 'b']);
  });
});

describe('visible rows', () => {
  const tree = buildSpanTree([
    span('r', '', 0, 100),
    span('a', 'r', 10, 10),
    span('a1', 'a', 11, 1),
    span('a2', 'a', 13, 1),
    span('b', 'r', 30, 10),
    span('b1', 'b', 31, 1),
  ]);

  it('hides the descendants of collapsed spans', () => {
    expect(names(tree, visibleRows(tree, new Set(['a'])))).toEqual(['r', 'a', 'b', 'b1']);
    expect(names(tree, visibleRows(tree, new Set(['r', 'a'])))).toEqual(['r']);
  });

  it('collapses by level', () => {
    expect(names(tree, visibleRows(tree, collapsedForLevel(tree, 1)))).toEqual(['r']);
    expect(names(tree, visibleRows(tree, collapsedForLevel(tree, 2)))).toEqual(['r', 'a', 'b']);
    expect(collapsedForLevel(tree, 3).size).toBe(0);
  });

  it('keeps matches and their ancestors when hiding non-matches', () => {
    const found = searchSpans(tree, 'op-a2')!;
    expect(names(tree, found.matches)).toEqual(['a2']);
    expect(names(tree, visibleRows(tree, new Set(), found.keep))).toEqual(['r', 'a', 'a2']);
  });
});

describe('searchSpans', () => {
  const tree = buildSpanTree([
    span('r', '', 0, 100, { name: 'kong', attributes: { 'http.response.status_code': 503 } }),
    span('p', 'r', 10, 10, { name: 'kong.access.plugin.rate-limiting' }),
    span('e', 'r', 30, 10, { name: 'kong.dns', events: [{ t: 31, name: 'exception', attributes: {} }] }),
  ]);
  const ids = (q: string): string[] => names(tree, searchSpans(tree, q)?.matches ?? []);

  it('matches names, attribute key=value and event names, case-insensitively', () => {
    expect(ids('RATE-limiting')).toEqual(['p']);
    expect(ids('status_code=503')).toEqual(['r']);
    expect(ids('exception')).toEqual(['e']);
  });

  it('requires every term and returns nothing for a blank query', () => {
    expect(ids('kong access')).toEqual(['p']);
    expect(ids('kong nothing')).toEqual([]);
    expect(searchSpans(tree, '   ')).toBeNull();
  });
});
