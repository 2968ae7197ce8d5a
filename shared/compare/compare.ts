/**
 * Two requests compared (issue 20): the alignment, the bridge and the header figure together, in the shape
 * `ktv compare --json` prints and the compare view reads, so the CLI and the app never disagree.
 * A is the baseline, B the subject: every delta is B minus A.
 */
import { formatDuration } from '../util/duration';
import type { TraceSpans } from '../model/types';
import { alignTraces, type Alignment, type RowChange } from './align';
import { traceBridge, type Bridge } from './bridge';

export interface Comparison {
  a: { traceId: string; totalMs: number };
  b: { traceId: string; totalMs: number };
  /** B's total minus A's, the latency model's totals (microsecond precision) */
  deltaMs: number;
  bridge: Bridge;
  alignment: Alignment;
}

export function compareTraces(a: TraceSpans, b: TraceSpans): Comparison {
  const bridge = traceBridge(a, b);
  return {
    a: { traceId: a.traceId, totalMs: bridge.aMs },
    b: { traceId: b.traceId, totalMs: bridge.bMs },
    deltaMs: bridge.deltaMs,
    bridge,
    alignment: alignTraces(a, b),
  };
}

/** What `ktv compare --json` prints (issue 20). */
export interface ComparisonJson {
  a: { traceId: string; totalMs: number };
  b: { traceId: string; totalMs: number };
  deltaMs: number;
  bridge: { key: string; aMs: number; bMs: number; deltaMs: number }[];
  rows: { key: string; aMs: number | null; bMs: number | null; deltaMs: number; change: RowChange }[];
  matchedRatio: number;
}

export function comparisonJson(c: Comparison): ComparisonJson {
  return {
    a: c.a,
    b: c.b,
    deltaMs: c.deltaMs,
    bridge: c.bridge.steps.map(({ key, aMs, bMs, deltaMs }) => ({ key, aMs, bMs, deltaMs })),
    rows: c.alignment.rows.map(({ key, aMs, bMs, deltaMs, change }) => ({ key, aMs, bMs, deltaMs, change })),
    matchedRatio: c.alignment.matchedRatio,
  };
}

/** `+412 ms (x3.4)`: B relative to A, always; the ratio left out when A took no time. */
export function deltaText(aMs: number, bMs: number): string {
  const d = bMs - aMs;
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  // two significant digits below 0.1, so a request 26 times faster reads x0.038, not x0.0
  const r = bMs / aMs;
  const ratio = aMs > 0 ? ` (x${r >= 10 ? r.toFixed(0) : r >= 0.1 || r === 0 ? r.toFixed(1) : String(Number(r.toPrecision(2)))})` : '';
  return `${sign}${formatDuration(Math.abs(d) * 1e6)}${ratio}`;
}
