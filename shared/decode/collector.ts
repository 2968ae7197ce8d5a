/**
 * Accumulates decoded records into DecodedBatch-es. Converters hand it spans whose times are relative to a
 * per-trace reference second (see time.ts); when a batch is taken each trace gets its exact base (its
 * earliest span start) and offsets from it. Duplicate spans within a batch are merged here; across
 * batches the consumer merges with mergeTraceSpans.
 */
import type { DecodedBatch, FormatName, SourceChunk } from './api';
import type { Attributes, LogRecord, Payload, Scope, Skipped, Span, TraceSpans } from '../model/types';
import { mergeSpan } from '../model/merge';
import { formatNs, addNs } from './time';
import { sanitizeGenAiSpan } from '../sanitize/gen-ai';

/** Skipped records reported in detail per decode; beyond this they are only counted. */
const MAX_SKIPPED_DETAILS = 1000;

export interface TraceAcc {
  traceId: string;
  refSec: number;
  resources: Attributes[];
  resourceIdx: Map<Attributes, number>;
  scopes: Scope[];
  scopeIdx: Map<Scope, number>;
  spans: Span[];
  spanIdx: Map<string, number>;
  minStart: number;
  /** source chunks (see DecodedBatch.source) this trace's spans came from */
  chunks?: number[];
}

export class Collector {
  private traces = new Map<string, TraceAcc>();
  /** one shared object per distinct resource / scope content, so identity works as a dedupe key */
  private readonly resourceIntern = new Map<string, Attributes>();
  private readonly scopeIntern = new Map<string, Scope>();
  private logs: LogRecord[] = [];
  private payloads: Payload[] = [];
  private skipped: Skipped[] = [];
  private sessionOf: Record<string, string> | undefined;
  /** spans in the current batch */
  spanCount = 0;
  /** records of any kind in the current batch */
  recordCount = 0;
  totalSpans = 0;
  totalLogs = 0;
  totalPayloads = 0;
  totalSkipped = 0;
  firstSkipped: Skipped | undefined;
  format: FormatName | undefined;
  /** the source chunk spans being added now come from, when the decoder keeps the source (-1: not kept) */
  sourceChunk = -1;
  /** spans the decoders changed as they sanitized them (AI prompts): their source lines are not kept as read */
  sanitizedSpans = 0;
  private sourceChunks: SourceChunk[] = [];

  /**
   * The shared object for resources equal to `resource`. Converters call this once per resourceSpans
   * element (not per span), so equal resources on many JSON lines end up as one entry per trace.
   */
  resource(resource: Attributes): Attributes {
    return intern(this.resourceIntern, resource);
  }

  scope(scope: Scope): Scope {
    return intern(this.scopeIntern, scope);
  }

  /** The accumulator of a trace already seen in this batch. */
  existingTrace(traceId: string): TraceAcc | undefined {
    return this.traces.get(traceId);
  }

  /**
   * A span with no time at all whose trace has no other span yet: it waits until the batch is taken,
   * then is placed at the trace's start (its events with it), so it never sets the trace's time base.
   */
  addTimeless(traceId: string, span: Span, resource: Attributes, scope: Scope): void {
    (this.timeless ??= []).push({ traceId, span, resource, scope, chunk: this.sourceChunk });
    this.spanCount++;
    this.recordCount++;
    this.totalSpans++;
  }

  private timeless: { traceId: string; span: Span; resource: Attributes; scope: Scope; chunk: number }[] | undefined;

  /** The accumulator for a trace, created with `refSec` as its reference second when new. */
  trace(traceId: string, refSec: number): TraceAcc {
    let acc = this.traces.get(traceId);
    if (acc === undefined) {
      acc = {
        traceId,
        refSec,
        resources: [],
        resourceIdx: new Map(),
        scopes: [],
        scopeIdx: new Map(),
        spans: [],
        spanIdx: new Map(),
        minStart: Infinity,
      };
      this.traces.set(traceId, acc);
    }
    return acc;
  }

  /**
   * Adds a span (start and event times relative to acc.refSec). `resource` and `scope` are shared objects:
   * the same object for every span of one resourceSpans / scopeSpans, so identity is a cheap dedupe key.
   */
  addSpan(acc: TraceAcc, span: Span, resource: Attributes, scope: Scope): void {
    // an AI call's prompt and answer are payload: sanitized before anything stores or shows them
    if (sanitizeGenAiSpan(span)) this.sanitizedSpans++;
    this.place(acc, span, resource, scope);
    this.spanCount++;
    this.recordCount++;
    this.totalSpans++;
  }

