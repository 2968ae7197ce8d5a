import { describe, expect, it } from 'vitest';
import { compile } from '../expr';
import { summarizeTrace } from '../kong/summary';
import * as cases from '../kong/testdata/cases';
import type { InsightTrace } from './breakdown';
import { rowField, rowFilterWith, rowReported } from './row-filter';

function member(id: string, rows: Record<string, number>, rootAttributes: Record<string, number>): InsightTrace {
  const base = summarizeTrace(cases.slowUpstream());
  return {
    summary: { ...base, traceId: id, rootAttributes },
    breakdown: { totalNs: 1, gatewayNs: 1, upstreamNs: 0, clientNs: 0, rows, latencySource: 'reported', hasRoot: true, endedBy: 'upstream', plugins: [] },
  };
}

describe('rowFilterWith', () => {
  it('writes a row as Kong’s reported figure above x whole ms, and the clause compiles', () => {
    expect(rowFilterWith('', 'bucket:upstream', 412.7)).toBe('proxy.kong.latency.upstream > 412');
    expect(rowFilterWith('http.request.method == "POST"', 'io:redis', 3)).toBe('(http.request.method == "POST") && proxy.kong.latency.3p.redis.total_io > 3');
    for (const key of ['bucket:upstream', 'bucket:client', 'upstream:ttfb', 'upstream:body', 'io:redis', 'io:socket', 'io:http', 'io:dns']) {
      expect(compile(rowFilterWith('', key, 1)!).ok, key).toBe(true);
    }
  });

  it('has nothing for a row the language cannot name', () => {
    expect(rowField('plugin:access:rate-limiting')).toBeNull();
    expect(rowFilterWith('', 'bucket:access', 5)).toBeNull();
    expect(rowFilterWith('', 'bucket:upstream', Number.NaN)).toBeNull();
  });

  it('keeps the requests above x and drops the one at x', () => {
    const c = compile(rowFilterWith('', 'bucket:upstream', 412.7)!);
    expect(c.ok && c.evaluate({ 'proxy.kong.latency.upstream': 413 })).toBe(true);
    expect(c.ok && c.evaluate({ 'proxy.kong.latency.upstream': 412 })).toBe(false);
  });
});

describe('rowReported', () => {
  it('is true when every trace having the row carries Kong’s figure for it', () => {
    const ts = [member('a', { 'bucket:upstream': 5e6 }, { 'proxy.kong.latency.upstream': 5 }), member('b', {}, {})];
    expect(rowReported(ts, 'bucket:upstream')).toBe(true);
  });

  it('is false when one of them lacks it (latencies derived from spans)', () => {
    const ts = [member('a', { 'bucket:upstream': 5e6 }, { 'proxy.kong.latency.upstream': 5 }), member('b', { 'bucket:upstream': 7e6 }, {})];
    expect(rowReported(ts, 'bucket:upstream')).toBe(false);
  });

  it('is false when no trace has the row, or the row has no field', () => {
    expect(rowReported([member('a', {}, { 'proxy.kong.latency.upstream': 5 })], 'bucket:upstream')).toBe(false);
    expect(rowReported([member('a', { 'plugin:access:cors': 1 }, {})], 'plugin:access:cors')).toBe(false);
  });
});
