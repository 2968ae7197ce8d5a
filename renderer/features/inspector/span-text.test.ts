import { describe, expect, it } from 'vitest';
import type { Span, TraceSpans } from '../../../shared/model/types';
import { absoluteNs, spanAsJson, spanAsText, wallClock } from './span-text';

const span: Span = {
  spanId: '00000000000000b2',
  parentSpanId: '00000000000000a1',
  name: 'kong.access.plugin.rate-limiting',
  kind: 1,
  start: 2_000_000,
  duration: 1_250_000,
  status: { code: 2, message: 'redis timeout' },
  attributes: { 'proxy.kong.plugin.id': 'p-1', tries: [1, 2] },
  events: [{ t: 2_500_000, name: 'exception', attributes: { 'exception.message': 'boom' } }],
  resource: 0,
  scope: 0,
};
const trace: TraceSpans = {
  traceId: '0123456789abcdef0123456789abcdef',
  baseNs: '1700000000123456789',
  resources: [{ 'service.name': 'kong' }],
  scopes: [{ name: 'kong-internal', version: '0.1.0' }],
  spans: [span],
};

describe('spanAsText', () => {
  it('puts the name, timings, ids, attributes and events a reader needs on plain lines', () => {
    const text = spanAsText(trace, span, 1_000_000);
    expect(text.split('\n')).toEqual([
      'kong.access.plugin.rate-limiting',
      'duration: 1.25 ms   self: 1.00 ms   status: ERROR (redis timeout)',
      'start: 2023-11-14T22:13:20.125Z (+2.00 ms into the trace)',
      'trace id: 0123456789abcdef0123456789abcdef',
      'span id: 00000000000000b2',
      'parent id: 00000000000000a1',
      'attributes:',
      '  proxy.kong.plugin.id = p-1',
      '  tries = [1,2]',
      'events:',
      '  +500 µs exception {"exception.message":"boom"}',
    ]);
  });
});

describe('spanAsJson', () => {
  it('carries exact nanosecond times and the resource', () => {
    const json = JSON.parse(spanAsJson(trace, span)) as Record<string, unknown>;
    expect(json.startTimeUnixNano).toBe('1700000000125456789');
    expect(json.endTimeUnixNano).toBe('1700000000126706789');
    expect(json.resource).toEqual({ 'service.name': 'kong' });
    expect(json.traceId).toBe(trace.traceId);
  });
});

describe('time helpers', () => {
  it('adds offsets to the base exactly and survives a bad base', () => {
    expect(absoluteNs('1700000000000000001', 1)).toBe('1700000000000000002');
    expect(absoluteNs('not a number', 1)).toBe('');
    expect(wallClock('0', 0)).toBe('');
  });
});
