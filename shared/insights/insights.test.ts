import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../kong/summary';
import * as cases from '../kong/testdata/cases';
import type { TraceSpans } from '../model/types';
import { computeBreakdown, type Breakdown, type InsightTrace } from './breakdown';
import { compile } from '../expr';
import { bridge, extraTime, groupStats, groupTraces, outlierReasons, outliers } from './insights';
import { clauseAgrees, differences, dimensionClause, filterWith } from './differences';

const MS = 1e6;

function insight(t: TraceSpans): InsightTrace {
  return { summary: summarizeTrace(t), breakdown: computeBreakdown(t) };
}

/** A trace reduced to what insights read: a summary and the bucket rows given here (ns). */
function synthetic(id: string, buckets: Record<string, number>, over: Partial<InsightTrace['summary']> = {}, b: Partial<Breakdown> = {}): InsightTrace {
  const rows = Object.fromEntries(Object.entries(buckets).map(([k, v]) => [`bucket:${k}`, v]));
  const totalNs = Object.values(buckets).reduce((a, v) => a + v, 0);
  const base = summarizeTrace(cases.slowUpstream());
  return {
    summary: { ...base, traceId: id, ...over },
    breakdown: { totalNs, gatewayNs: totalNs, upstreamNs: 0, clientNs: 0, rows, latencySource: 'derived', hasRoot: true, endedBy: 'upstream', plugins: [], ...b },
  };
}

describe('computeBreakdown', () => {
  const all = Object.entries(cases).filter(([, f]) => typeof f === 'function') as [string, () => TraceSpans][];
  it.each(all)('%s: the bucket rows add up to the total to the nanosecond', (_, make) => {
    const b = computeBreakdown(make());
    const sum = Object.entries(b.rows).filter(([k]) => k.startsWith('bucket:')).reduce((a, [, v]) => a + v, 0);
    expect(sum).toBe(b.totalNs);
    expect(b.gatewayNs + b.upstreamNs + b.clientNs).toBe(b.totalNs);
  });

  it("gives a plugin its own time and the I/O inside it a row of its own", () => {
    // rate-limiting runs 180 ms, 176 of them in a Redis call; no client read inside it
    const b = computeBreakdown(cases.slowPluginWithRedis());
    expect(b.rows['plugin:access:rate-limiting']).toBeCloseTo(180 * MS, 0);
    expect(b.rows['io:redis']).toBeCloseTo(176 * MS, 0);
    expect(b.rows['upstream:ttfb']).toBeCloseTo(12 * MS, 0);
    expect(b.plugins).toEqual(['rate-limiting']);
    expect(b.endedBy).toBe('upstream');
  });

  it("counts a plugin's nested operation once, inside the plugin's own time", () => {
    // key-auth runs 1.3 ms; a 0.5 ms operation of it nested inside must not make it 1.8 ms
    const t = cases.pluginRejection();
    const plugin = t.spans.find((s) => s.name === 'kong.access.plugin.key-auth')!;
    t.spans.push({ ...plugin, spanId: 'op', parentSpanId: plugin.spanId, name: 'kong.access.plugin.key-auth.lookup', duration: 0.5 * MS, attributes: {} });
    expect(computeBreakdown(t).rows['plugin:access:key-auth']).toBeCloseTo(1.3 * MS, 0);
    // an operation span not nested in its plugin's span is time of its own
    const u = cases.pluginRejection();
    const q = u.spans.find((s) => s.name === 'kong.access.plugin.key-auth')!;
    u.spans.push({ ...q, spanId: 'op', parentSpanId: q.parentSpanId, name: 'kong.access.plugin.key-auth.lookup', start: q.start + q.duration, duration: 0.5 * MS, attributes: {} });
    expect(computeBreakdown(u).rows['plugin:access:key-auth']).toBeCloseTo(1.8 * MS, 0);
  });

  it('knows a request the gateway ended', () => {
    expect(computeBreakdown(cases.pluginRejection()).endedBy).toBe('gateway');
  });

  it('names the plugin that ended a request: the one that says so (3.14), or the last to run before a failure', () => {
    // key-auth ran last, but rate-limiting's span says it answered 429
    expect(computeBreakdown(cases.pluginExit314(), 429).endedByPlugin).toBe('rate-limiting');
    expect(computeBreakdown(cases.pluginRejection(), 401).endedByPlugin).toBe('key-auth');
    // the summary passes the status: the same trace seen through it
    expect(summarizeTrace(cases.pluginRejection()).breakdown?.endedByPlugin).toBe('key-auth');
    // a request that reached its upstream was ended by it, whatever plugins ran
    expect(computeBreakdown(cases.slowPluginWithRedis(), 200).endedByPlugin).toBeUndefined();
  });
});

