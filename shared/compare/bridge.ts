/**
 * The bridge from A's total to B's (insights.md, "Comparing two requests"): one step per bucket of the one
 * latency model's partition (shared/kong/latency.ts over phase-times.ts: the phase bar's buckets, the
 * upstream, the client, the time no span explains), so the steps' deltas add up exactly to the difference
 * of the totals. Nothing here measures time again: the figures are the model's, in whole microseconds, the
 * upstream and client buckets being the model's own parts and the gateway's buckets its gateway part
 * shared out to the microsecond (largest remainder), so gateway + upstream + client = total on each side.
 */
import { latencyModel, UPSTREAM_PART_LABELS, type LatencyModel } from '../kong/latency';
import { spanIndex } from '../model/span-index';
import type { TraceSpans } from '../model/types';
import { classifySpanName } from '../kong/span-names';
import { ownTime } from '../kong/transaction-map';

export type BridgePart = 'gateway' | 'upstream' | 'client';

export interface BridgeStep {
  /** a phase (`access`), `upstream`, `client` or `other` (time no span explains) */
  key: string;
  part: BridgePart;
  aMs: number;
  bMs: number;
  deltaMs: number;
  /** the upstream's steps (connect, send, time to first byte, body, round trip), or a gateway phase's plugins and the rest of the phase: adding up to the step */
  steps: { key: string; aMs: number; bMs: number; deltaMs: number }[];
}

export interface Bridge {
  aMs: number;
  bMs: number;
  /** B minus A: the sum of the steps' deltas, exactly (computed in microseconds) */
  deltaMs: number;
  steps: BridgeStep[];
}

/** Rounds `values` (not negative) to integers summing to `target` (largest remainder), none below zero. */
export function apportion(values: readonly number[], target: number): number[] {
  const out = values.map((v) => Math.floor(v));
  const n = out.length;
  if (n === 0) return out;
  let rest = target - out.reduce((a, b) => a + b, 0);
  const order = values.map((_, i) => i).sort((x, y) => values[y]! - out[y]! - (values[x]! - out[x]!) || x - y);
  for (let k = 0; rest > 0; k++, rest--) out[order[k % n]!]! += 1;
  for (let k = n - 1; rest < 0 && k >= 0; k--) {
    const i = order[k]!;
    const take = Math.min(out[i]!, -rest);
    out[i]! -= take;
    rest += take;
  }
  return out;
}

interface SideBuckets {
  totalUs: number;
  buckets: Map<string, number>;
  upstreamSteps: Map<string, number>;
}

/** One side's buckets in whole microseconds, adding up to the model's total. */
function bucketsUs(m: LatencyModel): SideBuckets {
  const us = (ns: number) => Math.round(ns / 1e3);
  const totalUs = us(m.totalNs);
  const upstreamUs = us(m.upstreamNs);
  const clientUs = us(m.clientNs);
  const gateway = m.phases.filter((p) => p.key !== 'upstream' && p.key !== 'client');
  const gatewayUs = totalUs - upstreamUs - clientUs;
  const shares = apportion(
    gateway.map((p) => p.ns / 1e3),
    gatewayUs,
  );
  const buckets = new Map<string, number>();
  for (const p of m.phases) {
    if (p.key === 'upstream') buckets.set('upstream', upstreamUs);
    else if (p.key === 'client') buckets.set('client', clientUs);
    else buckets.set(p.key, shares[gateway.indexOf(p)]!);
  }
  // rounding can leave a microsecond of gateway time with no bucket to hold it
  if (gateway.length === 0 && gatewayUs !== 0) buckets.set('other', gatewayUs);
  const stepShares = apportion(
    m.upstreamSteps.map((s) => s.ns / 1e3),
    upstreamUs,
  );
  const upstreamSteps = new Map(m.upstreamSteps.map((s, i) => [s.step as string, stepShares[i]!]));
  return { totalUs, buckets, upstreamSteps };
}

