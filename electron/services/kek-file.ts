/**
 * The key-encryption key of the store (issue 21) as a file of the Node side: made on first use (32 random
 * bytes and an id), written owner-only (0600, in the 0700 data directory; created exclusively, replaced
 * atomically). `encode` and `decode` let the desktop app keep it encrypted by the OS (safeStorage); browser
 * mode keeps it as JSON. The file is never in the browser profile: the page gets the key over the bridge.
 *
 * Rotation (after a session is deleted): `rotate` makes a new KEK and keeps the old one as `previous` until
 * the ingest worker has re-wrapped every data key and `retire`s it. From then on, a copy of a deleted
 * session's data key left in the profile's old files is wrapped by a KEK that no longer exists.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KekMaterial, KekRotation } from '../../shared/bridge/vault';

export interface KekCodec {
  encode(json: string): Buffer;
  decode(bytes: Buffer): string;
}

export interface KekStore {
  current(): Promise<KekMaterial>;
  /** a new current KEK, the old one kept as `previous`; a rotation not retired yet is returned as it is */
  rotate(): Promise<KekRotation>;
  /** forgets the previous KEK once nothing is wrapped by it */
  retire(id: string): Promise<void>;
}

interface KekFile extends KekMaterial {
  previous?: KekMaterial;
}

const plain: KekCodec = { encode: (json) => Buffer.from(json, 'utf8'), decode: (bytes) => bytes.toString('utf8') };

const material = (m: Partial<KekMaterial> | undefined): m is KekMaterial =>
  typeof m?.id === 'string' && typeof m.key === 'string' && Buffer.from(m.key, 'base64').length === 32;

function parse(text: string, path: string): KekFile {
  const m = JSON.parse(text) as Partial<KekFile>;
  const { previous } = m;
  if (!material(m) || (previous !== undefined && !material(previous))) throw new Error(`${path}: not a key-encryption key file`);
  return previous ? { id: m.id, key: m.key, previous: { id: previous.id, key: previous.key } } : { id: m.id, key: m.key };
}

const newKek = (): KekMaterial => ({ id: randomUUID(), key: randomBytes(32).toString('base64') });

/** The KEK at `path`, made on first use. Calls run one at a time, so concurrent first calls get the same key. */
export function kekFile(path: string, codec: KekCodec = plain): KekStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const read = async (): Promise<KekFile | null> => {
    try {
      return parse(codec.decode(await readFile(path)), path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  const replace = async (f: KekFile): Promise<void> => {
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, codec.encode(JSON.stringify(f)), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  };
  const load = async (): Promise<KekFile> => {
    const stored = await read();
    if (stored) return stored;
    const made = newKek();
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    try {
      // 'wx': another process that made it first wins, and its key is the one used
      await writeFile(path, codec.encode(JSON.stringify(made)), { mode: 0o600, flag: 'wx' });
      await chmod(path, 0o600);
      return made;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return (await read())!;
    }
  };
  const currentOf = (f: KekFile): KekMaterial => ({ id: f.id, key: f.key });
  return {
    current: () =>
      serial(async () => {
        const f = await load();
        return f.previous ? { ...currentOf(f), previous: f.previous } : currentOf(f);
      }),
    rotate: () =>
      serial(async () => {
        const f = await load();
        if (f.previous) return { current: currentOf(f), previous: f.previous };
        const next: KekFile = { ...newKek(), previous: currentOf(f) };
        await replace(next);
        return { current: currentOf(next), previous: next.previous! };
      }),
    retire: (id) =>
      serial(async () => {
        const f = await load();
        if (f.previous?.id !== id) return;
        await replace(currentOf(f));
      }),
  };
}
