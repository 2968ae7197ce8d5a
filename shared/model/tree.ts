/**
 * The span tree and the math the waterfall needs: structure, self time, the critical path, visible rows
 * and search. Everything is index-based (typed arrays over `spans`) and iterative: real traces can be
 * deep enough to overflow the call stack with recursion, and 50,000-span traces must build in a few ms.
 */
import type { AttrValue, Span } from './types';

export interface CriticalSegment {
  /** index into SpanTree.spans */
  span: number;
  /** ns offsets from the trace base, start < end */
  start: number;
  end: number;
}

export interface SpanTree {
  spans: readonly Span[];
  /** span id to index (the first span wins when a decoder left duplicates) */
  indexOf: ReadonlyMap<string, number>;
  /** parent index, -1 for roots (including orphans whose parent is missing) */
  parent: Int32Array;
  /** children indices per span, in start order */
  children: readonly (readonly number[])[];
  roots: readonly number[];
  /** depth-first pre-order: a subtree is the contiguous run [pos, pos + descendants] */
  preorder: Int32Array;
  /** position of each span in `preorder` */
  position: Int32Array;
  /** 0 for roots */
  depth: Int32Array;
  descendants: Int32Array;
  maxDepth: number;
  /** duration minus the union of the children's intervals clipped to the span, ns */
  selfTime: Float64Array;
  /** earliest start and latest end over all spans (ns offsets) */
  minStart: number;
  maxEnd: number;
  /** the chain that determines when the trace ends, in time order */
  criticalPath: readonly CriticalSegment[];
  /** 1 where a span owns at least one critical segment */
  onCriticalPath: Uint8Array;
}

const endOf = (s: Span): number => s.start + Math.max(0, s.duration);
const NO_CHILDREN: number[] = [];

export function buildSpanTree(spans: readonly Span[]): SpanTree {
  const n = spans.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) if (!indexOf.has(spans[i]!.spanId)) indexOf.set(spans[i]!.spanId, i);

  const parent = new Int32Array(n).fill(-1);
  // most spans are leaves: they share one empty list instead of allocating their own
  const children: number[][] = new Array<number[]>(n).fill(NO_CHILDREN);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = spans[i]!.parentSpanId ? indexOf.get(spans[i]!.parentSpanId) : undefined;
    if (p === undefined || p === i) roots.push(i);
    else {
      parent[i] = p;
      if (children[p] === NO_CHILDREN) children[p] = [];
      children[p]!.push(i);
    }
  }
  const byStart = (a: number, b: number): number => spans[a]!.start - spans[b]!.start || a - b;
  for (const c of children) if (c.length > 1) c.sort(byStart);

  const preorder = new Int32Array(n);
  const depth = new Int32Array(n);
  const visited = new Uint8Array(n);
  let count = 0;
  let maxDepth = 0;
  const walk = (root: number): void => {
    const stack = [root];
    depth[root] = 0;
    while (stack.length) {
      const i = stack.pop()!;
      visited[i] = 1;
      preorder[count++] = i;
      if (depth[i]! > maxDepth) maxDepth = depth[i]!;
      const c = children[i]!;
      for (let k = c.length - 1; k >= 0; k--) {
        depth[c[k]!] = depth[i]! + 1;
        stack.push(c[k]!);
      }
    }
  };
  roots.sort(byStart);
  for (const r of roots) walk(r);
  // Spans in a parent cycle are reachable from no root: cut each cycle at its earliest span.
  if (count < n) {
    const stray = [];
    for (let i = 0; i < n; i++) if (!visited[i]) stray.push(i);
    stray.sort(byStart);
    for (const i of stray) {
      if (visited[i]) continue;
      const p = parent[i]!;
      if (p >= 0) children[p]!.splice(children[p]!.indexOf(i), 1);
      parent[i] = -1;
      roots.push(i);
      walk(i);
    }
    roots.sort(byStart);
  }

  const position = new Int32Array(n);
  for (let k = 0; k < n; k++) position[preorder[k]!] = k;
  const descendants = new Int32Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = preorder[k]!;
    if (parent[i]! >= 0) descendants[parent[i]!] = descendants[parent[i]!]! + descendants[i]! + 1;
  }

  let minStart = n ? Infinity : 0;
  let maxEnd = n ? -Infinity : 0;
  const selfTime = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = spans[i]!;
    if (s.start < minStart) minStart = s.start;
    if (endOf(s) > maxEnd) maxEnd = endOf(s);
    selfTime[i] = selfTimeOf(spans, i, children[i]!);
  }

  const { segments, onPath } = criticalPathOf(spans, children, roots);
  return {
    spans,
    indexOf,
    parent,
    children,
    roots,
    preorder,
    position,
    depth,
    descendants,
    maxDepth,
    selfTime,
    minStart,
    maxEnd,
    criticalPath: segments,
    onCriticalPath: onPath,
  };
}