describe('bridge', () => {
  // selection: totals 6 and 12 (mean 9); rest: 2, 3, 4 (mean 3); access means 1.5 vs 4/3, upstream 7.5 vs 5/3
  const selection = [synthetic('s1', { access: 1, upstream: 5 }), synthetic('s2', { access: 2, upstream: 10 })];
  const rest = [synthetic('r1', { access: 1, upstream: 1 }), synthetic('r2', { access: 1, upstream: 2 }), synthetic('r3', { access: 2, upstream: 2 })];

  it('goes from the mean of the rest to the mean of the selection, adding up to the nanosecond', () => {
    const b = bridge(selection, rest)!;
    expect(b.restMeanNs).toBe(3);
    expect(b.selectionMeanNs).toBe(9);
    expect(b.deltaNs).toBe(6);
    // exact: upstream 35/6 ns, access 1/6 ns; rounded by largest remainder to 6 and 0
    expect(b.rows).toEqual([
      { key: 'bucket:upstream', deltaNs: 6 },
      { key: 'bucket:access', deltaNs: 0 },
    ]);
  });

  it('adds up for any sets of real-sized requests', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const make = (id: string) => synthetic(id, { access: Math.floor(rnd() * 5e6), upstream: Math.floor(rnd() * 9e8), client: Math.floor(rnd() * 3e6), other: Math.floor(rnd() * 1e4) });
    const sel = Array.from({ length: 37 }, (_, i) => make(`s${i}`));
    const oth = Array.from({ length: 211 }, (_, i) => make(`r${i}`));
    const b = bridge(sel, oth)!;
    expect(b.rows.reduce((a, r) => a + r.deltaNs, 0)).toBe(b.deltaNs);
    const mean = (set: InsightTrace[]) => set.reduce((a, t) => a + t.breakdown.totalNs, 0) / set.length;
    expect(Math.abs(b.deltaNs - (mean(sel) - mean(oth)))).toBeLessThanOrEqual(0.5);
  });

  it('stays exact past 2^53 ns of summed time (sums move to BigInt)', () => {
    const big = 2 ** 52;
    const sel = [synthetic('s1', { upstream: big + 1, access: 3 }), synthetic('s2', { upstream: big + 3, access: 4 })];
    const oth = [synthetic('r1', { upstream: big, access: 1 }), synthetic('r2', { upstream: big, access: 2 })];
    const b = bridge(sel, oth)!;
    // upstream means differ by 2 ns, access by 2 ns: exactly 4, which floating point sums would lose
    expect(b.deltaNs).toBe(4);
    expect(b.rows.reduce((a, r) => a + r.deltaNs, 0)).toBe(4);
  });

  it('needs both sets', () => {
    expect(bridge(selection, [])).toBeNull();
  });

  it("gives each row's extra time in the selection; the bucket rows add up to the bridge", () => {
    const extra = extraTime(selection, rest);
    expect(extra.get('bucket:upstream')).toBeCloseTo((7.5 - 5 / 3) / MS, 12);
    expect(extra.get('bucket:access')).toBeCloseTo((1.5 - 4 / 3) / MS, 12);
    const sum = [...extra].filter(([k]) => k.startsWith('bucket:')).reduce((a, [, v]) => a + v, 0);
    expect(sum * MS).toBeCloseTo(bridge(selection, rest)!.deltaNs, 9);
  });
});

