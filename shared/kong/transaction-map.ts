/**
 * The transaction map model (domain.md section 3): the request's path through the gateway, left to
 * right, as stages of nodes with durations and the spans they stand for. Pure data; the renderer lays
 * it out and draws it.
 *
 * client -> client out -> request group -> upstream -> response group -> client in -> client
 *
 * The upstream is one stage whose nodes are its steps (connect, send, time to first byte, body, or the
 * OpenTelemetry plugin's one round trip) with the latency model's figures (latency.ts), so the map says
 * what the tiles say; a request that never reached an upstream says so instead of drawing a 0 µs node.
 * Stage headers carry the model's time of the stage (the phase buckets of its phases, the client's reads
 * or writes, the upstream), not a sum of spans.
 *
 * A trace with no Kong spans gets a "top spans by self time" summary instead.
 */
import type { Span, TraceSpans } from '../model/types';
import { latencyModel } from './latency';
import { phasePartition, upstreamPartOf, type PhasePartition, type UpstreamPart } from './phase-times';
import { pluginExitOf } from './plugin-exit';
import { classifySpanName, REQUEST_PHASES, RESPONSE_PHASES, UPSTREAM_STEP_LABELS } from './span-names';
import { attrString } from './summary';
import { selfTime, spanIndex, type SpanIndex } from '../model/span-index';
import { unionLength, walkDown, descendants } from './span-walk';

export type StageKind =
  | 'client'
  | 'client-out'
  | 'request'
  | 'upstream'
  | 'response'
  | 'client-in'
  | 'client-end'
  /** after the response: log plugins and analytics (drawn only when the trace has them) */
  | 'log';

export interface MapNode {
  /** stable within the trace: the span id, or the stage kind for synthetic nodes */
  id: string;
  label: string;
  /** a second line: the plugin's phase, the upstream host... */
  detail: string | null;
  /** colour bucket: a phase name, 'upstream', 'client' or 'other' */
  bucket: string;
  /** null for the client endpoints, which have no time of their own */
  durationNs: number | null;
  /** the spans this node stands for; clicking the node selects the first */
  spanIds: string[];
  /** 0..1 on a log scale across the map's nodes; 1 is the slowest */
  weight: number;
}

export interface MapStage {
  kind: StageKind;
  label: string;
  /** the latency model's time of the stage; null for the client endpoints */
  durationNs: number | null;
  nodes: MapNode[];
  /** why the stage has no nodes, when that is worth saying ("no upstream: the request ended in the gateway") */
  emptyText?: string;
}

export interface TopSpan {
  spanId: string;
  name: string;
  selfNs: number;
  durationNs: number;
  weight: number;
}

export type TransactionMap =
  | { kind: 'kong'; stages: MapStage[]; slowestNodeId: string | null }
  | { kind: 'generic'; top: TopSpan[]; slowestNodeId: string | null };

const STAGE_LABELS: Record<StageKind, string> = {
  client: 'Client',
  'client-out': 'Client out',
  request: 'Request',
  upstream: 'Upstream',
  response: 'Response',
  'client-in': 'Client in',
  'client-end': 'Client',
  log: 'Log phase',
};

/** Below this, durations are indistinguishable on the log scale (1 µs). */
const WEIGHT_FLOOR_NS = 1_000;
const TOP_SPANS = 8;

export function isKongTrace(trace: TraceSpans): boolean {
  return trace.spans.some((s) => classifySpanName(s.name).kind !== 'other');
}

/** Log-scale weight of each duration between a 1 µs floor and the largest: the slowest gets 1. */
export function logWeights(durations: readonly number[]): number[] {
  const max = Math.max(WEIGHT_FLOOR_NS, ...durations);
  const span = Math.log(max) - Math.log(WEIGHT_FLOOR_NS);
  return durations.map((d) => {
    if (!(d > WEIGHT_FLOOR_NS) || span <= 0) return d > 0 && span <= 0 ? 1 : 0;
    return Math.min(1, (Math.log(d) - Math.log(WEIGHT_FLOOR_NS)) / span);
  });
}

