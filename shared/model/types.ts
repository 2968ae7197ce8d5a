/**
 * The normalized trace model every decoder produces and every view reads.
 *
 * Times: nanosecond timestamps do not fit a double, so a trace keeps one exact base (`baseNs`, a decimal
 * string of Unix nanoseconds, the earliest span start) and every span and event stores its time as a
 * nanosecond offset from that base (`start`, `t`), which a double holds exactly for any realistic trace.
 * Durations are nanoseconds too. Ids are lowercase hex (32 chars for a trace, 16 for a span).
 */
import type { Breakdown } from '../insights/breakdown';

export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

/** OTLP span kinds, as the specification numbers them. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;
export type SpanKindNumber = (typeof SpanKind)[keyof typeof SpanKind];

/** OTLP status codes. */
export const StatusCode = { UNSET: 0, OK: 1, ERROR: 2 } as const;
export type StatusCodeNumber = (typeof StatusCode)[keyof typeof StatusCode];

export interface SpanEvent {
  /** nanoseconds after the trace's baseNs */
  t: number;
  name: string;
  attributes: Attributes;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

export interface Span {
  spanId: string;
  /** '' for a root span (OTLP's empty or all-zero parent) */
  parentSpanId: string;
  name: string;
  kind: SpanKindNumber;
  /** nanoseconds after the trace's baseNs */
  start: number;
  /** nanoseconds */
  duration: number;
  status: { code: StatusCodeNumber; message?: string };
  attributes: Attributes;
  events: SpanEvent[];
  links?: SpanLink[];
  /** index into TraceDoc.resources */
  resource: number;
  /** index into TraceDoc.scopes */
  scope: number;
  traceState?: string;
  /**
   * The producer gave no start time ('start': the span is drawn as an instant at its end), no end time
   * ('end': an instant at its start), or neither ('both': an instant at the trace's start). Such spans are
   * kept (Kong's own viewer shows them as incomplete); absent on a whole span.
   */
  incomplete?: SpanMissing;
}

/** Which of a span's times the producer did not give (see Span.incomplete). */
export type SpanMissing = 'start' | 'end' | 'both';

export interface Scope {
  name: string;
  version?: string;
  attributes?: Attributes;
}

/** One trace with all its spans: the unit the store writes and the views read. */
export interface TraceSpans {
  traceId: string;
  /** exact Unix nanoseconds, decimal string; span and event times are offsets from it */
  baseNs: string;
  resources: Attributes[];
  scopes: Scope[];
  spans: Span[];
}

export interface LogRecord {
  /** exact Unix nanoseconds, decimal string ('0' when the producer gave none) */
  timeNs: string;
  /** Unix milliseconds (fractional), for sorting and display */
  timeMs: number;
  /** OTLP severity number (Kong: debug 5, info 9, notice 11, warn 13, error 17, crit 19, alert 21, emerg 23) */
  severityNumber: number;
  severityText: string;
  body: AttrValue;
  /** '' when the record names no trace */
  traceId: string;
  /** '' when the record names no span */
  spanId: string;
  attributes: Attributes;
  resource: Attributes;
  scope?: Scope;
  observedTimeNs?: string;
  flags?: number;
}

export interface PayloadPart {
  headers: Record<string, string | string[]>;
  /** the body as text; absent when it was not captured */
  body?: string;
}

/** Captured request and response of one trace (domain.md section 7), already sanitized. */
export interface Payload {
  traceId: string;
  request: PayloadPart;
  response: PayloadPart;
}

/** Where a decoded record could not be used, and why: reported to the user as "skipped". */
export interface Skipped {
  /** "line 12", "byte 4096", "$.resourceSpans[0].scopeSpans[1].spans[3]" */
  where: string;
  reason: string;
}

/** The fields of a trace that the list shows, sorts and filters on, derived from its root span. */
export interface TraceSummary {
  traceId: string;
  rootName: string;
  /** Unix milliseconds of the earliest span */
  startMs: number;
  /** root span duration in ms (or the trace's extent when there is no root): the latency model's total */
  durationMs: number;
  /**
   * The latency model's parts in ms (shared/kong/latency.ts), adding up to durationMs; null in a row
   * stored before the model existed (the list then shows Kong's reported figures, labelled so).
   */
  gatewayMs: number | null;
  upstreamMs: number | null;
  clientMs: number | null;
  spanCount: number;
  errorCount: number;
  method: string | null;
  /** url.full without query, or the path when only that is known */
  url: string | null;
  path: string | null;
  route: string | null;
  routeId: string | null;
  serviceId: string | null;
  consumerId: string | null;
  status: number | null;
  upstreamStatus: number | null;
  /** the gateway's own latencies in ms (proxy.kong.latency.*, or an older gateway's names), null when absent */
  latencyTotalMs: number | null;
  latencyInternalMs: number | null;
  latencyUpstreamMs: number | null;
  latencyClientMs: number | null;
  /** Kong's time in third-party I/O (Redis, sockets, HTTP clients, DNS) in ms, null when absent */
  latencyThirdPartyMs: number | null;
  requestId: string | null;
  /** the client's IP address */
  clientAddress: string | null;
  /** the upstream's host name or address (the try's peer, else the root's), when the trace names one */
  upstreamHost?: string | null;
  /** for a log-phase trace of its own (3.13+): the request trace its span link names */
  requestTraceId?: string | null;
  /** resource attribute session.id (Konnect debugger session), when present */
  konnectSessionId: string | null;
  /** the root span's attributes, for the expression filter */
  rootAttributes: Attributes;
  /**
   * Where the time went, for session insights (shared/insights/breakdown.ts), computed at import so the
   * cross-trace view never reads spans; absent in a row stored before it existed.
   */
  breakdown?: Breakdown;
}
