/**
 * The latency model and the verdict over real data: every trace of the sample generator (the bundled
 * session's kinds: 401, 429, 502 connection refused, 504, upstream 5xx, slow client, slow DNS) and the
 * real gateway traces in ../shared/fixtures. Hand-built cases are in shared/kong/verdict.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeAll } from '../../shared/decode/index';
import { utf8 } from '../../shared/decode/test-helpers';
import { latencyModel, modelMs } from '../../shared/kong/latency';
import { summarizeTrace } from '../../shared/kong/summary';
import { errorMarks, keyFact, verdict } from '../../shared/kong/verdict';
import type { TraceSpans } from '../../shared/model/types';
import { generateSample } from '../../shared/sample/generate';

const FIXTURES = join(__dirname, '../../../shared/fixtures');
const REAL = [
  'kong/konnect-trace-v1-gateway-3.10.0.1.json',
  'kong/konnect-batches-gateway-3.9.0.0.json',
  'kong/konnect-batches-gateway-3.10-incomplete-spans-edited.json',
  'kong/otel-plugin-gateway-3.14-from-docs.json',
  'konnect/trace-batches-gateway-3.10.json',
];

async function decodeFixture(file: string): Promise<TraceSpans[]> {
  const decoded = await decodeAll(new Uint8Array(readFileSync(join(FIXTURES, file))), { fileName: file });
  return decoded.traces;
}

function expectPartsAddUp(t: TraceSpans): void {
  const m = latencyModel(t);
  for (const part of [m.gatewayNs, m.upstreamNs, m.clientNs]) expect(part).toBeGreaterThanOrEqual(0);
  expect(m.gatewayNs + m.upstreamNs + m.clientNs).toBe(m.totalNs);
  const root = t.spans.find((s) => s.spanId === m.rootSpanId);
  if (root) expect(Math.abs(m.totalNs - root.duration)).toBeLessThanOrEqual(500);
  // the phase bar's partition is exact, the parts are to the microsecond
  expect(Math.abs(m.phases.reduce((sum, p) => sum + p.ns, 0) - m.totalNs)).toBeLessThanOrEqual(500);
  expect(Math.abs(m.upstreamSteps.reduce((sum, p) => sum + p.ns, 0) - m.upstreamNs)).toBeLessThanOrEqual(500);
  const ms = modelMs(m);
  expect(ms.gateway + ms.upstream + ms.client).toBeCloseTo(ms.total, 9);
  const s = summarizeTrace(t);
  expect(s.durationMs).toBeCloseTo(ms.total, 3);
  expect([s.gatewayMs, s.upstreamMs, s.clientMs]).toEqual([ms.gateway, ms.upstream, ms.client]);
}

describe('the latency model and the verdict on the sample generator', async () => {
  const sample = generateSample({ seed: 20261122, traces: 300 });
  // 302 traces: 300 routed requests and 2 that matched no route
  const traces = (await decodeAll(utf8(sample.jsonl), { fileName: 'sample.jsonl' })).traces;
  const rows = traces.map((t) => ({ t, s: summarizeTrace(t), v: verdict(t) }));

  it('splits every trace into gateway + upstream + client = the root span, and names a span it holds', () => {
    for (const { t, v } of rows) {
      expectPartsAddUp(t);
      expect(v.text.length).toBeGreaterThan(10);
      if (v.spanId !== null) expect(t.spans.some((s) => s.spanId === v.spanId)).toBe(true);
    }
  });

  const byStatus = (status: number) => rows.filter((r) => r.s.status === status);
  it.each([
    [404, /^404: no Route matched (GET|POST) https:\/\/api\.acme\.test\/[\w./-]+, the router ended it after [\d.]+ (µs|ms); the request never reached an upstream\.$/],
    [401, /^401 from plugin (key-auth|openid-connect|jwt) in access after [\d.]+ (µs|ms); the request never reached an upstream\.$/],
    [429, /^429 from plugin rate-limiting-advanced in access after [\d.]+ (µs|ms|s); the request never reached an upstream\.$/],
    [502, /^502: connecting to upstream [\w.-]+ failed after 3\.0\d s: connection refused\.$/],
    [504, /^504: upstream [\w.-]+ sent no response headers for 60\.0 s \(upstream timed out\)\.$/],
    [500, /^500: upstream [\w.-]+ answered 500 after [\d.]+ (µs|ms|s) of upstream time\.$/],
    [503, /^503: upstream [\w.-]+ answered 503 after [\d.]+ (µs|ms|s) of upstream time\.$/],
  ])('a %i says what failed, in one sentence', (status, text) => {
    const hits = byStatus(status);
    expect(hits.length).toBeGreaterThan(0);
    for (const { v } of hits) {
      expect(v.kind).toBe('error');
      expect(v.text).toMatch(text);
    }
  });

  it('a 404 that matched no route: no upstream time, the router marked in error with Kong\'s words', () => {
    for (const { t, v } of byStatus(404)) {
      const m = latencyModel(t);
      expect([m.reachedUpstream, m.upstreamNs]).toEqual([false, 0]);
      const router = t.spans.find((s) => s.name === 'kong.router')!;
      expect(v.spanId).toBe(router.spanId);
      expect(errorMarks(t, v).get(router.spanId)).toBe('no Route matched with those values');
      expect(keyFact(t, v)).toBe('no Route matched with those values');
    }
  });

  it('a 502 puts the refused connection on the upstream, where Kong reported none', () => {
    for (const { t } of byStatus(502)) {
      const m = latencyModel(t);
      expect(m.upstreamNs / m.totalNs).toBeGreaterThan(0.95);
      expect(m.mismatches.some((x) => x.part === 'upstream')).toBe(true);
    }
  });

  it('a slow client is the client, not the plugin that read its body', () => {
    const slow = rows.filter((r) => r.s.status === 200 && (r.s.clientMs ?? 0) > 0.5 * r.s.durationMs);
    expect(slow.length).toBeGreaterThan(0);
    for (const { v } of slow) {
      expect(v.kind).toBe('client');
      expect(v.text).toMatch(/^Slow client: (reading the request (headers|body)|writing the response \(the client read it slowly\)) took /);
    }
  });

  it('a healthy request names the part that took most of its time', () => {
    for (const { s, v } of rows.filter((r) => r.s.status !== null && r.s.status < 400)) {
      const parts = { upstream: s.upstreamMs!, client: s.clientMs!, gateway: s.gatewayMs! };
      const top = (Object.keys(parts) as (keyof typeof parts)[]).sort((a, b) => parts[b] - parts[a])[0];
      expect(v.kind).toBe(top);
    }
  });
});

describe('the latency model and the verdict on real gateway traces', () => {
  it.each(REAL)('%s', async (file) => {
    const traces = await decodeFixture(file);
    expect(traces.length).toBeGreaterThan(0);
    for (const t of traces) {
      expectPartsAddUp(t);
      const v = verdict(t);
      expect(v.text).toMatch(/\d/);
      expect(v.spanId === null || t.spans.some((s) => s.spanId === v.spanId)).toBe(true);
    }
  });

  it.each([
    ['kong/konnect-trace-v1-gateway-3.10.0.1.json', 'upstream', /^Upstream httpbin\.konghq\.com took 234 ms of 238 ms \(sending the request and waiting 197 ms\)\.$/, ['Kong reported gateway 8.94 µs; the spans show 3.26 ms']],
    ['kong/konnect-batches-gateway-3.9.0.0.json', 'upstream', /^Upstream httpbin\.org took 213 ms of 217 ms \(body 213 ms\)\.$/, []],
    [
      'kong/konnect-batches-gateway-3.10-incomplete-spans-edited.json',
      'error',
      /^The access phase failed: \.\/kong\/plugins\/request-transformer\/handler\.lua:20: attempt to index global 'some_nil_variable' \(a nil value\); the request still answered 200\.$/,
      // Kong's 3.10-before-GA upstream figure leaves out connecting (354 ms here)
      ['Kong reported upstream 569 ms; the spans show 922 ms'],
    ],
    ['kong/otel-plugin-gateway-3.14-from-docs.json', 'upstream', /^Upstream httpbin\.konghq\.com took 73\.0 ms of 118 ms\.$/, []],
    ['konnect/trace-batches-gateway-3.10.json', 'upstream', /^Upstream httpbin\.org took 763 ms of 773 ms \(sending the request and waiting 501 ms\)\.$/, ['Kong reported gateway 3.30 ms; the spans show 8.82 ms']],
  ])('%s: %s', async (file, kind, text, mismatches) => {
    const [t] = await decodeFixture(file);
    const v = verdict(t!);
    expect(v.kind).toBe(kind);
    expect(v.text).toMatch(text);
    expect(latencyModel(t!).mismatches.map((m) => m.text)).toEqual(mismatches);
  });
});
