import { describe, expect, it } from 'vitest';
import { summarizeTrace } from '../kong/summary';
import * as cases from '../kong/testdata/cases';
import type { Breakdown, InsightTrace } from './breakdown';
import { figuresAtRank, having, idsOf, measureNs, membersOf, rankingOf, traceAtRank, withStatusClass, type Measure, type Rank, type RowKey } from './behind';
import { groupStats, isServerError } from './insights';
import { differences, withValue } from './differences';
import { failingEndedBy, headlineFacts } from './headline';

const MS = 1e6;
const base = summarizeTrace(cases.slowUpstream());

/** A request reduced to what the figures read: total = the rows given as buckets, plus other rows. */
function req(id: string, totalMs: number, rows: Record<string, number> = {}, over: Partial<InsightTrace['summary']> = {}, b: Partial<Breakdown> = {}): InsightTrace {
  return {
    summary: { ...base, traceId: id, ...over },
    breakdown: {
      totalNs: totalMs * MS,
      gatewayNs: totalMs * MS,
      upstreamNs: 0,
      clientNs: 0,
      rows: { 'bucket:access': totalMs * MS, ...Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v * MS])) },
      latencySource: 'reported',
      hasRoot: true,
      endedBy: 'upstream',
      plugins: [],
      ...b,
    },
  };
}

describe('traceAtRank', () => {
  // totals 10..50 ms in a shuffled order: the nearest-rank worked example, 15 20 35 40 50, as ids e a c b d
  const five = [req('c', 35), req('a', 15), req('d', 50), req('e', 20), req('b', 40)];
  it.each<[string, InsightTrace[], Measure, Rank, { traceId: string; ns: number } | null]>([
    ['p50 of five is the 3rd', five, 'total', 50, { traceId: 'c', ns: 35 * MS }],
    ['max is the largest', five, 'total', 100, { traceId: 'd', ns: 50 * MS }],
    ['p90 is hidden below 10 requests', five, 'total', 90, null],
    ['nothing of an empty set', [], 'total', 50, null],
    ['one request is its own p50', [req('only', 7)], 'total', 50, { traceId: 'only', ns: 7 * MS }],
    // three requests of 20 ms take ranks 1-3; rank 2 (p50 of 3) is the 2nd of them by trace id, whatever their order
    ['ties are broken by trace id', [req('z', 20), req('m', 20), req('x', 20)], 'total', 50, { traceId: 'x', ns: 20 * MS }],
    ['ties at the max take the last by trace id', [req('b', 9), req('a', 9), req('c', 1)], 'total', 100, { traceId: 'b', ns: 9 * MS }],
    // a plugin row is over the requests that have it: p50 of 2 is the 1st of them
    ['a plugin row is over the requests having it', [req('a', 5), req('b', 6, { 'plugin:access:acl': 3 }), req('c', 7, { 'plugin:access:acl': 1 })], 'plugin:access:acl', 50, { traceId: 'c', ns: 1 * MS }],
    // a phase bucket a request lacks is 0 of its total: the two without it rank first, and rank 2 is the 2nd of them
    ['a bucket a request lacks counts 0', [req('a', 5), req('b', 6, { 'bucket:upstream': 4 }), req('c', 7)], 'bucket:upstream', 50, { traceId: 'c', ns: 0 }],
  ])('%s', (_, members, m, p, expected) => {
    expect(traceAtRank(members, m, p)).toEqual(expected);
  });

  it('does not depend on the order of the members', () => {
    const ts = Array.from({ length: 40 }, (_, i) => req(`t${String(i).padStart(2, '0')}`, [3, 5, 5, 8][i % 4]!));
    const reversed = [...ts].reverse();
    for (const p of [50, 90, 95, 100] as Rank[]) expect(traceAtRank(reversed, 'total', p)).toEqual(traceAtRank(ts, 'total', p));
  });

  it('is the request whose value is exactly the figure groupStats shows, for every latency, row and percentile', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // coarse values so that ties are common; some rows present in some requests only
    const ts = Array.from({ length: 157 }, (_, i) => {
      const up = Math.floor(rnd() * 6) * 7.5;
      const rows: Record<string, number> = { 'bucket:upstream': up };
      if (rnd() < 0.6) rows['plugin:access:key-auth'] = Math.floor(rnd() * 4) * 0.25;
      if (rnd() < 0.3) rows['io:redis'] = Math.floor(rnd() * 3) * 2;
      const t = req(`r${i}`, 1 + Math.floor(rnd() * 5) + up, rows);
      if (rnd() < 0.2) delete t.breakdown.rows['bucket:access'];
      t.breakdown.upstreamNs = up * MS;
      t.breakdown.clientNs = Math.floor(rnd() * 3) * MS;
      return t;
    });
    const g = groupStats('g', ts);
    const check = (m: Measure, s: { p50: number | null; p90: number | null; p99: number | null; max: number | null }) => {
      const f = figuresAtRank(ts, m);
      for (const k of ['p50', 'p90', 'p99', 'max'] as const) {
        const at = f[k];
        expect(at === null ? null : at.ns / MS, `${m} ${k}`).toBe(s[k]);
        if (at) expect(measureNs(ts.find((t) => t.summary.traceId === at.traceId)!, m)).toBe(at.ns);
      }
      expect(f.p50).toEqual(traceAtRank(ts, m, 50));
      // one pass over the members gives what measureNs and membersOf give
      const r = rankingOf(ts, m);
      expect(r.over).toEqual(membersOf(ts, m));
      expect([...r.values]).toEqual(r.over.map((t) => measureNs(t, m)));
    };
    for (const part of ['total', 'gateway', 'upstream', 'client'] as const) check(part, g.latencyMs[part]);
    for (const r of g.rows) {
      check(r.key as Measure, r.ms);
      expect(membersOf(ts, r.key as Measure).length).toBe(r.key.startsWith('bucket:') ? ts.length : r.present);
      expect(having(ts, r.key as RowKey).length).toBe(r.present);
    }
  });
});