describe('groups', () => {
  it('groups by route x method and gives n, errors and nearest-rank latencies', () => {
    const ts = [cases.slowUpstream(), cases.upstream500(), cases.slowPluginWithRedis()].map(insight);
    const groups = groupTraces(ts, 'route');
    expect(groups.map((g) => [g.key, g.n, g.errors])).toEqual([['GET /orders/17', 3, 1]]);
    const g = groups[0]!;
    // totals: the fixture's 2.5 ms around a 30 ms and a 1200 ms upstream wait, and 195 ms -> median 195, p90 hidden (n < 10)
    expect(g.latencyMs.total).toEqual({ p50: 195, p90: null, p99: null, max: 1202.5, mean: expect.closeTo((32.5 + 195 + 1202.5) / 3, 6) });
    expect(g.rows.find((r) => r.key === 'plugin:access:rate-limiting')?.present).toBe(1);
    expect(g.rows.find((r) => r.key === 'plugin:access:key-auth')?.present).toBe(2);
    // the bucket rows come first and their shares add up to 100%
    const buckets = g.rows.filter((r) => r.key.startsWith('bucket:'));
    expect(g.rows.slice(0, buckets.length)).toEqual(buckets);
    expect(buckets.reduce((a, r) => a + r.sharePct, 0)).toBeCloseTo(100, 9);
  });

  it('gives each group key its own traces', () => {
    const ts = [synthetic('a', { access: 1 }, { status: 200 }), synthetic('b', { access: 1 }, { status: 503 }), synthetic('c', { access: 1 }, { status: 504 })];
    expect(groupTraces(ts, 'status').map((g) => [g.key, g.traceIds])).toEqual([
      ['5xx', ['b', 'c']],
      ['2xx', ['a']],
    ]);
    expect(groupStats('x', ts).errors).toBe(2);
  });
});

describe('outliers', () => {
  it('names the bucket that made an outlier slow, against the group median', () => {
    // nine requests of 10 ms (access 2, upstream 8) and one whose upstream took 140 ms
    const ts = Array.from({ length: 9 }, (_, i) => synthetic(`t${i}`, { access: 2 * MS, upstream: 8 * MS }));
    ts.push(synthetic('slow', { access: 2 * MS, upstream: 140 * MS }));
    expect(outliers(ts)).toEqual([{ traceId: 'slow', reason: "upstream 140 ms, 18x this group's median" }]);
  });

  it('judges each trace against its own group for the trace list', () => {
    const group = (route: string, upstreamMs: number[]) =>
      upstreamMs.map((u, i) => synthetic(`${route}${i}`, { access: 2 * MS, upstream: u * MS }, { route, method: 'GET' }));
    // 140 ms is an outlier among 8 ms requests, not among requests that all take 140 ms
    const ts = [...group('/fast', [8, 8, 8, 8, 8, 8, 8, 8, 8, 140]), ...group('/slow', [140, 150, 130, 145, 135])];
    expect([...outlierReasons(ts)]).toEqual([['/fast9', "upstream 140 ms, 18x this group's median"]]);
  });

  it('counts a bucket a request does not have as 0 in the median it is judged against', () => {
    // the slow one alone spent time in DNS: against a DNS median of 0 it names DNS, not the upstream
    const ts = Array.from({ length: 9 }, (_, i) => synthetic(`t${i}`, { access: 2 * MS, upstream: 8 * MS }));
    ts.push(synthetic('slow', { access: 2 * MS, upstream: 9 * MS, dns: 200 * MS }));
    expect(outliers(ts)).toEqual([{ traceId: 'slow', reason: 'dns 200 ms, against 0 µs typically' }]);
    expect(groupStats('g', ts).outliers).toEqual(outliers(ts));
  });
});

describe('differences', () => {
  it('ranks values by selection % against rest %, hides values with fewer than 3 selected, with Fisher p', () => {
    const sel = [
      ...Array.from({ length: 4 }, (_, i) => synthetic(`s${i}`, { access: 1 }, { consumerId: 'bulk' })),
      synthetic('s4', { access: 1 }, { consumerId: 'alice' }),
    ];
    const rest = [
      synthetic('r0', { access: 1 }, { consumerId: 'bulk' }),
      ...Array.from({ length: 4 }, (_, i) => synthetic(`r${i + 1}`, { access: 1 }, { consumerId: 'alice' })),
    ];
    const d = differences(sel, rest).filter((x) => x.dimension === 'consumer');
    // bulk: 4 of 5 vs 1 of 5; alice has 1 selected, hidden
    expect(d).toEqual([{ dimension: 'consumer', value: 'bulk', selected: 4, selectionPct: 80, restPct: 20, p: expect.closeTo(0.2063492, 6) }]);
  });

  it('compares the dimensions read below the root too (upstream target, tries, cache hits...)', () => {
    const dims = (target: string) => ({ dims: { 'upstream target': target, 'router cache hit': 'no' } });
    const sel = Array.from({ length: 3 }, (_, i) => synthetic(`s${i}`, { access: 1 }, {}, dims('10.0.0.9:80')));
    const rest = Array.from({ length: 3 }, (_, i) => synthetic(`r${i}`, { access: 1 }, {}, dims('10.0.0.1:80')));
    const d = differences(sel, rest);
    expect(d.find((x) => x.dimension === 'upstream target')).toMatchObject({ value: '10.0.0.9:80', selectionPct: 100, restPct: 0, p: expect.closeTo(0.1, 9) });
    // the same share on both sides is no difference
    expect(d.some((x) => x.dimension === 'router cache hit')).toBe(false);
  });
});

