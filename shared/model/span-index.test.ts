import { describe, expect, it } from 'vitest';
import { buildTransactionMap } from '../kong/transaction-map';
import { childrenOf, parentOf, selfTime, spanIndex } from './span-index';
import { makeSpan, makeTrace } from './testing';

const span = (spanId: string, parentSpanId: string, start: number, duration: number) =>
  makeSpan({ spanId, parentSpanId, name: `op-${spanId}`, start, duration });

describe('span index', () => {
  it('is built once per trace object', () => {
    const trace = makeTrace([span('r', '', 0, 100), span('a', 'r', 10, 20)]);
    expect(spanIndex(trace)).toBe(spanIndex(trace));
    expect(spanIndex(trace)).toBe(spanIndex(trace.spans));
    // an equal but different trace (another import, a merge) gets its own
    expect(spanIndex(makeTrace([...trace.spans]))).not.toBe(spanIndex(trace));
  });

  it('knows parents and children in start order', () => {
    const trace = makeTrace([span('r', '', 0, 100), span('b', 'r', 50, 10), span('a', 'r', 10, 10), span('orphan', 'gone', 5, 1)]);
    const index = spanIndex(trace);
    expect(childrenOf(index, 'r').map((s) => s.spanId)).toEqual(['a', 'b']);
    expect(parentOf(index, 'a')?.spanId).toBe('r');
    expect(parentOf(index, 'r')).toBeNull();
    expect(index.roots.map((s) => s.spanId)).toEqual(['r', 'orphan']);
  });

  it('takes the first span of a duplicated id, and hangs the children on it', () => {
    const first = span('r', '', 0, 100);
    const index = spanIndex(makeTrace([first, span('r', '', 200, 5), span('a', 'r', 10, 30)]));
    expect(index.byId.get('r')).toBe(first);
    expect(selfTime(index, 'r')).toBe(70);
  });
});

describe('self time (Kong: duration minus the union of the children, clipped to the span)', () => {
  const trace = makeTrace([
    span('r', '', 0, 100),
    span('a', 'r', 10, 30), // 10..40
    span('b', 'r', 20, 30), // 20..50, overlaps a: counted once
    span('c', 'r', 90, 50), // 90..140, covers r only up to 100
    span('a1', 'a', 10, 30), // a grandchild: r's self time is about its children only
  ]);

  it('subtracts overlapping children once and clips a child that outlives its parent', () => {
    const index = spanIndex(trace);
    expect(selfTime(index, 'r')).toBe(100 - 40 - 10);
    expect(selfTime(index, 'a')).toBe(0);
    expect(selfTime(index, 'c')).toBe(50);
  });

  it('is the same number in the map (top spans) as in the index the inspector and waterfall read', () => {
    const map = buildTransactionMap(trace);
    expect(map.kind).toBe('generic');
    if (map.kind !== 'generic') return;
    const index = spanIndex(trace);
    for (const t of map.top) expect(t.selfNs).toBe(selfTime(index, t.spanId));
    expect(map.top[0]).toMatchObject({ spanId: 'r', selfNs: 50 });
  });

  it('is never negative, and zero for a span not in the trace', () => {
    const index = spanIndex(makeTrace([span('r', '', 0, 10), span('a', 'r', 0, 50), span('neg', '', 5, -3)]));
    expect(selfTime(index, 'r')).toBe(0);
    expect(selfTime(index, 'neg')).toBe(0);
    expect(selfTime(index, 'missing')).toBe(0);
  });

  it('gives every span of a parent cycle a self time (the cycle is cut at its earliest span)', () => {
    const index = spanIndex(makeTrace([span('x', 'y', 0, 10), span('y', 'x', 2, 4)]));
    expect(index.roots.map((s) => s.spanId)).toEqual(['x']);
    expect(selfTime(index, 'x')).toBe(6);
    expect(selfTime(index, 'y')).toBe(4);
  });
});
