import { describe, expect, it } from 'vitest';
import { makeSpan, makeTrace } from '../model/testing';
import type { Span, TraceSpans } from '../model/types';
import { findRoot, summarizeTrace } from './summary';

const span = (over: Partial<Span>): Span => makeSpan({ spanId: 'a'.repeat(16), name: 'x', kind: 2, ...over });

const trace = (spans: Span[]): TraceSpans =>
  makeTrace(spans, { traceId: '0af7651916cd43dd8448eb211c80319c', resources: [{ 'session.id': 'f3b1c2d4-0000-4000-8000-000000000001' }] });

describe('summarizeTrace', () => {
  it('reads the list fields from the root span, accepting numbers sent as strings', () => {
    const t = trace([
      span({
        spanId: '1'.repeat(16),
        name: 'kong',
        duration: 42_500_000,
        attributes: {
          'http.request.method': 'POST',
          'url.full': 'https://api.example.com/orders/17?debug=1',
          'http.route': '/orders',
          'http.response.status_code': '503',
          'proxy.kong.latency.total': 42,
          'proxy.kong.latency.internal': '3',
          'proxy.kong.request.id': 'req-abc',
        },
      }),
      span({ spanId: '2'.repeat(16), parentSpanId: '1'.repeat(16), name: 'kong.router', start: 1000, status: { code: 2 } }),
    ]);
    const s = summarizeTrace(t);
    expect(s).toMatchObject({
      rootName: 'kong',
      method: 'POST',
      path: '/orders/17',
      route: '/orders',
      status: 503,
      durationMs: 42.5,
      latencyTotalMs: 42,
      latencyInternalMs: 3,
      requestId: 'req-abc',
      spanCount: 2,
      konnectSessionId: 'f3b1c2d4-0000-4000-8000-000000000001',
    });
    // the 503 root and the ERROR-status router both count as errors
    expect(s.errorCount).toBe(2);
    expect(s.startMs).toBe(1_700_000_000_000);
  });

  it('falls back to the earliest parentless span, and to the trace extent, when there is no kong root', () => {
    const t = trace([
      span({ spanId: '3'.repeat(16), name: 'late', start: 5_000_000, duration: 1_000_000 }),
      span({ spanId: '4'.repeat(16), parentSpanId: 'f'.repeat(16), name: 'orphan-early', start: 1_000_000 }),
    ]);
    expect(findRoot(t)?.name).toBe('orphan-early');
    expect(summarizeTrace(t).status).toBeNull();
  });
});
