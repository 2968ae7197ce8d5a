/**
 * `.zip` archives (Konnect's upload accepts them; what Konnect puts inside is not public): the entries,
 * inflated by fflate's streaming Unzip as the archive's bytes arrive, each handed out whole so that it can
 * be decoded as an input of its own. Inflating is bounded as a zip bomb demands: an entry, and all entries
 * together, may inflate to at most a set size, and past a first stretch to at most a set multiple of the
 * archive bytes read; beyond that reading stops with a reason that names the entry.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { concatBytes } from '../util/bytes';

export interface InflateLimits {
  /** the most one entry may inflate to */
  entryBytes: number;
  /** the most all entries together may inflate to */
  totalBytes: number;
  /** past `ratioAfter` inflated bytes, inflated bytes may be at most this many times the archive bytes read */
  ratio: number;
  ratioAfter: number;
}

export const DEFAULT_INFLATE_LIMITS: InflateLimits = {
  entryBytes: 512 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
  // trace JSON deflates about 10 to 30 times; deflate cannot go past about 1,030
  ratio: 200,
  ratioAfter: 64 * 1024 * 1024,
};

export interface ZipEntry {
  /** the entry's path in the archive */
  name: string;
  /** the inflated bytes, or why the entry could not be read */
  bytes?: Uint8Array;
  problem?: string;
}

/** A zip archive's first bytes: a local file header, or the end record of an empty archive. */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

function mib(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${bytes} bytes`;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * The archive's entries in order (folders left out). An entry that cannot be inflated comes with its
 * problem and the next entries follow; one past the limits comes with its problem and ends the archive.
 */
export async function* zipEntries(raw: AsyncIterable<Uint8Array>, limits: InflateLimits = DEFAULT_INFLATE_LIMITS): AsyncGenerator<ZipEntry> {
  const ready: ZipEntry[] = [];
  let rawBytes = 0;
  let total = 0;
  let stopped = false;
  /** entries started and not yet handed out whole or with a problem */
  const open = new Set<(problem: string) => void>();
  const onFile = (file: UnzipFile): void => {
    if (stopped || file.name.endsWith('/')) return;
    const name = file.name;
    const parts: Uint8Array[] = [];
    let size = 0;
    let closed = false;
    const close = (entry: ZipEntry): void => {
      if (closed) return;
      closed = true;
      open.delete(cut);
      ready.push(entry);
    };
    const cut = (problem: string): void => close({ name, problem });
    open.add(cut);
    file.ondata = (err, chunk, final) => {
      if (closed || stopped) return;
      if (err) {
        close({ name, problem: `cannot inflate the entry: ${err.message}` });
        return;
      }
      size += chunk.length;
      total += chunk.length;
      let bomb = '';
      if (size > limits.entryBytes) bomb = `the entry inflates to more than ${mib(limits.entryBytes)}`;
      else if (total > limits.totalBytes) bomb = `the archive inflates to more than ${mib(limits.totalBytes)}`;
      else if (total > limits.ratioAfter && total > limits.ratio * rawBytes) bomb = `the archive inflates to more than ${limits.ratio} times its size`;
      if (bomb !== '') {
        stopped = true;
        file.terminate();
        close({ name, problem: `${bomb} (a zip bomb?); it and any entries after it were not read` });
        return;
      }
      parts.push(chunk);
      if (final) close({ name, bytes: parts.length === 1 ? parts[0]! : concatBytes(parts) });
    };
    try {
      file.start();
    } catch (e) {
      close({ name, problem: `cannot read the entry (compression method ${file.compression}): ${message(e)}` });
    }
  };
  const unzip = new Unzip(onFile);
  unzip.register(UnzipInflate);
  for await (const chunk of raw) {
    rawBytes += chunk.length;
    try {
      unzip.push(chunk, false);
    } catch (e) {
      ready.push({ name: `byte ${rawBytes}`, problem: `the archive is corrupt here (${message(e)}); the rest of it was not read` });
      stopped = true;
    }
    while (ready.length > 0) yield ready.shift()!;
    if (stopped) break;
  }
  if (!stopped) {
    try {
      unzip.push(new Uint8Array(0), true);
    } catch (e) {
      ready.push({ name: `byte ${rawBytes}`, problem: `the archive ends early (${message(e)})` });
    }
  }
  for (const cut of [...open]) cut(stopped ? 'not read to its end (see the problem after it)' : 'the archive ends inside this entry (a truncated file?)');
  while (ready.length > 0) yield ready.shift()!;
}
