import { describe, expect, it } from 'vitest';
import jaeger from '../../test/fixtures/formats/jaeger.json';
import zipkin from '../../test/fixtures/formats/zipkin.json';
import payloads from '../../test/fixtures/formats/payloads.json';
import konnect from '../sample/gateway-3.10-konnect.json';
import { DecodeError } from './api';
import { decodeText, rejection } from './test-helpers';

const T = '0af7651916cd43dd8448eb211c80319c';

function spanJson(spanId: string): Record<string, unknown> {
  return { traceId: T, spanId, name: spanId, startTimeUnixNano: '1739932819947000064', endTimeUnixNano: '1739932819947001064' };
}

function doc(elements: string[]): string {
  return `{\n  "resourceSpans": [\n${elements.join(',\n')}\n  ]\n}`;
}

function element(spanIds: string[]): string {
  return JSON.stringify({ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 's' }, spans: spanIds.map(spanJson) }] }, null, 2);
}

describe('a single JSON document, streamed element by element', () => {
  const text = doc([element(['0000000000000001']), element(['0000000000000002', '0000000000000003'])]);

  it.each([1, 2, 3, 17, 100, 1 << 20])('gives the same result whatever the chunk size (%d bytes)', async (size) => {
    const r = await decodeText(text, size);
    expect(r.format).toBe('otlp-json');
    expect(r.traces[0]!.spans.map((s) => s.spanId)).toEqual(['0000000000000001', '0000000000000002', '0000000000000003']);
  });

  it('skips an element that is not valid JSON, naming its path', async () => {
    const r = await decodeText(doc([element(['0000000000000001']), '{"resource": tru}', element(['0000000000000002'])]), 5);
    expect(r.traces[0]!.spans).toHaveLength(2);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.where).toBe('$.resourceSpans[1]');
    expect(r.skipped[0]!.reason).toMatch(/^invalid JSON/);
  });

  it('handles strings with escapes, brackets and multi-byte text split across chunks', async () => {
    const tricky = JSON.stringify({
      resource: { attributes: [{ key: 'note', value: { stringValue: 'a "quoted" ] } [ { \\ back\\slash – ünïcødé 🚀' } }] },
      scopeSpans: [{ scope: { name: 's' }, spans: [spanJson('0000000000000001')] }],
    });
    for (const size of [1, 3, 7]) {
      const r = await decodeText(`{"resourceSpans":[${tricky}]}`, size);
      expect(r.traces[0]!.resources[0]).toEqual({ note: 'a "quoted" ] } [ { \\ back\\slash – ünïcødé 🚀' });
    }
  });

  it('keeps what was whole in a truncated document and says where it stopped', async () => {
    const cut = text.slice(0, text.lastIndexOf('0000000000000003'));
    const r = await decodeText(cut, 10);
    expect(r.traces[0]!.spans.map((s) => s.spanId)).toEqual(['0000000000000001']);
    expect(r.skipped).toEqual([{ where: '$.resourceSpans[1]', reason: 'the document ends inside this element (truncated file?)' }]);
  });

  it('rejects an element larger than the limit with a clear error', async () => {
    const e = await rejection(() => decodeText(text, 8, { maxElementBytes: 64 }));
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toMatch(/\$\.resourceSpans\[0\] is larger than/);
  });

  it.each([
    ['a broken outer structure', '{"resourceSpans" [1]}', 'byte 17', "expected ':' after \"resourceSpans\", found '['"],
    ['a missing comma between elements', `{"resourceSpans":[${element(['0000000000000001'])} {}]}`, /^byte \d+$/, /expected ',' or '\]' after \$\.resourceSpans\[0\]/],
    ['a bare string', '"hello"', 'byte 0', 'not a trace file this viewer reads'],
    ['plain text', 'time,level,message\n', 'byte 0', 'not a trace file this viewer reads'],
    ['an empty file', '', '', 'the file is empty'],
    ['only whitespace', ' \n\t\n', '', 'the file is empty'],
    ['junk after the document', `${doc([element(['0000000000000001'])])} x`, /^byte \d+$/, "unexpected 'x' after the end of the JSON document"],
  ])('%s is a DecodeError', async (_name, input, where, reason) => {
    const e = await rejection(() => decodeText(input, 4));
    expect(e).toBeInstanceOf(DecodeError);
    const d = e as DecodeError;
    if (typeof where === 'string') expect(d.where).toBe(where);
    else expect(d.where).toMatch(where);
    if (typeof reason === 'string') expect(d.reason).toContain(reason);
    else expect(d.reason).toMatch(reason);
    expect(e.message.startsWith('test-input: ')).toBe(true);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    const r = await decodeText(`\uFEFF${text}`);
    expect(r.traces[0]!.spans).toHaveLength(3);
  });

  it('streams Konnect batches and keeps other top-level members out of the way', async () => {
    const r = await decodeText(JSON.stringify({ meta: { page: 1 }, ...konnect }), 333);
    expect(r.format).toBe('konnect');
    expect(r.traces[0]!.spans).toHaveLength(22);
  });
});

