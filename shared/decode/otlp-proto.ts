/**
 * OTLP/protobuf through protobufjs and the official opentelemetry-proto definitions (shared/proto, loaded
 * from the generated JSON descriptor: no .proto parsing at run time). Decoded messages are turned into the
 * same plain shape as OTLP/JSON (64-bit times as exact decimal strings, ids as base64) and handed to the
 * OTLP/JSON converters, so both encodings share one set of rules.
 */
import protobuf from 'protobufjs/light';
import descriptor from '../proto/otlp.json';
import type { Collector } from './collector';
import { convertResourceLogs, convertResourceSpans } from './otlp';

const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const ResourceSpans = root.lookupType('opentelemetry.proto.trace.v1.ResourceSpans');
const ResourceLogs = root.lookupType('opentelemetry.proto.logs.v1.ResourceLogs');
const TO_OBJECT: protobuf.IConversionOptions = { longs: String, enums: Number, bytes: String };

export type RecordKind = 'spans' | 'logs';

/** The first length-delimited field `field` of a message, or null. */
function firstField(bytes: Uint8Array, field: number, from = 0): { value: Uint8Array; next: number } | null {
  const r = protobuf.Reader.create(bytes);
  r.pos = from;
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === field && (tag & 7) === 2) {
      const value = r.bytes();
      return { value, next: r.pos };
    }
    r.skipType(tag & 7);
  }
  return null;
}

/**
 * Whether a ResourceSpans-or-ResourceLogs element holds spans or log records. The two messages have the
 * same outer layout, so this looks at the first record: a Span starts with field 1 (trace_id, bytes); a
 * LogRecord's field 1 is a fixed64 time and never has that tag. Null when the element holds no records.
 */
export function recordKind(element: Uint8Array): RecordKind | null | 'invalid' {
  try {
    let scope = firstField(element, 2);
    while (scope !== null) {
      const record = firstField(scope.value, 2);
      if (record !== null && record.value.length > 0) return record.value[0] === 0x0a ? 'spans' : 'logs';
      scope = firstField(element, 2, scope.next);
    }
  } catch {
    return 'invalid';
  }
  return null;
}

/** Decodes one ResourceSpans / ResourceLogs element; a malformed one is reported as skipped at `where`. */
export function decodeResourceElement(c: Collector, element: Uint8Array, kind: RecordKind, where: string): void {
  const type = kind === 'spans' ? ResourceSpans : ResourceLogs;
  let plain: Record<string, unknown>;
  try {
    plain = type.toObject(type.decode(element), TO_OBJECT);
  } catch (e) {
    c.skip(where, `invalid protobuf ${type.name}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (kind === 'spans') convertResourceSpans(c, plain, where);
  else convertResourceLogs(c, plain, where);
}

/**
 * A whole ExportTraceServiceRequest or ExportLogsServiceRequest (one delimited message). Returns false
 * when the bytes are not a protobuf message at all.
 */
export function decodeRequestMessage(c: Collector, message: Uint8Array, offset: number): boolean {
  const elements: Uint8Array[] = [];
  try {
    let next = 0;
    for (;;) {
      const f = firstField(message, 1, next);
      if (f === null) break;
      elements.push(f.value);
      next = f.next;
    }
  } catch {
    return false;
  }
  let kind: RecordKind | null = null;
  let invalid = 0;
  for (const e of elements) {
    const k = recordKind(e);
    if (k === 'invalid') invalid++;
    else if (k !== null) kind ??= k;
  }
  if (invalid > 0) c.skip(`byte ${offset}`, `${invalid} malformed resource element${invalid > 1 ? 's' : ''} in the protobuf message`);
  if (kind === null) return true;
  for (const e of elements) if (recordKind(e) !== 'invalid') decodeResourceElement(c, e, kind, `byte ${offset}`);
  return true;
}
