/**
 * Twin maps (issue 20): both maps with the same node positions, each node A -> B with its delta, a node in
 * one trace only drawn as a ghost in the other.
 */
import { describe, expect, it } from 'vitest';
import { slowPluginWithRedis } from '../kong/testdata/cases';
import { buildTransactionMap } from '../kong/transaction-map';
import type { TraceSpans } from '../model/types';
import { alignTraces } from './align';
import { twinMaps } from './twin-maps';

const MS = 1e6;
const clone = (t: TraceSpans): TraceSpans => JSON.parse(JSON.stringify(t)) as TraceSpans;
const twins = (a: TraceSpans, b: TraceSpans) => twinMaps(buildTransactionMap(a), buildTransactionMap(b), alignTraces(a, b), a, b)!;
const shape = (m: { stages: { kind: string; nodes: unknown[] }[] }) => m.stages.map((s) => `${s.kind}:${s.nodes.length}`);

describe('twin maps', () => {
  it('a trace against itself: the same nodes in the same places, nothing changed, no ghosts', () => {
    const t = slowPluginWithRedis();
    const tw = twins(t, clone(t));
    expect(shape(tw.a)).toEqual(shape(tw.b));
    const nodes = tw.stages.flatMap((s) => s.nodes);
    expect(nodes.every((n) => n.change === 'same' && n.deltaNs === 0)).toBe(true);
    expect(tw.b.stages.flatMap((s) => s.nodes).some((n) => n.id.startsWith('ghost:'))).toBe(false);
  });

  it('a plugin 100 ms slower is that node, changed by +100 ms', () => {
    const a = slowPluginWithRedis();
    const b = clone(a);
    const rl = b.spans.find((s) => s.name === 'kong.access.plugin.rate-limiting')!;
    rl.duration += 100 * MS;
    const tw = twins(a, b);
    const changed = tw.stages.flatMap((s) => s.nodes).filter((n) => n.change === 'changed');
    expect(changed.map((n) => n.b!.label)).toEqual(['rate-limiting']);
    expect(changed[0]!.deltaNs).toBe(100 * MS);
  });

  it('a plugin only in B is a ghost in the same place on A, named', () => {
    const a = slowPluginWithRedis();
    const b = clone(a);
    const access = b.spans.find((s) => s.name === 'kong.phase.access')!;
    b.spans.push({ ...access, spanId: 'jwt1', parentSpanId: access.spanId, name: 'kong.access.plugin.jwt', start: access.start + 0.7 * MS, duration: 0.05 * MS });
    const tw = twins(a, b);
    expect(shape(tw.a)).toEqual(shape(tw.b));
    const req = tw.stages.find((s) => s.kind === 'request')!;
    const i = req.nodes.findIndex((n) => n.change === 'added');
    expect(req.nodes[i]!.b!.label).toBe('jwt');
    const ghost = tw.a.stages.find((s) => s.kind === 'request')!.nodes[i]!;
    expect(ghost.id).toBe('ghost:jwt1');
    expect(ghost.spanIds).toEqual([]);
    expect(tw.byIdA.get(ghost.id)!.change).toBe('added');
  });
});
