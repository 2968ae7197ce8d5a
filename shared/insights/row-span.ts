/**
 * Which span stands behind a breakdown row (docs/insights.md item 4: "a row's dot opens that trace at that
 * span"). One mapping from a span's name to a row key, used by computeBreakdown for the rows it sums over
 * spans (`plugin:` and `io:`) and by the insights view to find the span of any row in an opened trace. Pure.
 */
import { upstreamPartOf } from '../kong/phase-times';
import { classifySpanName } from '../kong/span-names';
import { findRoot } from '../kong/summary';
import type { Span, TraceSpans } from '../model/types';

/**
 * The breakdown row a span stands for, or null:
 * - a plugin's span (any operation of it) is its plugin's row, `plugin:<phase>:<name>`;
 * - third-party I/O is `io:<kind>` (`kong.io.redis.eval` is `io:redis`), resolving a name `io:dns`;
 * - a phase span is its bucket, `bucket:<phase>`, as are log-phase work outside a plugin (`bucket:log`) and
 *   routing (`bucket:access`); reading from and writing to the client are `bucket:client`;
 * - an upstream span is its step, `upstream:<part>` (phase-times.ts's parts: connect, send, ttfb, body, round trip).
 *
 * computeBreakdown sums `plugin:` and `io:` rows over the spans mapped here; `bucket:` and `upstream:`
 * figures come from the phase partition (time no span explains has no span), the spans mapped here being
 * where that time was spent.
 */
export function spanRowKey(name: string): string | null {
  const k = classifySpanName(name);
  switch (k.kind) {
    case 'plugin':
      return `plugin:${k.phase}:${k.plugin}`;
    case 'io':
      return `io:${k.target.split('.')[0]}`;
    case 'dns':
      return 'io:dns';
    case 'phase':
      return `bucket:${k.phase}`;
    case 'analytics':
      return 'bucket:log';
    case 'router':
      return 'bucket:access';
    case 'client-read':
    case 'client-write':
      return 'bucket:client';
    case 'upstream':
      return `upstream:${upstreamPartOf(name)}`;
    default:
      return null;
  }
}

/** The row a row refines: a plugin's phase bucket, the upstream bucket for a step; null for the rest. */
function parentRow(key: string): string | null {
  const [level, a] = key.split(':');
  if (level === 'plugin') return `bucket:${a}`;
  if (level === 'upstream') return 'bucket:upstream';
  return null;
}

/** The longest of the spans `pick` keeps (the first in the trace's order among equals). */
function longest(spans: readonly Span[], keys: readonly (string | null)[], pick: (key: string) => boolean): Span | null {
  let best: Span | null = null;
  for (let i = 0; i < spans.length; i++) {
    const k = keys[i];
    if (k !== null && k !== undefined && pick(k) && (!best || spans[i]!.duration > best.duration)) best = spans[i]!;
  }
  return best;
}

/**
 * The span to show for a row of a trace: the longest span of that row; where none has it (an OpenTelemetry
 * plugin trace has no phase spans; the upstream's time to first byte can be the gap between sending and
 * reading), the longest span of a row it refines into (a plugin of the phase, a step of the upstream), else
 * of the row it refines (the upstream for a step); else the root span (`bucket:other`, time no span explains).
 */
export function spanForRow(trace: TraceSpans, rowKey: string): Span | null {
  const keys = trace.spans.map((s) => spanRowKey(s.name));
  for (let key: string | null = rowKey; key !== null; key = parentRow(key)) {
    const row = key;
    const found = longest(trace.spans, keys, (k) => k === row) ?? longest(trace.spans, keys, (k) => parentRow(k) === row);
    if (found) return found;
  }
  return findRoot(trace) ?? null;
}
