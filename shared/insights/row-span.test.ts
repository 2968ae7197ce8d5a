import { describe, expect, it } from 'vitest';
import * as cases from '../kong/testdata/cases';
import { makeSpan, makeTrace } from '../model/testing';
import type { TraceSpans } from '../model/types';
import { computeBreakdown } from './breakdown';
import { spanForRow, spanRowKey } from './row-span';

const MS = 1e6;
const all = Object.entries(cases).filter(([, f]) => typeof f === 'function') as [string, () => TraceSpans][];

describe('spanRowKey', () => {
  it.each([
    ['kong.access.plugin.rate-limiting', 'plugin:access:rate-limiting'],
    ['kong.access.plugin.jwt.verify', 'plugin:access:jwt'],
    ['kong.header_filter.plugin.opentelemetry', 'plugin:header_filter:opentelemetry'],
    ['kong.io.redis.eval', 'io:redis'],
    // 3.9's name for a Redis call
    ['kong.io.redis', 'io:redis'],
    ['kong.io.http.request', 'io:http'],
    ['kong.dns', 'io:dns'],
    ['kong.phase.access', 'bucket:access'],
    ['kong.router', 'bucket:access'],
    ['kong.analytics.log_request', 'bucket:log'],
    ['kong.read_client_http_body', 'bucket:client'],
    ['kong.wait_for_client_read', 'bucket:client'],
    ['kong.upstream.selection', 'upstream:connect'],
    ['kong.find_upstream', 'upstream:connect'],
    ['kong.send_request_to_upstream', 'upstream:send'],
    ['kong.read_headers_from_upstream', 'upstream:ttfb'],
    // 3.9's name for the same wait
    ['kong.upstream.ttfb', 'upstream:ttfb'],
    ['kong.read_body_from_upstream', 'upstream:body'],
    ['kong.balancer', 'upstream:round trip'],
  ])('%s is %s', (name, key) => {
    expect(spanRowKey(name)).toBe(key);
  });

  it('gives the root and non-Kong spans no row', () => {
    expect(spanRowKey('kong')).toBeNull();
    expect(spanRowKey('SELECT orders')).toBeNull();
  });

  it.each(all)('%s: the plugin and I/O rows computeBreakdown makes are the keys of its spans', (_, make) => {
    const t = make();
    const rows = Object.keys(computeBreakdown(t).rows).filter((k) => k.startsWith('plugin:') || k.startsWith('io:'));
    const keys = new Set(t.spans.map((s) => spanRowKey(s.name)).filter((k) => k?.startsWith('plugin:') || k?.startsWith('io:')));
    expect(new Set(rows)).toEqual(keys);
  });
});

describe('spanForRow', () => {
  it('finds the span of each row of a request with a slow plugin calling Redis', () => {
    const t = cases.slowPluginWithRedis();
    const name = (key: string) => spanForRow(t, key)?.name;
    expect(name('plugin:access:rate-limiting')).toBe('kong.access.plugin.rate-limiting');
    expect(name('io:redis')).toBe('kong.io.redis.eval');
    expect(name('bucket:access')).toBe('kong.phase.access');
    expect(name('upstream:ttfb')).toBe('kong.read_headers_from_upstream');
    expect(name('bucket:client')).toBe('kong.read_client_http_headers');
    // the upstream bucket has no span of its own: its longest step
    expect(name('bucket:upstream')).toBe('kong.read_headers_from_upstream');
    // time no span explains: the root
    expect(name('bucket:other')).toBe('kong');
  });

  it.each(all)('%s: every row of the breakdown has a span, of that row where one has its key', (_, make) => {
    const t = make();
    for (const key of Object.keys(computeBreakdown(t).rows)) {
      const span = spanForRow(t, key);
      expect(span, key).not.toBeNull();
      if (t.spans.some((s) => spanRowKey(s.name) === key)) expect(spanRowKey(span!.name), key).toBe(key);
    }
  });

  it('takes the longest where several spans share the key', () => {
    const t = makeTrace([
      makeSpan({ spanId: 'r', name: 'kong', duration: 20 * MS }),
      makeSpan({ spanId: 'a', parentSpanId: 'r', name: 'kong.access.plugin.jwt.verify', start: 1 * MS, duration: 2 * MS }),
      makeSpan({ spanId: 'b', parentSpanId: 'r', name: 'kong.access.plugin.jwt', start: 4 * MS, duration: 5 * MS }),
      makeSpan({ spanId: 'c', parentSpanId: 'r', name: 'kong.access.plugin.jwt.decode', start: 10 * MS, duration: 3 * MS }),
    ]);
    expect(spanForRow(t, 'plugin:access:jwt')?.spanId).toBe('b');
  });

  it('without phase spans (the OpenTelemetry plugin), a phase is its longest plugin and the upstream its round trip', () => {
    const t = cases.otelBalancer();
    expect(spanForRow(t, 'bucket:header_filter')?.name).toBe('kong.header_filter.plugin.opentelemetry');
    expect(spanForRow(t, 'bucket:upstream')?.name).toBe('kong.balancer');
    expect(spanForRow(t, 'upstream:round trip')?.name).toBe('kong.balancer');
    // a step this gateway does not write falls back to the upstream's own span
    expect(spanForRow(t, 'upstream:ttfb')?.name).toBe('kong.balancer');
  });

  it('falls back to the root for a row no span has, and to nothing without one', () => {
    expect(spanForRow(cases.slowUpstream(), 'plugin:access:acl')?.name).toBe('kong.phase.access');
    expect(spanForRow(cases.slowUpstream(), 'io:kafka')?.name).toBe('kong');
    expect(spanForRow(makeTrace([]), 'bucket:access')).toBeNull();
  });
});
