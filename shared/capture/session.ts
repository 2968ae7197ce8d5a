/**
 * The semantics of a live capture session (issue 7), with no I/O: the receiver feeds it decoded spans and
 * log records as they arrive, and it decides what is kept, exactly like a Konnect debugger session:
 *
 * - The sampling rule is evaluated once per trace, on the root span's attributes, when the root arrives.
 *   Spans (and log records) of a trace whose root has not arrived yet are held, for a bounded time and a
 *   bounded count; past either bound they are dropped and counted, never kept silently or forever.
 * - Once a trace is decided, its later spans follow the decision (the ids of decided traces are remembered,
 *   a bounded number of them).
 * - The session ends by itself when its duration has passed or its maximum number of traces is sampled.
 *
 * Time is passed in (Unix ms), so callers own the clock and tests need no timers.
 */
import type { Attributes, LogRecord, Span, TraceSpans } from '../model/types';
import { logBytes, traceBytes } from './size';

export interface CaptureRules {
  /** the sampling rule, evaluated on the root span's attributes; a throw counts as "no match" */
  sample: (rootAttributes: Attributes) => boolean;
  durationMs: number;
  maxTraces: number;
  /** how long spans of a trace whose root has not arrived are held (default 30 s) */
  holdMs?: number;
  /** at most this many spans and log records held at once; the oldest traces are dropped beyond it */
  holdMaxRecords?: number;
  /** at most about this many bytes held at once (see size.ts); the oldest traces are dropped beyond it */
  holdMaxBytes?: number;
  /** how many decided trace ids are remembered so their late spans follow the decision */
  rememberTraces?: number;
}

export type CaptureEndReason = 'duration' | 'max-traces' | 'stopped' | 'failed';

export interface CaptureCounters {
  /** gateway requests seen: traces whose root span arrived */
  received: number;
  /** of those, the ones that matched the rule and were kept */
  sampled: number;
  /** of those, the ones the rule (or the trace limit) turned away */
  rejected: number;
  spansReceived: number;
  spansKept: number;
  logsReceived: number;
  logsKept: number;
  /** spans and log records dropped because their root never arrived in time (or held too many) */
  orphansDropped: number;
  /** spans and log records that arrived after the session ended */
  lateDropped: number;
  /** spans and log records held right now, waiting for their root */
  held: number;
}

/** What the session kept from one offer: whole or partial traces (merge by trace and span id) and logs. */
export interface Kept {
  traces: TraceSpans[];
  logs: LogRecord[];
}

export const DEFAULT_HOLD_MS = 30_000;
export const DEFAULT_HOLD_MAX_RECORDS = 50_000;
export const DEFAULT_HOLD_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_REMEMBER_TRACES = 100_000;

interface Held {
  since: number;
  fragments: TraceSpans[];
  logs: LogRecord[];
  records: number;
  bytes: number;
}

/**
 * The gateway's request span: the trace's root, or Kong's `kong` span, whose parent is the caller's span
 * when the client sent a `traceparent` (that parent never reaches us, so "has no parent" is not enough).
 */
export const isRequestRoot = (span: Span): boolean => span.parentSpanId === '' || span.name === 'kong';

export class CaptureSession {
  readonly startedAt: number;
  readonly endsAt: number;
  private ended: CaptureEndReason | null = null;
  private endedAt: number | null = null;
  private readonly held = new Map<string, Held>();
  private heldRecords = 0;
  private heldBytes = 0;
  /** trace id -> sampled?; insertion order is age, for the bound */
  private readonly decided = new Map<string, boolean>();
  private readonly c: CaptureCounters = {
    received: 0,
    sampled: 0,
    rejected: 0,
    spansReceived: 0,
    spansKept: 0,
    logsReceived: 0,
    logsKept: 0,
    orphansDropped: 0,
    lateDropped: 0,
    held: 0,
  };
  private readonly holdMs: number;
  private readonly holdMax: number;
  private readonly holdMaxBytes: number;
  private readonly remember: number;

  constructor(
    private readonly rules: CaptureRules,
    now: number,
  ) {
    if (!(rules.durationMs > 0)) throw new RangeError(`capture duration: expected a positive number of ms, got ${rules.durationMs}`);
    if (!(rules.maxTraces >= 1)) throw new RangeError(`capture max traces: expected at least 1, got ${rules.maxTraces}`);
    this.startedAt = now;
    this.endsAt = now + rules.durationMs;
    this.holdMs = rules.holdMs ?? DEFAULT_HOLD_MS;
    this.holdMax = rules.holdMaxRecords ?? DEFAULT_HOLD_MAX_RECORDS;
    this.holdMaxBytes = rules.holdMaxBytes ?? DEFAULT_HOLD_MAX_BYTES;
    this.remember = rules.rememberTraces ?? DEFAULT_REMEMBER_TRACES;
  }

  get counters(): Readonly<CaptureCounters> {
    return { ...this.c, held: this.heldRecords };
  }

