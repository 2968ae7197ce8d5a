/** Helpers for the decoder tests (shared/ has no TextEncoder type: it compiles without the DOM lib). */
import type { DecodeOptions } from './api';
import { decodeChunks, type DecodedAll } from './index';

const encoder = new (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The bytes as a chunk stream of `size`-byte chunks (fresh copies, as a file reader gives). */
export async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

export function decodeBytes(bytes: Uint8Array, chunkSize = 1 << 20, opts: Partial<DecodeOptions> = {}): Promise<DecodedAll> {
  return decodeChunks(chunked(bytes, chunkSize), { fileName: 'test-input', ...opts });
}

export function decodeText(text: string, chunkSize?: number, opts: Partial<DecodeOptions> = {}): Promise<DecodedAll> {
  return decodeBytes(utf8(text), chunkSize, opts);
}

/** Runs `f` and returns the error it throws (failing when it does not throw). */
export async function rejection(f: () => Promise<unknown>): Promise<Error> {
  try {
    await f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}
