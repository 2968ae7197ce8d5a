/**
 * The key-encryption key of the store (issue 21) as a file of the Node side: made on first use (32 random
 * bytes and an id), written once, exclusively, owner-only (0600, in the 0700 data directory). `encode` and
 * `decode` let the desktop app keep it encrypted by the OS (safeStorage); browser mode keeps it as JSON.
 * The file is never in the browser profile: the page gets the key over the bridge only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KekMaterial } from '../../shared/bridge/vault';

export interface KekCodec {
  encode(json: string): Buffer;
  decode(bytes: Buffer): string;
}

const plain: KekCodec = { encode: (json) => Buffer.from(json, 'utf8'), decode: (bytes) => bytes.toString('utf8') };

function parse(text: string, path: string): KekMaterial {
  const m = JSON.parse(text) as Partial<KekMaterial>;
  if (typeof m.id !== 'string' || typeof m.key !== 'string' || Buffer.from(m.key, 'base64').length !== 32) {
    throw new Error(`${path}: not a key-encryption key file`);
  }
  return { id: m.id, key: m.key };
}

/** Reads the KEK at `path`, making it first when there is none. Concurrent first calls get the same key. */
export function kekFile(path: string, codec: KekCodec = plain): () => Promise<KekMaterial> {
  let cached: Promise<KekMaterial> | null = null;
  const load = async (): Promise<KekMaterial> => {
    try {
      return parse(codec.decode(await readFile(path)), path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const made: KekMaterial = { id: randomUUID(), key: randomBytes(32).toString('base64') };
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    try {
      // 'wx': another process that made it first wins, and its key is the one used
      await writeFile(path, codec.encode(JSON.stringify(made)), { mode: 0o600, flag: 'wx' });
      await chmod(path, 0o600);
      return made;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return parse(codec.decode(await readFile(path)), path);
    }
  };
  return () => {
    if (!cached) {
      cached = load();
      cached.catch(() => (cached = null));
    }
    return cached;
  };
}
