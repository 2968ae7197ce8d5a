/**
 * Golden alignment tests of issue 20: a trace against itself, an extra upstream try, a plugin 100 ms
 * slower (its row and its bucket of the bridge), the same operation as a leaf and as a parent. The real
 * fixtures (3.9 against 3.10, the bridge adding up exactly) are in test/unit/compare-fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { slowPluginWithRedis, slowUpstream, nonKong } from '../kong/testdata/cases';
import { makeSpan, makeTrace } from '../model/testing';
import type { Span, TraceSpans } from '../model/types';
import { alignTraces, isChange } from './align';
import { apportion, traceBridge } from './bridge';
import { compareTraces, comparisonJson, deltaText } from './compare';
import { attributeDiff, logDiff } from './attr-diff';
import { groupOf, keysMatch, semanticKey } from './keys';
import { groupKey, typicalTwins } from './twin';

const MS = 1e6;
const clone = (t: TraceSpans): TraceSpans => JSON.parse(JSON.stringify(t)) as TraceSpans;

/** Delays everything that starts after `atMs` by `byMs`, and stretches the spans around that instant. */
function stretch(t: TraceSpans, atMs: number, byMs: number, spanName: string): TraceSpans {
  const out = clone(t);
  const at = atMs * MS;
  for (const s of out.spans) {
    if (s.start > at) s.start += byMs * MS;
    else if (s.start + s.duration > at || s.name === spanName) s.duration += byMs * MS;
  }
  return out;
}

describe('alignment', () => {
  it('a trace against itself: every row the same, nothing added or removed, all spans matched', () => {
    const t = slowPluginWithRedis();
    const al = alignTraces(t, clone(t));
    expect(al.rows).toHaveLength(t.spans.length);
    expect(al.rows.every((r) => r.change === 'same' && r.deltaMs === 0)).toBe(true);
    expect(al.matchedRatio).toBe(1);
    expect(new Set(al.rows.map((r) => r.key)).size).toBe(al.rows.length);
    expect(al.rows.map((r) => r.key)).toContain('root/phase:access/plugin:access:rate-limiting/io:redis.eval');
  });

  it('an extra upstream try is one added row: the try to the same peer pairs up, the failed one is new', () => {
    const peer = (address: string, n: number) => ({ 'network.peer.address': address, 'network.peer.port': 8080, try_count: n });
    const trace = (tries: [string, number, number][]) => {
      const total = 10 + tries.reduce((s, [, , d]) => s + d, 0);
      const spans: Span[] = [makeSpan({ spanId: 'r', name: 'kong', duration: total * MS }), makeSpan({ spanId: 's', parentSpanId: 'r', name: 'kong.upstream.selection', start: 1 * MS, duration: (total - 5) * MS })];
      let at = 1;
      tries.forEach(([address, n, d], i) => {
        spans.push(makeSpan({ spanId: `t${i}`, parentSpanId: 's', name: 'kong.find_upstream', start: at * MS, duration: d * MS, attributes: peer(address, n) }));
        at += d;
      });
      spans.push(makeSpan({ spanId: 'h', parentSpanId: 'r', name: 'kong.read_headers_from_upstream', start: at * MS, duration: 3 * MS }));
      return makeTrace(spans);
    };
    const a = trace([['10.0.0.2', 1, 2]]);
    const b = trace([
      ['10.0.0.9', 1, 50],
      ['10.0.0.2', 2, 2],
    ]);
    const al = alignTraces(a, b);
    const added = al.rows.filter((r) => r.change === 'added');
    expect(added).toHaveLength(1);
    expect(b.spans[added[0]!.b]!.attributes['network.peer.address']).toBe('10.0.0.9');
    expect(al.rows.filter((r) => r.change === 'removed')).toEqual([]);
    const tryRows = al.rows.filter((r) => r.key.startsWith('root/upstream:select/upstream:connect'));
    expect(tryRows.map((r) => [r.change, r.aMs, r.bMs])).toEqual([
      ['added', null, 50],
      ['same', 2, 2],
    ]);
  });

  it('a plugin 100 ms slower: that row (and the spans around it) changed, and the access bucket of the bridge', () => {
    const a = slowPluginWithRedis();
    const b = stretch(a, 100, 100, 'kong.access.plugin.rate-limiting');
    const c = compareTraces(a, b);
    const plugin = c.alignment.rows.find((r) => r.key === 'root/phase:access/plugin:access:rate-limiting')!;
    expect(plugin).toMatchObject({ change: 'changed', aMs: 180, bMs: 280, deltaMs: 100 });
    // the rows that did not take longer are the same; nothing added or removed
    const changed = c.alignment.rows.filter((r) => r.change !== 'same').map((r) => r.key);
    expect(changed.sort()).toEqual(['root', 'root/phase:access', 'root/phase:access/plugin:access:rate-limiting', 'root/phase:access/plugin:access:rate-limiting/io:redis.eval'].sort());
    // the bridge puts the 100 ms in the access bucket and nowhere else
    expect(c.deltaMs).toBe(100);
    const moved = c.bridge.steps.filter((s) => s.deltaMs !== 0);
    expect(moved.map((s) => [s.key, s.deltaMs])).toEqual([['access', 100]]);
  });

  it('the same operation as a leaf in one trace and a parent in the other still matches', () => {
    const a = slowPluginWithRedis();
    a.spans = a.spans.filter((s) => s.name !== 'kong.io.redis.eval');
    const b = slowPluginWithRedis();
    const al = alignTraces(a, b);
    const plugin = al.rows.find((r) => r.key === 'root/phase:access/plugin:access:rate-limiting')!;
    expect(plugin.change).toBe('same');
    expect(al.rows.filter((r) => r.change !== 'same').map((r) => [r.key, r.change])).toEqual([['root/phase:access/plugin:access:rate-limiting/io:redis.eval', 'added']]);
    expect(al.matchedRatio).toBeCloseTo((2 * (b.spans.length - 1)) / (a.spans.length + b.spans.length), 12);
  });


  it("3.9's kong.io.redis (no command) matches today's kong.io.redis.<command> through the rename table", () => {
    expect(groupOf('io:redis.eval')).toBe('io:redis');
    expect(keysMatch('io:redis', 'io:redis.eval')).toBe(true);
    expect(keysMatch('io:redis.get', 'io:redis.eval')).toBe(false);
    const b = slowPluginWithRedis();
    const a = clone(b);
    a.spans.find((s) => s.name === 'kong.io.redis.eval')!.name = 'kong.io.redis';
    expect(alignTraces(a, b).rows.every((r) => r.change === 'same')).toBe(true);
  });

  it('spans that are not Kong fall back on (service, name, kind)', () => {
    const a = nonKong();
    a.resources = [{ 'service.name': 'shop' }];
    expect(semanticKey(a.spans[1]!, a)).toBe('span:shop|SELECT orders|1');
    const b = clone(a);
    b.spans[1]!.duration += 30 * MS;
    b.spans[1]!.kind = 3;
    const al = alignTraces(a, b);
    expect(al.rows.map((r) => [r.label, r.change])).toEqual([
      ['GET /checkout', 'same'],
      ['SELECT orders', 'removed'],
      ['SELECT orders', 'added'],
      ['render', 'same'],
    ]);
  });

  it('the change rule: |delta| > 1 ms + 20% of the larger', () => {
    expect(isChange(10, 13)).toBe(false); // 3 ms is not above 1 + 2.6
    expect(isChange(10, 14)).toBe(true); // 4 is above 1 + 2.8
    expect(isChange(0.1, 1)).toBe(false); // under a millisecond never counts
    expect(isChange(100, 70)).toBe(true);
  });

});

