/**
 * Issue 20 on real Kong traces (../shared/fixtures/kong): a 3.9 trace compares cleanly with a 3.10 one
 * (the rename table), and the bridge's steps add up exactly to the difference of the totals for every
 * generation; and two 5,000-span traces align.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignTraces } from '../../shared/compare/align';
import { traceBridge } from '../../shared/compare/bridge';
import { decodeBytes } from '../../shared/decode/test-helpers';
import { slowPluginWithRedis, slowUpstream } from '../../shared/kong/testdata/cases';
import { makeSpan, makeTrace } from '../../shared/model/testing';
import type { Span, TraceSpans } from '../../shared/model/types';

const MS = 1e6;

async function fixture(name: string): Promise<TraceSpans> {
  const d = await decodeBytes(readFileSync(new URL(`../../../shared/fixtures/kong/${name}`, import.meta.url)));
  return d.traces[0]!;
}

const usSum = (xs: number[]) => xs.reduce((a, b) => a + Math.round(b * 1e3), 0);

describe('compare on real gateway traces', () => {
  it('3.9 against 3.10 names: the renamed upstream spans match, only what 3.9 did not write is added', async () => {
    const a = await fixture('konnect-batches-gateway-3.9.0.0.json');
    const b = await fixture('konnect-trace-v1-gateway-3.10.0.1.json');
    const al = alignTraces(a, b);
    const byKey = new Map(al.rows.map((r) => [r.key, r]));
    for (const key of ['root/upstream:select/upstream:connect', 'root/upstream:wait-for-headers', 'root/upstream:read-body', 'root/phase:access/core:dns', 'root/client:read-body']) {
      expect(byKey.get(key)?.a, key).toBeGreaterThanOrEqual(0);
      expect(byKey.get(key)?.b, key).toBeGreaterThanOrEqual(0);
    }
    expect(al.rows.find((r) => r.key === 'root/upstream:wait-for-headers')!.label).toBe('kong.read_headers_from_upstream');
    expect(a.spans.find((s) => s.name === 'kong.upstream.ttfb')).toBeDefined();
    // every 3.9 span has its 3.10 counterpart; only spans 3.9 does not write are added
    expect(al.rows.filter((r) => r.change === 'removed')).toEqual([]);
    expect(
      al.rows
        .filter((r) => r.change === 'added')
        .map((r) => r.label)
        .sort(),
    ).toEqual(['kong.access.plugin.basic-auth', 'kong.phase.body_filter', 'kong.phase.header_filter', 'kong.send_request_to_upstream', 'kong.wait_for_client_read']);
    expect(al.matchedRatio).toBeCloseTo((2 * 11) / (11 + 16), 12);
  });
  it('its steps add up exactly to the difference of the totals', async () => {
    const pairs: [TraceSpans, TraceSpans][] = [
      [slowPluginWithRedis(), slowUpstream()],
      [await fixture('konnect-batches-gateway-3.9.0.0.json'), await fixture('konnect-trace-v1-gateway-3.10.0.1.json')],
      [await fixture('otel-plugin-gateway-3.14-from-docs.json'), await fixture('konnect-batches-gateway-3.10-incomplete-spans-edited.json')],
    ];
    for (const [a, b] of pairs) {
      const br = traceBridge(a, b);
      expect(usSum(br.steps.map((s) => s.deltaMs))).toBe(Math.round(br.deltaMs * 1e3));
      expect(usSum(br.steps.map((s) => s.aMs))).toBe(Math.round(br.aMs * 1e3));
      expect(usSum(br.steps.map((s) => s.bMs))).toBe(Math.round(br.bMs * 1e3));
      const up = br.steps.find((s) => s.key === 'upstream');
      if (up) expect(usSum(up.steps.map((s) => s.deltaMs))).toBe(Math.round(up.deltaMs * 1e3));
    }
  });
  it('aligns two 5,000-span traces: every span matched, the one slower call per plugin changed', () => {
    const big = (extra: number) => {
      const spans: Span[] = [makeSpan({ spanId: 'root', name: 'kong', duration: 6000 * MS })];
      for (let p = 0; p < 50; p++) {
        spans.push(makeSpan({ spanId: `p${p}`, parentSpanId: 'root', name: `kong.access.plugin.p${p}`, start: p * 100 * MS, duration: 90 * MS }));
        for (let c = 0; c < 99; c++) spans.push(makeSpan({ spanId: `c${p}-${c}`, parentSpanId: `p${p}`, name: 'kong.io.redis.get', start: (p * 100 + c * 0.9) * MS, duration: (0.5 + (c === 7 ? extra : 0)) * MS }));
      }
      return makeTrace(spans);
    };
    const a = big(0);
    const b = big(30);
    const al = alignTraces(a, b);
    expect(al.rows).toHaveLength(a.spans.length);
    expect(al.rows.filter((r) => r.change === 'changed')).toHaveLength(50);
  });
});
