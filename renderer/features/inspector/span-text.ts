/**
 * A span as text a person pastes into a ticket or chat: plain text or JSON. Pure, so it is testable and
 * never touches HTML.
 */
import { incompleteTitle } from '../../../shared/model/incomplete';
import type { AttrValue, Attributes, Span, TraceSpans } from '../../../shared/model/types';
import { formatDuration, formatOffset } from '../waterfall/format';

const KIND_NAMES = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];
const STATUS_NAMES = ['UNSET', 'OK', 'ERROR'];

export const kindName = (kind: number): string => KIND_NAMES[kind] ?? String(kind);
export const statusName = (code: number): string => STATUS_NAMES[code] ?? String(code);

/** Attribute values as one line of text: strings as they are, everything else as JSON. */
export function attrText(v: AttrValue): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Exact Unix nanoseconds of an offset from the trace base, as a decimal string. */
export function absoluteNs(baseNs: string, offsetNs: number): string {
  try {
    return (BigInt(baseNs) + BigInt(Math.round(offsetNs))).toString();
  } catch {
    return '';
  }
}

/** Unix milliseconds of an offset from the trace base (0 when unknown), for the one time formatter. */
export function wallMs(baseNs: string, offsetNs: number): number {
  const ns = absoluteNs(baseNs, offsetNs);
  return ns ? Number(BigInt(ns) / 1_000_000n) : 0;
}

/** ISO wall-clock time (ms precision, UTC) of an offset from the trace base, for copied text. */
export function wallClock(baseNs: string, offsetNs: number): string {
  const ms = wallMs(baseNs, offsetNs);
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '';
}

const sortedEntries = (a: Attributes): [string, AttrValue][] =>
  Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));

export function spanAsText(trace: TraceSpans, span: Span, selfNs: number): string {
  const lines = [
    span.name,
    ...(span.incomplete ? [incompleteTitle(span.incomplete)] : []),
    `duration: ${span.incomplete ? 'unknown' : formatDuration(span.duration)}   self: ${span.incomplete ? 'unknown' : formatDuration(selfNs)}   status: ${statusName(span.status.code)}${span.status.message ? ` (${span.status.message})` : ''}`,
    `start: ${wallClock(trace.baseNs, span.start) || formatOffset(span.start)} (${formatOffset(span.start)} into the trace)`,
    `trace id: ${trace.traceId}`,
    `span id: ${span.spanId}`,
    `parent id: ${span.parentSpanId || '(root)'}`,
  ];
  const attrs = sortedEntries(span.attributes);
  if (attrs.length) lines.push('attributes:', ...attrs.map(([k, v]) => `  ${k} = ${attrText(v)}`));
  if (span.events.length) {
    lines.push('events:');
    for (const e of span.events) {
      const extra = Object.keys(e.attributes).length ? ` ${JSON.stringify(e.attributes)}` : '';
      lines.push(`  ${formatOffset(e.t - span.start)} ${e.name}${extra}`);
    }
  }
  return lines.join('\n');
}

export function spanAsJson(trace: TraceSpans, span: Span): string {
  const { resource, scope, ...rest } = span;
  return JSON.stringify(
    {
      traceId: trace.traceId,
      ...rest,
      startTimeUnixNano: absoluteNs(trace.baseNs, span.start),
      endTimeUnixNano: absoluteNs(trace.baseNs, span.start + span.duration),
      resource: trace.resources[resource] ?? {},
      scope: trace.scopes[scope] ?? null,
    },
    null,
    2,
  );
}
