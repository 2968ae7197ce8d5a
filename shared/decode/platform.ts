/**
 * The few web-platform APIs the decoders use that exist both in Chromium and in Node 20 but are not part
 * of the ES2022 library shared/ compiles against: minimal local types, looked up on globalThis.
 */

interface TextDecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type TextDecoderCtor = new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

interface ReadableStreamReaderLike<T> {
  read(): Promise<{ done: boolean; value?: T }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}
interface WritableStreamWriterLike<T> {
  write(chunk: T): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
  readonly ready: Promise<void>;
}
export interface DecompressionStreamLike {
  readonly readable: { getReader(): ReadableStreamReaderLike<Uint8Array> };
  readonly writable: { getWriter(): WritableStreamWriterLike<Uint8Array> };
}
type DecompressionStreamCtor = new (format: 'gzip' | 'deflate' | 'deflate-raw') => DecompressionStreamLike;

interface TextEncoderLike {
  encode(input: string): Uint8Array;
}

const g = globalThis as unknown as { TextDecoder?: TextDecoderCtor; TextEncoder?: new () => TextEncoderLike; DecompressionStream?: DecompressionStreamCtor };

/** A UTF-8 decoder that replaces invalid sequences (a bad byte in one record must not fail the file). */
export function utf8Decoder(): TextDecoderLike {
  if (!g.TextDecoder) throw new Error('TextDecoder is not available in this environment');
  // ignoreBOM keeps a leading BOM in the text; the decoders skip it themselves where it can appear
  return new g.TextDecoder('utf-8', { ignoreBOM: true });
}

export function utf8Encoder(): TextEncoderLike {
  if (!g.TextEncoder) throw new Error('TextEncoder is not available in this environment');
  return new g.TextEncoder();
}

export function decompressionStream(format: 'gzip'): DecompressionStreamLike {
  if (!g.DecompressionStream) throw new Error('DecompressionStream is not available in this environment');
  return new g.DecompressionStream(format);
}
