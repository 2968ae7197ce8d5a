/** Small factories for tests that need a span or a trace with only a few fields that matter. */
import type { Span, TraceSpans } from './types';

export const makeSpan = (over: Partial<Span> & Pick<Span, 'spanId' | 'name'>): Span => ({
  parentSpanId: '',
  kind: 1,
  start: 0,
  duration: 1_000_000,
  status: { code: 0 },
  attributes: {},
  events: [],
  resource: 0,
  scope: 0,
  ...over,
});

export const makeTrace = (spans: Span[], over: Partial<TraceSpans> = {}): TraceSpans => ({
  traceId: 'ab'.repeat(16),
  baseNs: '1700000000000000000',
  resources: [{}],
  scopes: [{ name: 'kong' }],
  spans,
  ...over,
});
