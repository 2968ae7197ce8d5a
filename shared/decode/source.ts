/**
 * The byte source under the decoders: a peekable async chunk stream, and streaming decompression chosen by
 * magic bytes (gzip 1f 8b through the platform's DecompressionStream, zstd 28 b5 2f fd through fzstd).
 */
import { Decompress } from 'fzstd';
import { DecodeError } from './api';
import { decompressionStream } from './platform';
import { concatBytes } from '../util/bytes';
import { ZstdFrameGuard } from './zstd-guard';

export type Compression = 'gzip' | 'zstd' | 'none';

/** A chunk stream that can show its first bytes before they are consumed. */
export class Peekable implements AsyncIterable<Uint8Array> {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private ended = false;
  /** bytes handed out by iteration so far */
  consumed = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** At least `n` bytes from the start (fewer only when the stream is shorter), without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    let have = this.buffered.reduce((sum, c) => sum + c.length, 0);
    while (have < n && !this.ended) {
      const r = await this.iterator.next();
      if (r.done) this.ended = true;
      else if (r.value.length > 0) {
        this.buffered.push(r.value);
        have += r.value.length;
      }
    }
    if (this.buffered.length <= 1) return this.buffered[0] ?? new Uint8Array(0);
    const out = concatBytes(this.buffered);
    this.buffered = [out];
    return out;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    while (this.buffered.length > 0) {
      const c = this.buffered.shift()!;
      this.consumed += c.length;
      yield c;
    }
    while (!this.ended) {
      const r = await this.iterator.next();
      if (r.done) break;
      if (r.value.length === 0) continue;
      this.consumed += r.value.length;
      yield r.value;
    }
  }
}

export function sniffCompression(head: Uint8Array): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd) return 'zstd';
  return 'none';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The error for compressed data where none may be: a second layer, or inside an HTTP body. */
export function compressedInside(fileName: string, inner: Compression | 'zip', outer: Compression): DecodeError {
  const where = outer === 'none' ? 'the content' : `the ${outer} data`;
  const why =
    outer === 'none'
      ? 'only Content-Encoding may compress an OTLP/HTTP body'
      : 'it is compressed twice; decompress it once and open the result';
  return new DecodeError(fileName, 'byte 0', `${inner} data inside ${where} is refused: ${why}`);
}

/**
 * Decompressed chunks. Corruption after some output was produced ends the stream and is reported through
 * `onProblem` (the decoders then keep what was whole, as for a truncated file); corruption before any
 * output is fatal.
 */
export async function* decompress(
  source: Peekable,
  compression: Compression,
  fileName: string,
  onProblem: (where: string, reason: string) => void,
  maxZstdWindow?: number,
): AsyncGenerator<Uint8Array> {
  if (compression === 'none') {
    yield* source;
    return;
  }
  let produced = 0;
  const problem = (e: unknown): void => {
    const reason = `the ${compression} data is corrupt or truncated (${message(e)}); only the part before it was read`;
    if (produced === 0) throw new DecodeError(fileName, `byte ${source.consumed}`, `the ${compression} data is corrupt or truncated: ${message(e)}`);
    onProblem(`byte ${source.consumed} (compressed)`, reason);
  };
  if (compression === 'zstd') {
    const out: Uint8Array[] = [];
    // fzstd may hand out views of its window: copy each block before the window moves on
    const z = new Decompress((data) => {
      if (data.length > 0) out.push(data.slice());
    });
    const guard = new ZstdFrameGuard(maxZstdWindow);
    try {
      for await (const chunk of source) {
        try {
          guard.check(chunk);
        } catch (e) {
          // refused before the decompressor allocates anything for that frame
          throw new DecodeError(fileName, `byte ${source.consumed}`, message(e));
        }
        z.push(chunk);
        while (out.length > 0) {
          const c = out.shift()!;
          produced += c.length;
          yield c;
        }
      }
      z.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof DecodeError) throw e;
      while (out.length > 0) {
        const c = out.shift()!;
        produced += c.length;
        yield c;
      }
      problem(e);
      return;
    }
    for (const c of out) yield c;
    return;
  }
  const ds = decompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let sourceError: unknown;
  const pump = (async () => {
    const it = source[Symbol.asyncIterator]();
    for (;;) {
      let r: IteratorResult<Uint8Array>;
      try {
        r = await it.next();
      } catch (e) {
        sourceError = e;
        await writer.abort(e).catch(() => undefined);
        return;
      }
      if (r.done) break;
      try {
        await writer.write(r.value);
      } catch {
        // the decompressor failed: the reader side reports it
        return;
      }
    }
    await writer.close().catch(() => undefined);
  })();
  try {
    for (;;) {
      let r: { done: boolean; value?: Uint8Array };
      try {
        r = await reader.read();
      } catch (e) {
        if (sourceError !== undefined) throw sourceError;
        problem(e);
        return;
      }
      if (r.done) break;
      if (r.value && r.value.length > 0) {
        produced += r.value.length;
        yield r.value;
      }
    }
    await pump;
    if (sourceError !== undefined) throw sourceError;
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
