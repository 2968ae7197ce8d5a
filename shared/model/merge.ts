/**
 * Merging partial copies of one trace: a trace can arrive over several decode batches, Konnect exports
 * repeat spans, and a file may be imported twice. Merging is by spanId; merging a trace with itself
 * yields an equal trace, so re-importing never duplicates anything.
 */
import type { Attributes, LogRecord, Scope, Span, SpanEvent, SpanLink, TraceSpans } from './types';
import { compareNs, diffNs } from '../decode/time';
import { setOwn } from './own';

/** A canonical text of a JSON-like value (object keys sorted), used as an identity key. */
export function canonicalKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) setOwn(sorted, k, (v as Record<string, unknown>)[k]);
    return sorted;
  });
}

function mergeEvents(a: SpanEvent[], b: SpanEvent[]): SpanEvent[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const seen = new Set<string>();
  for (const e of a) seen.add(`${e.t}\u0000${e.name}`);
  let out: SpanEvent[] | undefined;
  for (const e of b) {
    const key = `${e.t}\u0000${e.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (out ??= a.slice()).push(e);
  }
  return out ?? a;
}

function mergeLinks(a: SpanLink[] | undefined, b: SpanLink[] | undefined): SpanLink[] | undefined {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  const seen = new Set(a.map((l) => `${l.traceId}:${l.spanId}`));
  const out = a.slice();
  for (const l of b) if (!seen.has(`${l.traceId}:${l.spanId}`)) out.push(l);
  return out;
}

function sameAttributes(a: Attributes, b: Attributes): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = a[k];
    const vb = b[k];
    if (va === vb) continue;
    if (typeof va !== 'object' || typeof vb !== 'object' || canonicalKey(va) !== canonicalKey(vb)) return false;
  }
  return true;
}

/**
 * Two copies of one span on the same time base: attributes united (the second copy wins a conflict),
 * events concatenated without repeating an identical one (same time and name), the longer duration, the
 * more severe status. Returns `a` itself when `b` adds nothing.
 */
export function mergeSpan(a: Span, b: Span): Span {
  // a copy with no times at all has only a placeholder position: the other copy's times win
  if (a.incomplete === 'both' && b.incomplete !== 'both') return mergeSpan({ ...a, start: b.start, duration: b.duration, incomplete: b.incomplete }, b);
  if (b.incomplete === 'both' && a.incomplete !== 'both') return mergeSpan(a, { ...b, start: a.start, duration: a.duration, incomplete: a.incomplete });
  const incomplete = a.incomplete === b.incomplete ? a.incomplete : undefined;
  const attributes = sameAttributes(a.attributes, b.attributes) ? a.attributes : { ...a.attributes, ...b.attributes };
  const events = mergeEvents(a.events, b.events);
  const links = mergeLinks(a.links, b.links);
  const end = Math.max(a.start + a.duration, b.start + b.duration);
  const start = Math.min(a.start, b.start);
  const status = b.status.code > a.status.code ? b.status : a.status;
  const name = a.name || b.name;
  const parentSpanId = a.parentSpanId || b.parentSpanId;
  if (
    attributes === a.attributes &&
    events === a.events &&
    links === a.links &&
    start === a.start &&
    end - start === a.duration &&
    status === a.status &&
    name === a.name &&
    parentSpanId === a.parentSpanId &&
    incomplete === a.incomplete
  ) {
    return a;
  }
  const merged: Span = { ...a, name, parentSpanId, start, duration: end - start, status, attributes, events };
  if (links) merged.links = links;
  // one copy with the start and the other with the end make a whole span
  if (incomplete === undefined) delete merged.incomplete;
  return merged;
}

function shiftSpan(span: Span, shift: number, resource: number, scope: number): Span {
  if (shift === 0 && span.resource === resource && span.scope === scope) return span;
  const out: Span = { ...span, start: span.start + shift, resource, scope };
  if (shift !== 0) out.events = span.events.map((e) => ({ ...e, t: e.t + shift }));
  return out;
}

function indexer<T>(items: T[]): { add(item: T): number; items: T[] } {
  const out: T[] = [];
  const keys = new Map<string, number>();
  const add = (item: T): number => {
    const key = canonicalKey(item);
    let i = keys.get(key);
    if (i === undefined) {
      i = out.length;
      out.push(item);
      keys.set(key, i);
    }
    return i;
  };
  for (const item of items) add(item);
  return { add, items: out };
}

/**
 * b merged into a (same traceId): spans by spanId, times re-based onto the earlier base, resources and
 * scopes deduplicated by content. Neither input is modified.
 */
export function mergeTraceSpans(a: TraceSpans, b: TraceSpans): TraceSpans {
  const baseNs = compareNs(a.baseNs, b.baseNs) <= 0 ? a.baseNs : b.baseNs;
  const shiftA = diffNs(a.baseNs, baseNs);
  const shiftB = diffNs(b.baseNs, baseNs);
  const resources = indexer<Attributes>([]);
  const scopes = indexer<Scope>([]);
  const resA = a.resources.map((r) => resources.add(r));
  const scoA = a.scopes.map((s) => scopes.add(s));
  const resB = b.resources.map((r) => resources.add(r));
  const scoB = b.scopes.map((s) => scopes.add(s));
  const spans: Span[] = [];
  const byId = new Map<string, number>();
  for (const span of a.spans) {
    const shifted = shiftSpan(span, shiftA, resA[span.resource] ?? 0, scoA[span.scope] ?? 0);
    const i = byId.get(span.spanId);
    if (i === undefined) {
      byId.set(span.spanId, spans.length);
      spans.push(shifted);
    } else {
      spans[i] = mergeSpan(spans[i]!, shifted);
    }
  }
  for (const span of b.spans) {
    const shifted = shiftSpan(span, shiftB, resB[span.resource] ?? 0, scoB[span.scope] ?? 0);
    const i = byId.get(span.spanId);
    if (i === undefined) {
      byId.set(span.spanId, spans.length);
      spans.push(shifted);
    } else {
      spans[i] = mergeSpan(spans[i]!, shifted);
    }
  }
  return { traceId: a.traceId, baseNs, resources: resources.items, scopes: scopes.items, spans };
}

/** An identity for a log record, for de-duplicating re-imported logs. */
export function logKey(log: LogRecord): string {
  const body = typeof log.body === 'string' ? log.body : canonicalKey(log.body);
  return `${log.timeNs}|${log.traceId}|${log.spanId}|${log.severityNumber}|${body}`;
}
