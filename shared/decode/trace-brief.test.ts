import { describe, expect, it } from 'vitest';
import type { Attributes, Span, TraceSpans } from '../model/types';
import { traceBrief } from './trace-brief';

function span(spanId: string, parentSpanId: string, start: number, extra: Partial<Span> = {}): Span {
  return { spanId, parentSpanId, name: spanId, kind: 1, start, duration: 2_500_000, status: { code: 0 }, attributes: {}, events: [], resource: 0, scope: 0, ...extra };
}

function trace(spans: Span[]): TraceSpans {
  return { traceId: 'a'.repeat(32), baseNs: '0', resources: [{}], scopes: [{ name: '' }], spans };
}

describe('traceBrief', () => {
  it('describes the root span', () => {
    const b = traceBrief(trace([span('c', 'r', 5), span('r', '', 0, { name: 'kong', attributes: { 'http.response.status_code': 503 } })]));
    expect(b).toEqual({ traceId: 'a'.repeat(32), spans: 2, root: 'kong', durationMs: 2.5, statusCode: 503, incompleteSpans: 0 });
  });

  it('counts the spans with a missing start or end time', () => {
    const b = traceBrief(trace([span('r', '', 0), span('a', 'r', 1, { incomplete: 'start' }), span('b', 'r', 1, { incomplete: 'end' }), span('c', 'r', 1)]));
    expect(b.incompleteSpans).toBe(2);
  });

  it.each([
    ['a status given as text', '200', 200],
    ['no status', undefined, null],
    ['a non-numeric status', 'OK', null],
  ])('%s', (_name, status, expected) => {
    const attributes: Attributes = status === undefined ? {} : { 'http.response.status_code': status };
    expect(traceBrief(trace([span('r', '', 0, { attributes })])).statusCode).toBe(expected);
  });

  it('falls back to the earliest span whose parent is missing (a partial trace)', () => {
    expect(traceBrief(trace([span('b', 'x', 9), span('a', 'y', 3), span('c', 'a', 1)])).root).toBe('a');
  });
});
