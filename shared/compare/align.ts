/**
 * Aligning two traces span by span (insights.md, "Comparing two requests"), so a slower request can be
 * read against a normal one row by row.
 *
 * - Each span gets a semantic key (keys.ts: names normalised across gateway versions first).
 * - A span's path is the chain of keys from the root. Whether a span has children plays no part: the same
 *   plugin as a leaf in one trace and with a Redis call under it in the other is one matched row, with the
 *   call added under it.
 * - Children of two matched spans are matched per key group; repeated siblings of one key by a longest
 *   common subsequence in start order, weighted so upstream tries to the same peer address, then with the
 *   same try count, pair up (an extra failed try is one added row, not a shifted pair).
 * - A row has changed when `|delta| > 1 ms + 20% of the larger` of its two durations.
 *
 * Iterative (no recursion over the tree), linear but for the per-group subsequence, which is bounded.
 */
import { currentSpanName } from '../kong/span-names';
import type { Span, TraceSpans } from '../model/types';
import { groupOf, keysMatch, peerOf, semanticKey, tryCountOf } from './keys';

export type RowChange = 'same' | 'changed' | 'added' | 'removed';

export interface AlignedRow {
  /** the path of semantic keys from the root (`root/phase:access/plugin:access:rate-limiting`), `#n` for the nth repeat */
  key: string;
  /** today's span name (B's, else A's) */
  label: string;
  depth: number;
  /** index of the parent row, -1 for a top row */
  parent: number;
  /** index into A's / B's spans, -1 when the span is only in the other trace */
  a: number;
  b: number;
  /** durations in ms (nanosecond precision), null on the side the span is missing from */
  aMs: number | null;
  bMs: number | null;
  /** B minus A, a missing side counting as 0 */
  deltaMs: number;
  change: RowChange;
}

export interface Alignment {
  rows: AlignedRow[];
  /** spans matched on both sides over all spans: 2 x matched / (A's spans + B's spans); 1 for two empty traces */
  matchedRatio: number;
  matched: number;
  spansA: number;
  spansB: number;
}

/** `|delta| > 1 ms + 20% of the larger`: the one rule for "this row changed". */
export function isChange(aMs: number, bMs: number): boolean {
  return Math.abs(bMs - aMs) > 1 + 0.2 * Math.max(Math.abs(aMs), Math.abs(bMs));
}

interface Side {
  trace: TraceSpans;
  keys: string[];
  /** each span's key group (groupOf), computed once per distinct key */
  groups: string[];
  children: number[][];
  roots: number[];
}

const NONE: number[] = [];

/**
 * Every span's key. A Kong span's key follows from its name alone, so each distinct name is classified once
 * (a 5,000-span trace has a few dozen); other spans' keys also read their service and kind.
 */
function keysOf(trace: TraceSpans): string[] {
  const byName = new Map<string, string>();
  return trace.spans.map((s) => {
    if (s.name !== 'kong' && !s.name.startsWith('kong.')) return semanticKey(s, trace);
    let k = byName.get(s.name);
    if (k === undefined) byName.set(s.name, (k = semanticKey(s, trace)));
    return k;
  });
}

function side(trace: TraceSpans): Side {
  const spans = trace.spans;
  const indexOf = new Map<string, number>();
  spans.forEach((s, i) => {
    if (!indexOf.has(s.spanId)) indexOf.set(s.spanId, i);
  });
  const children: number[][] = new Array<number[]>(spans.length).fill(NONE);
  const roots: number[] = [];
  spans.forEach((s, i) => {
    const p = s.parentSpanId ? indexOf.get(s.parentSpanId) : undefined;
    if (p === undefined || p === i) roots.push(i);
    else {
      if (children[p] === NONE) children[p] = [];
      children[p]!.push(i);
    }
  });
  const byStart = (x: number, y: number) => spans[x]!.start - spans[y]!.start || x - y;
  for (const c of children) if (c.length > 1) c.sort(byStart);
  roots.sort(byStart);
    const keys = keysOf(trace);
  const groupByKey = new Map<string, string>();
  const groups = keys.map((k) => {
    let g = groupByKey.get(k);
    if (g === undefined) groupByKey.set(k, (g = groupOf(k)));
    return g;
  });
  return { trace, keys, groups, children, roots };
}

/** Above this many cells a group's subsequence is not searched: its spans pair up in start order. */
const MAX_CELLS = 250_000;

/** Extra weight of a pair of upstream tries that went to the same peer, or were the same try number. */
const TRY_KEYS = new Set(['upstream:connect', 'upstream:round-trip']);

function bonus(a: Span, b: Span, key: string): number {
  if (!TRY_KEYS.has(key)) return 0;
  let w = 0;
  const pa = peerOf(a);
  if (pa !== null && pa === peerOf(b)) w += 0.5;
  const ta = tryCountOf(a);
  if (ta !== null && ta === tryCountOf(b)) w += 0.25;
  return w;
}

