import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../kong/summary';
import * as cases from '../kong/testdata/cases';
import type { MapNode } from '../kong/transaction-map';
import type { TraceSpans } from '../model/types';
import { computeBreakdown, rowKeyOfSpan, type InsightTrace } from './breakdown';
import { badgeOf, badgesBySpan, groupBadges, mapNodeRowKey, rowStandings, type RowBadge } from './percentile-badges';

const MS = 1e6;
const base = summarizeTrace(cases.slowUpstream());

/** A group member reduced to what the badges read: its id, route, method and breakdown rows (ms). */
function member(id: string, rowsMs: Record<string, number>, over: Partial<InsightTrace['summary']> = {}): InsightTrace {
  const rows = Object.fromEntries(Object.entries(rowsMs).map(([k, v]) => [k, v * MS]));
  return {
    summary: { ...base, breakdown: undefined, traceId: id, method: 'POST', route: '/payments', ...over },
    breakdown: { totalNs: 0, gatewayNs: 0, upstreamNs: 0, clientNs: 0, rows, latencySource: 'derived', hasRoot: true, endedBy: 'upstream', plugins: [] },
  };
}

/** A member as a list row: the summary carrying its breakdown. */
const row = (m: InsightTrace) => ({ ...m.summary, breakdown: m.breakdown });
const rows = (ms: InsightTrace[]) => ms.map(row);

/** n members whose `key` takes 1, 2, ... n ms, ids m1 ... mn. */
const ladder = (n: number, key: string) => Array.from({ length: n }, (_, i) => member(`m${i + 1}`, { [key]: i + 1 }));

describe('rowStandings: floor(100 * members at or below / n), among the members the row is judged among', () => {
  const J = 'plugin:access:jwt';
  it.each([
    // [case, members' ms in the row, the subject's index, n, at or below, pct]
    ['the slowest of 10 is p100', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9, 10, 10, 100],
    ['the fastest of 10 is p10 (it counts itself)', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, 10, 1, 10],
    ['ties count as at or below', [1, 2, 5, 5, 5, 5, 7, 8, 9, 10], 2, 10, 6, 60],
    ['all tied: p100 for each', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 3, 10, 10, 100],
    ['9 members: too few, no percentile', [1, 2, 3, 4, 5, 6, 7, 8, 9], 8, 9, 9, null],
    ['rounded down: 199 of 200 is p99, not p100', Array.from({ length: 200 }, (_, i) => i), 198, 200, 199, 99],
    ['rounded down: 17 of 19 is p89, not a p90 warning', Array.from({ length: 19 }, (_, i) => i), 16, 19, 17, 89],
  ] as const)('%s', (_, ms, at, n, atOrBelow, pct) => {
    const members = ms.map((v, i) => member(`m${i}`, { [J]: v }));
    const s = rowStandings(`m${at}`, members).get(J)!;
    expect({ n: s.n, atOrBelow: s.atOrBelow, pct: s.pct, ns: s.ns }).toEqual({ n, atOrBelow, pct, ns: ms[at]! * MS });
  });

  it('the trace alone is n=1 and gets no percentile', () => {
    const s = rowStandings('solo', [member('solo', { [J]: 3 })]).get(J)!;
    expect(s).toEqual({ ns: 3 * MS, n: 1, atOrBelow: 1, pct: null, p50Ns: 3 * MS });
  });

  it('a plugin row absent in others is judged among the members having it', () => {
    // 12 members, only 3 ran jwt: n=3, too few, though the group is large
    const members = [...ladder(12, 'bucket:access')];
    for (const m of members.slice(0, 3)) m.breakdown.rows[J] = 5 * MS;
    const s = rowStandings('m1', members);
    expect(s.get(J)).toMatchObject({ n: 3, atOrBelow: 3, pct: null });
    expect(s.get('bucket:access')).toMatchObject({ n: 12, atOrBelow: 1, pct: 8 });
  });

  it('a bucket absent in others counts as 0 ns of it there, over every member (as "Where time goes" reads buckets)', () => {
    const members = ladder(10, 'bucket:access');
    members[4]!.breakdown.rows['bucket:rewrite'] = 2 * MS;
    expect(rowStandings('m5', members).get('bucket:rewrite')).toEqual({ ns: 2 * MS, n: 10, atOrBelow: 10, pct: 100, p50Ns: 0 });
  });

  it('gives only the rows the trace has, and nothing for a trace not among the members', () => {
    const members = [member('a', { 'upstream:ttfb': 1 }), member('b', { 'upstream:ttfb': 2, 'io:redis': 1 })];
    expect([...rowStandings('a', members).keys()]).toEqual(['upstream:ttfb']);
    expect(rowStandings('zz', members).size).toBe(0);
  });

  it("the words' p50 is the nearest-rank median of the same members", () => {
    expect(rowStandings('m1', ladder(10, J)).get(J)!.p50Ns).toBe(5 * MS);
    expect(rowStandings('m1', ladder(11, J)).get(J)!.p50Ns).toBe(6 * MS);
  });
});