/** Keys of both sides in the order they come in, B's own keys placed after the key they follow in B. */
function mergeOrder(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  let after = -1;
  for (const k of b) {
    const at = out.indexOf(k);
    if (at >= 0) after = at;
    else out.splice(++after, 0, k);
  }
  return out;
}

const partOf = (key: string): BridgePart => (key === 'upstream' ? 'upstream' : key === 'client' ? 'client' : 'gateway');

export function bridgeOf(modelA: LatencyModel, modelB: LatencyModel): Bridge {
  const A = bucketsUs(modelA);
  const B = bucketsUs(modelB);
  const keys = mergeOrder([...A.buckets.keys()], [...B.buckets.keys()]);
  const stepKeys = mergeOrder([...A.upstreamSteps.keys()], [...B.upstreamSteps.keys()]);
  const steps: BridgeStep[] = keys.map((key) => {
    const a = A.buckets.get(key) ?? 0;
    const b = B.buckets.get(key) ?? 0;
    return {
      key,
      part: partOf(key),
      aMs: a / 1e3,
      bMs: b / 1e3,
      deltaMs: (b - a) / 1e3,
      steps:
        key === 'upstream'
          ? stepKeys.map((s) => {
              const sa = A.upstreamSteps.get(s) ?? 0;
              const sb = B.upstreamSteps.get(s) ?? 0;
              return { key: UPSTREAM_PART_LABELS[s as keyof typeof UPSTREAM_PART_LABELS] ?? s, aMs: sa / 1e3, bMs: sb / 1e3, deltaMs: (sb - sa) / 1e3 };
            })
          : [],
    };
  });
  return { aMs: A.totalUs / 1e3, bMs: B.totalUs / 1e3, deltaMs: (B.totalUs - A.totalUs) / 1e3, steps };
}

/**
 * Each plugin's time in a phase, in whole microseconds: the transaction map's figure of its node (`ownTime`,
 * without the client reads nested in it), summed over the plugin's spans of that phase.
 */
function pluginsUs(trace: TraceSpans): Map<string, Map<string, number>> {
  const index = spanIndex(trace);
  const out = new Map<string, Map<string, number>>();
  for (const s of trace.spans) {
    const k = classifySpanName(s.name);
    if (k.kind !== 'plugin' || k.operation !== null) continue;
    let phase = out.get(k.phase);
    if (!phase) out.set(k.phase, (phase = new Map()));
    phase.set(k.plugin, (phase.get(k.plugin) ?? 0) + Math.round(ownTime(index, s) / 1e3));
  }
  return out;
}

/**
 * The bridge of two traces: bridgeOf, with each gateway phase expandable into its plugins and the rest of
 * the phase (the phase's time no plugin accounts for), in microseconds, so a phase's steps add up to it
 * exactly on each side, as the upstream's steps do.
 */
export function traceBridge(a: TraceSpans, b: TraceSpans): Bridge {
  const bridge = bridgeOf(latencyModel(a), latencyModel(b));
  const pa = pluginsUs(a);
  const pb = pluginsUs(b);
  for (const step of bridge.steps) {
    if (step.part !== 'gateway') continue;
    const ofA = pa.get(step.key) ?? new Map<string, number>();
    const ofB = pb.get(step.key) ?? new Map<string, number>();
    const names = mergeOrder([...ofA.keys()], [...ofB.keys()]);
    if (names.length === 0) continue;
    const us = (ms: number) => Math.round(ms * 1e3);
    let restA = us(step.aMs);
    let restB = us(step.bMs);
    for (const name of names) {
      const x = ofA.get(name) ?? 0;
      const y = ofB.get(name) ?? 0;
      restA -= x;
      restB -= y;
      step.steps.push({ key: name, aMs: x / 1e3, bMs: y / 1e3, deltaMs: (y - x) / 1e3 });
    }
    step.steps.push({ key: `rest of ${step.key}`, aMs: restA / 1e3, bMs: restB / 1e3, deltaMs: (restB - restA) / 1e3 });
  }
  return bridge;
}
