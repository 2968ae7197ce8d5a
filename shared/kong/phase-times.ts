/**
 * Where the request's time went, one bucket per gateway phase plus the upstream, the client and the
 * rest: the data behind the stacked bar beside the transaction map (domain.md section 3).
 *
 * Every instant of the root span is given to exactly one bucket, so the buckets add up to the total:
 * client I/O wins over everything (a plugin reading a slow client's body is client time), then the
 * phase the instant falls in (header_filter and body_filter run while the upstream body still streams,
 * and that work is the gateway's), then the upstream (including the wait between sending the request
 * and reading the response); instants no span explains are "other".
 */
import type { TraceSpans } from '../model/types';
import { classifySpanName, PHASES, upstreamStepOf, type KongSpanKind, type UpstreamStep } from './span-names';
import { findRoot } from './summary';

export type PhaseBucket = string;

export interface PhaseTime {
  /** 'client', 'upstream', a phase name (known or not) or 'other' */
  key: PhaseBucket;
  ns: number;
}

/** Lifecycle order of the bar; unknown phases go before 'client'. */
export const PHASE_ORDER: readonly string[] = ['certificate', 'rewrite', 'access', 'upstream', 'response', 'header_filter', 'body_filter', 'log'];

interface Interval {
  start: number;
  end: number;
  /** lower wins */
  priority: number;
  key: string;
}

/** The upstream's own steps as the model splits its time, in order (the map's upstream nodes). */
export const UPSTREAM_PARTS = ['connect', 'send', 'ttfb', 'body', 'round trip'] as const;
export type UpstreamPart = (typeof UPSTREAM_PARTS)[number];

/**
 * The part of the upstream's time a span measures: choosing a target and connecting to it, sending,
 * waiting for and reading the headers (time to first byte), reading the body; the OpenTelemetry plugin's
 * `kong.balancer` is the whole round trip. Null for a span that is not an upstream span. (span-names.ts
 * knows what each gateway version calls these spans.)
 */
export function upstreamPartOf(name: string): UpstreamPart | null {
  const step = upstreamStepOf(name);
  if (step === null) return null;
  return PART_OF_STEP[step];
}

/** Which part of the upstream's time each upstream step is (the map's nodes, the breakdown's `upstream:` rows). */
export const PART_OF_STEP: Readonly<Record<UpstreamStep, UpstreamPart>> = {
  select: 'connect',
  connect: 'connect',
  send: 'send',
  'wait-for-headers': 'ttfb',
  'read-body': 'body',
  'round-trip': 'round trip',
};

/** Steps that take the request to the upstream, and steps that bring its answer back. */
const OUTBOUND = new Set<UpstreamStep>(['select', 'connect', 'send']);
const INBOUND = new Set<UpstreamStep>(['wait-for-headers', 'read-body']);

const UPSTREAM_PREFIX = 'upstream/';
const CLIENT_PREFIX = 'client/';

function bucketOf(k: KongSpanKind): { key: string; priority: number } | null {
  switch (k.kind) {
    case 'client-read':
      return { key: CLIENT_PREFIX + 'read', priority: 0 };
    case 'client-write':
      return { key: CLIENT_PREFIX + 'write', priority: 0 };
    case 'upstream':
      return { key: UPSTREAM_PREFIX + PART_OF_STEP[k.step], priority: 2 };
    case 'phase':
    case 'plugin':
      return { key: k.phase, priority: 1 };
    case 'analytics':
      return { key: 'log', priority: 1 };
    // routing and resolving the upstream are access-phase work; the OpenTelemetry plugin writes them
    // straight under the root with no phase span around them (inside a phase span, that phase wins the tie)
    case 'router':
    case 'dns':
      return { key: 'access', priority: 1 };
    default:
      return null;
  }
}

/** The partition of the root span's time: the phase bar's buckets and the upstream bucket's steps. */
export interface PhasePartition {
  /** what was partitioned: the root span, or the trace's extent when it has none */
  clock: 'root span' | 'trace extent';
  rootSpanId: string | null;
  /** the length partitioned (the buckets add up to it) */
  totalNs: number;
  times: PhaseTime[];
  /** the upstream bucket split by step, in UPSTREAM_PARTS order; adds up to the upstream bucket */
  upstreamSteps: { step: UpstreamPart; ns: number }[];
  /** the client bucket split: reading the request from it, writing the response to it */
  clientSteps: { read: number; write: number };
  /** whether the trace has any span of the upstream exchange (a request may end in the gateway) */
  hasUpstreamSpans: boolean;
}

/** Spans' time per bucket within the root span (or the trace's extent when it has no root). */
export function phaseTimes(trace: TraceSpans): PhaseTime[] {
  return phasePartition(trace).times;
}

/**
 * Traces are not changed once decoded, and one open trace is partitioned by the tiles, the bar, the map and
 * the verdict: computed once per trace object.
 */
const partitions = new WeakMap<TraceSpans, PhasePartition>();

export function phasePartition(trace: TraceSpans): PhasePartition {
  let p = partitions.get(trace);
  if (!p) {
    p = partition(trace);
    partitions.set(trace, p);
  }
  return p;
}