describe('the sets behind counts', () => {
  const ts = [
    req('a', 1, {}, { status: 200 }),
    req('b', 1, {}, { status: 502 }, { endedBy: 'gateway' }),
    req('c', 1, {}, { status: 503 }),
    req('d', 1, {}, { status: null }),
    req('e', 1, {}, { status: 201 }),
  ];
  it('gives each status class its requests, as many as the status mix says', () => {
    const f = headlineFacts(ts);
    for (const m of f.statusMix) expect(withStatusClass(ts, m.cls)).toHaveLength(m.n);
    expect(idsOf(withStatusClass(ts, '2xx'))).toEqual(['a', 'e']);
    expect(idsOf(withStatusClass(ts, 'no status'))).toEqual(['d']);
  });

  it('gives the 5xx each side ended, as many as "5xx ended by" says, and the chip\'s 5xx', () => {
    const f = headlineFacts(ts);
    expect(idsOf(failingEndedBy(ts, 'upstream'))).toEqual(['c']);
    expect(idsOf(failingEndedBy(ts, 'gateway'))).toEqual(['b']);
    expect(failingEndedBy(ts, 'upstream')).toHaveLength(f.failingEndedBy.upstream);
    expect(ts.filter(isServerError)).toHaveLength(groupStats('g', ts).errors);
  });

  it("gives a difference's value in the selection and in the rest, as many as its percentages count", () => {
    const sel = [req('s0', 1, {}, { consumerId: 'bulk' }), req('s1', 1, {}, { consumerId: 'bulk' }), req('s2', 1, {}, { consumerId: 'bulk' }), req('s3', 1, {}, { consumerId: 'alice' })];
    const rest = [req('r0', 1, {}, { consumerId: 'bulk' }), req('r1', 1, {}, { consumerId: 'alice' }), req('r2', 1, {}, { consumerId: 'alice' })];
    const d = differences(sel, rest).find((x) => x.dimension === 'consumer' && x.value === 'bulk')!;
    const inSel = withValue(sel, d.dimension, d.value);
    const inRest = withValue(rest, d.dimension, d.value);
    expect(idsOf(inSel)).toEqual(['s0', 's1', 's2']);
    expect(idsOf(inRest)).toEqual(['r0']);
    expect(inSel.length).toBe(d.selected);
    expect((inSel.length / sel.length) * 100).toBe(d.selectionPct);
    expect((inRest.length / rest.length) * 100).toBe(d.restPct);
  });
});
