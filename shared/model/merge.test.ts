import { describe, expect, it } from 'vitest';
import type { LogRecord, Span, TraceSpans } from './types';
import { logKey, mergeSpan, mergeTraceSpans } from './merge';

function span(spanId: string, start: number, extra: Partial<Span> = {}): Span {
  return {
    spanId,
    parentSpanId: '',
    name: spanId,
    kind: 1,
    start,
    duration: 100,
    status: { code: 0 },
    attributes: {},
    events: [],
    resource: 0,
    scope: 0,
    ...extra,
  };
}

const trace: TraceSpans = {
  traceId: 'a'.repeat(32),
  baseNs: '1739932819947000064',
  resources: [{ 'service.name': 'kong' }],
  scopes: [{ name: 'kong-internal', version: '0.1.0' }],
  spans: [
    span('0000000000000001', 0, { attributes: { a: 1 }, events: [{ t: 10, name: 'e', attributes: {} }] }),
    span('0000000000000002', 50, { parentSpanId: '0000000000000001' }),
  ],
};

describe('mergeTraceSpans', () => {
  it('merging a trace with itself changes nothing', () => {
    expect(mergeTraceSpans(trace, trace)).toEqual(trace);
  });

  it('unions attributes, concatenates distinct events and keeps one copy of identical ones', () => {
    const other: TraceSpans = {
      ...trace,
      spans: [span('0000000000000001', 0, { attributes: { b: 'x' }, events: [{ t: 10, name: 'e', attributes: {} }, { t: 20, name: 'f', attributes: {} }] })],
    };
    const merged = mergeTraceSpans(trace, other);
    expect(merged.spans).toHaveLength(2);
    expect(merged.spans[0]!.attributes).toEqual({ a: 1, b: 'x' });
    expect(merged.spans[0]!.events.map((e) => e.name)).toEqual(['e', 'f']);
  });

  it('re-bases offsets onto the earlier base and dedupes resources and scopes by content', () => {
    const earlier: TraceSpans = {
      traceId: trace.traceId,
      baseNs: '1739932819947000000',
      resources: [{ 'service.name': 'other' }, { 'service.name': 'kong' }],
      scopes: [{ name: 'kong-internal', version: '0.1.0' }],
      spans: [span('0000000000000003', 0, { resource: 1, events: [{ t: 4, name: 'x', attributes: {} }] })],
    };
    const merged = mergeTraceSpans(trace, earlier);
    expect(merged.baseNs).toBe('1739932819947000000');
    const byId = Object.fromEntries(merged.spans.map((s) => [s.spanId, s]));
    expect(byId['0000000000000001']!.start).toBe(64);
    expect(byId['0000000000000001']!.events[0]!.t).toBe(74);
    expect(byId['0000000000000002']!.start).toBe(114);
    expect(byId['0000000000000003']!.start).toBe(0);
    expect(merged.resources).toEqual([{ 'service.name': 'kong' }, { 'service.name': 'other' }]);
    expect(merged.resources[byId['0000000000000003']!.resource]).toEqual({ 'service.name': 'kong' });
    expect(merged.scopes).toHaveLength(1);
  });

  it('does not modify its inputs', () => {
    const before = JSON.stringify(trace);
    mergeTraceSpans(trace, { ...trace, baseNs: '1739932819947000000', spans: [span('0000000000000009', 0)] });
    expect(JSON.stringify(trace)).toBe(before);
  });
});

describe('mergeSpan', () => {
  it('keeps the longer extent and the more severe status', () => {
    const merged = mergeSpan(span('1', 10, { duration: 0 }), span('1', 10, { duration: 500, status: { code: 2, message: 'boom' } }));
    expect(merged.duration).toBe(500);
    expect(merged.status).toEqual({ code: 2, message: 'boom' });
  });

  it('returns the first copy itself when the second adds nothing', () => {
    const a = span('1', 10, { attributes: { k: [1, 2] } });
    expect(mergeSpan(a, span('1', 10, { attributes: { k: [1, 2] } }))).toBe(a);
  });
});

describe('logKey', () => {
  const log: LogRecord = {
    timeNs: '1',
    timeMs: 0,
    severityNumber: 9,
    severityText: 'INFO',
    body: { msg: 'x', n: 1 },
    traceId: '',
    spanId: '',
    attributes: {},
    resource: {},
  };
  it('is equal for the same record and differs when the body does', () => {
    expect(logKey({ ...log, body: { n: 1, msg: 'x' } })).toBe(logKey(log));
    expect(logKey({ ...log, body: 'other' })).not.toBe(logKey(log));
  });
});
