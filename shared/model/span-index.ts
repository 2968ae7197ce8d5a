/**
 * One index per trace: the tree (structure, depth, pre-order, critical path), each span's parent and
 * children, and its self time, built once per trace object and shared by the transaction map, the
 * waterfall, the inspector and the verdict. So a span's self time is one number wherever it is shown.
 *
 * Self time, as Kong's debugger means it: the span's duration minus the union of its direct children's
 * intervals, each clipped to the span (a child that outlives its parent covers it only up to the parent's
 * end; overlapping children count once).
 */
import { buildSpanTree, type SpanTree } from './tree';
import type { Span, TraceSpans } from './types';

export interface SpanIndex {
  tree: SpanTree;
  /** span id to span (the first span wins when a decoder left duplicates, as in `tree.indexOf`) */
  byId: ReadonlyMap<string, Span>;
  /** direct children by parent span id, in start order */
  children: ReadonlyMap<string, readonly Span[]>;
  /** spans whose parent is '' or not in the trace (and the span where a parent cycle was cut), in start order */
  roots: readonly Span[];
}

const NONE: readonly Span[] = [];
const built = new WeakMap<readonly Span[], SpanIndex>();

/** The index of a trace's spans, built on first use and kept as long as the trace object lives. */
export function spanIndex(trace: TraceSpans | readonly Span[]): SpanIndex {
  const spans = 'spans' in trace ? trace.spans : trace;
  let index = built.get(spans);
  if (!index) {
    index = indexOf(buildSpanTree(spans));
    built.set(spans, index);
  }
  return index;
}

function indexOf(tree: SpanTree): SpanIndex {
  const { spans } = tree;
  const byId = new Map<string, Span>();
  for (const [id, i] of tree.indexOf) byId.set(id, spans[i]!);
  const children = new Map<string, readonly Span[]>();
  tree.children.forEach((kids, i) => {
    if (kids.length) children.set(spans[i]!.spanId, kids.map((k) => spans[k]!));
  });
  return { tree, byId, children, roots: tree.roots.map((r) => spans[r]!) };
}

/** A span's self time in ns (see above); 0 for a span not in the index. */
export function selfTime(index: SpanIndex, span: Span | string): number {
  const i = index.tree.indexOf.get(typeof span === 'string' ? span : span.spanId);
  return i === undefined ? 0 : index.tree.selfTime[i]!;
}

/** A span's parent, or null for a root (and a span not in the index). */
export function parentOf(index: SpanIndex, span: Span | string): Span | null {
  const i = index.tree.indexOf.get(typeof span === 'string' ? span : span.spanId);
  const p = i === undefined ? -1 : index.tree.parent[i]!;
  return p >= 0 ? index.tree.spans[p]! : null;
}

/** A span's direct children in start order. */
export const childrenOf = (index: SpanIndex, span: Span | string): readonly Span[] =>
  index.children.get(typeof span === 'string' ? span : span.spanId) ?? NONE;
