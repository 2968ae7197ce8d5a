/**
 * The transaction map model (domain.md section 3): the request's path through the gateway, left to
 * right, as stages of nodes with durations and the spans they stand for. Pure data; the renderer lays
 * it out and draws it.
 *
 * client -> client out -> request group -> connect (upstream in) -> upstream (its round trip) ->
 * response group -> client in -> client
 *
 * A trace with no Kong spans gets a "top spans by self time" summary instead.
 */
import type { Span, TraceSpans } from '../model/types';
import { pluginExitOf } from './plugin-exit';
import { classifySpanName, REQUEST_PHASES, RESPONSE_PHASES, UPSTREAM_SETUP_STEPS, UPSTREAM_STEP_LABELS, upstreamStepOf } from './span-names';
import { attrString } from './summary';
import { indexSpans, selfTime, unionLength, walkDown, descendants, type SpanIndex } from './span-walk';

export type StageKind =
  | 'client'
  | 'client-out'
  | 'request'
  | 'upstream-in'
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
  /** what the node's time is made of (the upstream's steps), in start order */
  parts?: { label: string; durationNs: number; spanId: string }[];
}

export interface MapStage {
  kind: StageKind;
  label: string;
  /** sum of the nodes' durations; null for the client endpoints */
  durationNs: number | null;
  nodes: MapNode[];
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
  'upstream-in': 'Connect',
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

export function buildTransactionMap(trace: TraceSpans): TransactionMap {
  const index = indexSpans(trace.spans);
  if (!isKongTrace(trace)) return genericSummary(index, trace.spans);
  return kongMap(index);
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

function kongMap(index: SpanIndex): TransactionMap {
  const clientOut: Span[] = [];
  const clientIn: Span[] = [];
  const requestSpans: Span[] = [];
  const responseSpans: Span[] = [];
  const unplaced: Span[] = [];
  const logSpans: Span[] = [];
  const setup: Span[] = [];
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
        ((UPSTREAM_SETUP_STEPS as readonly string[]).includes(k.step) ? setup : roundTrip).push(span);
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
  const stages: MapStage[] = [
    endpoint('client'),
    stage('client-out', clientOut.sort(byStart).map((s) => node(s, s.duration))),
    stage('request', requestSpans.sort(byStart).map((s) => node(s, ownTime(index, s)))),
    stage('upstream-in', setup.sort(byStart).map((s) => node(s, s.duration))),
    stage('upstream', [upstreamNode(roundTrip, upstreamAll)]),
    stage('response', responseSpans.sort(byStart).map((s) => node(s, ownTime(index, s)))),
    stage('client-in', clientIn.sort(byStart).map((s) => node(s, s.duration))),
    endpoint('client-end'),
  ];
  if (logSpans.length > 0) stages.push(stage('log', logSpans.sort(byStart).map((s) => node(s, ownTime(index, s)))));

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
function ownTime(index: SpanIndex, span: Span): number {
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

/**
 * The upstream itself: its round trip from our request going out to the last byte of its response
 * (sending, waiting for headers, reading the body, or the OpenTelemetry plugin's one `kong.balancer` span).
 * Gateway versions put the wait for the answer in different spans (3.9 in reading the body, 3.10 in
 * sending), so only the whole round trip means the same thing everywhere. The steps are kept as parts.
 */
function upstreamNode(roundTrip: Span[], upstreamAll: Span[]): MapNode {
  const start = Math.min(...roundTrip.map((s) => s.start));
  const end = Math.max(...roundTrip.map((s) => s.start + s.duration));
  let host: string | null = null;
  for (const s of upstreamAll) {
    host = attrString(s.attributes, 'network.peer.name', 'net.peer.name', 'proxy.kong.upstream.host', 'network.peer.address', 'net.peer.ip') ?? host;
  }
  const steps = [...roundTrip].sort((a, b) => a.start - b.start);
  return {
    id: 'upstream',
    label: 'upstream',
    detail: host,
    bucket: 'upstream',
    durationNs: roundTrip.length > 0 ? Math.max(0, end - start) : 0,
    // clicking the node selects its slowest step
    spanIds: [...steps].sort((a, b) => b.duration - a.duration).map((s) => s.spanId),
    parts: steps.map((s) => ({ label: UPSTREAM_STEP_LABELS[upstreamStepOf(s.name) ?? 'round-trip'], durationNs: s.duration, spanId: s.spanId })),
    weight: 0,
  };
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

function stage(kind: StageKind, all: MapNode[]): MapStage {
  const nodes = capNodes(kind, all);
  return { kind, label: STAGE_LABELS[kind], durationNs: nodes.reduce((sum, n) => sum + (n.durationNs ?? 0), 0), nodes };
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
