/**
 * Jaeger UI JSON and Zipkin v2 JSON into the model. Both give times in microseconds and may use 64-bit
 * trace ids (16 hex chars), which are left-padded to the model's 32.
 */
import type { Attributes, AttrValue, Scope, Span, SpanKindNumber, StatusCodeNumber } from '../model/types';
import { normalizeParentId, normalizeSpanId, normalizeTraceId } from '../model/ids';
import type { Collector } from './collector';
import { excerpt, nativeValue, setKey, type ValueSink } from './native-value';
import { nsOut, readMicros } from './time';

type Obj = Record<string, unknown>;

const KINDS: Record<string, SpanKindNumber> = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function jaegerTagValue(tag: Obj, sink: ValueSink, where: string): AttrValue {
  const v = tag.value;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    if (tag.type === 'int64' && typeof v === 'string' && Number.isSafeInteger(Number(v))) return Number(v);
    return v;
  }
  if (v === undefined || v === null) return null;
  // Jaeger tag values are scalars; keep anything else as the array / kvlist value it is, and say so
  sink.skip(where, `a Jaeger tag value must be a string, number or boolean; kept ${excerpt(v)} as a nested value`);
  return nativeValue(v, sink, where);
}

function jaegerTags(tags: unknown, sink: ValueSink, where: string): Attributes {
  const out: Attributes = {};
  if (tags === undefined || tags === null) return out;
  if (!Array.isArray(tags)) {
    sink.skip(where, `expected a list of {key, value}; dropped ${excerpt(tags)}`);
    return out;
  }
  for (let i = 0; i < tags.length; i++) {
    const tag: unknown = tags[i];
    if (isObj(tag) && typeof tag.key === 'string') setKey(out, tag.key, jaegerTagValue(tag, sink, `${where}[${i}].value`));
    else sink.skip(`${where}[${i}]`, `a tag needs a string key; dropped ${excerpt(tag)}`);
  }
  return out;
}

function sinkAt(c: Collector, path: string): ValueSink {
  return { skip: (where, reason) => c.skip(`${path}${where}`, reason) };
}

/** Moves OpenTelemetry's span kind / status tags (how exporters encode them for Jaeger) into the span. */
function liftKindAndStatus(attributes: Attributes): { kind: SpanKindNumber; status: Span['status'] } {
  let kind: SpanKindNumber = 0;
  const k = attributes['span.kind'];
  if (typeof k === 'string' && KINDS[k.toLowerCase()] !== undefined) {
    kind = KINDS[k.toLowerCase()]!;
    delete attributes['span.kind'];
  }
  let code: StatusCodeNumber = 0;
  const otelStatus = attributes['otel.status_code'];
  if (otelStatus === 'ERROR') code = 2;
  else if (otelStatus === 'OK') code = 1;
  else if (attributes.error === true || attributes.error === 'true') code = 2;
  const status: Span['status'] = { code };
  const message = attributes['otel.status_description'];
  if (typeof message === 'string' && message !== '') status.message = message;
  if (otelStatus !== undefined) {
    delete attributes['otel.status_code'];
    delete attributes['otel.status_description'];
  }
  return { kind, status };
}

