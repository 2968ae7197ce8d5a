/**
 * Kong semantics against every real trace in ../shared/fixtures (domain.md section 11): the root fields of
 * each gateway generation, and the transaction map of a 3.9 trace (old upstream names) and of the
 * OpenTelemetry plugin's trace (one kong.balancer span for the whole upstream round trip).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAll } from '../../shared/decode/index';
import { compile } from '../../shared/expr/index';
import { findRoot } from '../../shared/kong/summary';
import { describeAttribute, describeSpan } from '../../shared/kong/catalogue';
import { phaseTimes } from '../../shared/kong/phase-times';
import { rootFields, summarizeTrace, type RootFields } from '../../shared/kong/summary';
import { buildTransactionMap, type MapStage } from '../../shared/kong/transaction-map';
import type { Attributes, TraceSpans } from '../../shared/model/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');

async function readTrace(path: string): Promise<TraceSpans> {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, path)));
  const { traces } = await decodeAll(bytes, { fileName: path });
  expect(traces).toHaveLength(1);
  return traces[0]!;
}

const GENERATIONS: [string, Partial<RootFields>][] = [
  [
    'kong/konnect-batches-gateway-3.9.0.0.json',
    {
      method: 'GET',
      url: 'http://localhost/req/headers',
      path: '/req/headers',
      status: null,
      latencyTotalMs: 213,
      // proxy.kong.upstream.ttfb_ms 0 + proxy.kong.upstream.read_response_duration_ms 213
      latencyUpstreamMs: 213,
      latencyThirdPartyMs: 0,
      requestId: 'bbb7e4374d3509271c0019440b7bd474',
      clientAddress: '192.168.65.1',
    },
  ],
  [
    'kong/konnect-batches-gateway-3.10-incomplete-spans-edited.json',
    {
      method: 'POST',
      status: 200,
      route: '/foo',
      latencyTotalMs: 927,
      // proxy.kong.latency.upstream.ttfb 568 + ...read_response_duration 1
      latencyUpstreamMs: 569,
      latencyThirdPartyMs: 0,
      requestId: '0f9fc8071dbf62141d8f136bbb4cdd39',
      clientAddress: '127.0.0.1',
    },
  ],
  [
    'konnect/trace-batches-gateway-3.10.json',
    {
      method: 'GET',
      status: 200,
      upstreamStatus: 200,
      latencyTotalMs: 770,
      latencyInternalMs: 3.2986237884522325,
      latencyUpstreamMs: 764.5189762115479,
      latencyClientMs: 2.043648,
      latencyThirdPartyMs: 0.138752,
      consumerId: 'a28fb362-5fa3-4dbe-b4da-3dd15e5e5c9a',
      requestId: '331bfb04117adc39f70b227a0df26615',
      clientAddress: '10.88.0.14',
    },
  ],
  [
    'kong/konnect-trace-v1-gateway-3.10.0.1.json',
    {
      method: 'GET',
      path: '/mock/anything/123',
      status: 200,
      upstreamStatus: 200,
      latencyTotalMs: 236,
      latencyUpstreamMs: 235.0771427154541,
      latencyThirdPartyMs: 0.0896,
      requestId: '87cc7f068280e205811d8c5d9af38801',
      clientAddress: '172.17.0.1',
    },
  ],
  [
    'kong/otel-plugin-gateway-3.14-from-docs.json',
    {
      method: 'POST',
      url: 'http://localhost/anything',
      path: '/anything',
      route: '/anything',
      status: 200,
      latencyTotalMs: null,
      latencyUpstreamMs: null,
      requestId: '319d1e4e7862095f704a7d6c60e63260',
      clientAddress: '192.168.107.1',
    },
  ],
];

describe('root fields of every gateway generation', () => {
  it.each(GENERATIONS)('%s', async (path, expected) => {
    const trace = await readTrace(path);
    expect(summarizeTrace(trace)).toMatchObject(expected);
  });

  it('konnect/trace v1 (Gateway 3.10.0.1): the root attributes as Konnect writes them', () => {
    // Konnect's trace v1 writes attributes as a flat JSON object of native values: the Attributes shape itself
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'kong/konnect-trace-v1-gateway-3.10.0.1.json'), 'utf8')) as {
      resource_spans: { scope_spans: { spans: { name: string; attributes: Attributes }[] }[] }[];
    };
    const root = doc.resource_spans.flatMap((r) => r.scope_spans.flatMap((s) => s.spans)).find((s) => s.name === 'kong')!;
    expect(rootFields(root.attributes)).toMatchObject({
      method: 'GET',
      path: '/mock/anything/123',
      status: 200,
      upstreamStatus: 200,
      latencyTotalMs: 236,
      latencyUpstreamMs: 235.0771427154541,
      latencyThirdPartyMs: 0.0896,
      requestId: '87cc7f068280e205811d8c5d9af38801',
      clientAddress: '172.17.0.1',
    });
  });
});

const stageOf = (stages: MapStage[], kind: MapStage['kind']) => stages.find((s) => s.kind === kind)!;

describe('the transaction map of real traces', () => {
  it('OpenTelemetry plugin: kong.balancer is the upstream round trip, the plugins sit in their phases', async () => {
    const trace = await readTrace('kong/otel-plugin-gateway-3.14-from-docs.json');
    const map = buildTransactionMap(trace);
    if (map.kind !== 'kong') throw new Error('expected a Kong map');
    const balancer = trace.spans.find((s) => s.name === 'kong.balancer')!;
    const headerFilter = trace.spans.find((s) => s.name === 'kong.header_filter.plugin.opentelemetry')!;
    // one part, the whole round trip: nothing is taken for connection setup
    const [upstream, ...others] = stageOf(map.stages, 'upstream').nodes;
    expect(others).toEqual([]);
    expect(upstream!.label).toBe('round trip');
    // the latency model's upstream time: the header_filter plugin, which ran before the balancer span closed, keeps its time
    expect(upstream!.durationNs).toBe(balancer.duration - headerFilter.duration);
    expect(upstream!.durationNs).toBeGreaterThan(70_000_000);
    expect(upstream!.detail).toBe('httpbin.konghq.com');
    expect(upstream!.spanIds).toEqual([balancer.spanId]);
    expect(map.slowestNodeId).toBe('upstream:round trip');
    expect(stageOf(map.stages, 'request').nodes.map((n) => [n.label, n.detail])).toEqual([
      ['router', null],
      ['opentelemetry', 'access'],
      ['DNS', 'httpbin.konghq.com'],
    ]);
    expect(stageOf(map.stages, 'response').nodes.map((n) => [n.label, n.detail])).toEqual([['opentelemetry', 'header_filter']]);
    const times = new Map(phaseTimes(trace).map((p) => [p.key, p.ns]));
    expect(times.get('upstream')).toBe(balancer.duration - headerFilter.duration);
    // routing and DNS, written straight under the root with no phase span, are the access phase's work
    const access = ['kong.router', 'kong.access.plugin.opentelemetry', 'kong.dns'].map((n) => trace.spans.find((s) => s.name === n)!.duration);
    expect(times.get('access')).toBe(access.reduce((a, b) => a + b, 0));
  });

  it('Gateway 3.9: the old upstream names under their meaning today, the upstream node with its real time', async () => {
    const trace = await readTrace('kong/konnect-batches-gateway-3.9.0.0.json');
    const map = buildTransactionMap(trace);
    if (map.kind !== 'kong') throw new Error('expected a Kong map');
    const stage = stageOf(map.stages, 'upstream');
    // 3.9 counts the wait for the answer in reading the response
    expect(stage.nodes.map((n) => n.label)).toEqual(['connect', 'body']);
    const readResponse = trace.spans.find((s) => s.name === 'kong.upstream.read_response')!;
    expect(stage.nodes[1]!.spanIds).toEqual([readResponse.spanId]);
    expect(stage.durationNs).toBeGreaterThanOrEqual(readResponse.duration);
    expect(stage.durationNs! / 1e6).toBeCloseTo(213, 0);
    expect(stage.nodes[0]!.detail).toBe('httpbin.org');
    expect(stageOf(map.stages, 'request').nodes.map((n) => [n.label, n.detail])).toEqual([
      ['router', null],
      ['DNS', 'httpbin.org'],
    ]);
  });
});

describe('sampling rules on real traces', () => {
  const matches = async (path: string, rule: string) => {
    const compiled = compile(rule);
    if (!compiled.ok) throw new Error(`${rule}: ${compiled.errors.map((e) => e.message).join('; ')}`);
    return compiled.evaluate(findRoot(await readTrace(path))!.attributes);
  };

  it("accepts Kong's documented rule proxy.kong.latency_total_ms >= 100 and evaluates it on a 3.9 trace (213 ms)", async () => {
    const v39 = 'kong/konnect-batches-gateway-3.9.0.0.json';
    expect(await matches(v39, 'proxy.kong.latency_total_ms >= 100')).toBe(true);
    expect(await matches(v39, 'proxy.kong.latency_total_ms >= 300')).toBe(false);
    // today's name reads the 3.9 attribute too, and the legacy name today's
    expect(await matches(v39, 'proxy.kong.latency.total >= 200')).toBe(true);
    expect(await matches('konnect/trace-batches-gateway-3.10.json', 'proxy.kong.latency_total_ms > 700')).toBe(true);
  });

  it("filters the OpenTelemetry plugin's traces by today's field names", async () => {
    const otel = 'kong/otel-plugin-gateway-3.14-from-docs.json';
    expect(await matches(otel, 'http.response.status_code == 200 && http.request.method == "POST"')).toBe(true);
    expect(await matches(otel, 'client.address in 192.168.0.0/16')).toBe(true);
    expect(await matches(otel, 'url.full =^ "/anything"')).toBe(true);
  });
});

describe('the catalogue on real traces', () => {
  it.each(GENERATIONS.map(([path]) => path))('describes every span and attribute of %s', async (path) => {
    const trace = await readTrace(path);
    const undescribed = new Set<string>();
    for (const span of trace.spans) {
      if (!describeSpan(span.name)) undescribed.add(span.name);
      for (const key of Object.keys(span.attributes)) if (!describeAttribute(key)) undescribed.add(key);
    }
    expect([...undescribed]).toEqual([]);
  });
});
