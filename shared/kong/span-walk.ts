/**
 * Small, iterative helpers over a trace's span index (shared/model/span-index.ts) for the transaction map,
 * the phase bar and the verdict: a depth-first walk that carries a value down from ancestors, a span's
 * descendants, and the length of a union of time intervals. Iterative on purpose: real traces can be deep
 * enough to overflow the call stack.
 */
import type { SpanIndex } from '../model/span-index';
import type { Span } from '../model/types';

/**
 * Visits every span reachable from the roots once, parents before children, handing each the value
 * `down` computed for its parent (`initial` for roots). Cycles in bad data are cut by the visited set.
 */
export function walkDown<T>(index: SpanIndex, initial: T, visit: (span: Span, fromParent: T) => T): void {
  const seen = new Set<string>();
  const stack: { span: Span; value: T }[] = [];
  for (let i = index.roots.length - 1; i >= 0; i--) stack.push({ span: index.roots[i]!, value: initial });
  while (stack.length > 0) {
    const { span, value } = stack.pop()!;
    if (seen.has(span.spanId)) continue;
    seen.add(span.spanId);
    const next = visit(span, value);
    const kids = index.children.get(span.spanId);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i]!, value: next });
  }
}

/** All descendants of a span (not the span itself), iteratively. */
export function descendants(index: SpanIndex, span: Span): Span[] {
  const out: Span[] = [];
  const seen = new Set<string>([span.spanId]);
  const stack = [...(index.children.get(span.spanId) ?? [])];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s.spanId)) continue;
    seen.add(s.spanId);
    out.push(s);
    const kids = index.children.get(s.spanId);
    if (kids) stack.push(...kids);
  }
  return out;
}

/** Total length covered by intervals [start, end), clipped to [lo, hi]. */
export function unionLength(intervals: readonly (readonly [number, number])[], lo = -Infinity, hi = Infinity): number {
  const clipped = intervals
    .map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [a, b] of clipped) {
    if (a > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = a;
      curEnd = b;
    } else if (b > curEnd) {
      curEnd = b;
    }
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}
