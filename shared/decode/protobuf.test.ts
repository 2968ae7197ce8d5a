import { describe, expect, it } from 'vitest';
import protobuf from 'protobufjs/light';
import descriptor from '../proto/otlp.json';
import { DecodeError } from './api';
import { hexToBytes } from '../model/ids';
import { addNs } from './time';
import { decodeBytes, rejection, utf8 } from './test-helpers';

const root = protobuf.Root.fromJSON(descriptor as protobuf.INamespace);
const TraceRequest = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
const LogsRequest = root.lookupType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest');

const T = '0af7651916cd43dd8448eb211c80319c';

function span(spanId: string, parent: string, start: string, end: string, name = spanId): Record<string, unknown> {
  return {
    traceId: hexToBytes(T),
    spanId: hexToBytes(spanId),
    parentSpanId: parent ? hexToBytes(parent) : new Uint8Array(0),
    name,
    kind: 2,
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    attributes: [
      { key: 'http.response.status_code', value: { intValue: 502 } },
      { key: 'big', value: { intValue: '9007199254740993' } },
      { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { doubleValue: 1.5 }] } } },
      { key: 'raw', value: { bytesValue: new Uint8Array([1, 2, 3]) } },
    ],
    events: [{ timeUnixNano: addNs(start, 7), name: 'ev', attributes: [] }],
    status: { code: 2, message: 'bad gateway' },
  };
}

// protobufjs' fromObject takes 64-bit fields as decimal strings
function traceRequest(spans: Record<string, unknown>[]): Uint8Array {
  const message = TraceRequest.fromObject({
    resourceSpans: [{ resource: { attributes: [{ key: 'session.id', value: { stringValue: 'sess-1' } }] }, scopeSpans: [{ scope: { name: 'kong-internal', version: '0.1.0' }, spans }] }],
  });
  return TraceRequest.encode(message).finish();
}

function logsRequest(): Uint8Array {
  const message = LogsRequest.fromObject({
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kong' } }] },
        scopeLogs: [
          {
            scope: { name: 'kong' },
            logRecords: [
              { timeUnixNano: '1739932819947000123', severityNumber: 13, severityText: 'WARN', body: { stringValue: 'slow upstream' }, traceId: hexToBytes(T), spanId: hexToBytes('b7ad6b7169203331') },
              { observedTimeUnixNano: '1739932819947000999', severityNumber: 9, body: { stringValue: 'no event time' } },
            ],
          },
        ],
      },
    ],
  });
  return LogsRequest.encode(message).finish();
}

function delimited(...messages: Uint8Array[]): Uint8Array {
  const total = messages.reduce((n, m) => n + 4 + m.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const m of messages) {
    new DataView(out.buffer).setUint32(o, m.length);
    out.set(m, o + 4);
    o += 4 + m.length;
  }
  return out;
}

const single = traceRequest([
  span('b7ad6b7169203331', '', '1739932819947000064', '1739932820720426240', 'kong'),
  span('00f067aa0ba902b7', 'b7ad6b7169203331', '1739932819947100001', '1739932819947200002', 'kong.router'),
]);