/** The map of one trace object, built once: the map view and the verdict both read it (traces do not change once decoded). */
const maps = new WeakMap<TraceSpans, TransactionMap>();

export function buildTransactionMap(trace: TraceSpans): TransactionMap {
  let map = maps.get(trace);
  if (!map) {
    map = build(trace);
    maps.set(trace, map);
  }
  return map;
}

function build(trace: TraceSpans): TransactionMap {
  const index = spanIndex(trace);
  if (!isKongTrace(trace)) return genericSummary(index, trace.spans);
  return kongMap(index, phasePartition(trace), latencyModel(trace).upstreamNs);
}

/**
 * What a span is nested in, as far as the map cares: it draws only spans not already inside a drawn one.
 * `pluginEnd` is the end of the plugin span around it (a child that outlives it is drawn on its own);
 * `inUpstream` is set below an upstream span (its nested tries name the peer but are not drawn).
 */
interface Owner {
  pluginEnd: number | null;
  pluginPhase: string | null;
  inUpstream: boolean;
}

function kongMap(index: SpanIndex, partition: PhasePartition, upstreamNs: number): TransactionMap {
  const clientOut: Span[] = [];
  const clientIn: Span[] = [];
  const requestSpans: Span[] = [];
  const responseSpans: Span[] = [];
  const unplaced: Span[] = [];
  const logSpans: Span[] = [];
  // the upstream's top-level spans past choosing a target and connecting: where the response side begins
  const roundTrip: Span[] = [];
  const upstreamAll: Span[] = [];
  const phaseOfNode = new Map<string, string>();

  const top: Owner = { pluginEnd: null, pluginPhase: null, inUpstream: false };
  walkDown<Owner>(index, top, (span, owner) => {
    const k = classifySpanName(span.name);
    const end = span.start + span.duration;
    if (k.kind === 'client-read') {
      clientOut.push(span);
      return owner;
    }
    if (k.kind === 'client-write') {
      clientIn.push(span);
      return owner;
    }
    if (owner.pluginEnd !== null) {
      // work a plugin started that goes on after it returned (an agent call...) is drawn where it ran
      if (end <= owner.pluginEnd || k.kind === 'plugin') return owner;
      unplaced.push(span);
      phaseOfNode.set(span.spanId, owner.pluginPhase ?? 'other');
      return { ...owner, pluginEnd: end };
    }
    switch (k.kind) {
      case 'plugin':
        if ((REQUEST_PHASES as readonly string[]).includes(k.phase)) requestSpans.push(span);
        else if ((RESPONSE_PHASES as readonly string[]).includes(k.phase)) responseSpans.push(span);
        else if (k.phase === 'log') logSpans.push(span);
        else unplaced.push(span);
        return { ...owner, pluginEnd: end, pluginPhase: k.phase };
      case 'analytics':
        logSpans.push(span);
        return { ...owner, pluginEnd: end, pluginPhase: 'log' };
      case 'router':
      case 'dns':
        if (!owner.inUpstream) requestSpans.push(span);
        return owner;
      case 'upstream':
        upstreamAll.push(span);
        if (owner.inUpstream) return owner;
        if (k.step !== 'select' && k.step !== 'connect') roundTrip.push(span);
        return { ...owner, inUpstream: true };
      default:
        return owner;
    }
  });

  // plugins of phases the catalogue does not know, and work that outlived its plugin, go to whichever side
  // of the upstream they started on
  const boundary = Math.min(...roundTrip.map((s) => s.start), ...responseSpans.map((s) => s.start));
  for (const s of unplaced) (s.start < boundary ? requestSpans : responseSpans).push(s);

  const byStart = (a: Span, b: Span) => a.start - b.start;
  const node = (s: Span, ns: number) => spanNode(s, ns, phaseOfNode.get(s.spanId));
  const bucket = (keys: readonly string[]) => partition.times.filter((t) => keys.includes(t.key)).reduce((sum, t) => sum + t.ns, 0);
  const stages: MapStage[] = [
    endpoint('client'),
    stage('client-out', clientOut.sort(byStart).map((s) => node(s, s.duration)), partition.clientSteps.read),
    stage('request', requestSpans.sort(byStart).map((s) => node(s, ownTime(index, s))), bucket(REQUEST_PHASES)),
    // the latency model's upstream figure, the one of the tiles and the list
    upstreamStage(partition, upstreamAll, upstreamNs),
    stage('response', responseSpans.sort(byStart).map((s) => node(s, ownTime(index, s))), bucket(RESPONSE_PHASES)),
    stage('client-in', clientIn.sort(byStart).map((s) => node(s, s.duration)), partition.clientSteps.write),
    endpoint('client-end'),
  ];
  if (logSpans.length > 0) {
    // after the response: outside the root span, so outside the phase partition; the stage is its nodes' sum
    const logNodes = logSpans.sort(byStart).map((s) => node(s, ownTime(index, s)));
    stages.push(stage('log', logNodes, logNodes.reduce((sum, n) => sum + (n.durationNs ?? 0), 0)));
  }

  const nodes = stages.flatMap((st) => st.nodes).filter((n) => n.durationNs !== null);
  const weights = logWeights(nodes.map((n) => n.durationNs ?? 0));
  let slowest: MapNode | null = null;
  nodes.forEach((n, i) => {
    n.weight = weights[i]!;
    if ((n.durationNs ?? 0) > 0 && (!slowest || (n.durationNs ?? 0) > (slowest.durationNs ?? 0))) slowest = n;
  });
  return { kind: 'kong', stages, slowestNodeId: (slowest as MapNode | null)?.id ?? null };
}

