/**
 * OTLP resourceSpans / resourceLogs elements (already parsed from JSON, or decoded from protobuf into the
 * same shape) into the model. Accepts the real-world deviations of domain.md section 4: hex or base64
 * ids, enum numbers or names, int64 as string or number, snake_case keys, empty or zero parents.
 */
import type { Attributes, LogRecord, Scope, Span, SpanEvent, SpanKindNumber, SpanLink, SpanMissing, StatusCodeNumber } from '../model/types';
import { normalizeParentId, normalizeSpanId, normalizeTraceId } from '../model/ids';
import { toAttributes, toAttrValue, type ValueSink } from './anyvalue';
import type { Collector, TraceAcc } from './collector';
import { excerpt } from './native-value';
import { formatNs, nsOut, readNs } from './time';

type Obj = Record<string, unknown>;

const KIND_NAMES: Record<string, SpanKindNumber> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS_NAMES: Record<string, StatusCodeNumber> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** An enum given as a number or its name, or (for names) also the short form ('SERVER', 'ERROR'). */
function enumValue(v: unknown, names: Record<string, number>, prefix: string, max: number): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= max ? v : 0;
  if (typeof v === 'string') {
    const n = names[v] ?? names[prefix + v.toUpperCase()];
    if (n !== undefined) return n;
    const asNumber = Number(v);
    if (Number.isInteger(asNumber) && asNumber >= 0 && asNumber <= max) return asNumber;
  }
  return 0;
}

export function severityNumber(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v <= 24 ? v : 0;
  if (typeof v !== 'string') return 0;
  const m = /^(?:SEVERITY_NUMBER_)?(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)([234]?)$/.exec(v.toUpperCase());
  if (m) {
    const base = { TRACE: 1, DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17, FATAL: 21 }[m[1] as 'TRACE'];
    return base + (m[2] ? Number(m[2]) - 1 : 0);
  }
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 24 ? n : 0;
}

export function toScope(v: unknown, sink?: ValueSink): Scope {
  if (!isObj(v)) return { name: '' };
  const scope: Scope = { name: typeof v.name === 'string' ? v.name : '' };
  if (typeof v.version === 'string' && v.version !== '') scope.version = v.version;
  const attrs = v.attributes;
  if ((Array.isArray(attrs) && attrs.length > 0) || isObj(attrs)) {
    const read = toAttributes(attrs, sink, '.scope.attributes');
    if (Object.keys(read).length > 0) scope.attributes = read;
  }
  return scope;
}

/** Reports a problem inside element `path` (a resourceSpans / resourceLogs element) at a suffix of it. */
function under(c: Collector, path: string): ValueSink {
  return { skip: (where, reason) => c.skip(`${path}${where}`, reason) };
}

/**
 * The record being converted, as a ValueSink: its JSON path is only put together when something in it is
 * reported, so the common case builds no strings.
 */
class RecordPlace implements ValueSink {
  c!: Collector;
  path = '';
  group = '';
  g = 0;
  list = '';
  i = 0;

  skip(where: string, reason: string): void {
    this.c.skip(`${this.path}.${this.group}[${this.g}].${this.list}[${this.i}]${where}`, reason);
  }
}
const place = new RecordPlace();

function resourceAttributes(c: Collector, rs: Obj, path: string): Attributes {
  const resource = rs.resource;
  return isObj(resource) ? toAttributes(resource.attributes, under(c, path), '.resource.attributes') : {};
}

function scopeGroups(rs: Obj, camel: string, snake: string, legacyCamel: string, legacySnake: string): unknown[] {
  return list(rs[camel] ?? rs[snake] ?? rs[legacyCamel] ?? rs[legacySnake]);
}

// spans of one trace usually arrive together: remember the last trace id's normalized form
let lastRawTrace: unknown;
let lastTraceId: string | null = null;