/** One Jaeger trace ({traceID, spans, processes}) at `path`. */
export function convertJaegerTrace(c: Collector, trace: unknown, path: string): void {
  if (!isObj(trace) || !Array.isArray(trace.spans)) {
    c.skip(path, 'expected a Jaeger trace object with spans');
    return;
  }
  const processes = isObj(trace.processes) ? trace.processes : {};
  const resources = new Map<string, Attributes>();
  const resourceOf = (id: unknown): Attributes => {
    const key = typeof id === 'string' ? id : '';
    let r = resources.get(key);
    if (r === undefined) {
      const p = processes[key];
      r = isObj(p) ? jaegerTags(p.tags, sinkAt(c, `${path}.processes[${JSON.stringify(key)}]`), '.tags') : {};
      if (isObj(p) && typeof p.serviceName === 'string') r['service.name'] = p.serviceName;
      resources.set(key, r);
    }
    return r;
  };
  const scopes = new Map<string, Scope>();
  const spans = trace.spans;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const where = `${path}.spans[${i}]`;
    if (!isObj(s)) {
      c.skip(where, 'a span must be an object');
      continue;
    }
    const traceId = normalizeTraceId(s.traceID ?? trace.traceID, true);
    const spanId = normalizeSpanId(s.spanID, true);
    if (traceId === null || spanId === null) {
      c.skip(where, `invalid ${traceId === null ? `traceID ${JSON.stringify(s.traceID)}` : `spanID ${JSON.stringify(s.spanID)}`}`);
      continue;
    }
    const sink = sinkAt(c, where);
    let parentSpanId = '';
    const refs = Array.isArray(s.references) ? s.references : [];
    const parentRef = refs.find((r) => isObj(r) && r.refType === 'CHILD_OF') ?? refs.find((r) => isObj(r) && r.refType === 'FOLLOWS_FROM');
    const rawParent = isObj(parentRef) ? parentRef.spanID : s.parentSpanID;
    if (rawParent !== undefined) {
      const parent = normalizeParentId(rawParent, true);
      if (parent === null) sink.skip(isObj(parentRef) ? '.references' : '.parentSpanID', `invalid parent span id ${excerpt(rawParent)}; the span is shown as a root`);
      parentSpanId = parent ?? '';
    }
    if (!readMicros(s.startTime)) {
      c.skip(where, `invalid startTime ${JSON.stringify(s.startTime)}`);
      continue;
    }
    const acc = c.trace(traceId, nsOut.sec);
    const start = (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano;
    const duration = typeof s.duration === 'number' && s.duration > 0 ? Math.round(s.duration * 1000) : 0;
    const attributes = jaegerTags(s.tags, sink, '.tags');
    const { kind, status } = liftKindAndStatus(attributes);
    const scopeName = attributes['otel.scope.name'] ?? attributes['otel.library.name'];
    const scopeKey = typeof scopeName === 'string' ? scopeName : '';
    let scope = scopes.get(scopeKey);
    if (scope === undefined) scopes.set(scopeKey, (scope = { name: scopeKey }));
    const events = [];
    const logs: unknown[] = Array.isArray(s.logs) ? s.logs : [];
    for (let k = 0; k < logs.length; k++) {
      const log = logs[k];
      if (!isObj(log) || !readMicros(log.timestamp)) {
        sink.skip(`.logs[${k}]`, `a log needs a timestamp in microseconds; dropped ${excerpt(log)}`);
        continue;
      }
      const attrs = jaegerTags(log.fields, sink, `.logs[${k}].fields`);
      const name = typeof attrs.event === 'string' ? attrs.event : 'log';
      delete attrs.event;
      events.push({ t: (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano, name, attributes: attrs });
    }
    const span: Span = {
      spanId,
      parentSpanId,
      name: typeof s.operationName === 'string' ? s.operationName : '',
      kind,
      start,
      duration,
      status,
      attributes,
      events,
      resource: 0,
      scope: 0,
    };
    // a span still in flight when it was written has no duration
    if (typeof s.duration !== 'number') span.incomplete = 'end';
    c.addSpan(acc, span, resourceOf(s.processID), scope);
  }
}

const zipkinResources = new WeakMap<Collector, Map<string, Attributes>>();
const ZIPKIN_SCOPE: Scope = { name: '' };

/** One Zipkin v2 span at `path`. */
export function convertZipkinSpan(c: Collector, s: unknown, path: string): void {
  if (!isObj(s)) {
    c.skip(path, 'a Zipkin span must be an object');
    return;
  }
  const traceId = normalizeTraceId(s.traceId, true);
  const spanId = normalizeSpanId(s.id, true);
  if (traceId === null || spanId === null) {
    c.skip(path, `invalid ${traceId === null ? `traceId ${JSON.stringify(s.traceId)}` : `id ${JSON.stringify(s.id)}`}`);
    return;
  }
  const parentSpanId = normalizeParentId(s.parentId, true);
  if (parentSpanId === null) {
    c.skip(path, `invalid parentId ${JSON.stringify(s.parentId)}`);
    return;
  }
  if (!readMicros(s.timestamp)) {
    c.skip(path, `invalid timestamp ${JSON.stringify(s.timestamp)}`);
    return;
  }
  const acc = c.trace(traceId, nsOut.sec);
  const start = (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano;
  const attributes: Attributes = {};
  if (isObj(s.tags)) {
    for (const [k, v] of Object.entries(s.tags)) {
      // Zipkin tags are strings; a number or boolean loses nothing as text, anything else is said
      if (v !== null && typeof v === 'object') c.skip(`${path}.tags[${JSON.stringify(k)}]`, `a Zipkin tag must be a string; kept ${excerpt(v)} as JSON text`);
      setKey(attributes, k, typeof v === 'string' ? v : JSON.stringify(v));
    }
  } else if (s.tags !== undefined && s.tags !== null) c.skip(`${path}.tags`, `expected an object of tag names to strings; dropped ${excerpt(s.tags)}`);
  const remote = s.remoteEndpoint;
  if (isObj(remote)) {
    const address = remote.ipv4 ?? remote.ipv6;
    if (typeof address === 'string') attributes['network.peer.address'] ??= address;
    if (typeof remote.port === 'number') attributes['network.peer.port'] ??= remote.port;
    if (typeof remote.serviceName === 'string') attributes['peer.service'] ??= remote.serviceName;
  }
  const { status } = liftKindAndStatus(attributes);
  // Zipkin marks a failed span with an `error` tag whose value is the message
  if (typeof attributes.error === 'string' && status.code === 0) {
    status.code = 2;
    if (attributes.error !== '' && attributes.error !== 'true') status.message = attributes.error;
  }
  const events = [];
  const annotations: unknown[] = Array.isArray(s.annotations) ? s.annotations : [];
  for (let k = 0; k < annotations.length; k++) {
    const a = annotations[k];
    if (!isObj(a) || !readMicros(a.timestamp)) {
      c.skip(`${path}.annotations[${k}]`, `an annotation needs a timestamp in microseconds; dropped ${excerpt(a)}`);
      continue;
    }
    events.push({ t: (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano, name: typeof a.value === 'string' ? a.value : '', attributes: {} });
  }
  const local = isObj(s.localEndpoint) ? s.localEndpoint : {};
  const service = typeof local.serviceName === 'string' ? local.serviceName : '';
  let byService = zipkinResources.get(c);
  if (byService === undefined) zipkinResources.set(c, (byService = new Map()));
  let resource = byService.get(service);
  if (resource === undefined) byService.set(service, (resource = service ? { 'service.name': service } : {}));
  const span: Span = {
    spanId,
    parentSpanId,
    name: typeof s.name === 'string' ? s.name : '',
    kind: typeof s.kind === 'string' ? (KINDS[s.kind.toLowerCase()] ?? 0) : 0,
    start,
    duration: typeof s.duration === 'number' && s.duration > 0 ? Math.round(s.duration * 1000) : 0,
    status,
    attributes,
    events,
    resource: 0,
    scope: 0,
  };
  // Zipkin leaves the duration out of a span that had not finished
  if (typeof s.duration !== 'number') span.incomplete = 'end';
  c.addSpan(acc, span, resource, ZIPKIN_SCOPE);
}
