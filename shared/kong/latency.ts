/**
 * The one latency model (issue 14): where a request's time went, as gateway, upstream and client time.
 *
 * It is read off the partition of the root span's time (phase-times.ts, the phase bar's buckets):
 * upstream = connecting, sending, waiting for and reading the response (whatever the gateway version
 * names those spans), client = reading from and writing to the client, gateway = every phase bucket and
 * the time no span explains. So gateway + upstream + client = total, always, and "total" is the root
 * span's duration (the trace's extent when it has no root).
 *
 * Kong's own figures (`proxy.kong.latency.*`, the 3.9 `*_ms` ones) are kept beside the model as
 * "reported by Kong", never mixed into it; a difference above 5% and 1 ms is put in words.
 */
import type { TraceSpans, TraceSummary } from '../model/types';
import { formatDuration } from '../util/duration';
import { phasePartition, type PhaseTime, type UpstreamPart } from './phase-times';
import { rootFields, findRoot } from './summary';

export type LatencyPart = 'total' | 'gateway' | 'upstream' | 'client';
export const LATENCY_PARTS: readonly LatencyPart[] = ['total', 'gateway', 'upstream', 'client'];

/** Milliseconds per part; null where not known (reported figures the gateway did not send). */
export type LatencyMs<T = number> = Record<LatencyPart, T>;

export interface LatencyMismatch {
  part: LatencyPart;
  modelMs: number;
  reportedMs: number;
  /** "Kong reported upstream 0 µs; the spans show 3.05 s" */
  text: string;
}

export interface LatencyModel {
  /** what "total" is measured on */
  clock: 'root span' | 'trace extent';
  rootSpanId: string | null;
  totalNs: number;
  gatewayNs: number;
  upstreamNs: number;
  clientNs: number;
  /** the partition the parts are read from (the phase bar) */
  phases: PhaseTime[];
  /** the upstream time split by step; adds up to upstreamNs */
  upstreamSteps: { step: UpstreamPart; ns: number }[];
  /** false when no span of the upstream exchange exists: the request ended in the gateway */
  reachedUpstream: boolean;
  /** Kong's own figures, reported by the gateway on the root span */
  reported: LatencyMs<number | null>;
  /** 'reported' when the gateway reported its own total latency beside the model, else 'derived' */
  source: 'reported' | 'derived';
  mismatches: LatencyMismatch[];
}

/** Above both of these a difference between the model and Kong's figure is pointed out. */
const MISMATCH_RATIO = 0.05;
const MISMATCH_MS = 1;

export const PART_LABELS: Record<LatencyPart, string> = { total: 'total', gateway: 'gateway', upstream: 'upstream', client: 'client' };

/** Kong's reported latencies from the fields a summary reads off the root's attributes. */
export function reportedLatency(s: Pick<TraceSummary, 'latencyTotalMs' | 'latencyInternalMs' | 'latencyUpstreamMs' | 'latencyClientMs'>): LatencyMs<number | null> {
  return { total: s.latencyTotalMs, gateway: s.latencyInternalMs, upstream: s.latencyUpstreamMs, client: s.latencyClientMs };
}

/** The differences between the model and Kong's figures worth a sentence. */
export function latencyMismatches(model: LatencyMs, reported: LatencyMs<number | null>): LatencyMismatch[] {
  const out: LatencyMismatch[] = [];
  for (const part of LATENCY_PARTS) {
    const r = reported[part];
    if (r === null) continue;
    const m = model[part];
    const diff = Math.abs(m - r);
    if (diff > MISMATCH_MS && diff > MISMATCH_RATIO * Math.max(Math.abs(r), Math.abs(m))) {
      out.push({
        part,
        modelMs: m,
        reportedMs: r,
        text: `Kong reported ${PART_LABELS[part]} ${formatDuration(r * 1e6)}; the spans show ${formatDuration(m * 1e6)}`,
      });
    }
  }
  return out;
}

export function latencyModel(trace: TraceSpans): LatencyModel {
  const p = phasePartition(trace);
  const bucket = (key: string) => p.times.find((t) => t.key === key)?.ns ?? 0;
  const upstreamNs = bucket('upstream');
  const clientNs = bucket('client');
  const gatewayNs = p.totalNs - upstreamNs - clientNs;
  const root = findRoot(trace);
  const reported = reportedLatency(rootFields(root?.attributes ?? {}));
  const modelMs = { total: p.totalNs / 1e6, gateway: gatewayNs / 1e6, upstream: upstreamNs / 1e6, client: clientNs / 1e6 };
  return {
    clock: p.clock,
    rootSpanId: p.rootSpanId,
    totalNs: p.totalNs,
    gatewayNs,
    upstreamNs,
    clientNs,
    phases: p.times,
    upstreamSteps: p.upstreamSteps,
    reachedUpstream: p.hasUpstreamSpans,
    reported,
    source: reported.total !== null ? 'reported' : 'derived',
    mismatches: latencyMismatches(modelMs, reported),
  };
}

/** The model in milliseconds rounded to the microsecond, gateway taking the rounding so the parts still add up. */
export function modelMs(m: Pick<LatencyModel, 'totalNs' | 'upstreamNs' | 'clientNs'>): LatencyMs {
  const us = (ns: number) => Math.round(ns / 1e3);
  const total = us(m.totalNs);
  const upstream = us(m.upstreamNs);
  const client = us(m.clientNs);
  return { total: total / 1e3, gateway: (total - upstream - client) / 1e3, upstream: upstream / 1e3, client: client / 1e3 };
}

export const UPSTREAM_PART_LABELS: Record<UpstreamPart, string> = {
  connect: 'connect',
  send: 'send',
  ttfb: 'time to first byte',
  body: 'body',
  'round trip': 'round trip',
};