/** Children are sorted by start, so one sweep merges their clipped intervals. */
function selfTimeOf(spans: readonly Span[], i: number, kids: readonly number[]): number {
  const s = spans[i]!;
  const ps = s.start;
  const pe = endOf(s);
  let covered = 0;
  let runStart = 0;
  let runEnd = -Infinity;
  for (const k of kids) {
    const cs = Math.max(spans[k]!.start, ps);
    const ce = Math.min(endOf(spans[k]!), pe);
    if (ce <= cs) continue;
    if (cs > runEnd) {
      if (runEnd > runStart) covered += runEnd - runStart;
      runStart = cs;
      runEnd = ce;
    } else if (ce > runEnd) runEnd = ce;
  }
  if (runEnd > runStart) covered += runEnd - runStart;
  return Math.max(0, Math.max(0, s.duration) - covered);
}

/**
 * Jaeger's critical path, iteratively: from the root's end, walk back to the last-finishing child that
 * ends before the point reached, descend into it, and when a span has no such child left, its own time
 * back to its start is critical and the walk returns to its parent at the child's start. Children are
 * clipped to their parent (a child ending after its parent counts as ending with it; one starting after
 * the parent ended is ignored). Computed for the root that ends last: the chain that ends the trace.
 */
function criticalPathOf(
  spans: readonly Span[],
  children: readonly (readonly number[])[],
  roots: readonly number[],
): { segments: CriticalSegment[]; onPath: Uint8Array } {
  const onPath = new Uint8Array(spans.length);
  const segments: CriticalSegment[] = [];
  if (!roots.length) return { segments, onPath };
  let root = roots[0]!;
  for (const r of roots) if (endOf(spans[r]!) > endOf(spans[root]!)) root = r;

  interface Frame {
    span: number;
    /** children by clipped end, latest first, and how many were consumed */
    byEnd: number[];
    next: number;
    /** the walk has covered this span from here to its end */
    upTo: number;
    clipStart: number;
    clipEnd: number;
  }
  const open = (span: number, clipStart: number, clipEnd: number): Frame => {
    const byEnd = children[span]!.filter((c) => spans[c]!.start <= clipEnd && endOf(spans[c]!) >= clipStart);
    const ce = (c: number): number => Math.min(endOf(spans[c]!), clipEnd);
    byEnd.sort((a, b) => ce(b) - ce(a) || spans[b]!.start - spans[a]!.start);
    return { span, byEnd, next: 0, upTo: clipEnd, clipStart, clipEnd };
  };
  const push = (span: number, start: number, end: number): void => {
    if (end <= start) return;
    segments.push({ span, start, end });
    onPath[span] = 1;
  };

  const stack: Frame[] = [open(root, spans[root]!.start, endOf(spans[root]!))];
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    let child = -1;
    while (f.next < f.byEnd.length) {
      const c = f.byEnd[f.next++]!;
      if (Math.min(endOf(spans[c]!), f.clipEnd) <= f.upTo) {
        child = c;
        break;
      }
    }
    if (child < 0) {
      push(f.span, f.clipStart, f.upTo);
      stack.pop();
      continue;
    }
    const childEnd = Math.min(endOf(spans[child]!), f.clipEnd);
    const childStart = Math.max(spans[child]!.start, f.clipStart);
    push(f.span, childEnd, f.upTo);
    f.upTo = childStart;
    stack.push(open(child, childStart, childEnd));
  }
  segments.reverse();
  return { segments, onPath };
}

