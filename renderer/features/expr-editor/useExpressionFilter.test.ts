import { describe, expect, it } from 'vitest';
import type { Attributes, TraceSummary } from '../../../shared/model/types';
import { seenValues } from './seen-values';
import { filterSummaries } from './useExpressionFilter';

function summary(traceId: string, rootAttributes: Attributes): TraceSummary {
  return {
    traceId,
    rootName: 'kong',
    startMs: 0,
    durationMs: 1,
  gatewayMs: null,
  upstreamMs: null,
  clientMs: null,
    spanCount: 1,
    errorCount: 0,
    method: null,
    url: null,
    path: null,
    route: null,
    routeId: null,
    serviceId: null,
    consumerId: null,
    status: null,
    upstreamStatus: null,
    latencyTotalMs: null,
    latencyInternalMs: null,
    latencyUpstreamMs: null,
    latencyClientMs: null,
    latencyThirdPartyMs: null,
    clientAddress: null,
    requestId: null,
    konnectSessionId: null,
    rootAttributes,
  };
}

const rows = [
  summary('a', { 'http.request.method': 'GET', 'http.response.status_code': 200, 'http.route': '/a' }),
  summary('b', { 'http.request.method': 'POST', 'http.response.status_code': '503', 'http.route': '/b' }),
  summary('c', { 'http.request.method': 'GET', 'http.response.status_code': 502 }),
];

describe('filterSummaries', () => {
  it('matches traces by their root attributes and counts them', () => {
    const f = filterSummaries(rows, 'http.response.status_code >= 500');
    expect([...f.matches!]).toEqual(['b', 'c']);
    expect(f.count).toBe(2);
    expect(f.error).toBeNull();
  });

  it('shows everything for blank text', () => {
    expect(filterSummaries(rows, '   ')).toEqual({ matches: null, count: 3, error: null });
  });

  it('shows everything, with the error, for an invalid expression', () => {
    const f = filterSummaries(rows, 'http.method == GET');
    expect(f.matches).toBeNull();
    expect(f.count).toBe(3);
    expect(f.error).toMatchObject({ column: 16, message: 'string values must be quoted: "GET"' });
  });

  it('matches nothing when nothing fits (an empty set, not "no filter")', () => {
    const f = filterSummaries(rows, 'http.route == "/zzz"');
    expect(f.matches?.size).toBe(0);
    expect(f.count).toBe(0);
  });
});

describe('seenValues', () => {
  it('collects values per field, most frequent first, integers as numbers', () => {
    const seen = seenValues(rows);
    expect(seen['http.request.method']).toEqual(['GET', 'POST']);
    expect(seen['http.response.status_code']).toEqual([200, 502, 503]);
    expect(seen['http.route']).toEqual(['/a', '/b']);
    expect(seen['url.full']).toBeUndefined();
  });

  it('keeps at most 30 values per field', () => {
    const many = Array.from({ length: 100 }, (_, i) => summary(String(i), { 'http.route': `/r${i}` }));
    expect(seenValues(many)['http.route']).toHaveLength(30);
  });
});
