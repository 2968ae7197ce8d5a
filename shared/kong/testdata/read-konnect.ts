/**
 * A deliberately tiny reader of the Konnect `batches` fixture for the Kong model tests, so they do not
 * depend on the full decoders: base64 ids to hex, nanosecond strings to offsets, attribute values
 * flattened. It handles only what the fixture holds.
 */
import type { AttrValue, Attributes, Span, TraceSpans } from '../../model/types';
import fixture from '../../sample/gateway-3.10-konnect.json';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64ToHex(b64: string): string {
  let bits = 0;
  let acc = 0;
  let hex = '';
  for (const ch of b64.replace(/=+$/, '')) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += ((acc >> bits) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return hex;
}

interface RawValue {
  stringValue?: string;
  doubleValue?: number;
  intValue?: string | number;
  boolValue?: boolean;
  arrayValue?: { values?: RawValue[] };
  kvlistValue?: { values?: { key: string; value: RawValue }[] };
}

function value(v: RawValue): AttrValue {
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(value);
  if (v.kvlistValue) return attributes(v.kvlistValue.values ?? []);
  return null;
}

function attributes(list: { key: string; value: RawValue }[]): Attributes {
  const out: Attributes = {};
  for (const kv of list) out[kv.key] = value(kv.value);
  return out;
}

export function readKonnectFixture(): TraceSpans {
  const raw = fixture.batches.flatMap((b) => b.scopeSpans.flatMap((ss) => ss.spans));
  const base = raw.reduce((min, s) => (BigInt(s.startTimeUnixNano) < min ? BigInt(s.startTimeUnixNano) : min), BigInt(raw[0]!.startTimeUnixNano));
  const spans: Span[] = raw.map((s) => ({
    spanId: base64ToHex(s.spanId),
    parentSpanId: 'parentSpanId' in s && typeof s.parentSpanId === 'string' ? base64ToHex(s.parentSpanId) : '',
    name: s.name,
    kind: 1,
    start: Number(BigInt(s.startTimeUnixNano) - base),
    duration: Number(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)),
    status: { code: 0 },
    attributes: attributes((s.attributes ?? []) as { key: string; value: RawValue }[]),
    events: [],
    resource: 0,
    scope: 0,
  }));
  return {
    traceId: base64ToHex(raw[0]!.traceId),
    baseNs: base.toString(),
    resources: [attributes(fixture.batches[0]!.resource.attributes as { key: string; value: RawValue }[])],
    scopes: [{ name: 'kong-internal' }],
    spans,
  };
}
