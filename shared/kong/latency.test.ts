import { describe, expect, it } from 'vitest';
import { latencyMismatches, latencyModel, modelMs } from './latency';
import * as cases from './testdata/cases';

describe('latencyModel', () => {
  it('splits the root span into gateway + upstream + client, the upstream by step', () => {
    const m = latencyModel(cases.slowUpstream());
    expect(m.clock).toBe('root span');
    expect(m.gatewayNs + m.upstreamNs + m.clientNs).toBe(m.totalNs);
    expect(m.upstreamSteps.map((s) => [s.step, s.ns / 1e6])).toEqual([
      ['connect', 0.2],
      ['send', expect.closeTo(0.1, 6)],
      ['ttfb', 1200],
      ['body', expect.closeTo(0.3, 6)],
    ]);
    expect(m.reachedUpstream).toBe(true);
  });

  it('gives a refused connection to the upstream and says that Kong reported it elsewhere', () => {
    const m = latencyModel(cases.connectFailure());
    expect(modelMs(m)).toEqual({ total: 3053, gateway: 1.7, upstream: 3050, client: 1.3 });
    expect(m.reported).toEqual({ total: 3053, gateway: 3052, upstream: 0, client: 1 });
    expect(m.source).toBe('reported');
    expect(m.mismatches.map((x) => x.part)).toEqual(['gateway', 'upstream']);
  });

  it('knows a request that ended in the gateway', () => {
    const m = latencyModel(cases.pluginRejection());
    expect(m.reachedUpstream).toBe(false);
    expect(m.upstreamNs).toBe(0);
    expect(m.source).toBe('derived');
  });

  it("counts the OpenTelemetry plugin's balancer span as the whole upstream round trip", () => {
    const m = latencyModel(cases.otelBalancer());
    expect(m.upstreamSteps).toEqual([{ step: 'round trip', ns: 83e6 }]);
  });

  it('reads Gateway 3.9 latencies (*_ms) as reported by Kong', () => {
    const t = cases.slowUpstream();
    const a = t.spans[0]!.attributes;
    delete a['proxy.kong.latency.total'];
    Object.assign(a, { 'proxy.kong.latency_total_ms': 1202, 'proxy.kong.upstream.ttfb_ms': 1200, 'proxy.kong.upstream.read_response_duration_ms': 1 });
    expect(latencyModel(t).reported).toEqual({ total: 1202, gateway: null, upstream: 1201, client: null });
  });
});

describe('latencyMismatches', () => {
  const model = { total: 100, gateway: 10, upstream: 80, client: 10 };
  it('points out a difference above both 5% and 1 ms, in words', () => {
    expect(latencyMismatches(model, { total: 100, gateway: null, upstream: 70, client: 10 })).toEqual([
      { part: 'upstream', modelMs: 80, reportedMs: 70, text: 'Kong reported upstream 70.0 ms; the spans show 80.0 ms' },
    ]);
  });
  it('keeps quiet below either bound', () => {
    // 1.5 ms but under 5% of 80 ms; 0.8 ms is 8% of 10 ms but under 1 ms
    expect(latencyMismatches(model, { total: 100, gateway: 10.8, upstream: 78.5, client: null })).toEqual([]);
  });
});

describe('modelMs', () => {
  it('rounds to the microsecond and lets gateway take the rounding, so the parts still add up', () => {
    const ms = modelMs({ totalNs: 10_000_600, upstreamNs: 3_333_400, clientNs: 3_333_400 });
    expect(ms).toEqual({ total: 10.001, gateway: 3.335, upstream: 3.333, client: 3.333 });
    expect(ms.gateway + ms.upstream + ms.client).toBeCloseTo(ms.total, 12);
  });
});
