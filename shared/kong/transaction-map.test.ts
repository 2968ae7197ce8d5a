import { describe, expect, it } from 'vitest';
import { makeSpan, makeTrace } from '../model/testing';
import type { Span } from '../model/types';
import { readKonnectFixture } from './testdata/read-konnect';
import { buildTransactionMap, logWeights, MAX_STAGE_NODES, type MapStage, type TransactionMap } from './transaction-map';

const span = makeSpan;

const trace = (spans: Span[]) => makeTrace(spans, { traceId: 'ab'.repeat(16) });

function kongStages(map: TransactionMap): MapStage[] {
  if (map.kind !== 'kong') throw new Error(`expected a Kong map, got ${map.kind}`);
  return map.stages;
}

const labelsOf = (stages: MapStage[], kind: MapStage['kind']) => stages.find((s) => s.kind === kind)!.nodes.map((n) => n.label);
const durationsOf = (stages: MapStage[], kind: MapStage['kind']) => stages.find((s) => s.kind === kind)!.nodes.map((n) => n.durationNs);

describe('buildTransactionMap on the real Konnect Gateway 3.10 trace', () => {
  const fixture = readKonnectFixture();
  const map = buildTransactionMap(fixture);
  const stages = kongStages(map);

  it('lays the stages out client to client in lifecycle order', () => {
    expect(stages.map((s) => s.kind)).toEqual([
      'client',
      'client-out',
      'request',
      'upstream',
      'response',
      'client-in',
      'client-end',
    ]);
  });

  it('puts request plugins, router and DNS in start order in the request group', () => {
    expect(labelsOf(stages, 'request')).toEqual([
      'router',
      'basic-auth',
      'rate-limiting-advanced',
      'response-ratelimiting',
      'request-transformer',
      'DNS',
    ]);
    expect(durationsOf(stages, 'request')).toEqual([70_400, 138_240, 152_576, 211_712, 240_384, 138_752]);
  });

  it('reads the client out, upstream and response stages with their durations', () => {
    expect(labelsOf(stages, 'client-out')).toEqual(['read headers', 'read body']);
    expect(durationsOf(stages, 'client-out')).toEqual([1_075_712, 59_904]);
    expect(labelsOf(stages, 'upstream')).toEqual(['connect', 'send', 'time to first byte', 'body']);
    expect(durationsOf(stages, 'upstream')).toEqual([221_811_968, 500_814_080, 14_848, 39_916_800]);
    expect(labelsOf(stages, 'response')).toEqual(['response-ratelimiting', 'response-transformer', 'response-transformer']);
    expect(stages.find((s) => s.kind === 'response')!.nodes.map((n) => n.detail)).toEqual(['header_filter', 'header_filter', 'body_filter']);
    expect(durationsOf(stages, 'client-in')).toEqual([908_032]);
  });

  it("names the upstream host, heads the upstream with the model's upstream time and links each step to its span", () => {
    const upstream = stages.find((s) => s.kind === 'upstream')!;
    expect(upstream.nodes[0]!.detail).toBe('httpbin.org');
    expect(upstream.durationNs).toBe(upstream.nodes.reduce((sum, n) => sum + n.durationNs!, 0));
    const send = fixture.spans.find((s) => s.name === 'kong.send_request_to_upstream')!;
    expect(upstream.nodes[1]!.spanIds).toEqual([send.spanId]);
    expect(stages.flatMap((s) => s.nodes).some((n) => n.label.includes('find_upstream'))).toBe(false);
  });

  it('marks sending the request to the upstream as the slowest node, weight 1, others lighter', () => {
    const nodes = stages.flatMap((s) => s.nodes);
    const slowest = nodes.find((n) => n.id === map.slowestNodeId)!;
    expect(slowest.label).toBe('send');
    expect(slowest.weight).toBe(1);
    const router = nodes.find((n) => n.label === 'router')!;
    expect(router.weight).toBeGreaterThan(0);
    expect(router.weight).toBeLessThan(0.5);
  });

  it('links each span node to its span id', () => {
    const basicAuth = stages.find((s) => s.kind === 'request')!.nodes[1]!;
    const span = fixture.spans.find((s) => s.name === 'kong.access.plugin.basic-auth')!;
    expect(basicAuth.spanIds).toEqual([span.spanId]);
  });
});