describe('badgeOf: the standing in words, always with n', () => {
  const standing = { ns: 412 * MS, n: 212, atOrBelow: 205, pct: 96, p50Ns: 38 * MS };
  it.each<[string, Parameters<typeof badgeOf>, RowBadge]>([
    [
      'p96 of the whole group: a warning',
      ['plugin:access:rate-limiting', standing, 'POST /payments', 212],
      { text: 'p96', warn: true, words: 'rate-limiting (access): p96, as slow as or slower than 96% of 212 POST /payments requests (this 412 ms; group p50 38.0 ms)' },
    ],
    [
      'p90 is a warning',
      ['upstream:ttfb', { ...standing, pct: 90 }, 'POST /payments', 212],
      { text: 'p90', warn: true, words: 'upstream ttfb: p90, as slow as or slower than 90% of 212 POST /payments requests (this 412 ms; group p50 38.0 ms)' },
    ],
    [
      'p89 is not, and says among how many of the group',
      ['io:redis', { ...standing, n: 150, pct: 89 }, 'POST /payments', 212],
      { text: 'p89', warn: false, words: 'I/O redis: p89, as slow as or slower than 89% of the 150 of 212 POST /payments requests that have it (this 412 ms; group p50 38.0 ms)' },
    ],
    [
      'too few: no badge text, n in words',
      ['bucket:access', { ...standing, n: 4, pct: null }, 'GET /health', 4],
      { text: null, warn: false, words: 'access: n=4 GET /health requests, too few for a percentile (this 412 ms; group p50 38.0 ms)' },
    ],
    [
      'too few of a larger group',
      ['plugin:access:jwt', { ...standing, n: 4, pct: null }, 'GET /health', 40],
      { text: null, warn: false, words: 'jwt (access): n=4 of 40 GET /health requests have it, too few for a percentile (this 412 ms; group p50 38.0 ms)' },
    ],
  ])('%s', (_, args, badge) => {
    expect(badgeOf(...args)).toEqual(badge);
  });
});

describe('groupBadges: the open trace against the traces of its route and method that have a breakdown', () => {
  const payments = rows(ladder(12, 'bucket:upstream'));
  const other = row(member('o1', { 'bucket:upstream': 100 }, { route: '/orders' }));
  const get = row(member('g1', { 'bucket:upstream': 100 }, { method: 'GET' }));
  const none = member('x', {}).summary;

  it('groups by route and method, leaving out other routes, other methods and traces without a breakdown', () => {
    const g = groupBadges([...payments, other, get, none], 'm12')!;
    expect(g.group).toBe('POST /payments');
    expect(g.n).toBe(12);
    expect(g.byRow.get('bucket:upstream')).toMatchObject({ text: 'p100', warn: true });
    expect(groupBadges([...payments, other], 'o1')!.byRow.get('bucket:upstream')).toMatchObject({ text: null });
  });

  it('is null for a trace without a breakdown or not in the list', () => {
    expect(groupBadges([none], 'x')).toBeNull();
    expect(groupBadges([], 'm1')).toBeNull();
  });

  it('gives the same answer object while a new list leaves it as it was', () => {
    const list = rows(ladder(12, 'io:dns'));
    const first = groupBadges(list, 'm3')!;
    expect(groupBadges([...list, other], 'm3')).toBe(first);
    expect(groupBadges([...list, row(member('m13', { 'io:dns': 0.5 }))], 'm3')).not.toBe(first);
  });

  it('reads a new list of summaries afresh (a trace added to the session joins its group)', () => {
    const list = rows(ladder(9, 'io:dns'));
    expect(groupBadges(list, 'm9')!.byRow.get('io:dns')!.text).toBeNull();
    expect(groupBadges([...list, row(member('m10', { 'io:dns': 0.5 }))], 'm9')!.byRow.get('io:dns')!.text).toBe('p100');
  });
});

