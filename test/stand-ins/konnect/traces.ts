/**
 * Session traces for the Konnect stand-in: the real Gateway 3.10 fixture served as is, plus traces
 * generated from it (new ids, shifted times, varied status and latency) in the same `batches` shape,
 * protobuf-JSON quirks included. Deterministic: trace n of a session is always the same trace.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

/** a copy of the real trace in /work/shared/fixtures/konnect, kept beside the stand-in */
export const FIXTURE_PATH = new URL('../../../shared/sample/gateway-3.10-konnect.json', import.meta.url);
/** the session id the real fixture names in its resource attributes */
export const FIXTURE_SESSION_ID = '01951c12-e71c-7267-98e3-973ddcf1df64';
/** the route the real fixture's request matched */
export const FIXTURE_ROUTE_ID = '5d165982-9d3a-4e76-87a7-31d03bae4582';
/** consumers generated traces name in turn (the first is the real fixture's) and upstreams they go to */
export const CONSUMER_IDS = ['a28fb362-5fa3-4dbe-b4da-3dd15e5e5c9a', 'c0a5e000-0000-4000-8000-000000000002', 'c0a5e000-0000-4000-8000-000000000003'];
export const UPSTREAM_IDS = ['0b570000-0000-4000-8000-000000000001', '0b570000-0000-4000-8000-000000000002'];

interface KeyValue {
  key: string;
  value: Record<string, unknown>;
}
interface WireSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: KeyValue[];
  [k: string]: unknown;
}
export interface WireBatch {
  resource: { attributes: KeyValue[] };
  scopeSpans: { scope: unknown; spans: WireSpan[] }[];
}

let fixture: WireBatch[] | undefined;
export function fixtureBatches(): WireBatch[] {
  fixture ??= (JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as { batches: WireBatch[] }).batches;
  return structuredClone(fixture);
}

const bytes = (seed: string, n: number): Buffer => createHash('sha256').update(seed).digest().subarray(0, n);
export const b64ToHex = (b64: string): string => Buffer.from(b64, 'base64').toString('hex');

/** Trace id (hex) of trace n of a session, as a client will see it after decoding. */
export function generatedTraceIdHex(sessionId: string, n: number): string {
  return bytes(`${sessionId}/${n}/trace`, 16).toString('hex');
}

const STATUSES = [200, 200, 200, 201, 404, 200, 500, 200, 503, 200];

/** Trace n of a session: the fixture with new ids, starting at `startMs`. */
export function generateTrace(sessionId: string, n: number, startMs: number): WireBatch[] {
  const batches = fixtureBatches();
  const traceId = bytes(`${sessionId}/${n}/trace`, 16).toString('base64');
  const spanIds = new Map<string, string>();
  const mapSpan = (id: string) => {
    let out = spanIds.get(id);
    if (!out) spanIds.set(id, (out = bytes(`${sessionId}/${n}/${id}`, 8).toString('base64')));
    return out;
  };
  let earliest: bigint | undefined;
  for (const b of batches) for (const s of b.scopeSpans) for (const sp of s.spans) {
    const t = BigInt(sp.startTimeUnixNano);
    if (earliest === undefined || t < earliest) earliest = t;
  }
  const shift = BigInt(startMs) * 1_000_000n - (earliest ?? 0n);
  const status = STATUSES[n % STATUSES.length]!;
  const stretch = 1 + (n % 7) * 0.3;
  for (const b of batches) {
    for (const attr of b.resource.attributes) if (attr.key === 'session.id') attr.value = { stringValue: sessionId };
    for (const s of b.scopeSpans) {
      for (const sp of s.spans) {
        sp.traceId = traceId;
        sp.spanId = mapSpan(sp.spanId);
        if (sp.parentSpanId) sp.parentSpanId = mapSpan(sp.parentSpanId);
        const start = BigInt(sp.startTimeUnixNano) + shift;
        const dur = Number(BigInt(sp.endTimeUnixNano) - BigInt(sp.startTimeUnixNano)) * stretch;
        sp.startTimeUnixNano = start.toString();
        sp.endTimeUnixNano = (start + BigInt(Math.round(dur))).toString();
        for (const attr of sp.attributes ?? []) {
          if (attr.key === 'http.response.status_code') attr.value = { doubleValue: status };
          if (attr.key === 'proxy.kong.request.id') attr.value = { stringValue: bytes(`${sessionId}/${n}/req`, 16).toString('hex') };
          if (attr.key === 'proxy.kong.consumer.id') attr.value = { stringValue: CONSUMER_IDS[n % CONSUMER_IDS.length]! };
          if (attr.key === 'proxy.kong.upstream.id') attr.value = { stringValue: UPSTREAM_IDS[n % UPSTREAM_IDS.length]! };
        }
      }
    }
  }
  return batches;
}

/** Two Kong log lines for a trace, OTLP/JSON (hex ids, as Kong's OTLP log export writes them). */
export function generateLogs(traceIdHex: string, rootSpanIdHex: string, startMs: number): unknown[] {
  const record = (offsetMs: number, severityNumber: number, severityText: string, body: string) => ({
    timeUnixNano: (BigInt(startMs + offsetMs) * 1_000_000n).toString(),
    severityNumber,
    severityText,
    traceId: traceIdHex,
    spanId: rootSpanIdHex,
    body: { stringValue: body },
    attributes: [{ key: 'introspection.source', value: { stringValue: '@kong/runloop/handler.lua' } }],
  });
  return [
    record(1, 9, 'INFO', 'router matched route'),
    record(2, 13, 'WARN', 'upstream responded slowly'),
  ];
}

/** A captured request/response with secrets in it, so the sanitizer has something to do. */
export function generatePayload(n: number): Record<string, unknown> {
  return {
    request_headers: { host: 'localhost', authorization: `Bearer secret-${n}.abc`, 'content-type': 'application/json' },
    request_body: JSON.stringify({ order: 1000 + n, card: '4242 4242 4242 4242' }),
    response_headers: { 'content-type': 'application/json', 'x-kong-request-id': `req-${n}` },
    response_body: '{"ok":true}',
  };
}

/** The root span id (hex) of a batch list, for linking generated logs. */
export function rootSpanIdHex(batches: WireBatch[]): string {
  for (const b of batches) for (const s of b.scopeSpans) for (const sp of s.spans) if (!sp.parentSpanId) return b64ToHex(sp.spanId);
  return '';
}

export function traceIdHexOf(batches: WireBatch[]): string {
  return b64ToHex(batches[0]!.scopeSpans[0]!.spans[0]!.traceId);
}