  get endReason(): CaptureEndReason | null {
    return this.ended;
  }

  get endTime(): number | null {
    return this.endedAt;
  }

  /** Advance the clock: ends the session when its time is up and drops holds that waited too long. */
  tick(now: number): void {
    if (this.ended) return;
    if (now >= this.endsAt) {
      this.end('duration', now);
      return;
    }
    for (const [traceId, h] of this.held) {
      // insertion order is arrival order, so the first young hold ends the scan
      if (now - h.since < this.holdMs) break;
      this.dropHeld(traceId, h);
    }
  }

  /** Ends the session (no effect if it already ended); anything still held is dropped and counted. */
  end(reason: CaptureEndReason, now: number): void {
    if (this.ended) return;
    this.ended = reason;
    this.endedAt = now;
    for (const [traceId, h] of this.held) this.dropHeld(traceId, h);
  }

  offerTraces(traces: readonly TraceSpans[], now: number): Kept {
    this.tick(now);
    const kept: Kept = { traces: [], logs: [] };
    for (const t of traces) {
      this.c.spansReceived += t.spans.length;
      const decision = this.decided.get(t.traceId);
      if (decision === true) {
        this.keepTrace(kept, t);
        continue;
      }
      if (decision === false) continue;
      if (this.ended) {
        this.c.lateDropped += t.spans.length;
        continue;
      }
      const root = t.spans.find(isRequestRoot);
      if (root) this.decide(t.traceId, root.attributes, kept, t, now);
      else this.hold(t.traceId, now, t, []);
    }
    return kept;
  }

  offerLogs(logs: readonly LogRecord[], now: number): Kept {
    this.tick(now);
    const kept: Kept = { traces: [], logs: [] };
    for (const r of logs) {
      this.c.logsReceived++;
      const decision = r.traceId ? this.decided.get(r.traceId) : undefined;
      if (decision === true) {
        this.keepLog(kept, r);
      } else if (decision === false) {
        continue;
      } else if (this.ended) {
        this.c.lateDropped++;
      } else if (!r.traceId) {
        // gateway lines outside any request (start-up, timers) explain failures; they pass the rule
        this.keepLog(kept, r);
      } else {
        this.hold(r.traceId, now, null, [r]);
      }
    }
    return kept;
  }

  private decide(traceId: string, rootAttributes: Attributes, kept: Kept, t: TraceSpans, now: number): void {
    this.c.received++;
    let match: boolean;
    try {
      match = this.rules.sample(rootAttributes);
    } catch {
      match = false;
    }
    const take = match && this.c.sampled < this.rules.maxTraces;
    this.rememberDecision(traceId, take);
    const h = this.held.get(traceId);
    if (h) {
      this.held.delete(traceId);
      this.heldRecords -= h.records;
      this.heldBytes -= h.bytes;
    }
    if (!take) {
      this.c.rejected++;
      return;
    }
    this.c.sampled++;
    if (h) {
      for (const f of h.fragments) this.keepTrace(kept, f);
      for (const r of h.logs) this.keepLog(kept, r);
    }
    this.keepTrace(kept, t);
    if (this.c.sampled >= this.rules.maxTraces) this.end('max-traces', now);
  }

  private hold(traceId: string, now: number, fragment: TraceSpans | null, logs: LogRecord[]): void {
    let h = this.held.get(traceId);
    if (!h) {
      h = { since: now, fragments: [], logs: [], records: 0, bytes: 0 };
      this.held.set(traceId, h);
    }
    const n = (fragment?.spans.length ?? 0) + logs.length;
    if (fragment) h.fragments.push(fragment);
    h.logs.push(...logs);
    const bytes = (fragment ? traceBytes(fragment) : 0) + logs.reduce((sum, r) => sum + logBytes(r), 0);
    h.records += n;
    h.bytes += bytes;
    this.heldRecords += n;
    this.heldBytes += bytes;
    while (this.heldRecords > this.holdMax || this.heldBytes > this.holdMaxBytes) {
      const oldest = this.held.entries().next().value;
      if (!oldest) break;
      this.dropHeld(oldest[0], oldest[1]);
    }
  }

  private dropHeld(traceId: string, h: Held): void {
    this.held.delete(traceId);
    this.heldRecords -= h.records;
    this.heldBytes -= h.bytes;
    this.c.orphansDropped += h.records;
  }

  private rememberDecision(traceId: string, sampled: boolean): void {
    this.decided.set(traceId, sampled);
    if (this.decided.size > this.remember) {
      const oldest = this.decided.keys().next().value;
      if (oldest !== undefined) this.decided.delete(oldest);
    }
  }

  private keepTrace(kept: Kept, t: TraceSpans): void {
    this.c.spansKept += t.spans.length;
    kept.traces.push(t);
  }

  private keepLog(kept: Kept, r: LogRecord): void {
    this.c.logsKept++;
    kept.logs.push(r);
  }
}