describe('rowKeyOfSpan is the mapping computeBreakdown builds its rows with', () => {
  const all = Object.entries(cases).filter(([, f]) => typeof f === 'function') as [string, () => TraceSpans][];
  it.each(all)('%s: every plugin and I/O row is the row of some span, and every row of a span is in the breakdown', (_, make) => {
    const trace = make();
    const rows = computeBreakdown(trace).rows;
    const ofSpans = new Set(trace.spans.map((s) => rowKeyOfSpan(s.name)).filter((k): k is string => k !== null));
    const summed = Object.keys(rows).filter((k) => k.startsWith('plugin:') || k.startsWith('io:'));
    for (const k of summed) expect(ofSpans).toContain(k);
    for (const k of ofSpans) if (k.startsWith('plugin:') || k.startsWith('io:')) expect(rows).toHaveProperty([k]);
  });

  it.each([
    ['kong.access.plugin.rate-limiting', 'plugin:access:rate-limiting'],
    ['kong.access.plugin.jwt.verify', 'plugin:access:jwt'],
    ['kong.phase.access', 'bucket:access'],
    ['kong.read_headers_from_upstream', 'upstream:ttfb'],
    ['kong.upstream.ttfb', 'upstream:ttfb'],
    ['kong.upstream.selection', 'upstream:connect'],
    ['kong.find_upstream', 'upstream:connect'],
    ['kong.balancer', 'upstream:round trip'],
    ['kong.io.redis.eval', 'io:redis'],
    ['kong.io.redis', 'io:redis'],
    ['kong.dns', 'io:dns'],
    ['kong.router', null],
    ['kong', null],
    ['kong.read_client_http_body', null],
    ['SELECT orders', null],
  ])('%s -> %s', (name, key) => {
    expect(rowKeyOfSpan(name)).toBe(key);
  });
});

describe('where a badge goes', () => {
  const node = (over: Partial<MapNode>): MapNode => ({ id: 's1', label: '', detail: null, bucket: 'access', durationNs: 1, spanIds: ['s1'], weight: 0, ...over });
  const names: Record<string, string> = { s1: 'kong.access.plugin.jwt', s2: 'kong.dns', s3: 'kong.read_client_http_body', s4: 'kong.read_headers_from_upstream' };
  const nameOf = (id: string) => names[id];

  it.each<[string, Partial<MapNode>, string | null]>([
    ['a plugin node', {}, 'plugin:access:jwt'],
    ['a DNS node', { id: 's2', spanIds: ['s2'] }, 'io:dns'],
    ['a client node', { id: 's3', spanIds: ['s3'], bucket: 'client' }, null],
    ['an upstream part without a span of its own', { id: 'upstream:ttfb', bucket: 'upstream', spanIds: [] }, 'upstream:ttfb'],
    ['an upstream part linked to its span', { id: 'upstream:ttfb', bucket: 'upstream', spanIds: ['s4'] }, 'upstream:ttfb'],
    ['an "N more" node', { id: 'request:more', spanIds: ['s1', 's2'] }, null],
    ['a span not in the trace', { id: 'zz', spanIds: ['zz'] }, null],
  ])('%s', (_, over, key) => {
    expect(mapNodeRowKey(node(over), nameOf)).toBe(key);
  });

  it('badgesBySpan: each span whose row has a badge, by position', () => {
    const jwt: RowBadge = { text: 'p95', warn: true, words: 'jwt' };
    const acc: RowBadge = { text: null, warn: false, words: 'access' };
    const byRow = new Map([
      ['plugin:access:jwt', jwt],
      ['bucket:access', acc],
    ]);
    const spans = ['kong', 'kong.phase.access', 'kong.access.plugin.jwt', 'kong.access.plugin.jwt.verify', 'kong.dns', 'kong.phase.access'].map((name) => ({ name }));
    expect([...badgesBySpan(spans, byRow)]).toEqual([
      [1, acc],
      [2, jwt],
      [3, jwt],
      [5, acc],
    ]);
    expect(badgesBySpan(spans, new Map()).size).toBe(0);
  });
});