describe('Jaeger, Zipkin and payload documents', () => {
  it('reads Jaeger UI JSON', async () => {
    const r = await decodeText(JSON.stringify(jaeger), 50);
    expect(r.format).toBe('jaeger');
    const t = r.traces[0]!;
    expect(t.traceId).toBe('0000000000000000463ac35c9f6413ad');
    expect(t.baseNs).toBe('1739932819947000000');
    expect(t.resources).toEqual([{ hostname: 'dp-1', 'service.name': 'kong' }]);
    const [root, dns] = t.spans;
    expect(root).toMatchObject({ name: 'kong', kind: 2, parentSpanId: '', duration: 773426000, status: { code: 2 } });
    expect(root!.attributes).toEqual({ 'http.response.status_code': 503 });
    expect(root!.events).toEqual([{ t: 1000000, name: 'retry', attributes: { attempt: 2 } }]);
    expect(dns).toMatchObject({ name: 'kong.dns', parentSpanId: '463ac35c9f6413ad', start: 100000, duration: 120000 });
  });

  it('reads a single Jaeger trace object', async () => {
    const r = await decodeText(JSON.stringify(jaeger.data[0]));
    expect(r.format).toBe('jaeger');
    expect(r.traces[0]!.spans).toHaveLength(2);
  });

  it('reads Zipkin v2 JSON', async () => {
    const r = await decodeText(JSON.stringify(zipkin), 7);
    expect(r.format).toBe('zipkin');
    const t = r.traces[0]!;
    expect(t.traceId).toBe('00000000000000005af7183fb1d4cf5f');
    const [server, client] = t.spans;
    expect(server).toMatchObject({ name: 'get /orders', kind: 2, parentSpanId: '', duration: 207000000, status: { code: 0 } });
    expect(server!.events).toEqual([{ t: 3000000, name: 'wr', attributes: {} }]);
    expect(client).toMatchObject({ kind: 3, parentSpanId: '6b221d5bc9e6496c', status: { code: 2 } });
    expect(client!.attributes).toMatchObject({ 'network.peer.address': '3.214.119.249', 'network.peer.port': 80, 'peer.service': 'httpbin', error: 'timeout' });
  });

  it('skips a Zipkin span without an id and keeps the others', async () => {
    const spans = [...zipkin, { traceId: '5af7183fb1d4cf5f', name: 'no id', timestamp: 1 }] as unknown[];
    const r = await decodeText(JSON.stringify(spans));
    expect(r.traces[0]!.spans).toHaveLength(2);
    expect(r.skipped).toEqual([{ where: '$[2]', reason: 'invalid id undefined' }]);
  });

  it('reads payload captures and always sanitizes them', async () => {
    const r = await decodeText(JSON.stringify(payloads), 9);
    expect(r.format).toBe('payloads');
    expect(r.payloads).toEqual([
      {
        traceId: T,
        request: {
          headers: { Authorization: 'Bearer ****', Host: 'api.example.com', 'X-Card': '*******************' },
          body: '{"card":"*******************","order":"1234567890123"}',
        },
        response: { headers: { 'content-type': 'application/json' }, body: '{"ok":true}' },
      },
      { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', request: { headers: { authorization: '****' } }, response: { headers: {} } },
    ]);
  });

  it('a payload document holds no spans, and says so', async () => {
    const r = await decodeText(JSON.stringify(payloads));
    expect(r.traces).toEqual([]);
    expect(r.contents).toEqual({ spans: 0, logs: 0, payloads: 2 });
  });

  it('keeps the rest of a payload whose headers have another shape, and reports them and members it does not read', async () => {
    const r = await decodeText(JSON.stringify({ [`${T}:reqres`]: { request_headers: 'x', request_body: 'hi', response_headers: {}, upstream_request: { a: 1 } }, meta: { v: 2 } }));
    expect(r.payloads).toEqual([{ traceId: T, request: { headers: {}, body: 'hi' }, response: { headers: {} } }]);
    expect(r.skipped.map((s) => s.where)).toEqual([`$.${T}:reqres.request_headers`, `$.${T}:reqres.upstream_request`, '$.meta']);
  });

  it('skips a payload entry of the wrong shape', async () => {
    const r = await decodeText(JSON.stringify({ [`${T}:reqres`]: 'text', [`${'1'.repeat(32)}:reqres`]: { request_headers: {} } }));
    expect(r.payloads).toHaveLength(1);
    expect(r.skipped).toEqual([{ where: `$.${T}:reqres`, reason: 'expected an object with request_headers, request_body, response_headers, response_body' }]);
  });
});
