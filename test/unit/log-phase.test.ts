/**
 * 3.13+ log-phase traces (domain.md section 11) on the generated pair in test/fixtures/kong: linked to their
 * request by request id or span link, drawn with it (waterfall group, map log stage), listed as part of it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeAll } from '../../shared/decode/index';
import { isLogPhaseRoot, LOG_PHASE_GROUP, logPhaseRequests, withLogPhase } from '../../shared/kong/log-phase';
import { summarizeTrace } from '../../shared/kong/summary';
import { buildTransactionMap } from '../../shared/kong/transaction-map';
import type { TraceSpans } from '../../shared/model/types';
import { LOG_PHASE_PAIR, logPhasePairDocument } from '../fixtures/kong/gen-log-phase-pair';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/kong/log-phase-pair-3.13.json');

async function traces(): Promise<Map<string, TraceSpans>> {
  const { traces } = await decodeAll(new Uint8Array(readFileSync(FILE)), { fileName: 'log-phase-pair-3.13.json' });
  return new Map(traces.map((t) => [t.traceId, t]));
}

describe('the generated log-phase pair', () => {
  it('is what its generator writes', () => {
    expect(JSON.parse(readFileSync(FILE, 'utf8'))).toEqual(logPhasePairDocument());
  });
});

describe('log-phase traces of their own', () => {
  it('are recognised by their root and name their request by request id, or by span link alone', async () => {
    const all = await traces();
    const [byId, byLink] = LOG_PHASE_PAIR;
    const first = summarizeTrace(all.get(byId!.logTraceId)!);
    expect(isLogPhaseRoot(first.rootName)).toBe(true);
    expect(first).toMatchObject({ rootName: 'kong.phase.log', requestId: byId!.requestId, requestTraceId: byId!.traceId });
    const second = summarizeTrace(all.get(byLink!.logTraceId)!);
    expect(second).toMatchObject({ requestId: null, requestTraceId: byLink!.traceId });
    const request = summarizeTrace(all.get(byId!.traceId)!);
    expect(isLogPhaseRoot(request.rootName)).toBe(false);
    expect(request.requestTraceId).toBeUndefined();
  });

  it('list as part of their request', async () => {
    const rows = [...(await traces()).values()].map((t) => summarizeTrace(t));
    const links = logPhaseRequests(rows);
    expect(links.size).toBe(2);
    for (const p of LOG_PHASE_PAIR) expect(links.get(p.logTraceId)?.traceId).toBe(p.traceId);
  });

  it('draw with their request: one group in the waterfall, on its clock, and a log stage on the map', async () => {
    const all = await traces();
    const p = LOG_PHASE_PAIR[0]!;
    const request = all.get(p.traceId)!;
    const log = all.get(p.logTraceId)!;
    const merged = withLogPhase(request, [log]);
    expect(merged.traceId).toBe(p.traceId);
    expect(merged.spans).toHaveLength(request.spans.length + log.spans.length + 1);
    const group = merged.spans.find((s) => s.name === LOG_PHASE_GROUP)!;
    expect(group.parentSpanId).toBe('');
    const logRoot = merged.spans.find((s) => s.name === 'kong.phase.log')!;
    expect(logRoot.parentSpanId).toBe(group.spanId);
    // the log phase starts 0.2 ms after the request's root span ends
    const root = merged.spans.find((s) => s.name === 'kong')!;
    expect(logRoot.start - (root.start + root.duration)).toBe(200_000);
    expect(group.start).toBe(logRoot.start);

    const map = buildTransactionMap(merged);
    if (map.kind !== 'kong') throw new Error('expected a Kong map');
    const stage = map.stages.at(-1)!;
    expect(stage.kind).toBe('log');
    expect(stage.nodes.map((n) => [n.label, n.durationNs])).toEqual([
      ['http-log', 1_800_000],
      ['analytics', 1_000_000],
    ]);
    // the request's own summary is untouched by what was appended
    expect(summarizeTrace(merged)).toMatchObject({ rootName: 'kong', requestId: p.requestId, durationMs: 40 });
  });

  it('alone still get a map: the log stage, not an empty picture', async () => {
    const map = buildTransactionMap((await traces()).get(LOG_PHASE_PAIR[1]!.logTraceId)!);
    if (map.kind !== 'kong') throw new Error('expected a Kong map');
    expect(map.stages.find((s) => s.kind === 'log')!.nodes.map((n) => n.label)).toEqual(['http-log', 'analytics']);
  });
});