/**
 * Pairs of one key group's siblings (indices into `as` and `bs`): the heaviest common subsequence in start
 * order, the earliest pairs winning ties. Weights are multiples of 1/4, so the sums compare exactly.
 */
function matchGroup(A: Side, B: Side, as: number[], bs: number[]): [number, number][] {
  const n = as.length;
  const m = bs.length;
  const ok = (i: number, j: number) => keysMatch(A.keys[as[i]!]!, B.keys[bs[j]!]!);
  const weight = (i: number, j: number) => 1 + bonus(A.trace.spans[as[i]!]!, B.trace.spans[bs[j]!]!, A.keys[as[i]!]!);
  const pairs: [number, number][] = [];
  if (n === 1 && m === 1) {
    if (ok(0, 0)) pairs.push([as[0]!, bs[0]!]);
    return pairs;
  }
  const key = A.keys[as[0]!]!;
  if (!TRY_KEYS.has(key) && as.every((x) => A.keys[x] === key) && bs.every((y) => B.keys[y] === key)) {
    // one key throughout and nothing to tell the spans apart: the subsequence is the first min(n, m) in order
    for (let k = 0; k < Math.min(n, m); k++) pairs.push([as[k]!, bs[k]!]);
    return pairs;
  }
  if (n * m > MAX_CELLS) {
    // too many to search: in start order, each A span with the next B span it may be
    let j = 0;
    for (let i = 0; i < n && j < m; i++) {
      let k = j;
      while (k < m && !ok(i, k)) k++;
      if (k < m) {
        pairs.push([as[i]!, bs[k]!]);
        j = k + 1;
      }
    }
    return pairs;
  }
  // best[i][j]: the heaviest subsequence of as[i..] and bs[j..]
  const W = m + 1;
  const best = new Float64Array((n + 1) * W);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let v = Math.max(best[(i + 1) * W + j]!, best[i * W + j + 1]!);
      if (ok(i, j)) v = Math.max(v, weight(i, j) + best[(i + 1) * W + j + 1]!);
      best[i * W + j] = v;
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = best[i * W + j]!;
    if (ok(i, j) && here === weight(i, j) + best[(i + 1) * W + j + 1]!) {
      pairs.push([as[i]!, bs[j]!]);
      i++;
      j++;
    } else if (here === best[(i + 1) * W + j]!) i++;
    else j++;
  }
  return pairs;
}

/** Pairs among two lists of siblings: per key group, by matchGroup. */
function matchSiblings(A: Side, B: Side, as: readonly number[], bs: readonly number[]): [number, number][] {
  const groups = new Map<string, { a: number[]; b: number[] }>();
  const get = (g: string) => {
    let v = groups.get(g);
    if (!v) groups.set(g, (v = { a: [], b: [] }));
    return v;
  };
  // a family's members (`io:redis.get`, `io:redis.set`) are matched together only when its old name
  // (`io:redis`) is among these siblings; otherwise each key is its own group (and most groups are one key)
  const present = new Set<string>();
  for (const i of as) present.add(A.keys[i]!);
  for (const i of bs) present.add(B.keys[i]!);
  const groupKey = (key: string, g: string) => (g !== key && present.has(g) ? g : key);
  for (const i of as) get(groupKey(A.keys[i]!, A.groups[i]!)).a.push(i);
  for (const i of bs) get(groupKey(B.keys[i]!, B.groups[i]!)).b.push(i);
  const pairs: [number, number][] = [];
  for (const g of groups.values()) if (g.a.length > 0 && g.b.length > 0) for (const p of matchGroup(A, B, g.a, g.b)) pairs.push(p);
  return pairs;
}

const ms = (ns: number) => ns / 1e6;

