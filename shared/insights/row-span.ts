/**
 * Which span stands behind a breakdown row (docs/insights.md item 4: "a row's dot opens that trace at that
 * span"). The breakdown's own mapping from a span's name to a row key (rowKeyOfSpan), widened to the spans
 * whose time a bucket holds, to find the span of any row in an opened trace. Pure.
 */
import { classifySpanName } from '../kong/span-names';
import { findRoot } from '../kong/summary';
import type { Span, TraceSpans } from '../model/types';
import { rowKeyOfSpan } from './breakdown';

/**
 * The breakdown row a span stands for, where the row's time was spent, or null: the row the breakdown counts
 * the span's own time in (breakdown.ts rowKeyOfSpan: plugins, third-party I/O, DNS, phases, upstream steps),
 * and beyond it the spans whose time the phase partition puts in a bucket without a row of their own:
 * log-phase work outside a plugin (`bucket:log`), routing (`bucket:access`), reading from and writing to the
 * client (`bucket:client`). Opening a row's span uses this; the percentile badges use rowKeyOfSpan alone, as
 * a router span's own time is not the access bucket's.
 */
export function spanRowKey(name: string): string | null {
  const own = rowKeyOfSpan(name);
  if (own) return own;
  switch (classifySpanName(name).kind) {
    case 'analytics':
      return 'bucket:log';
    case 'router':
      return 'bucket:access';
    case 'client-read':
    case 'client-write':
      return 'bucket:client';
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