describe('buildTransactionMap rules', () => {
  it("excludes a client read nested in a plugin from that plugin's time", () => {
    const t = trace([
      span({ spanId: 'r', name: 'kong', duration: 100_000_000 }),
      span({ spanId: 'p', parentSpanId: 'r', name: 'kong.phase.access', start: 1_000_000, duration: 50_000_000 }),
      span({ spanId: 'pl', parentSpanId: 'p', name: 'kong.access.plugin.request-validator', start: 1_000_000, duration: 45_000_000 }),
      span({ spanId: 'body', parentSpanId: 'pl', name: 'kong.read_client_http_body', start: 2_000_000, duration: 40_000_000 }),
    ]);
    const stages = kongStages(buildTransactionMap(t));
    expect(durationsOf(stages, 'request')).toEqual([5_000_000]);
    expect(durationsOf(stages, 'client-out')).toEqual([40_000_000]);
  });

  it('places plugins of unknown phases by time, and log-phase plugins in a log stage after the client', () => {
    const t = trace([
      span({ spanId: 'r', name: 'kong', duration: 100_000_000 }),
      span({ spanId: 'a', parentSpanId: 'r', name: 'kong.preread.plugin.early', start: 1_000_000 }),
      span({ spanId: 'u', parentSpanId: 'r', name: 'kong.send_request_to_upstream', start: 10_000_000, duration: 5_000_000 }),
      span({ spanId: 'h', parentSpanId: 'r', name: 'kong.read_headers_from_upstream', start: 30_000_000, duration: 1_000_000 }),
      span({ spanId: 'b', parentSpanId: 'r', name: 'kong.future_phase.plugin.late', start: 40_000_000 }),
      span({ spanId: 'l', parentSpanId: 'r', name: 'kong.log.plugin.http-log', start: 90_000_000 }),
      span({ spanId: 'x', parentSpanId: 'r', name: 'kong.datakit.node.call', start: 50_000_000 }),
    ]);
    const stages = kongStages(buildTransactionMap(t));
    expect(labelsOf(stages, 'request')).toEqual(['early']);
    expect(labelsOf(stages, 'response')).toEqual(['late']);
    expect(stages.find((s) => s.kind === 'upstream')!.nodes.map((n) => [n.label, n.durationNs])).toEqual([
      ['send', 5_000_000],
      ['time to first byte', 16_000_000],
    ]);
    expect(stages.at(-1)!.kind).toBe('log');
    expect(labelsOf(stages, 'log')).toEqual(['http-log']);
  });

  it('has no log stage when the trace has no log phase', () => {
    const stages = kongStages(buildTransactionMap(trace([span({ spanId: 'r', name: 'kong', duration: 10 })])));
    expect(stages.some((s) => s.kind === 'log')).toBe(false);
  });

  it('draws work that outlives its plugin span (OpenTelemetry plugin) on its own, where it started', () => {
    const t = trace([
      span({ spanId: 'r', name: 'kong', duration: 100_000_000 }),
      span({ spanId: 'p', parentSpanId: 'r', name: 'kong.access.plugin.ai-a2a-proxy', start: 1_000_000, duration: 2_000_000 }),
      span({ spanId: 'a', parentSpanId: 'p', name: 'kong.a2a', start: 2_000_000, duration: 60_000_000 }),
      span({ spanId: 'io', parentSpanId: 'a', name: 'kong.io.http.request', start: 3_000_000, duration: 50_000_000 }),
      span({ spanId: 'in', parentSpanId: 'p', name: 'kong.io.redis.get', start: 1_500_000, duration: 100_000 }),
      span({ spanId: 'b', parentSpanId: 'r', name: 'kong.balancer', start: 70_000_000, duration: 20_000_000 }),
    ]);
    const stages = kongStages(buildTransactionMap(t));
    const request = stages.find((s) => s.kind === 'request')!.nodes;
    expect(request.map((n) => [n.label, n.detail, n.bucket, n.durationNs])).toEqual([
      ['ai-a2a-proxy', 'access', 'access', 2_000_000],
      ['a2a', 'after its plugin', 'access', 60_000_000],
    ]);
  });

  it('labels a plugin sub-operation with its plugin, and a plugin that answered the request with its status', () => {
    const t = trace([
      span({ spanId: 'r', name: 'kong', duration: 10_000_000 }),
      span({ spanId: 'v', parentSpanId: 'r', name: 'kong.access.plugin.jwt.verify', start: 1_000, duration: 1_000 }),
      span({
        spanId: 'k',
        parentSpanId: 'r',
        name: 'kong.access.plugin.key-auth',
        start: 3_000,
        duration: 2_000,
        attributes: { 'proxy.kong.plugin.http.response.status_code': 401, 'proxy.kong.plugin.http.response.status_message': 'Unauthorized' },
      }),
    ]);
    const request = kongStages(buildTransactionMap(t)).find((s) => s.kind === 'request')!.nodes;
    expect(request.map((n) => [n.label, n.detail])).toEqual([
      ['jwt verify', 'access'],
      ['key-auth', 'access · answered 401'],
    ]);
  });

  it('says a request that never reached an upstream ended in the gateway, with no upstream node', () => {
    const t = trace([
      span({ spanId: 'r', name: 'kong', duration: 3_000_000 }),
      span({ spanId: 'p', parentSpanId: 'r', name: 'kong.phase.access', start: 100_000, duration: 2_000_000 }),
      span({ spanId: 'k', parentSpanId: 'p', name: 'kong.access.plugin.key-auth', start: 200_000, duration: 1_500_000 }),
    ]);
    const upstream = kongStages(buildTransactionMap(t)).find((s) => s.kind === 'upstream')!;
    expect(upstream.nodes).toEqual([]);
    expect(upstream.emptyText).toBe('no upstream: the request ended in the gateway');
  });

  it('builds the map from iteratively walked deep trees without overflowing the stack', () => {
    const spans = [span({ spanId: 's0', name: 'kong', duration: 1e9 })];
    for (let i = 1; i < 30_000; i++) spans.push(span({ spanId: `s${i}`, parentSpanId: `s${i - 1}`, name: 'kong.access.plugin.deep', start: i, duration: 10 }));
    const stages = kongStages(buildTransactionMap(trace(spans)));
    expect(labelsOf(stages, 'request')).toEqual(['deep']);
  });

  it('summarises a non-Kong trace as its top spans by self time', () => {
    const t = trace([
      span({ spanId: 'root', name: 'GET /orders', duration: 100_000_000 }),
      span({ spanId: 'db', parentSpanId: 'root', name: 'SELECT orders', start: 10_000_000, duration: 70_000_000 }),
      span({ spanId: 'cache', parentSpanId: 'root', name: 'redis GET', start: 85_000_000, duration: 2_000_000 }),
    ]);
    const map = buildTransactionMap(t);
    if (map.kind !== 'generic') throw new Error('expected the generic summary');
    expect(map.top.map((s) => [s.name, s.selfNs])).toEqual([
      ['SELECT orders', 70_000_000],
      ['GET /orders', 28_000_000],
      ['redis GET', 2_000_000],
    ]);
    expect(map.slowestNodeId).toBe('db');
  });
});

