import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { context, SpanKind, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ProtobufLogsSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { LoggerProvider, type LogRecordProcessor, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { DecodeError } from '../../../shared/decode/api';
import { decodeFile, FileReadError } from './read';

const fixtures = resolve(__dirname, '../../../test/fixtures/formats');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktv-read-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function temp(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function rejection(f: () => Promise<unknown>): Promise<Error> {
  try {
    await f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

const jsonl = readFileSync(join(fixtures, 'collector-mixed.jsonl'));

describe('decoding files', () => {
  it('reads the collector JSON-lines fixture and reports its truncated last line', async () => {
    const r = await decodeFile(join(fixtures, 'collector-mixed.jsonl'), { fileName: 'collector-mixed.jsonl' });
    expect(r.format).toBe('otlp-jsonl');
    expect(r.traces.map((t) => t.spans.length).sort()).toEqual([1, 3]);
    expect(r.logs).toHaveLength(2);
    expect(r.skipped).toHaveLength(1);
    expect(r.skipped[0]!.where).toBe('line 4');
  });

  it('reads the zstd-compressed fixture (made with the zstd tool) the same way', async () => {
    const plain = await decodeFile(join(fixtures, 'collector-mixed.jsonl'));
    const zst = await decodeFile(join(fixtures, 'collector-mixed.jsonl.zst'));
    expect(zst).toEqual(plain);
  });

  it('reads length-delimited messages that are each zstd-compressed (the file exporter\'s legacy mode)', async () => {
    const r = await decodeFile(join(fixtures, 'delimited-zstd-frames.bin'));
    expect(r.format).toBe('otlp-protobuf-delimited');
    expect(r.traces[0]!.spans.map((s) => [s.name, s.parentSpanId])).toEqual([
      ['kong', ''],
      ['kong.router', 'b7ad6b7169203331'],
    ]);
    expect(r.traces[0]!.baseNs).toBe('1739932819947000064');
  });

  it.each([
    ['JSON lines', jsonl],
    ['a Konnect document', readFileSync(resolve(__dirname, '../../../shared/sample/gateway-3.10-konnect.json'))],
    ['Zipkin', readFileSync(join(fixtures, 'zipkin.json'))],
  ])('reads gzip-compressed %s like the plain file', async (name, bytes) => {
    const plain = await decodeFile(temp(`${name}.plain`, bytes));
    const gz = await decodeFile(temp(`${name}.gz`, gzipSync(bytes)));
    expect(gz).toEqual(plain);
  });

  it('keeps what was decompressed from a truncated gzip file and reports the rest as skipped', async () => {
    const big = Buffer.concat(Array.from({ length: 40 }, () => jsonl.subarray(0, jsonl.lastIndexOf('\n') + 1)));
    const gz = gzipSync(big);
    const r = await decodeFile(temp('cut.jsonl.gz', gz.subarray(0, gz.length - 20)));
    expect(r.traces.length).toBeGreaterThan(0);
    expect(r.skipped.some((s) => s.reason.includes('gzip data is corrupt or truncated'))).toBe(true);
  });

  it('a corrupt gzip file is a DecodeError naming the file', async () => {
    const bad = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09]);
    const e = await rejection(() => decodeFile(temp('bad.gz', bad), { fileName: 'bad.gz' }));
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toMatch(/^bad\.gz: byte \d+: the gzip data is corrupt or truncated/);
  });

  it('a corrupt zstd file is a DecodeError', async () => {
    const bad = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    await expect(decodeFile(temp('bad.zst', bad))).rejects.toBeInstanceOf(DecodeError);
  });

  it('a missing file or a directory is a FileReadError naming it', async () => {
    const missing = await rejection(() => decodeFile(join(dir, 'nope.json'), { fileName: 'nope.json' }));
    expect(missing).toBeInstanceOf(FileReadError);
    expect(missing.message).toBe('nope.json: no such file');
    await expect(decodeFile(dir)).rejects.toBeInstanceOf(FileReadError);
  });
});

describe('protobuf written by the OpenTelemetry SDK exporters', () => {
  it('decodes ExportTraceServiceRequest bytes from the official serializer', async () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const tracer = provider.getTracer('kong-internal', '0.1.0');
    const root = tracer.startSpan('kong', { kind: SpanKind.SERVER, attributes: { 'http.response.status_code': 503, 'http.request.method': 'GET' } });
    const child = tracer.startSpan('kong.router', { attributes: { 'proxy.kong.router.matched': true } }, trace.setSpan(context.active(), root));
    child.addEvent('matched', { route: 'r1' });
    child.end();
    root.end();
    const spans = exporter.getFinishedSpans();
    const bytes = ProtobufTraceSerializer.serializeRequest(spans)!;
    const r = await decodeFile(temp('sdk.binpb', bytes));
    expect(r.format).toBe('otlp-protobuf');
    const decoded = r.traces[0]!;
    expect(decoded.traceId).toBe(root.spanContext().traceId);
    const byName = Object.fromEntries(decoded.spans.map((s) => [s.name, s]));
    expect(byName.kong).toMatchObject({ spanId: root.spanContext().spanId, parentSpanId: '', kind: 2, attributes: { 'http.response.status_code': 503, 'http.request.method': 'GET' } });
    expect(byName['kong.router']).toMatchObject({ parentSpanId: root.spanContext().spanId, attributes: { 'proxy.kong.router.matched': true } });
    expect(byName['kong.router']!.events.map((e) => [e.name, e.attributes])).toEqual([['matched', { route: 'r1' }]]);
    expect(decoded.scopes).toEqual([{ name: 'kong-internal', version: '0.1.0' }]);
  });

  it('decodes ExportLogsServiceRequest bytes from the official serializer', async () => {
    // a collecting processor: this sdk-logs build's SimpleLogRecordProcessor loses its exporter
    const records: ReadableLogRecord[] = [];
    const collect: LogRecordProcessor = {
      onEmit: (record) => void records.push(record),
      forceFlush: async () => undefined,
      shutdown: async () => undefined,
    };
    const provider = new LoggerProvider({ processors: [collect] });
    provider.getLogger('kong').emit({ severityNumber: SeverityNumber.WARN, severityText: 'warn', body: 'slow upstream', attributes: { 'request.id': 'abc' } });
    expect(records).toHaveLength(1);
    const bytes = ProtobufLogsSerializer.serializeRequest(records)!;
    const r = await decodeFile(temp('sdk-logs.binpb', bytes));
    expect(r.logs).toHaveLength(1);
    expect(r.logs[0]).toMatchObject({ severityNumber: 13, severityText: 'warn', body: 'slow upstream', attributes: { 'request.id': 'abc' } });
    expect(r.logs[0]!.timeNs).toMatch(/^\d{19}$/);
  });
});