/**
 * A plugin's time without the client reads nested inside it: a plugin that reads the request body
 * should not be blamed for a slow client.
 */
export function ownTime(index: SpanIndex, span: Span): number {
  if (classifySpanName(span.name).kind !== 'plugin') return span.duration;
  const reads = descendants(index, span)
    .filter((d) => classifySpanName(d.name).kind === 'client-read')
    .map((d) => [d.start, d.start + d.duration] as const);
  return Math.max(0, span.duration - unionLength(reads, span.start, span.start + span.duration));
}

function spanNode(span: Span, durationNs: number, outlivedPhase?: string): MapNode {
  const k = classifySpanName(span.name);
  let label = span.name.replace(/^kong\./, '');
  let detail: string | null = null;
  let bucket = outlivedPhase ?? 'other';
  if (outlivedPhase) detail = 'after its plugin';
  switch (k.kind) {
    case 'plugin':
      label = k.operation ? `${k.plugin} ${k.operation}` : k.plugin;
      detail = pluginDetail(span, k.phase);
      bucket = k.phase;
      break;
    case 'client-read':
      label = k.part === 'tls' ? 'TLS handshake' : k.part === 'headers' ? 'read headers' : 'read body';
      bucket = 'client';
      break;
    case 'client-write':
      label = 'wait for client';
      bucket = 'client';
      break;
    case 'analytics':
      label = 'analytics';
      bucket = 'log';
      break;
    case 'router':
      label = 'router';
      bucket = 'access';
      break;
    case 'dns':
      label = 'DNS';
      detail = attrString(span.attributes, 'proxy.kong.dns.domain', 'proxy.kong.dns.record.domain', 'dns.record.domain');
      bucket = 'access';
      break;
    case 'upstream':
      label = UPSTREAM_STEP_LABELS[k.step];
      bucket = 'upstream';
      break;
  }
  return { id: span.spanId, label, detail, bucket, durationNs, spanIds: [span.spanId], weight: 0 };
}

/** The plugin's phase, and the status it answered with when it ended the request (3.14+). */
function pluginDetail(span: Span, phase: string): string {
  const exit = pluginExitOf(span);
  return exit?.status != null ? `${phase} · answered ${exit.status}` : phase;
}