/** Aligns trace B (the subject) against trace A (the baseline). */
export function alignTraces(traceA: TraceSpans, traceB: TraceSpans): Alignment {
  const A = side(traceA);
  const B = side(traceB);
  const rows: AlignedRow[] = [];
  const seenA = new Uint8Array(traceA.spans.length);
  const seenB = new Uint8Array(traceB.spans.length);
  const pathCount = new Map<string, number>();
  let matched = 0;

  interface Task {
    a: number;
    b: number;
    parentRow: number;
    parentPath: string;
    depth: number;
    /** start within its own parent (B's side for a pair), to order siblings */
    t: number;
  }

  const labels = new Map<string, string>();
  const labelOf = (name: string) => {
    let l = labels.get(name);
    if (l === undefined) labels.set(name, (l = currentSpanName(name)));
    return l;
  };

  const emit = (t: Task): { row: number; path: string } => {
    const sa = t.a >= 0 ? traceA.spans[t.a]! : null;
    const sb = t.b >= 0 ? traceB.spans[t.b]! : null;
    const own = sb ? B.keys[t.b]! : A.keys[t.a]!;
    const base = t.parentPath ? `${t.parentPath}/${own}` : own;
    const n = (pathCount.get(base) ?? 0) + 1;
    pathCount.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    const aMs = sa ? ms(sa.duration) : null;
    const bMs = sb ? ms(sb.duration) : null;
    const change: RowChange = !sa ? 'added' : !sb ? 'removed' : isChange(aMs!, bMs!) ? 'changed' : 'same';
    const label = sb ?? sa!;
    rows.push({
      key,
      label: labelOf(label.name),
      depth: t.depth,
      parent: t.parentRow,
      a: t.a,
      b: t.b,
      aMs,
      bMs,
      deltaMs: ((sb?.duration ?? 0) - (sa?.duration ?? 0)) / 1e6,
      change,
    });
    if (sa && sb) matched++;
    return { row: rows.length - 1, path: key };
  };

  /** Siblings of one (matched or one-sided) parent as tasks, ordered by start within their own parent. */
  const siblings = (as: readonly number[], bs: readonly number[], aParentStart: number, bParentStart: number, parentRow: number, parentPath: string, depth: number): Task[] => {
    const tasks: Task[] = [];
    const spansA = traceA.spans;
    const spansB = traceB.spans;
    if (as.length === 0 || bs.length === 0) {
      // one side only: nothing to match
      for (const x of as) tasks.push({ a: x, b: -1, parentRow, parentPath, depth, t: spansA[x]!.start - aParentStart });
      for (const y of bs) tasks.push({ a: -1, b: y, parentRow, parentPath, depth, t: spansB[y]!.start - bParentStart });
    } else {
      const pairOfA = new Int32Array(as.length).fill(-1);
      const slotOfA = new Map<number, number>();
      as.forEach((x, k) => slotOfA.set(x, k));
      const pairedB = new Set<number>();
      for (const [x, y] of matchSiblings(A, B, as, bs)) {
        pairOfA[slotOfA.get(x)!] = y;
        pairedB.add(y);
      }
      as.forEach((x, k) => {
        const y = pairOfA[k]!;
        if (y >= 0) tasks.push({ a: x, b: y, parentRow, parentPath, depth, t: spansB[y]!.start - bParentStart });
        else tasks.push({ a: x, b: -1, parentRow, parentPath, depth, t: spansA[x]!.start - aParentStart });
      });
      for (const y of bs) if (!pairedB.has(y)) tasks.push({ a: -1, b: y, parentRow, parentPath, depth, t: spansB[y]!.start - bParentStart });
    }
    // stable: ties keep A's order, then B's only spans
    tasks.sort((p, q) => p.t - q.t);
    return tasks;
  };

  const rootStart = (s: Side, roots: number[]) => (roots.length ? s.trace.spans[roots[0]!]!.start : 0);
  const stack: Task[] = siblings(A.roots, B.roots, rootStart(A, A.roots), rootStart(B, B.roots), -1, '', 0).reverse();
  while (stack.length > 0) {
    const t = stack.pop()!;
    if ((t.a >= 0 && seenA[t.a]) || (t.b >= 0 && seenB[t.b])) continue;
    if (t.a >= 0) seenA[t.a] = 1;
    if (t.b >= 0) seenB[t.b] = 1;
    const { row, path } = emit(t);
    const kidsA = t.a >= 0 ? A.children[t.a]! : NONE;
    const kidsB = t.b >= 0 ? B.children[t.b]! : NONE;
    if (kidsA.length === 0 && kidsB.length === 0) continue;
    const aStart = t.a >= 0 ? traceA.spans[t.a]!.start : 0;
    const bStart = t.b >= 0 ? traceB.spans[t.b]!.start : 0;
    const next = siblings(kidsA, kidsB, aStart, bStart, row, path, t.depth + 1);
    for (let k = next.length - 1; k >= 0; k--) stack.push(next[k]!);
  }
  // spans no root reaches (a parent cycle in bad data) are listed, not lost
  const stray = (seen: Uint8Array, sideIsA: boolean) => {
    seen.forEach((v, i) => {
      if (!v) emit({ a: sideIsA ? i : -1, b: sideIsA ? -1 : i, parentRow: -1, parentPath: 'unreachable', depth: 0, t: 0 });
    });
  };
  stray(seenA, true);
  stray(seenB, false);

  const total = traceA.spans.length + traceB.spans.length;
  return { rows, matched, spansA: traceA.spans.length, spansB: traceB.spans.length, matchedRatio: total === 0 ? 1 : (2 * matched) / total };
}