/**
 * The rows on screen, in tree order: every span whose ancestors are all expanded, and, when `keep` is
 * given (search hiding non-matches), only spans it marks. O(rows shown): collapsed subtrees are skipped
 * in one step thanks to pre-order contiguity.
 */
export function visibleRows(tree: SpanTree, collapsed: ReadonlySet<string>, keep?: Uint8Array): Int32Array {
  const out = new Int32Array(tree.spans.length);
  let count = 0;
  const { preorder, descendants, spans } = tree;
  for (let k = 0; k < preorder.length; ) {
    const i = preorder[k]!;
    if (keep && !keep[i]) {
      k += descendants[i]! + 1;
      continue;
    }
    out[count++] = i;
    k += collapsed.size && collapsed.has(spans[i]!.spanId) ? descendants[i]! + 1 : 1;
  }
  return out.slice(0, count);
}

/** Span ids of every ancestor of `index`, nearest first. */
export function ancestorIds(tree: SpanTree, index: number): string[] {
  const out: string[] = [];
  for (let p = tree.parent[index]!; p >= 0; p = tree.parent[p]!) out.push(tree.spans[p]!.spanId);
  return out;
}

/** The collapsed set that shows levels 1..level (1 = roots only) and hides everything deeper. */
export function collapsedForLevel(tree: SpanTree, level: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < tree.spans.length; i++) {
    if (tree.depth[i]! >= level - 1 && tree.children[i]!.length) out.add(tree.spans[i]!.spanId);
  }
  return out;
}

function attrText(v: AttrValue): string {
  if (v === null) return 'null';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

const haystacks = new WeakMap<SpanTree, string[]>();

/** What a search term is matched against: name, ids, `key=value` per attribute, event names. */
function haystackOf(tree: SpanTree): string[] {
  let h = haystacks.get(tree);
  if (!h) {
    h = tree.spans.map((s) => {
      const parts = [s.name, s.spanId];
      for (const k in s.attributes) parts.push(`${k}=${attrText(s.attributes[k]!)}`);
      for (const e of s.events) parts.push(e.name);
      if (s.status.message) parts.push(s.status.message);
      return parts.join('\n').toLowerCase();
    });
    haystacks.set(tree, h);
  }
  return h;
}

export interface SearchResult {
  /** 1 where the span matches every term */
  match: Uint8Array;
  /** 1 for matches and their ancestors: what stays visible when non-matches are hidden */
  keep: Uint8Array;
  /** matching span indices in tree order */
  matches: number[];
}

/**
 * Case-insensitive search: the query is split on whitespace and a span matches when every term occurs
 * in its name, span id, an attribute's `key=value` or an event name (`http.response.status_code=500`).
 */
export function searchSpans(tree: SpanTree, query: string): SearchResult | null {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!terms.length) return null;
  const n = tree.spans.length;
  const hay = haystackOf(tree);
  const match = new Uint8Array(n);
  const keep = new Uint8Array(n);
  const matches: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = tree.preorder[k]!;
    const text = hay[i]!;
    if (!terms.every((t) => text.includes(t))) continue;
    match[i] = 1;
    matches.push(i);
    for (let p = i; p >= 0 && !keep[p]; p = tree.parent[p]!) keep[p] = 1;
  }
  return { match, keep, matches };
}
