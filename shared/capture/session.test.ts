import { describe, expect, it } from 'vitest';
import type { Attributes, LogRecord, Span, TraceSpans } from '../model/types';
import { CaptureSession, type CaptureRules } from './session';

const T0 = 1_700_000_000_000;

function span(spanId: string, parentSpanId: string, name: string, attributes: Attributes = {}): Span {
  return { spanId, parentSpanId, name, kind: 1, start: 0, duration: 1000, status: { code: 0 }, attributes, events: [], resource: 0, scope: 0 };
}

function trace(traceId: string, ...spans: Span[]): TraceSpans {
  return { traceId, baseNs: `${T0}000000`, resources: [{}], scopes: [{ name: 'kong' }], spans };
}

function log(traceId: string, body = 'line'): LogRecord {
  return { timeNs: '0', timeMs: 0, severityNumber: 9, severityText: 'INFO', body, traceId, spanId: '', attributes: {}, resource: {} };
}

const is500 = (a: Attributes): boolean => a['http.response.status_code'] === 500;
const rules = (over: Partial<CaptureRules> = {}): CaptureRules => ({ sample: is500, durationMs: 60_000, maxTraces: 10, ...over });
const ids = (traces: TraceSpans[]): string[] => traces.flatMap((t) => t.spans.map((s) => `${t.traceId}/${s.spanId}`));

describe('capture session sampling', () => {
  it('keeps a trace whose root matches the rule and rejects one that does not', () => {
    const s = new CaptureSession(rules(), T0);
    const kept = s.offerTraces(
      [trace('a', span('1', '', 'kong', { 'http.response.status_code': 500 }), span('2', '1', 'kong.router')),
        trace('b', span('3', '', 'kong', { 'http.response.status_code': 200 }))],
      T0 + 1,
    );
    expect(ids(kept.traces)).toEqual(['a/1', 'a/2']);
    expect(s.counters).toMatchObject({ received: 2, sampled: 1, rejected: 1, spansReceived: 3, spansKept: 2 });
  });

  it('holds children that arrive before their root, then keeps them when the root matches', () => {
    const s = new CaptureSession(rules(), T0);
    expect(s.offerTraces([trace('a', span('2', '1', 'kong.router'))], T0).traces).toEqual([]);
    expect(s.offerLogs([log('a')], T0).logs).toEqual([]);
    expect(s.counters.held).toBe(2);
    const kept = s.offerTraces([trace('a', span('1', '', 'kong', { 'http.response.status_code': 500 }))], T0 + 10);
    expect(ids(kept.traces).sort()).toEqual(['a/1', 'a/2']);
    expect(kept.logs.map((l) => l.body)).toEqual(['line']);
    expect(s.counters).toMatchObject({ held: 0, sampled: 1, spansKept: 2, logsKept: 1 });
  });

  it('discards held children when the root does not match, and later spans follow the decision', () => {
    const s = new CaptureSession(rules(), T0);
    s.offerTraces([trace('b', span('2', '1', 'kong.router'))], T0);
    expect(s.offerTraces([trace('b', span('1', '', 'kong', { 'http.response.status_code': 404 }))], T0).traces).toEqual([]);
    expect(s.offerTraces([trace('b', span('9', '1', 'kong.late'))], T0).traces).toEqual([]);
    expect(s.offerLogs([log('b')], T0).logs).toEqual([]);
    expect(s.counters).toMatchObject({ received: 1, rejected: 1, held: 0, spansKept: 0, orphansDropped: 0 });
  });

  it('keeps late spans and logs of a sampled trace', () => {
    const s = new CaptureSession(rules(), T0);
    s.offerTraces([trace('a', span('1', '', 'kong', { 'http.response.status_code': 500 }))], T0);
    expect(ids(s.offerTraces([trace('a', span('9', '1', 'kong.phase.log'))], T0).traces)).toEqual(['a/9']);
    expect(s.offerLogs([log('a', 'after')], T0).logs).toHaveLength(1);
  });

  it("treats Kong's `kong` span as the request root even when a client traceparent gave it a parent", () => {
    const s = new CaptureSession(rules(), T0);
    const kept = s.offerTraces([trace('a', span('1', 'c1e47a0000000000', 'kong', { 'http.response.status_code': 500 }))], T0);
    expect(ids(kept.traces)).toEqual(['a/1']);
    expect(s.counters.received).toBe(1);
  });

  it('drops and counts held spans whose root does not arrive within the hold time', () => {
    const s = new CaptureSession(rules({ holdMs: 1000 }), T0);
    s.offerTraces([trace('a', span('2', '1', 'x'), span('3', '1', 'y'))], T0);
    s.offerTraces([trace('b', span('5', '4', 'x'))], T0 + 600);
    s.tick(T0 + 1000);
    expect(s.counters).toMatchObject({ orphansDropped: 2, held: 1 });
    // the root of the dropped trace arrives late: decided on its own, its dropped children stay dropped
    const kept = s.offerTraces([trace('a', span('1', '', 'kong', { 'http.response.status_code': 500 }))], T0 + 1100);
    expect(ids(kept.traces)).toEqual(['a/1']);
  });

  it('drops the oldest held traces once too many records are held', () => {
    const s = new CaptureSession(rules({ holdMaxRecords: 3 }), T0);
    s.offerTraces([trace('a', span('2', '1', 'x'), span('3', '1', 'y'))], T0);
    s.offerTraces([trace('b', span('5', '4', 'x'), span('6', '4', 'y'))], T0);
    expect(s.counters).toMatchObject({ held: 2, orphansDropped: 2 });
    const kept = s.offerTraces([trace('b', span('4', '', 'kong', { 'http.response.status_code': 500 }))], T0);
    expect(ids(kept.traces).sort()).toEqual(['b/4', 'b/5', 'b/6']);
  });

  it('drops the oldest held traces once the held spans are too big, however few', () => {
    const s = new CaptureSession(rules({ holdMaxBytes: 1_000_000 }), T0);
    s.offerTraces([trace('a', span('2', '1', 'x', { blob: 'x'.repeat(600_000) }))], T0);
    s.offerTraces([trace('b', span('5', '4', 'x', { blob: 'y'.repeat(600_000) }))], T0);
    expect(s.counters).toMatchObject({ held: 1, orphansDropped: 1 });
    const kept = s.offerTraces([trace('b', span('4', '', 'kong', { 'http.response.status_code': 500 }))], T0);
    expect(ids(kept.traces).sort()).toEqual(['b/4', 'b/5']);
  });

  it('treats a rule that throws as no match', () => {
    const s = new CaptureSession(rules({ sample: () => { throw new Error('bad'); } }), T0);
    s.offerTraces([trace('a', span('1', '', 'kong'))], T0);
    expect(s.counters).toMatchObject({ received: 1, rejected: 1, sampled: 0 });
  });

  it('keeps log lines that name no trace', () => {
    const s = new CaptureSession(rules(), T0);
    expect(s.offerLogs([log('', 'worker started')], T0).logs).toHaveLength(1);
  });
});