function partition(trace: TraceSpans): PhasePartition {
  const root = findRoot(trace);
  let lo = Infinity;
  let hi = -Infinity;
  if (root) {
    lo = root.start;
    hi = root.start + root.duration;
  } else {
    for (const s of trace.spans) {
      lo = Math.min(lo, s.start);
      hi = Math.max(hi, s.start + s.duration);
    }
  }
  const clock = root ? 'root span' : 'trace extent';
  const rootSpanId = root?.spanId ?? null;
  if (!(hi > lo)) return { clock, rootSpanId, totalNs: 0, times: [], upstreamSteps: [], clientSteps: { read: 0, write: 0 }, hasUpstreamSpans: false };

  const intervals: Interval[] = [];
  let upInEnd = -Infinity;
  let upOutStart = Infinity;
  let hasUpstreamSpans = false;
  for (const s of trace.spans) {
    const k = classifySpanName(s.name);
    const b = bucketOf(k);
    if (!b) continue;
    intervals.push({ start: s.start, end: s.start + s.duration, ...b });
    const step = k.kind === 'upstream' ? k.step : null;
    if (step && OUTBOUND.has(step)) upInEnd = Math.max(upInEnd, s.start + s.duration);
    if (step && INBOUND.has(step)) upOutStart = Math.min(upOutStart, s.start);
    if (step) hasUpstreamSpans = true;
  }
  // the upstream working between our request going out and its response coming back: time to first byte
  if (Number.isFinite(upInEnd) && upOutStart > upInEnd && Number.isFinite(upOutStart)) {
    intervals.push({ start: upInEnd, end: upOutStart, key: UPSTREAM_PREFIX + 'ttfb', priority: 2 });
  }

  const raw = new Map<string, number>();
  sweep(intervals, lo, hi, raw);
  const totals = new Map<string, number>();
  const steps = new Map<string, number>();
  const clientSteps = { read: 0, write: 0 };
  for (const [key, ns] of raw) {
    if (key.startsWith(UPSTREAM_PREFIX)) {
      steps.set(key.slice(UPSTREAM_PREFIX.length), ns);
      totals.set('upstream', (totals.get('upstream') ?? 0) + ns);
    } else if (key.startsWith(CLIENT_PREFIX)) {
      clientSteps[key === CLIENT_PREFIX + 'read' ? 'read' : 'write'] += ns;
      totals.set('client', (totals.get('client') ?? 0) + ns);
    } else totals.set(key, ns);
  }

  const known = new Set([...PHASE_ORDER, 'client', 'other']);
  const unknown = [...totals.keys()].filter((k) => !known.has(k)).sort();
  const keys = [...PHASE_ORDER, ...unknown, 'client', 'other'];
  return {
    clock,
    rootSpanId,
    totalNs: hi - lo,
    times: keys.filter((k) => (totals.get(k) ?? 0) > 0).map((key) => ({ key, ns: totals.get(key)! })),
    upstreamSteps: UPSTREAM_PARTS.filter((st) => (steps.get(st) ?? 0) > 0).map((step) => ({ step, ns: steps.get(step)! })),
    clientSteps,
    hasUpstreamSpans,
  };
}

/** Sweep-line over interval boundaries: each slice goes to the highest-priority active interval. */
function sweep(intervals: Interval[], lo: number, hi: number, totals: Map<string, number>): void {
  type Edge = { t: number; delta: 1 | -1; iv: Interval };
  const edges: Edge[] = [];
  for (const iv of intervals) {
    const a = Math.max(iv.start, lo);
    const b = Math.min(iv.end, hi);
    if (b <= a) continue;
    edges.push({ t: a, delta: 1, iv }, { t: b, delta: -1, iv });
  }
  edges.sort((x, y) => x.t - y.t);
  // active counts per (priority, key); the winner is the lowest priority, ties by earliest opened key
  const active = new Map<string, { priority: number; count: number; order: number }>();
  let order = 0;
  let t = lo;
  const add = (key: string, ns: number) => {
    if (ns > 0) totals.set(key, (totals.get(key) ?? 0) + ns);
  };
  const winner = (): string => {
    let best: { key: string; priority: number; order: number } | null = null;
    for (const [key, v] of active) {
      if (v.count <= 0) continue;
      if (!best || v.priority < best.priority || (v.priority === best.priority && v.order < best.order)) {
        best = { key, priority: v.priority, order: v.order };
      }
    }
    return best?.key ?? 'other';
  };
  for (const e of edges) {
    if (e.t > t) {
      add(winner(), e.t - t);
      t = e.t;
    }
    const cur = active.get(e.iv.key);
    if (cur) cur.count += e.delta;
    else active.set(e.iv.key, { priority: e.iv.priority, count: e.delta, order: order++ });
  }
  if (hi > t) add('other', hi - t);
}

/** The CSS variable that colours a bucket (the theme defines the known phases). */
export function phaseColorVar(key: string): string {
  if ((PHASES as readonly string[]).includes(key) || key === 'upstream' || key === 'client') return `--phase-${key}`;
  return '--phase-other';
}
