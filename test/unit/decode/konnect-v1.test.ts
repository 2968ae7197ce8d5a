/**
 * Konnect trace v1 (snake_case, hex ids, attributes as flat JSON objects of native values) against the
 * protobuf-JSON `batches` shape of the same trace: both must decode to the same spans and attributes.
 * The batches copy is made here from the v1 file, field by field, the way Konnect's older API wrote it
 * (base64 ids, camelCase keys, KeyValue lists with doubleValue numbers and stringValue strings).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../shared/decode/test-helpers';

const V1_PATH = new URL('../../../../shared/fixtures/kong/konnect-trace-v1-gateway-3.10.0.1.json', import.meta.url);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function anyValue(v: Json): Json {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'number') return { doubleValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  if (v === null) return {};
  return { kvlistValue: { values: keyValues(v) } };
}

function keyValues(obj: { [k: string]: Json }): Json[] {
  return Object.entries(obj).map(([key, value]) => ({ key, value: anyValue(value) }));
}

const b64 = (hex: string): string => (hex === '' ? '' : Buffer.from(hex, 'hex').toString('base64'));

function toBatches(v1: { resource_spans: { resource: { attributes: Record<string, Json> }; scope_spans: { scope: Json; spans: Record<string, Json>[] }[] }[] }): Json {
  return {
    batches: v1.resource_spans.map((rs) => ({
      resource: { attributes: keyValues(rs.resource.attributes) },
      scopeSpans: rs.scope_spans.map((ss) => ({
        scope: ss.scope,
        spans: ss.spans.map((s) => {
          const span: Record<string, Json> = {
            traceId: b64(s.trace_id as string),
            spanId: b64(s.span_id as string),
            name: s.name!,
            kind: s.kind!,
            startTimeUnixNano: s.start_time_unix_nano!,
            endTimeUnixNano: s.end_time_unix_nano!,
            attributes: keyValues((s.attributes ?? {}) as Record<string, Json>),
            status: s.status ?? {},
          };
          if (s.parent_span_id) span.parentSpanId = b64(s.parent_span_id as string);
          if (Array.isArray(s.events)) {
            span.events = (s.events as Record<string, Json>[]).map((e) => ({ timeUnixNano: e.time_unix_nano!, name: e.name!, attributes: keyValues((e.attributes ?? {}) as Record<string, Json>) }));
          }
          return span;
        }),
      })),
    })),
  };
}

describe('Konnect trace v1', () => {
  const text = readFileSync(V1_PATH, 'utf8');

  it('keeps every attribute, nested values and the session id, with nothing skipped', async () => {
    const { traces, skipped, sessionOf } = await decodeText(text);
    expect(skipped).toEqual([]);
    expect(traces).toHaveLength(1);
    const trace = traces[0]!;
    expect(trace.traceId).toBe('0f83f61232782a1022a74e20c0dc7b19');
    expect(trace.spans).toHaveLength(16);
    expect(sessionOf).toEqual({ [trace.traceId]: '01975423-1b1e-71e8-8786-f1378ef65554' });
    expect(trace.resources[0]).toMatchObject({ 'service.version': '3.10.0.1', 'session.id': '01975423-1b1e-71e8-8786-f1378ef65554' });
    const root = trace.spans.find((s) => s.parentSpanId === '')!;
    expect(root.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.full': 'http://localhost:8000/mock/anything/123',
      'http.response.status_code': 200,
      'proxy.kong.latency.total': 236,
      'proxy.kong.client.keepalive': false,
      // a number sent as a string stays a string, as from the batches shape
      'proxy.kong.http.response.body.size': '504',
      'proxy.kong.request.id': '87cc7f068280e205811d8c5d9af38801',
    });
    const dns = trace.spans.find((s) => s.name === 'kong.dns')!;
    expect(dns.attributes['proxy.kong.dns.tries']).toEqual([
      { 'cache?': true, qname: 'httpbin.konghq.com', resolver: 'cache' },
      { 'cache?': true, qname: 'httpbin.konghq.com', resolver: 'cache', result: [{ ip: '37.16.15.184', ttl: 0, type: 'A' }], type: 'A' },
    ]);
  });

  it('decodes to the same spans and attributes as the batches shape of the same trace', async () => {
    const v1 = await decodeText(text);
    const batches = await decodeText(JSON.stringify(toBatches(JSON.parse(text))));
    expect(batches.format).toBe('konnect');
    expect(batches.skipped).toEqual([]);
    expect(v1.traces).toEqual(batches.traces);
    expect(v1.sessionOf).toEqual(batches.sessionOf);
  });

  it('reads event attributes written as an object', async () => {
    const doc = JSON.parse(text);
    doc.resource_spans[0].scope_spans[0].spans[1].events = [
      { time_unix_nano: '1749463290018000000', name: 'exception', attributes: { 'exception.message': 'boom', 'retry': 2, 'tags': ['a', 'b'] } },
    ];
    const { traces, skipped } = await decodeText(JSON.stringify(doc));
    expect(skipped).toEqual([]);
    const span = traces[0]!.spans.find((s) => s.events.length > 0)!;
    expect(span.events[0]).toMatchObject({ name: 'exception', attributes: { 'exception.message': 'boom', retry: 2, tags: ['a', 'b'] } });
  });
});