describe('bridge', () => {

  it("a slower upstream lands in the upstream bucket, split by step (time to first byte)", () => {
    const a = slowPluginWithRedis();
    const b = clone(a);
    const wait = b.spans.find((s) => s.name === 'kong.read_headers_from_upstream')!;
    for (const s of b.spans) if (s.start > wait.start) s.start += 500 * MS;
    wait.duration += 500 * MS;
    b.spans[0]!.duration += 500 * MS;
    const br = traceBridge(a, b);
    expect(br.steps.filter((s) => s.deltaMs !== 0).map((s) => [s.key, s.deltaMs])).toEqual([['upstream', 500]]);
    expect(br.steps.find((s) => s.key === 'upstream')!.steps.filter((s) => s.deltaMs !== 0).map((s) => [s.key, s.deltaMs])).toEqual([['time to first byte', 500]]);
  });

  it('apportion rounds to a fixed sum, never below zero', () => {
    expect(apportion([1.4, 1.4, 1.2], 4)).toEqual([2, 1, 1]);
    expect(apportion([0.4, 0.4], 0)).toEqual([0, 0]);
    expect(apportion([0.2, 2.9], 2)).toEqual([0, 2]);
  });
});

describe('the CLI shape and the header', () => {
  it('comparisonJson has the fields of issue 20 and the bridge adds up to deltaMs', () => {
    const a = slowPluginWithRedis();
    const j = comparisonJson(compareTraces(a, slowUpstream()));
    expect(Object.keys(j)).toEqual(['a', 'b', 'deltaMs', 'bridge', 'rows', 'matchedRatio']);
    expect(Object.keys(j.rows[0]!)).toEqual(['key', 'aMs', 'bMs', 'deltaMs', 'change']);
    expect(Object.keys(j.bridge[0]!)).toEqual(['key', 'aMs', 'bMs', 'deltaMs']);
    expect(j.a).toEqual({ traceId: a.traceId, totalMs: 195 });
  });

  it('deltaText: B relative to A', () => {
    expect(deltaText(170, 582)).toBe('+412 ms (x3.4)');
    expect(deltaText(582, 170)).toBe('-412 ms (x0.3)');
    expect(deltaText(0, 5)).toBe('+5.00 ms');
    expect(deltaText(507, 19.3)).toBe('-488 ms (x0.038)');
  });
});