describe('OTLP/protobuf', () => {
  it.each([1, 5, 64, 1 << 20])('decodes an ExportTraceServiceRequest exactly (chunks of %d bytes)', async (size) => {
    const r = await decodeBytes(single, size);
    expect(r.format).toBe('otlp-protobuf');
    expect(r.skipped).toEqual([]);
    expect(r.sessionOf).toEqual({ [T]: 'sess-1' });
    const t = r.traces[0]!;
    expect(t.baseNs).toBe('1739932819947000064');
    const [root, router] = t.spans;
    expect(root).toMatchObject({ spanId: 'b7ad6b7169203331', parentSpanId: '', name: 'kong', kind: 2, status: { code: 2, message: 'bad gateway' } });
    expect(addNs(t.baseNs, root!.start + root!.duration)).toBe('1739932820720426240');
    expect(addNs(t.baseNs, router!.start)).toBe('1739932819947100001');
    expect(router!.parentSpanId).toBe('b7ad6b7169203331');
    expect(root!.attributes).toEqual({ 'http.response.status_code': 502, big: '9007199254740993', list: ['a', 1.5], raw: 'AQID' });
    expect(root!.events).toEqual([{ t: 7, name: 'ev', attributes: {} }]);
    expect(t.scopes).toEqual([{ name: 'kong-internal', version: '0.1.0' }]);
  });

  it('tells a logs request from a traces request by its records', async () => {
    const r = await decodeBytes(logsRequest(), 3);
    expect(r.traces).toEqual([]);
    expect(r.logs.map((l) => [l.timeNs, l.severityNumber, l.body, l.traceId])).toEqual([
      ['1739932819947000123', 13, 'slow upstream', T],
      ['1739932819947000999', 9, 'no event time', ''],
    ]);
  });

  it.each([1, 7, 1 << 20])('reads a length-delimited stream mixing traces and logs (chunks of %d bytes)', async (size) => {
    const second = traceRequest([span('1111111111111111', 'b7ad6b7169203331', '1739932819947300000', '1739932819947400000')]);
    const r = await decodeBytes(delimited(single, logsRequest(), second), size);
    expect(r.format).toBe('otlp-protobuf-delimited');
    expect(r.traces[0]!.spans.map((s) => s.spanId).sort()).toEqual(['00f067aa0ba902b7', '1111111111111111', 'b7ad6b7169203331']);
    expect(r.logs).toHaveLength(2);
  });

  it('reads a delimited message that holds JSON', async () => {
    const json = utf8(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: T, spanId: '2222222222222222', startTimeUnixNano: '5' }] }] }] }));
    const r = await decodeBytes(delimited(single, json));
    expect(r.traces[0]!.spans).toHaveLength(3);
  });

  it('keeps the whole messages of a truncated delimited stream and says where it stopped', async () => {
    const bytes = delimited(single, single);
    const r = await decodeBytes(bytes.subarray(0, bytes.length - 10), 16);
    expect(r.traces[0]!.spans).toHaveLength(2);
    expect(r.skipped).toEqual([{ where: `byte ${4 + single.length}`, reason: 'the protobuf data ends inside a message (truncated file?)' }]);
  });

  it('a truncated single message keeps the resource elements that were whole', async () => {
    const twoResources = TraceRequest.encode(
      TraceRequest.fromObject({
        resourceSpans: [
          { scopeSpans: [{ spans: [span('b7ad6b7169203331', '', '1739932819947000064', '1739932820720426240')] }] },
          { scopeSpans: [{ spans: [span('00f067aa0ba902b7', '', '1739932819947000064', '1739932820720426240')] }] },
        ],
      }),
    ).finish();
    const r = await decodeBytes(twoResources.subarray(0, twoResources.length - 5));
    expect(r.traces[0]!.spans.map((s) => s.spanId)).toEqual(['b7ad6b7169203331']);
    expect(r.skipped[0]!.reason).toContain('truncated');
  });

  it.each([
    ['a message cut inside its only element', single.subarray(0, 40)],
    ['random bytes that look like a message start', new Uint8Array([0x0a, 0x05, 0xff, 0xff, 0xff, 0xff, 0xff])],
    ['a wrong wire type at the top level', new Uint8Array([0x08, 0x96, 0x01, 0x00, 0x00])],
    ['a delimited frame that is not protobuf', delimited(new Uint8Array([0x0a, 0xff, 0xff, 0x01]))],
  ])('%s is a DecodeError', async (_name, bytes) => {
    const e = await rejection(() => decodeBytes(bytes));
    expect(e).toBeInstanceOf(DecodeError);
    expect((e as DecodeError).where).toMatch(/^(byte \d+)?$/);
  });

  it('a corrupt element is skipped with its byte offset', async () => {
    const broken = delimited(single, new Uint8Array([0x0a, 0x03, 0x12, 0x05, 0x0a]));
    const r = await decodeBytes(broken);
    expect(r.traces[0]!.spans).toHaveLength(2);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.where).toBe(`byte ${4 + single.length}`);
  });
});