const PART_LABELS: Record<UpstreamPart, string> = {
  connect: 'connect',
  send: 'send',
  ttfb: 'time to first byte',
  body: 'body',
  'round trip': 'round trip',
};

/**
 * The upstream stage: one node per part of the exchange with the model's time of that part, linked to
 * the part's longest span (the wait before the first byte may be covered by no span of its own: it then
 * links to the span that read the headers, or to none). The first node names the upstream host.
 */
function upstreamStage(partition: PhasePartition, upstreamAll: Span[], upstreamNs: number): MapStage {
  if (!partition.hasUpstreamSpans) {
    return { kind: 'upstream', label: STAGE_LABELS.upstream, durationNs: 0, nodes: [], emptyText: 'no upstream: the request ended in the gateway' };
  }
  let host: string | null = null;
  const spansOf = new Map<UpstreamPart, Span>();
  for (const s of upstreamAll) {
    host = attrString(s.attributes, 'network.peer.name', 'net.peer.name', 'proxy.kong.upstream.host', 'network.peer.address', 'net.peer.ip') ?? host;
    const part = upstreamPartOf(s.name);
    const cur = part ? spansOf.get(part) : undefined;
    if (part && (!cur || s.duration > cur.duration)) spansOf.set(part, s);
  }
  const nodes: MapNode[] = partition.upstreamSteps.map(({ step, ns }, i) => {
    const span = spansOf.get(step);
    return { id: `upstream:${step}`, label: PART_LABELS[step], detail: i === 0 ? host : null, bucket: 'upstream', durationNs: ns, spanIds: span ? [span.spanId] : [], weight: 0 };
  });
  return { kind: 'upstream', label: STAGE_LABELS.upstream, durationNs: upstreamNs, nodes };
}

/**
 * A stage draws at most this many nodes: the slowest, in start order, and one "N more" node standing for
 * the rest. A map is read at a glance; a trace with thousands of plugin spans must not draw thousands of
 * boxes (it also made every layout of the page slow).
 */
export const MAX_STAGE_NODES = 12;

function capNodes(kind: StageKind, nodes: MapNode[]): MapNode[] {
  if (nodes.length <= MAX_STAGE_NODES) return nodes;
  const keep = new Set(
    [...nodes]
      .sort((a, b) => (b.durationNs ?? 0) - (a.durationNs ?? 0))
      .slice(0, MAX_STAGE_NODES - 1)
      .map((n) => n.id),
  );
  const rest = nodes.filter((n) => !keep.has(n.id));
  const more: MapNode = {
    id: `${kind}:more`,
    label: `${rest.length} more`,
    detail: 'faster spans',
    bucket: rest[0]?.bucket ?? 'other',
    durationNs: rest.reduce((sum, n) => sum + (n.durationNs ?? 0), 0),
    spanIds: rest.flatMap((n) => n.spanIds),
    weight: 0,
  };
  return [...nodes.filter((n) => keep.has(n.id)), more];
}

function stage(kind: StageKind, all: MapNode[], durationNs: number): MapStage {
  return { kind, label: STAGE_LABELS[kind], durationNs, nodes: capNodes(kind, all) };
}

function endpoint(kind: 'client' | 'client-end'): MapStage {
  return {
    kind,
    label: STAGE_LABELS[kind],
    durationNs: null,
    nodes: [{ id: kind, label: 'client', detail: null, bucket: 'client', durationNs: null, spanIds: [], weight: 0 }],
  };
}

function genericSummary(index: SpanIndex, spans: readonly Span[]): TransactionMap {
  const ranked = spans
    .map((s) => ({ spanId: s.spanId, name: s.name, selfNs: selfTime(index, s), durationNs: s.duration, weight: 0 }))
    .sort((a, b) => b.selfNs - a.selfNs)
    .slice(0, TOP_SPANS);
  const weights = logWeights(ranked.map((r) => r.selfNs));
  ranked.forEach((r, i) => (r.weight = weights[i]!));
  return { kind: 'generic', top: ranked, slowestNodeId: ranked[0]?.spanId ?? null };
}
