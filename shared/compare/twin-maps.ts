/**
 * Twin transaction maps (insights.md, "Comparing two requests"): A's and B's maps with the same node
 * positions, each node `A -> B (delta)`, and a node that is in one map only drawn as a ghost in the other,
 * named ("only in B: jwt"). Nodes are matched through the alignment (a plugin's node stands for its span,
 * and the span's row says which span it is on the other side); the upstream steps, the endpoints and a
 * stage's "N more" node by their own ids. The change rule is the alignment's (`isChange`).
 */
import type { MapNode, MapStage, TransactionMap } from '../kong/transaction-map';
import type { TraceSpans } from '../model/types';
import { isChange, type Alignment, type RowChange } from './align';

export interface TwinNode {
  /** the same on both sides: the aligned row's key, or the node's own id for synthetic nodes */
  key: string;
  a: MapNode | null;
  b: MapNode | null;
  /** B minus A in ns, a missing side counting as 0; 0 for the endpoints */
  deltaNs: number;
  change: RowChange;
}

export interface TwinStage {
  kind: MapStage['kind'];
  stageA: MapStage | null;
  stageB: MapStage | null;
  nodes: TwinNode[];
}

export interface TwinMaps {
  stages: TwinStage[];
  /** each side's map as drawn: the merged stages, with a ghost (no spans, id `ghost:<key>`) where that side has no such node */
  a: TransactionMap & { kind: 'kong' };
  b: TransactionMap & { kind: 'kong' };
  /** what each drawn node is, by its id on that side */
  byIdA: Map<string, TwinNode>;
  byIdB: Map<string, TwinNode>;
}

/** A node stands for one span when its id is that span's id. */
const spanOf = (n: MapNode): string | null => (n.spanIds.length === 1 && n.spanIds[0] === n.id ? n.id : null);

/** Merges two sequences of keys: B's order, each key only in A placed after the last key both share before it. */
function mergeOrder(a: readonly string[], b: readonly string[]): string[] {
  const out = [...b];
  const inB = new Set(b);
  let at = -1;
  for (const k of a) {
    if (inB.has(k)) at = out.indexOf(k);
    else out.splice(++at, 0, k);
  }
  return out;
}

/** Null unless both maps are Kong maps (a generic "top spans" summary has no stages to line up). */
export function twinMaps(mapA: TransactionMap, mapB: TransactionMap, alignment: Alignment, traceA: TraceSpans, traceB: TraceSpans): TwinMaps | null {
  if (mapA.kind !== 'kong' || mapB.kind !== 'kong') return null;
  const rowKeyA = new Map<string, string>();
  const rowKeyB = new Map<string, string>();
  for (const r of alignment.rows) {
    if (r.a >= 0) rowKeyA.set(traceA.spans[r.a]!.spanId, r.key);
    if (r.b >= 0) rowKeyB.set(traceB.spans[r.b]!.spanId, r.key);
  }
  const keyOf = (n: MapNode, rowKey: Map<string, string>) => {
    const s = spanOf(n);
    return (s !== null ? rowKey.get(s) : undefined) ?? n.id;
  };

  const kinds = mergeOrder(
    mapA.stages.map((s) => s.kind),
    mapB.stages.map((s) => s.kind),
  ) as MapStage['kind'][];
  const stages: TwinStage[] = [];
  const drawnA: MapStage[] = [];
  const drawnB: MapStage[] = [];
  const byIdA = new Map<string, TwinNode>();
  const byIdB = new Map<string, TwinNode>();
  for (const kind of kinds) {
    const stageA = mapA.stages.find((s) => s.kind === kind) ?? null;
    const stageB = mapB.stages.find((s) => s.kind === kind) ?? null;
    const nodesA = new Map((stageA?.nodes ?? []).map((n) => [keyOf(n, rowKeyA), n]));
    const nodesB = new Map((stageB?.nodes ?? []).map((n) => [keyOf(n, rowKeyB), n]));
    const nodes = mergeOrder([...nodesA.keys()], [...nodesB.keys()]).map((key): TwinNode => {
      const a = nodesA.get(key) ?? null;
      const b = nodesB.get(key) ?? null;
      const aNs = a?.durationNs ?? 0;
      const bNs = b?.durationNs ?? 0;
      const change: RowChange = !a ? 'added' : !b ? 'removed' : isChange(aNs / 1e6, bNs / 1e6) ? 'changed' : 'same';
      return { key, a, b, deltaNs: bNs - aNs, change };
    });
    stages.push({ kind, stageA, stageB, nodes });
    const ghost = (n: MapNode): MapNode => ({ ...n, id: `ghost:${n.id}`, spanIds: [], weight: 0 });
    const base = (stageA ?? stageB)!;
    drawnA.push({ ...(stageA ?? { ...base, durationNs: base.durationNs === null ? null : 0 }), nodes: nodes.map((t) => t.a ?? ghost(t.b!)) });
    drawnB.push({ ...(stageB ?? { ...base, durationNs: base.durationNs === null ? null : 0 }), nodes: nodes.map((t) => t.b ?? ghost(t.a!)) });
    nodes.forEach((t, i) => {
      byIdA.set(drawnA.at(-1)!.nodes[i]!.id, t);
      byIdB.set(drawnB.at(-1)!.nodes[i]!.id, t);
    });
  }
  return {
    stages,
    a: { kind: 'kong', stages: drawnA, slowestNodeId: mapA.slowestNodeId },
    b: { kind: 'kong', stages: drawnB, slowestNodeId: mapB.slowestNodeId },
    byIdA,
    byIdB,
  };
}