describe('filterWith', () => {
  it('writes Include and Exclude as clauses of the expression filter that compile and select the right traces', () => {
    expect(filterWith('', 'consumer', 'bulk', true)).toBe('proxy.kong.consumer.id == "bulk"');
    expect(filterWith('', 'status', '503', true)).toBe('http.response.status_code == 503');
    expect(filterWith('', 'plugins', 'key-auth', true)).toBeNull();
    expect(filterWith('', 'consumer', '(none)', true)).toBeNull();
    const text = filterWith('http.response.status_code >= 500', 'method', 'POST', false)!;
    expect(text).toBe('(http.response.status_code >= 500) && http.request.method != "POST"');
    const c = compile(text);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.evaluate({ 'http.response.status_code': 503, 'http.request.method': 'GET' })).toBe(true);
    expect(c.evaluate({ 'http.response.status_code': 503, 'http.request.method': 'POST' })).toBe(false);
    expect(c.evaluate({ 'http.response.status_code': 200, 'http.request.method': 'GET' })).toBe(false);
  });
});

describe('dimensionClause', () => {
  it.each([
    ['method', 'POST', true, 'http.request.method == "POST"'],
    ['route', '/payments', false, 'http.route != "/payments"'],
    ['status', '503', true, 'http.response.status_code == 503'],
    ['upstream status', '502', false, 'proxy.kong.upstream.status_code != 502'],
    ['consumer', 'alice "the" admin', true, 'proxy.kong.consumer.id == "alice \\"the\\" admin"'],
    ['client /24', '10.1.2.0/24', true, 'client.address in 10.1.2.0/24'],
    ['client /24', '10.1.2.0/24', false, 'client.address not in 10.1.2.0/24'],
  ] as const)('%s = %s (include %s) is %s, and compiles', (dim, value, include, clause) => {
    expect(dimensionClause(dim, value, include)).toBe(clause);
    expect(compile(clause).ok).toBe(true);
  });

  it.each([
    ['plugins', 'key-auth'],
    ['ended by', 'gateway'],
    ['upstream target', '10.0.0.5:8080'],
    ['consumer', '(none)'],
    ['status', 'n/a'],
    ['client /24', '2001:db8::1'],
  ] as const)('has no clause for %s = %s', (dim, value) => {
    expect(dimensionClause(dim, value, true)).toBeNull();
  });
});

describe('clauseAgrees', () => {
  const at = (id: string, attrs: Record<string, string | number>, over: Partial<InsightTrace['summary']>) => synthetic(id, { access: 1 }, { ...over, rootAttributes: attrs });

  it('is true when the clause keeps exactly the traces having the value', () => {
    const ts = [
      at('a', { 'client.address': '10.1.2.7' }, { clientAddress: '10.1.2.7' }),
      at('b', { 'client.address': '10.1.3.7' }, { clientAddress: '10.1.3.7' }),
    ];
    expect(clauseAgrees(ts, 'client /24', '10.1.2.0/24')).toBe(true);
  });

  it('is false when the value was read from an attribute the language does not look at', () => {
    // the summary found the client in net.peer.ip, which client.address does not read
    const ts = [at('a', { 'net.peer.ip': '10.1.2.7' }, { clientAddress: '10.1.2.7' }), at('b', { 'net.peer.ip': '10.1.3.7' }, { clientAddress: '10.1.3.7' })];
    expect(clauseAgrees(ts, 'client /24', '10.1.2.0/24')).toBe(false);
  });

  it('is false for a dimension the language cannot name', () => {
    expect(clauseAgrees([at('a', {}, {})], 'plugins', '(none)')).toBe(false);
  });
});

describe('groupTraces by upstream target', () => {
  it('groups by the target read off the spans, and says so where there is none', () => {
    const ts = [
      synthetic('a', { upstream: 1 }, {}, { dims: { 'upstream target': '10.0.0.5:8080' } }),
      synthetic('b', { upstream: 2 }, {}, { dims: { 'upstream target': '10.0.0.5:8080' } }),
      synthetic('c', { upstream: 3 }, {}, { dims: {} }),
    ];
    expect(groupTraces(ts, 'upstream').map((g) => [g.key, g.n])).toEqual([
      ['10.0.0.5:8080', 2],
      ['(no upstream)', 1],
    ]);
  });
});
