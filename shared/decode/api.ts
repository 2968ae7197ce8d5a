import type { LogRecord, Payload, Skipped, TraceSpans } from '../model/types';
import type { InflateLimits } from './zip';

/**
 * The contract between the decoders and whoever consumes them (the ingest worker, the CLI, the live
 * receiver). Decoding is streaming: bytes go in as chunks, batches of whole records come out, so a 1 GB
 * file never sits in memory at once.
 */

export type FormatName =
  | 'otlp-json'
  | 'otlp-jsonl'
  | 'otlp-protobuf'
  | 'otlp-protobuf-delimited'
  | 'konnect'
  | 'jaeger'
  | 'zipkin'
  | 'payloads'
  /** a .zip archive of documents in any of the other formats */
  | 'zip';

export interface DecodedBatch {
  /**
   * Spans grouped by trace. A trace may arrive over several batches (and, for Konnect exports, the same
   * span more than once): consumers merge by (traceId, spanId), see `mergeTraceSpans`.
   */
  traces: TraceSpans[];
  logs: LogRecord[];
  payloads: Payload[];
  skipped: Skipped[];
  /** Konnect debugger session ids named by resource attribute `session.id`, keyed by traceId */
  sessionOf?: Record<string, string>;
  /** bytes of the (decompressed) input consumed so far, for progress */
  bytesRead: number;
  /** raw (possibly compressed) input bytes consumed so far: compare with DecodeOptions.totalBytes */
  inputBytesRead?: number;
  /** the detected input format (set on every batch) */
  format?: FormatName;
  /**
   * Set on the last batch of an input (always handed out): what the whole input held. `spans: 0` means a
   * payload or log document with no trace of its own (Konnect keeps those apart from traces): its records
   * belong to traces stored elsewhere.
   */
  contents?: InputContents;
  /**
   * With DecodeOptions.keepSource (JSON lines only): the source lines that held this batch's spans, in
   * chunks of whole lines, and for each trace the chunks its spans came from. A store can keep these bytes
   * as they are and decode a trace's chunks again when it is opened, instead of re-encoding every span.
   */
  source?: { chunks: SourceChunk[]; chunksOf: Record<string, number[]> };
}

/** How many records of each kind a whole input held. */
export interface InputContents {
  spans: number;
  logs: number;
  payloads: number;
}

/** Whole JSON lines of the input, newline-separated; decodable on their own with decodeAll. */
export interface SourceChunk {
  /** numbered from 0 in input order, unique within one decodeStream call */
  no: number;
  bytes: Uint8Array;
}

/**
 * The part of the standard AbortSignal the decoders use; declared here because shared/ compiles without the
 * DOM lib. A real AbortSignal satisfies it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface DecodeOptions {
  /** the file's name, only for messages */
  fileName: string;
  /** total compressed size when known, for progress */
  totalBytes?: number;
  /** aim for about this many spans per batch (default 5,000) */
  batchSpans?: number;
  signal?: AbortSignalLike;
  /** largest single JSON element or protobuf message accepted, in bytes (default 256 MiB) */
  maxElementBytes?: number;
  /** hand out the source lines of JSON-lines input with each batch (see DecodedBatch.source) */
  keepSource?: boolean;
  /** raw input bytes read so far, when the chunks given are already decompressed (see openInput) */
  inputBytes?: () => number;
  /**
   * 'detect' (the default): one layer of gzip or zstd, found by magic bytes, is undone. 'refuse': the bytes
   * given are already what to decode (openInput decompressed them, or an HTTP body's Content-Encoding was
   * undone, the only compression OTLP/HTTP defines), so compressed data in them is refused. Either way a
   * second layer is refused: a small file cannot inflate twice into gigabytes.
   */
  compression?: 'detect' | 'refuse';
  /** largest zstd window a frame may ask for, in bytes (default 128 MiB, as the zstd command line) */
  maxZstdWindowBytes?: number;
  /** bounds on inflating a zip archive (default DEFAULT_INFLATE_LIMITS in zip.ts) */
  inflateLimits?: InflateLimits;
}

/** A fatal decode error: the input cannot be used at all. `where` locates it as in Skipped. */
export class DecodeError extends Error {
  constructor(
    readonly fileName: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${where ? `${where}: ` : ''}${reason}`);
    this.name = 'DecodeError';
  }
}