/** One span object into the collector; returns the reason when it cannot be used. */
function addSpan(c: Collector, s: unknown, resource: Attributes, scope: Scope, at: RecordPlace): string | null {
  if (!isObj(s)) return 'a span must be an object';
  const rawTrace = s.traceId ?? s.trace_id;
  if (rawTrace !== lastRawTrace || typeof rawTrace !== 'string') {
    lastRawTrace = rawTrace;
    lastTraceId = normalizeTraceId(rawTrace);
  }
  const traceId = lastTraceId;
  if (traceId === null) return rawTrace === undefined ? 'the span has no traceId' : `invalid traceId ${JSON.stringify(rawTrace)}`;
  const rawSpan = s.spanId ?? s.span_id;
  const spanId = normalizeSpanId(rawSpan);
  if (spanId === null) return rawSpan === undefined ? 'the span has no spanId' : `invalid spanId ${JSON.stringify(rawSpan)}`;
  const rawParent = s.parentSpanId ?? s.parent_span_id;
  const parentSpanId = normalizeParentId(rawParent);
  if (parentSpanId === null) return `invalid parentSpanId ${JSON.stringify(rawParent)}`;
  const rawStart = s.startTimeUnixNano ?? s.start_time_unix_nano;
  const hasStart = spanTime(rawStart, at, '.startTimeUnixNano');
  const startSec = nsOut.sec;
  const startNano = nsOut.nano;
  const rawEnd = s.endTimeUnixNano ?? s.end_time_unix_nano;
  const hasEnd = spanTime(rawEnd, at, '.endTimeUnixNano');
  const endSec = nsOut.sec;
  const endNano = nsOut.nano;
  let incomplete: SpanMissing | undefined;
  let acc: TraceAcc | undefined;
  let start = 0;
  let duration = 0;
  if (hasStart) {
    acc = c.trace(traceId, startSec);
    start = (startSec - acc.refSec) * 1e9 + startNano;
    if (hasEnd) duration = Math.max(0, (endSec - acc.refSec) * 1e9 + endNano - start);
    else incomplete = 'end';
  } else if (hasEnd) {
    acc = c.trace(traceId, endSec);
    start = (endSec - acc.refSec) * 1e9 + endNano;
    incomplete = 'start';
  } else {
    // no time at all: placed at the trace's start once the batch is taken (Collector.addTimeless)
    incomplete = 'both';
    acc = c.existingTrace(traceId);
    if (acc !== undefined) start = Number.isFinite(acc.minStart) ? acc.minStart : 0;
  }
  const ref = acc?.refSec ?? 0;
  const events: SpanEvent[] = [];
  const rawEvents = s.events;
  if (Array.isArray(rawEvents)) {
    for (let i = 0; i < rawEvents.length; i++) {
      const e = rawEvents[i];
      if (!isObj(e)) {
        at.skip(`.events[${i}]`, `an event must be an object; dropped ${JSON.stringify(e)}`);
        continue;
      }
      const t = acc !== undefined && readNs(e.timeUnixNano ?? e.time_unix_nano) ? (nsOut.sec - ref) * 1e9 + nsOut.nano : start;
      events.push({ t, name: typeof e.name === 'string' ? e.name : '', attributes: toAttributes(e.attributes, at, `.events[${i}].attributes`) });
    }
  }
  const rawStatus = s.status;
  let status: Span['status'] = { code: 0 };
  if (isObj(rawStatus)) {
    status = { code: enumValue(rawStatus.code, STATUS_NAMES, 'STATUS_CODE_', 2) as StatusCodeNumber };
    if (typeof rawStatus.message === 'string' && rawStatus.message !== '') status.message = rawStatus.message;
  }
  const span: Span = {
    spanId,
    parentSpanId,
    name: typeof s.name === 'string' ? s.name : '',
    kind: enumValue(s.kind, KIND_NAMES, 'SPAN_KIND_', 5) as SpanKindNumber,
    start,
    duration,
    status,
    attributes: toAttributes(s.attributes, at, '.attributes'),
    events,
    resource: 0,
    scope: 0,
  };
  const rawLinks = s.links;
  if (Array.isArray(rawLinks) && rawLinks.length > 0) {
    const links: SpanLink[] = [];
    for (let i = 0; i < rawLinks.length; i++) {
      const l: unknown = rawLinks[i];
      const lt = isObj(l) ? normalizeTraceId(l.traceId ?? l.trace_id) : null;
      const ls = isObj(l) ? normalizeSpanId(l.spanId ?? l.span_id) : null;
      if (isObj(l) && lt && ls) links.push({ traceId: lt, spanId: ls, attributes: toAttributes(l.attributes, at, `.links[${i}].attributes`) });
      else at.skip(`.links[${i}]`, `a link needs a valid traceId and spanId; dropped ${JSON.stringify(l)}`);
    }
    if (links.length > 0) span.links = links;
  }
  const traceState = s.traceState ?? s.trace_state;
  if (typeof traceState === 'string' && traceState !== '') span.traceState = traceState;
  if (incomplete !== undefined) span.incomplete = incomplete;
  if (acc !== undefined) c.addSpan(acc, span, resource, scope);
  else c.addTimeless(traceId, span, resource, scope);
  return null;
}

/**
 * A span's start or end time into nsOut; false when it is missing (absent, or 0, OTLP's "not set"). A
 * value that is present but not a time is reported at `where` and treated as missing.
 */
function spanTime(raw: unknown, at: RecordPlace, where: string): boolean {
  if (raw === undefined || raw === null || raw === '' || raw === '0' || raw === 0) return false;
  if (readNs(raw)) return true;
  at.skip(where, `${excerpt(raw)} is not a time in Unix nanoseconds; the span is kept as incomplete`);
  return false;
}

