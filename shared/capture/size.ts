/**
 * About how much memory captured records take, so holds and the outbox can be bounded by bytes as well as
 * by records: one span can carry megabytes of attributes, so a record count alone bounds nothing.
 * Counts string characters and a fixed overhead per value and record; walks nested values with a stack.
 */
import type { AttrValue, Attributes, LogRecord, TraceSpans } from '../model/types';

const RECORD_OVERHEAD = 200;
const VALUE_OVERHEAD = 16;

function valueBytes(root: AttrValue): number {
  let n = 0;
  const stack: AttrValue[] = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    n += VALUE_OVERHEAD;
    if (typeof v === 'string') n += v.length;
    else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        n += k.length;
        stack.push(v[k]!);
      }
    }
  }
  return n;
}

function attributesBytes(attrs: Attributes | undefined): number {
  let n = 0;
  if (!attrs) return n;
  for (const k of Object.keys(attrs)) n += k.length + valueBytes(attrs[k]!);
  return n;
}

export function traceBytes(t: TraceSpans): number {
  let n = 0;
  for (const s of t.spans) {
    n += RECORD_OVERHEAD + s.name.length + attributesBytes(s.attributes) + (s.status.message?.length ?? 0);
    for (const e of s.events) n += RECORD_OVERHEAD + e.name.length + attributesBytes(e.attributes);
  }
  for (const r of t.resources) n += attributesBytes(r);
  for (const sc of t.scopes) n += sc.name.length + attributesBytes(sc.attributes);
  return n;
}

export function logBytes(r: LogRecord): number {
  return RECORD_OVERHEAD + valueBytes(r.body ?? null) + attributesBytes(r.attributes) + (r.severityText?.length ?? 0);
}

export function recordsBytes(traces: readonly TraceSpans[], logs: readonly LogRecord[]): number {
  let n = 0;
  for (const t of traces) n += traceBytes(t);
  for (const r of logs) n += logBytes(r);
  return n;
}