describe('logWeights', () => {
  it('puts the slowest at 1 and spreads the rest on a log scale from 1 µs', () => {
    expect(logWeights([1_000, 1_000_000, 1_000_000_000])).toEqual([0, 0.5, 1]);
    expect(logWeights([0, 500])).toEqual([0, 1]);
  });
});

describe('buildTransactionMap on a trace with thousands of plugin spans', () => {
  it('draws at most MAX_STAGE_NODES per stage, the slowest kept and the rest summed in one node', () => {
    const spans: Span[] = [
      span({ spanId: 'r'.padStart(16, '0'), name: 'kong', kind: 2, duration: 10_000_000 }),
      span({ spanId: 'a'.padStart(16, '0'), parentSpanId: 'r'.padStart(16, '0'), name: 'kong.phase.access', duration: 9_000_000 }),
    ];
    for (let i = 0; i < 3000; i++) {
      spans.push(span({ spanId: `p${i}`.padStart(16, '0'), parentSpanId: 'a'.padStart(16, '0'), name: `kong.access.plugin.p${i}`, start: i, duration: i === 1234 ? 5_000_000 : 1_000 }));
    }
    const map = buildTransactionMap(trace(spans));
    if (map.kind !== 'kong') throw new Error('expected a Kong map');
    const request = map.stages.find((s) => s.kind === 'request')!;
    expect(request.nodes).toHaveLength(MAX_STAGE_NODES);
    expect(request.nodes.map((n) => n.label)).toContain('p1234');
    const more = request.nodes[request.nodes.length - 1]!;
    expect(more.label).toBe(`${3000 - (MAX_STAGE_NODES - 1)} more`);
    expect(more.spanIds).toHaveLength(3000 - (MAX_STAGE_NODES - 1));
    // nothing is lost: the "more" node sums the rest; the header is the latency model's access phase time
    expect(more.durationNs).toBe((3000 - (MAX_STAGE_NODES - 1)) * 1_000);
    expect(request.durationNs).toBe(9_000_000);
    expect(map.slowestNodeId).toBe('p1234'.padStart(16, '0'));
  });
});