/** One element of resourceSpans (or a Konnect batch) at JSON path `path`. */
export function convertResourceSpans(c: Collector, rs: unknown, path: string): void {
  if (!isObj(rs)) {
    c.skip(path, 'expected an object with resource and scopeSpans');
    return;
  }
  const resource = c.resource(resourceAttributes(c, rs, path));
  const groups = scopeGroups(rs, 'scopeSpans', 'scope_spans', 'instrumentationLibrarySpans', 'instrumentation_library_spans');
  const at = place;
  at.c = c;
  at.path = path;
  at.group = 'scopeSpans';
  at.list = 'spans';
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (!isObj(group)) {
      c.skip(`${path}.scopeSpans[${g}]`, 'expected an object with scope and spans');
      continue;
    }
    const scope = c.scope(toScope(group.scope ?? group.instrumentationLibrary ?? group.instrumentation_library, under(c, `${path}.scopeSpans[${g}]`)));
    const spans = list(group.spans);
    at.g = g;
    for (let i = 0; i < spans.length; i++) {
      at.i = i;
      const problem = addSpan(c, spans[i], resource, scope, at);
      if (problem !== null) c.skip(`${path}.scopeSpans[${g}].spans[${i}]`, problem);
    }
  }
}

function nsText(v: unknown): string | null {
  return readNs(v) ? formatNs(nsOut.sec, nsOut.nano) : null;
}

function toLog(r: Obj, resource: Attributes, scope: Scope, at: RecordPlace): LogRecord | string {
  const time = nsText(r.timeUnixNano ?? r.time_unix_nano);
  const observed = nsText(r.observedTimeUnixNano ?? r.observed_time_unix_nano);
  // the specification: use the event time, else the observed time
  const timeNs = time !== null && time !== '0' ? time : observed ?? time ?? '0';
  const rawTrace = r.traceId ?? r.trace_id;
  const rawSpan = r.spanId ?? r.span_id;
  const traceId = rawTrace === undefined || rawTrace === '' ? '' : normalizeTraceId(rawTrace);
  if (traceId === null) return `invalid traceId ${JSON.stringify(rawTrace)}`;
  const spanId = rawSpan === undefined || rawSpan === '' ? '' : normalizeSpanId(rawSpan);
  if (spanId === null) return `invalid spanId ${JSON.stringify(rawSpan)}`;
  const severityText = r.severityText ?? r.severity_text;
  readNs(timeNs);
  const log: LogRecord = {
    timeNs,
    timeMs: nsOut.sec * 1000 + nsOut.nano / 1e6,
    severityNumber: severityNumber(r.severityNumber ?? r.severity_number),
    severityText: typeof severityText === 'string' ? severityText : '',
    body: toAttrValue(r.body, at, '.body'),
    traceId,
    spanId,
    attributes: toAttributes(r.attributes, at, '.attributes'),
    resource,
    scope,
  };
  if (observed !== null && observed !== '0') log.observedTimeNs = observed;
  const flags = r.flags;
  if (typeof flags === 'number' && flags !== 0) log.flags = flags;
  return log;
}

/** One element of resourceLogs at JSON path `path`. */
export function convertResourceLogs(c: Collector, rl: unknown, path: string): void {
  if (!isObj(rl)) {
    c.skip(path, 'expected an object with resource and scopeLogs');
    return;
  }
  const resource = c.resource(resourceAttributes(c, rl, path));
  const groups = scopeGroups(rl, 'scopeLogs', 'scope_logs', 'instrumentationLibraryLogs', 'instrumentation_library_logs');
  const at = place;
  at.c = c;
  at.path = path;
  at.group = 'scopeLogs';
  at.list = 'logRecords';
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (!isObj(group)) {
      c.skip(`${path}.scopeLogs[${g}]`, 'expected an object with scope and logRecords');
      continue;
    }
    const scope = c.scope(toScope(group.scope ?? group.instrumentationLibrary ?? group.instrumentation_library, under(c, `${path}.scopeLogs[${g}]`)));
    const records = list(group.logRecords ?? group.log_records);
    at.g = g;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      at.i = i;
      const log = isObj(r) ? toLog(r, resource, scope, at) : 'a log record must be an object';
      if (typeof log === 'string') c.skip(`${path}.scopeLogs[${g}].logRecords[${i}]`, log);
      else c.addLog(log);
    }
  }
}

/** A whole export request / TracesData / LogsData object (one JSON line, or a small document). */
export function convertRequest(c: Collector, doc: unknown, path: string): boolean {
  if (!isObj(doc)) return false;
  let found = false;
  for (const [key, convert, name] of [
    ['resourceSpans', convertResourceSpans, 'resourceSpans'],
    ['resource_spans', convertResourceSpans, 'resourceSpans'],
    ['resourceLogs', convertResourceLogs, 'resourceLogs'],
    ['resource_logs', convertResourceLogs, 'resourceLogs'],
    ['batches', convertResourceSpans, 'batches'],
  ] as const) {
    const items = doc[key];
    if (items === undefined) continue;
    found = true;
    if (!Array.isArray(items)) {
      c.skip(`${path}.${name}`, 'expected an array');
      continue;
    }
    for (let i = 0; i < items.length; i++) convert(c, items[i], `${path}.${name}[${i}]`);
  }
  return found;
}
