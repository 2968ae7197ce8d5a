import type { CaptureCounters, CaptureEndReason } from '../capture/session';
import type { LogRecord, TraceSpans } from '../model/types';
import type { Channel, Validators } from './channel';
import { v } from './validate';

/** Live capture from a local gateway through the OTLP receiver (issue 7). */

export interface CaptureStartArgs {
  /** sampling rule in the expression language, evaluated on each request's root span; empty: every request */
  where?: string;
  durationSeconds: number;
  maxTraces: number;
  /** 0 picks a free port */
  port: number;
  /** the address to listen on; default 127.0.0.1. Anything but loopback needs `allowRemote`. */
  host?: string;
  /** explicit opt-in to listen where other machines can send (and read nothing back, but can flood) */
  allowRemote?: boolean;
}

/** What the receiver saw at the HTTP level, beside the session's counters. */
export interface ReceiverCounters {
  /** export requests answered 200 (some may have had partial-success rejections) */
  requests: number;
  /** records the decoders could not use, reported back to the exporter as partial success */
  recordsRejected: number;
  /** requests answered 400 (undecodable), 413 (too large), 415 (wrong type), 408 (too slow) */
  badRequests: number;
  /** requests answered 503 with Retry-After because the receiver was busy (the exporter retries) */
  busy: number;
}

export interface CaptureStatus {
  /** session id is `capture:<id>` */
  id: string;
  state: 'running' | 'ended';
  endReason: CaptureEndReason | null;
  where: string;
  durationSeconds: number;
  maxTraces: number;
  host: string;
  port: number;
  /** where the receiver listens, e.g. http://127.0.0.1:4318 */
  url: string;
  startedAt: number;
  endsAt: number;
  endedAt: number | null;
  counters: CaptureCounters;
  receiver: ReceiverCounters;
  /** data captured but not yet drained by the renderer */
  pending: number;
  /** shown prominently, e.g. when listening beyond loopback */
  warning?: string;
}

export interface CaptureDrain {
  status: CaptureStatus;
  /** pass back as the next drain's cursor once `traces` and `logs` are stored */
  cursor: number;
  /** whole or partial traces: store merging by (traceId, spanId) */
  traces: TraceSpans[];
  logs: LogRecord[];
  /** more data waits: drain again right away */
  more: boolean;
}

export interface CaptureHandlers {
  /** starts the receiver and a capture session; fails (conflict) while another capture runs */
  'capture.start': Channel<CaptureStartArgs, CaptureStatus>;
  'capture.stop': Channel<{ id: string }, CaptureStatus>;
  /** the running capture, or the last one while it still has data to drain; null when none */
  'capture.status': Channel<void, CaptureStatus | null>;
  /**
   * Newly captured traces and logs after `cursor` (0 at first). Passing a cursor releases what came before
   * it, so a renderer that reloads before storing gets the same data again.
   */
  'capture.drain': Channel<{ id: string; cursor: number }, CaptureDrain>;
}

export const MAX_CAPTURE_SECONDS = 24 * 60 * 60;
export const MAX_CAPTURE_TRACES = 100_000;

export const captureValidators: Validators<CaptureHandlers> = {
  'capture.start': v.object({
    where: v.optional(v.string({ max: 4096 })),
    durationSeconds: v.number({ integer: true, min: 1, max: MAX_CAPTURE_SECONDS }),
    maxTraces: v.number({ integer: true, min: 1, max: MAX_CAPTURE_TRACES }),
    port: v.number({ integer: true, min: 0, max: 65535 }),
    host: v.optional(v.string({ min: 1, max: 64, pattern: /^[0-9A-Za-z.:[\]-]+$/ })),
    allowRemote: v.optional(v.boolean()),
  }),
  'capture.stop': v.object({ id: v.string({ min: 1, max: 128 }) }),
  'capture.status': v.none(),
  'capture.drain': v.object({ id: v.string({ min: 1, max: 128 }), cursor: v.number({ integer: true, min: 0 }) }),
};

export interface CaptureEvents {
  /** pushed when a capture starts, ends, and (at most a few times a second) when its counters change */
  'capture.status': CaptureStatus;
}

export type { Channel };
