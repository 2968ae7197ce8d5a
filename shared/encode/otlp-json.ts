/**
 * The model back to specification-conformant OTLP/JSON: lowerCamelCase keys, lowercase hex ids, enums as
 * integers, 64-bit integers as decimal strings. Times are rebuilt exactly from each trace's baseNs.
 */
import type { Attributes, AttrValue, LogRecord, Scope, TraceSpans } from '../model/types';
import { canonicalKey } from '../model/merge';
import { addNs } from '../decode/time';

type Json = Record<string, unknown>;

/** One attribute value as an AnyValue, iteratively (attribute values can nest deeply). */
export function anyValue(value: AttrValue): Json {
  const root: Json = {};
  const stack: { value: AttrValue; out: Json }[] = [{ value, out: root }];
  while (stack.length > 0) {
    const { value: v, out } = stack.pop()!;
    if (v === null) continue;
    if (typeof v === 'string') out.stringValue = v;
    else if (typeof v === 'boolean') out.boolValue = v;
    else if (typeof v === 'number') {
      if (Number.isSafeInteger(v)) out.intValue = String(v);
      else if (Number.isFinite(v)) out.doubleValue = v;
      else out.doubleValue = Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
    } else if (Array.isArray(v)) {
      const values: Json[] = v.map(() => ({}));
      out.arrayValue = { values };
      v.forEach((item, i) => stack.push({ value: item, out: values[i]! }));
    } else {
      const values: Json[] = [];
      for (const [key, item] of Object.entries(v)) {
        const inner: Json = {};
        values.push({ key, value: inner });
        stack.push({ value: item, out: inner });
      }
      out.kvlistValue = { values };
    }
  }
  return root;
}

export function keyValues(attributes: Attributes): Json[] {
  const out: Json[] = [];
  for (const [key, value] of Object.entries(attributes)) out.push({ key, value: anyValue(value) });
  return out;
}

function scopeJson(scope: Scope | undefined): Json {
  const out: Json = { name: scope?.name ?? '' };
  if (scope?.version) out.version = scope.version;
  if (scope?.attributes && Object.keys(scope.attributes).length > 0) out.attributes = keyValues(scope.attributes);
  return out;
}

function spansJson(traces: TraceSpans[]): Json[] {
  const out: Json[] = [];
  for (const trace of traces) {
    // one resourceSpans per (trace, resource), one scopeSpans per scope within it
    const groups = new Map<number, Map<number, Json[]>>();
    for (const span of trace.spans) {
      let byScope = groups.get(span.resource);
      if (!byScope) groups.set(span.resource, (byScope = new Map()));
      let list = byScope.get(span.scope);
      if (!list) byScope.set(span.scope, (list = []));
      const json: Json = {
        traceId: trace.traceId,
        spanId: span.spanId,
        name: span.name,
        kind: span.kind,
        startTimeUnixNano: addNs(trace.baseNs, span.start),
        endTimeUnixNano: addNs(trace.baseNs, span.start + span.duration),
        attributes: keyValues(span.attributes),
      };
      if (span.parentSpanId) json.parentSpanId = span.parentSpanId;
      if (span.traceState) json.traceState = span.traceState;
      if (span.events.length > 0) {
        json.events = span.events.map((e) => ({ timeUnixNano: addNs(trace.baseNs, e.t), name: e.name, attributes: keyValues(e.attributes) }));
      }
      if (span.links && span.links.length > 0) {
        json.links = span.links.map((l) => ({ traceId: l.traceId, spanId: l.spanId, attributes: keyValues(l.attributes) }));
      }
      const status: Json = { code: span.status.code };
      if (span.status.message) status.message = span.status.message;
      json.status = status;
      list.push(json);
    }
    for (const [resource, byScope] of groups) {
      out.push({
        resource: { attributes: keyValues(trace.resources[resource] ?? {}) },
        scopeSpans: [...byScope].map(([scope, spans]) => ({ scope: scopeJson(trace.scopes[scope]), spans })),
      });
    }
  }
  return out;
}

function logsJson(logs: LogRecord[]): Json[] {
  const resources = new Map<string, { resource: Attributes; scopes: Map<string, { scope: Scope | undefined; records: Json[] }> }>();
  for (const log of logs) {
    const rKey = canonicalKey(log.resource);
    let r = resources.get(rKey);
    if (!r) resources.set(rKey, (r = { resource: log.resource, scopes: new Map() }));
    const sKey = canonicalKey(log.scope ?? null);
    let s = r.scopes.get(sKey);
    if (!s) r.scopes.set(sKey, (s = { scope: log.scope, records: [] }));
    const json: Json = {
      timeUnixNano: log.timeNs,
      severityNumber: log.severityNumber,
      attributes: keyValues(log.attributes),
    };
    if (log.observedTimeNs) json.observedTimeUnixNano = log.observedTimeNs;
    if (log.severityText) json.severityText = log.severityText;
    if (log.body !== null) json.body = anyValue(log.body);
    if (log.traceId) json.traceId = log.traceId;
    if (log.spanId) json.spanId = log.spanId;
    if (log.flags) json.flags = log.flags;
    s.records.push(json);
  }
  return [...resources.values()].map((r) => ({
    resource: { attributes: keyValues(r.resource) },
    scopeLogs: [...r.scopes.values()].map((s) => ({ scope: scopeJson(s.scope), logRecords: s.records })),
  }));
}

/** `{resourceSpans, resourceLogs}`: an OTLP/JSON document both trace and log decoders accept. */
export function encodeOtlpJson(traces: TraceSpans[], logs: LogRecord[]): { resourceSpans: Json[]; resourceLogs: Json[] } {
  return { resourceSpans: spansJson(traces), resourceLogs: logsJson(logs) };
}