  private place(acc: TraceAcc, span: Span, resource: Attributes, scope: Scope): void {
    let r = acc.resourceIdx.get(resource);
    if (r === undefined) {
      r = acc.resources.length;
      acc.resources.push(resource);
      acc.resourceIdx.set(resource, r);
      const session = resource['session.id'];
      if (typeof session === 'string' && session !== '') (this.sessionOf ??= {})[acc.traceId] = session;
    }
    let s = acc.scopeIdx.get(scope);
    if (s === undefined) {
      s = acc.scopes.length;
      acc.scopes.push(scope);
      acc.scopeIdx.set(scope, s);
    }
    span.resource = r;
    span.scope = s;
    const chunk = this.sourceChunk;
    if (chunk >= 0) {
      const chunks = (acc.chunks ??= []);
      if (chunks[chunks.length - 1] !== chunk) chunks.push(chunk);
    }
    if (span.start < acc.minStart) acc.minStart = span.start;
    const existing = acc.spanIdx.get(span.spanId);
    if (existing === undefined) {
      acc.spanIdx.set(span.spanId, acc.spans.length);
      acc.spans.push(span);
    } else {
      acc.spans[existing] = mergeSpan(acc.spans[existing]!, span);
    }
  }

  private placeTimeless(): void {
    const keep = this.sourceChunk;
    for (const t of this.timeless ?? []) {
      const acc = this.trace(t.traceId, 0);
      const start = Number.isFinite(acc.minStart) ? acc.minStart : 0;
      t.span.start = start;
      for (const e of t.span.events) e.t = start;
      this.sourceChunk = t.chunk;
      this.place(acc, t.span, t.resource, t.scope);
    }
    this.sourceChunk = keep;
    this.timeless = undefined;
  }

  addLog(log: LogRecord): void {
    this.logs.push(log);
    this.recordCount++;
    this.totalLogs++;
  }

  addPayload(payload: Payload): void {
    this.payloads.push(payload);
    this.recordCount++;
    this.totalPayloads++;
  }

  skip(where: string, reason: string): void {
    this.totalSkipped++;
    if (this.firstSkipped === undefined) this.firstSkipped = { where, reason };
    if (this.totalSkipped <= MAX_SKIPPED_DETAILS) this.skipped.push({ where, reason });
    else if (this.totalSkipped === MAX_SKIPPED_DETAILS + 1) {
      this.skipped.push({ where: 'more', reason: `more than ${MAX_SKIPPED_DETAILS} records were skipped; only the first are listed` });
    }
  }

  /** A finished source chunk, handed out with the batch its spans are in. */
  addSourceChunk(chunk: SourceChunk): void {
    this.sourceChunks.push(chunk);
  }

  get hasAnything(): boolean {
    return this.totalSpans + this.totalLogs + this.totalPayloads > 0;
  }

  /** Hands over everything gathered since the last call. */
  take(bytesRead: number, inputBytesRead: number): DecodedBatch {
    if (this.timeless) this.placeTimeless();
    const traces: TraceSpans[] = [];
    let chunksOf: Record<string, number[]> | undefined;
    for (const acc of this.traces.values()) {
      traces.push(finishTrace(acc));
      if (acc.chunks) (chunksOf ??= {})[acc.traceId] = acc.chunks;
    }
    const batch: DecodedBatch = {
      traces,
      logs: this.logs,
      payloads: this.payloads,
      skipped: this.skipped,
      bytesRead,
      inputBytesRead,
    };
    if (this.sessionOf) batch.sessionOf = this.sessionOf;
    if (this.format) batch.format = this.format;
    if (this.sourceChunk >= 0) batch.source = { chunks: this.sourceChunks, chunksOf: chunksOf ?? {} };
    this.sourceChunks = [];
    this.traces = new Map();
    this.logs = [];
    this.payloads = [];
    this.skipped = [];
    this.sessionOf = undefined;
    this.spanCount = 0;
    this.recordCount = 0;
    return batch;
  }
}

/** Bounded so a file with endless distinct resources cannot grow the table without limit. */
const MAX_INTERNED = 10_000;

function intern<T>(table: Map<string, T>, value: T): T {
  const key = JSON.stringify(value);
  const known = table.get(key);
  if (known !== undefined) return known;
  if (table.size < MAX_INTERNED) table.set(key, value);
  return value;
}

function finishTrace(acc: TraceAcc): TraceSpans {
  const base = acc.minStart;
  if (base !== 0) {
    for (const span of acc.spans) {
      span.start -= base;
      for (const event of span.events) event.t -= base;
    }
  }
  return {
    traceId: acc.traceId,
    baseNs: addNs(formatNs(acc.refSec, 0), base),
    resources: acc.resources,
    scopes: acc.scopes,
    spans: acc.spans,
  };
}
