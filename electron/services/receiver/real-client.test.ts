/**
 * The receiver against a real producer: the OpenTelemetry JS SDK's own OTLP/HTTP exporters (protobuf and
 * JSON, plain and gzip). Every span and log line of a sampled request must arrive intact; nothing of a
 * request the rule turns away may be kept.
 */
import type { HrTime } from '@opentelemetry/api';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaptureStatus } from '../../../shared/bridge/capture';
import type { LogRecord, Span, TraceSpans } from '../../../shared/model/types';
import { createProducer, type Producer, type WireEncoding } from '../../../test/stand-ins/otel-producer';
import { CaptureService } from './capture-service';

const ns = (t: HrTime): bigint => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);

interface Received {
  spans: Map<string, { span: Span; trace: TraceSpans }>;
  logs: LogRecord[];
  status: CaptureStatus;
}

function drainAll(service: CaptureService, id: string): Received {
  const spans = new Map<string, { span: Span; trace: TraceSpans }>();
  const logs: LogRecord[] = [];
  let cursor = 0;
  for (;;) {
    const page = service.drain(id, cursor);
    for (const t of page.traces) for (const s of t.spans) spans.set(`${t.traceId}/${s.spanId}`, { span: s, trace: t });
    logs.push(...page.logs);
    cursor = page.cursor;
    if (!page.more) return { spans, logs, status: page.status };
  }
}

function expectSpanIntact(sent: ReadableSpan, got: { span: Span; trace: TraceSpans } | undefined): void {
  expect(got, `span ${sent.name} ${sent.spanContext().spanId}`).toBeDefined();
  const { span, trace } = got!;
  expect(span.name).toBe(sent.name);
  expect(span.parentSpanId).toBe(sent.parentSpanContext?.spanId ?? '');
  expect(span.kind).toBe(sent.kind + 1);
  expect(span.attributes).toEqual(sent.attributes);
  expect(BigInt(trace.baseNs) + BigInt(span.start)).toBe(ns(sent.startTime));
  expect(BigInt(span.duration)).toBe(ns(sent.endTime) - ns(sent.startTime));
  expect(trace.resources[span.resource]).toMatchObject({ 'service.name': 'kong', 'host.name': 'test-gateway' });
  expect(trace.scopes[span.scope]).toMatchObject({ name: 'kong', version: '3.10.0' });
}

function expectLogIntact(sent: ReadableLogRecord, got: LogRecord | undefined): void {
  expect(got, `log ${String(sent.body)}`).toBeDefined();
  expect(got!.body).toBe(sent.body);
  expect(got!.severityNumber).toBe(sent.severityNumber);
  expect(got!.severityText).toBe(sent.severityText);
  expect(got!.attributes).toEqual(sent.attributes);
  expect(BigInt(got!.timeNs)).toBe(ns(sent.hrTime));
}

describe('live capture with the OpenTelemetry SDK as the gateway', () => {
  let service: CaptureService | null = null;
  let producer: Producer | null = null;
  afterEach(async () => {
    await producer?.shutdown();
    await service?.dispose();
    producer = null;
    service = null;
  });

  it.each<[WireEncoding, boolean]>([
    ['protobuf', false],
    ['json', false],
    ['protobuf', true],
    ['json', true],
  ])('%s (gzip: %s): every span and log of a sampled request arrives intact; rejected requests leave nothing', async (encoding, gzip) => {
    service = new CaptureService({ tickMs: 50 });
    const status = await service.start({ where: 'http.response.status_code >= 500', durationSeconds: 60, maxTraces: 100, port: 0 });
    producer = createProducer({ url: status.url, encoding, gzip, keepCopy: true, batchSize: 7 });
    const sampled: string[] = [];
    const rejected: string[] = [];
    for (let i = 0; i < 12; i++) {
      const code = i % 3 === 0 ? 503 : 200;
      const sent = producer.request({ 'http.response.status_code': code, 'http.request.method': 'GET', 'url.full': `http://example.test/r/${i}` }, { children: 4, logs: true });
      (code >= 500 ? sampled : rejected).push(sent.traceId);
    }
    await producer.flush();

    const got = drainAll(service, status.id);
    const sentSpans = producer.sentSpans();
    const sentLogs = producer.sentLogs();
    expect(sentSpans).toHaveLength(12 * 5);
    for (const s of sentSpans) {
      const key = `${s.spanContext().traceId}/${s.spanContext().spanId}`;
      if (sampled.includes(s.spanContext().traceId)) expectSpanIntact(s, got.spans.get(key));
      else expect(got.spans.has(key)).toBe(false);
    }
    expect(got.spans.size).toBe(4 * 5);
    const keptLogs = sentLogs.filter((l) => sampled.includes(l.spanContext!.traceId));
    expect(got.logs).toHaveLength(keptLogs.length);
    for (const l of keptLogs) {
      expectLogIntact(l, got.logs.find((r) => r.traceId === l.spanContext!.traceId && r.spanId === l.spanContext!.spanId));
    }
    expect(got.status.counters).toMatchObject({ received: 12, sampled: 4, rejected: 8, held: 0, orphansDropped: 0 });
    expect(got.status.receiver).toMatchObject({ badRequests: 0, busy: 0, recordsRejected: 0 });
  });

  it('keeps children exported before their root once the root matches', async () => {
    service = new CaptureService({ tickMs: 50 });
    const status = await service.start({ where: 'http.request.method == "POST"', durationSeconds: 60, maxTraces: 100, port: 0 });
    producer = createProducer({ url: status.url, encoding: 'protobuf', keepCopy: true });
    const kept = await producer.requestRootLast({ 'http.request.method': 'POST' }, 3);
    const dropped = await producer.requestRootLast({ 'http.request.method': 'GET' }, 3);
    await producer.flush();
    const got = drainAll(service, status.id);
    for (const id of kept.spanIds) expect(got.spans.has(`${kept.traceId}/${id}`)).toBe(true);
    for (const id of dropped.spanIds) expect(got.spans.has(`${dropped.traceId}/${id}`)).toBe(false);
    expect(got.status.counters).toMatchObject({ received: 2, sampled: 1, rejected: 1, held: 0 });
  });

  it('ends by itself at the trace limit and stops listening', async () => {
    service = new CaptureService({ tickMs: 50 });
    const status = await service.start({ durationSeconds: 60, maxTraces: 3, port: 0 });
    producer = createProducer({ url: status.url, encoding: 'json', batchSize: 1 });
    for (let i = 0; i < 3; i++) producer.request({ 'http.response.status_code': 200 }, { children: 1 });
    await producer.flush();
    const ended = await service.whenEnded(status.id);
    expect(ended).toMatchObject({ state: 'ended', endReason: 'max-traces', counters: { sampled: 3 } });
    await expect(fetch(`${status.url}/v1/traces`, { method: 'POST' })).rejects.toThrow();
  });

  it('ends by itself when the duration has passed', async () => {
    let now = 1_000_000;
    service = new CaptureService({ tickMs: 20, now: () => now });
    const status = await service.start({ durationSeconds: 10, maxTraces: 3, port: 0 });
    now += 10_000;
    const ended = await service.whenEnded(status.id);
    expect(ended).toMatchObject({ state: 'ended', endReason: 'duration', endedAt: now });
  });
});