describe('attribute and log differences', () => {
  it('marks changed attributes, hides ids and timestamps and names them', () => {
    const d = attributeDiff(
      { 'network.peer.address': '10.0.0.2', 'proxy.kong.target.id': 'x', try_count: 1, keepalive: true },
      { 'network.peer.address': '10.0.0.9', 'proxy.kong.target.id': 'y', try_count: 1, 'proxy.kong.latency.upstream.connect_duration': 48 },
    );
    expect(d.rows.map((r) => [r.key, r.change])).toEqual([
      ['network.peer.address', 'changed'],
      ['keepalive', 'only-a'],
      ['proxy.kong.latency.upstream.connect_duration', 'only-b'],
      ['try_count', 'same'],
    ]);
    expect(d.hidden).toEqual(['proxy.kong.target.id']);
  });

  it('groups log messages with numbers and ids masked', () => {
    const g = logDiff(['upstream took 12 ms', 'cache miss for 5f1c2d3e4a5b6c7d'], ['upstream took 480 ms', 'retrying 10.0.0.9']);
    expect(g.map((x) => [x.message, x.where])).toEqual([
      ['cache miss for <id>', 'only-a'],
      ['retrying #', 'only-b'],
      ['upstream took # ms', 'both'],
    ]);
  });
});

describe('the typical twin', () => {
  const row = (traceId: string, durationMs: number, over: Partial<Parameters<typeof typicalTwins>[0]> = {}) => ({
    traceId,
    durationMs,
    method: 'GET',
    routeId: 'r1',
    route: 'orders',
    path: '/orders/1',
    consumerId: null,
    status: 200,
    ...over,
  });

  it('proposes the traces of the same route, method, consumer and status class nearest the median', () => {
    const subject = row('slow', 900);
    const all = [row('a', 100), row('b', 120), row('c', 130), row('d', 500), subject, row('other-route', 125, { routeId: 'r2' }), row('error', 125, { status: 503 }), row('post', 125, { method: 'POST' }), row('ok-201', 128, { status: 201 })];
    const t = typicalTwins(subject, all);
    expect(t.groupSize).toBe(6);
    // nearest rank, as session insights reads a median: a real request's total (100 120 128 130 500 900)
    expect(t.medianMs).toBe(128);
    expect(t.twins.map((x) => x.traceId)).toEqual(['ok-201', 'c', 'b']);
  });

  it('proposes only traces that ran the same plugins', () => {
    const auth = { breakdown: { plugins: ['key-auth', 'rate-limiting'] } };
    const subject = row('slow', 900, auth);
    const all = [subject, row('same-plugins', 300, auth), row('no-auth', 110, { breakdown: { plugins: ['rate-limiting'] } }), row('no-auth-2', 115, { breakdown: { plugins: ['rate-limiting'] } })];
    const t = typicalTwins(subject, all);
    expect(t.groupSize).toBe(2);
    expect(t.twins.map((x) => x.traceId)).toEqual(['same-plugins']);
  });

  it('says so when the trace has no twin', () => {
    const subject = row('alone', 50);
    expect(typicalTwins(subject, [subject, row('x', 10, { routeId: 'r9' })])).toEqual({ groupSize: 1, medianMs: 50, twins: [] });
    expect(groupKey(subject)).toBe('GET|r1||2xx|?');
    expect(groupKey(row('p', 1, { breakdown: { plugins: ['cors', 'key-auth'] } }))).toBe('GET|r1||2xx|cors,key-auth');
  });
});

describe('bridge: a gateway phase expands into its plugins', () => {
  it('a plugin 100 ms slower is that plugin in its phase; the plugins and the rest add up to the phase, exactly', () => {
    const a = slowPluginWithRedis();
    const b = stretch(a, 100, 100, 'kong.access.plugin.rate-limiting');
    const access = traceBridge(a, b).steps.find((s) => s.key === 'access')!;
    expect(access.steps.map((s) => s.key)).toEqual(['rate-limiting', 'rest of access']);
    expect(access.steps[0]!.deltaMs).toBe(100);
    const us = (xs: number[]) => Math.round(xs.reduce((x, y) => x + y, 0) * 1e3);
    expect(us(access.steps.map((s) => s.aMs))).toBe(Math.round(access.aMs * 1e3));
    expect(us(access.steps.map((s) => s.bMs))).toBe(Math.round(access.bMs * 1e3));
    expect(us(access.steps.map((s) => s.deltaMs))).toBe(Math.round(access.deltaMs * 1e3));
  });
});
