/**
 * Reading trace files on the Node side: a file as a stream of chunks for the shared decoders, and a whole
 * file decoded and merged (the CLI). The desktop app's ingest reads through the same chunk stream.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { decodeChunks, type DecodedAll } from '../../../shared/decode';
import type { DecodeOptions } from '../../../shared/decode/api';

const CHUNK_BYTES = 1024 * 1024;

export class FileReadError extends Error {
  constructor(
    readonly fileName: string,
    reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'FileReadError';
  }
}

/** Checks that `path` is a readable regular file; returns its size. */
export async function fileSize(path: string, fileName = path): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FileReadError(fileName, code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(e)})`);
  }
  if (!info.isFile()) throw new FileReadError(fileName, 'not a regular file');
  return info.size;
}

/** The file's bytes as chunks (fresh buffers: the decoders may keep views of them). */
export async function* fileChunks(path: string, fileName = path): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (e) {
    throw new FileReadError(fileName, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    stream.destroy();
  }
}

/** Decodes a whole file with the shared decoders, merging partial traces. */
export async function decodeFile(path: string, options: Partial<DecodeOptions> & { fileName?: string } = {}): Promise<DecodedAll> {
  const fileName = options.fileName ?? path;
  const totalBytes = await fileSize(path, fileName);
  return decodeChunks(fileChunks(path, fileName), { ...options, fileName, totalBytes });
}
