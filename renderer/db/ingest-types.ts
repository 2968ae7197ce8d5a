/** Messages between the renderer and the ingest worker, and what an import reports. */
import type { CaptureStatus } from '../../shared/bridge/capture';
import type { DebugSession, EntityIds } from '../../shared/konnect/types';
import type { LogRecord, Payload, Skipped, TraceSpans } from '../../shared/model/types';
import type { SessionSource, SummaryText } from './schema';
import type { StoreOp, StoreOpResults } from './store-ops';
import type { BridgeLink } from './worker-bridge';

/** The session an import writes into when the data names none (a Konnect export names its own). */
export interface SessionInit {
  id: string;
  name: string;
  source: SessionSource;
  files?: string[];
  meta?: Record<string, unknown>;
}

export type ImportSource =
  | { kind: 'file'; file: File }
  | { kind: 'url'; url: string; name: string; size?: number }
  | { kind: 'bytes'; bytes: Uint8Array; name: string };

export interface ImportOptions {
  /** the session to write into; default: one per file, keyed by its content, named after it */
  session?: SessionInit;
  /** write everything into `session` even when the data names a Konnect session (bundled samples) */
  forceSession?: boolean;
}

export interface DecodedInput {
  traces: TraceSpans[];
  logs: LogRecord[];
  payloads: Payload[];
  skipped?: Skipped[];
}

export interface ImportReport {
  importId: string;
  fileName: string;
  format: string;
  sessionIds: string[];
  /** the sessions holding this import's traces, by name: one file can fill several (a Konnect export of several debugger sessions) */
  filled?: { sessionId: string; name: string }[];
  traces: number;
  spans: number;
  logs: number;
  payloads: number;
  skipped: Skipped[];
  /** skipped records beyond the first 200 are only counted */
  skippedTotal: number;
  /** stored sessions other than the import's own whose traces got log lines or payloads: traces per session */
  attached?: { sessionId: string; name: string; logs: number; payloads: number }[];
  /** traces stored nowhere yet whose log lines / payloads were kept for them */
  waiting?: { logs: number; payloads: number };
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes?: number;
  spans: number;
  traces: number;
}

/** A failed import: the message names the file, where and why. Nothing it wrote remains. */
export interface ImportFailure {
  fileName: string;
  where: string;
  reason: string;
  message: string;
  cancelled?: boolean;
}

/**
 * A remote source for the worker to follow (follow-sources.ts) into session `sessionId`, whose row exists;
 * the cursor is kept in that row (`meta.cursor`).
 */
export type FollowSpec =
  | { kind: 'konnect'; sessionId: string; konnectSessionId: string; accountId: string; controlPlaneId: string; label: string }
  | { kind: 'capture'; sessionId: string; captureId: string };

/** What a follow did, for the UI to show: each stored page (with what the UI needs of it), waits, the end. */
export type FollowReport =
  | { kind: 'stored'; konnect?: { session: DebugSession; entityIds: EntityIds }; capture?: { status: CaptureStatus } }
  | { kind: 'retrying'; what: 'read' | 'store'; message: string; inMs: number }
  | { kind: 'paused'; code: string; message: string }
  | { kind: 'done' }
  | { kind: 'stopped' };

export type ToWorker =
  /** `seal` false: rows are written in clear (the benchmark's baseline); sealed rows are opened either way */
  | { type: 'link'; link: BridgeLink; seal: boolean }
  | { type: 'import'; jobId: string; source: ImportSource; options: ImportOptions }
  | { type: 'cancel'; jobId: string }
  | { type: 'recover' }
  | { type: 'store'; jobId: string; op: StoreOp }
  | { type: 'follow'; spec: FollowSpec }
  | { type: 'unfollow'; sessionId: string };

export type FromWorker =
  | { type: 'progress'; jobId: string; progress: ImportProgress }
  | { type: 'done'; jobId: string; report: ImportReport }
  | { type: 'failed'; jobId: string; failure: ImportFailure }
  | { type: 'recovered'; undone: number }
  | { type: 'stored'; jobId: string; result: StoreOpResults[StoreOp['op']] }
  | { type: 'store-failed'; jobId: string; message: string }
  | { type: 'followed'; sessionId: string; report: FollowReport };

/**
 * A segment of whole lines of a JSON-lines file for a decode worker (decode.worker.ts), as the pieces read;
 * `parts` are transferred. The worker numbers lines from the segment's start.
 */
export interface SegmentJob {
  id: number;
  fileName: string;
  parts: Uint8Array[];
  /** whether the segment starts the file (a byte order mark may open its first line) */
  first: boolean;
  last: boolean;
}

/** What a decode worker found in a segment: trace summaries and the source lines, not the spans themselves. */
export type SegmentReply =
  | {
      id: number;
      ok: true;
      summaries: SummaryText[];
      chunksOf: Record<string, number[]>;
      /** the source lines (transferred) */
      chunks: { no: number; bytes: Uint8Array }[];
      logs: LogRecord[];
      payloads: Payload[];
      skipped: Skipped[];
      sessionOf?: Record<string, string>;
      spans: number;
      logCount: number;
      skippedCount: number;
      firstSkipped?: Skipped;
      /** lines in the segment */
      lines: number;
    }
  | { id: number; ok: false; where: string; reason: string };
