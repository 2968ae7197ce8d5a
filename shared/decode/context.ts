/** State shared by the input-specific decoders of one decodeStream call. */
import type { DecodedBatch, DecodeOptions } from './api';
import { DecodeError } from './api';
import type { Collector } from './collector';
import type { Peekable } from './source';

export interface DecodeContext {
  c: Collector;
  fileName: string;
  batchSpans: number;
  maxElementBytes: number;
  signal: DecodeOptions['signal'];
  /** the raw (compressed) input, for inputBytesRead */
  raw: Peekable;
  /** decompressed bytes handed to the format decoder so far */
  bytesRead: number;
  /** see DecodeOptions.keepSource */
  keepSource: boolean;
  inputBytes?: () => number;
  /** see DecodeOptions.compression: zstd-compressed delimited messages are refused too */
  refuseCompressed?: boolean;
  maxZstdWindowBytes?: number;
}

export function batchFull(ctx: DecodeContext): boolean {
  return ctx.c.recordCount >= ctx.batchSpans;
}

export function takeBatch(ctx: DecodeContext): DecodedBatch {
  return ctx.c.take(ctx.bytesRead, ctx.inputBytes ? ctx.inputBytes() : ctx.raw.consumed);
}

export function checkAborted(ctx: DecodeContext): void {
  const signal = ctx.signal;
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DecodeError(ctx.fileName, '', 'the import was cancelled');
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