describe('capture session end', () => {
  it('ends by itself when the maximum number of traces is sampled, keeping exactly that many', () => {
    const s = new CaptureSession(rules({ sample: () => true, maxTraces: 2 }), T0);
    const kept = s.offerTraces(['a', 'b', 'c'].map((id) => trace(id, span('1', '', 'kong'))), T0 + 5);
    expect(kept.traces.map((t) => t.traceId)).toEqual(['a', 'b']);
    expect(s.endReason).toBe('max-traces');
    expect(s.endTime).toBe(T0 + 5);
    expect(s.counters).toMatchObject({ sampled: 2, lateDropped: 1 });
  });

  it('ends by itself when its duration has passed and drops what arrives after', () => {
    const s = new CaptureSession(rules({ sample: () => true, durationMs: 1000 }), T0);
    s.offerTraces([trace('h', span('2', '1', 'x'))], T0 + 10);
    s.tick(T0 + 999);
    expect(s.endReason).toBeNull();
    s.tick(T0 + 1000);
    expect(s.endReason).toBe('duration');
    expect(s.counters.orphansDropped).toBe(1);
    expect(s.offerTraces([trace('a', span('1', '', 'kong'))], T0 + 1001).traces).toEqual([]);
    expect(s.offerLogs([log('')], T0 + 1001).logs).toEqual([]);
    expect(s.counters).toMatchObject({ received: 0, lateDropped: 2 });
  });

  it('can be stopped early, and stopping twice keeps the first reason', () => {
    const s = new CaptureSession(rules(), T0);
    s.end('stopped', T0 + 3);
    s.end('duration', T0 + 4);
    expect([s.endReason, s.endTime]).toEqual(['stopped', T0 + 3]);
  });

  it('refuses a session that could never capture anything', () => {
    expect(() => new CaptureSession(rules({ durationMs: 0 }), T0)).toThrow('capture duration');
    expect(() => new CaptureSession(rules({ maxTraces: 0 }), T0)).toThrow('capture max traces');
  });
});
