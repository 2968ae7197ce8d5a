/**
 * The key-encryption key of the store (issue 21) as a file of the Node side: made on first use (32 random
 * bytes and an id), written owner-only (0600, in the 0700 data directory; created exclusively, replaced
 * atomically). `encode` and `decode` let the desktop app keep it encrypted by the OS (safeStorage); browser
 * mode keeps it as JSON. The file is never in the browser profile: the page gets the key over the bridge.
 *
 * Own key: a passphrase may protect the file (PBKDF2-SHA256, 600,000 iterations, then AES-256-GCM over the
 * KEK file's JSON). The KEK is then only in this process's memory once unlocked, until `lock`; a wrong
 * passphrase fails and changes nothing; a new passphrase wraps the same KEK again (no data key changes).
 *
 * Rotation (after a session is deleted): `rotate` makes a new KEK and keeps the old one as `previous` until
 * the ingest worker has re-wrapped every data key and `retire`s it. From then on, a copy of a deleted
 * session's data key left in the profile's old files is wrapped by a KEK that no longer exists.
 */
import { createCipheriv, createDecipheriv, pbkdf2, randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { BridgeFailure } from '../../shared/bridge/result';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KekMaterial, KekRotation, VaultStatus } from '../../shared/bridge/vault';

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
  status(): Promise<VaultStatus>;
  unlock(passphrase: string): Promise<void>;
  lock(): Promise<void>;
  setPassphrase(current: string | undefined, next: string): Promise<void>;
}

/** PBKDF2-SHA256 iterations for a passphrase (OWASP's 2023 figure) */
export const PASSPHRASE_ITERATIONS = 600_000;

/** The file when a passphrase protects it: the KEK file's JSON sealed with a key derived from the passphrase. */
interface ProtectedFile {
  protected: { kdf: 'PBKDF2-SHA256'; iterations: number; salt: string; iv: string; ct: string; tag: string };
}

interface Unlocked {
  file: KekFile;
  derived: Buffer;
  salt: Buffer;
  iterations: number;
}

const derive = (passphrase: string, salt: Buffer, iterations: number): Promise<Buffer> => promisify(pbkdf2)(passphrase.normalize('NFC'), salt, iterations, 32, 'sha256');

function sealFile(f: KekFile, u: Omit<Unlocked, 'file'>): ProtectedFile {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', u.derived, iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(f), 'utf8'), cipher.final()]);
  return { protected: { kdf: 'PBKDF2-SHA256', iterations: u.iterations, salt: u.salt.toString('base64'), iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') } };
}

/** The KEK file inside a protected one, or null when `derived` is not the passphrase's key. */
function openFile(p: ProtectedFile, derived: Buffer, path: string): KekFile | null {
  const d = createDecipheriv('aes-256-gcm', derived, Buffer.from(p.protected.iv, 'base64'));
  d.setAuthTag(Buffer.from(p.protected.tag, 'base64'));
  let text: string;
  try {
    text = Buffer.concat([d.update(Buffer.from(p.protected.ct, 'base64')), d.final()]).toString('utf8');
  } catch {
    return null;
  }
  return parse(text, path);
}

const isProtected = (x: unknown): x is ProtectedFile => typeof (x as Partial<ProtectedFile> | null)?.protected === 'object';
const wrong = () => new BridgeFailure('wrong-passphrase', 'That is not the passphrase: nothing was changed.');

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
export function kekFile(path: string, codec: KekCodec = plain, iterations = PASSPHRASE_ITERATIONS): KekStore {
  let unlocked: Unlocked | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const readRaw = async (): Promise<KekFile | ProtectedFile | null> => {
    try {
      const text = codec.decode(await readFile(path));
      const json = JSON.parse(text) as unknown;
      return isProtected(json) ? json : parse(text, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  };
  const write = async (f: KekFile | ProtectedFile, exclusive = false): Promise<void> => {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    if (exclusive) {
      // 'wx': another process that made it first wins, and its key is the one used
      await writeFile(path, codec.encode(JSON.stringify(f)), { mode: 0o600, flag: 'wx' });
      await chmod(path, 0o600);
      return;
    }
    const tmp = `${path}.${process.pid}.tmp`;
    await writeFile(tmp, codec.encode(JSON.stringify(f)), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, path);
  };
  /** the KEK file as it is now; a protected one only once unlocked */
  const load = async (): Promise<KekFile> => {
    const stored = await readRaw();
    if (stored && isProtected(stored)) {
      if (!unlocked) throw new BridgeFailure('locked', 'The store is locked: unlock it with your passphrase.');
      return unlocked.file;
    }
    if (stored) return stored;
    const made = newKek();
    try {
      await write(made, true);
      return made;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      return load();
    }
  };
  /** writes a changed KEK file, sealed again when a passphrase protects it */
  const replace = async (f: KekFile): Promise<void> => {
    if (unlocked) {
      await write(sealFile(f, unlocked));
      unlocked.file = f;
    } else await write(f);
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
    status: () =>
      serial(async () => {
        const stored = await readRaw();
        const prot = !!stored && isProtected(stored);
        return { protected: prot, locked: prot && !unlocked };
      }),
    unlock: (passphrase) =>
      serial(async () => {
        const stored = await readRaw();
        if (!stored || !isProtected(stored)) return;
        const salt = Buffer.from(stored.protected.salt, 'base64');
        const derived = await derive(passphrase, salt, stored.protected.iterations);
        const file = openFile(stored, derived, path);
        if (!file) throw wrong();
        unlocked = { file, derived, salt, iterations: stored.protected.iterations };
      }),
    lock: () =>
      serial(async () => {
        unlocked = null;
      }),
    setPassphrase: (current, next) =>
      serial(async () => {
        const stored = await readRaw();
        let file: KekFile;
        if (stored && isProtected(stored)) {
          // the current passphrase is asked for even when unlocked: whoever sits at an unlocked app cannot change it
          if (current === undefined) throw wrong();
          const opened = openFile(stored, await derive(current, Buffer.from(stored.protected.salt, 'base64'), stored.protected.iterations), path);
          if (!opened) throw wrong();
          file = opened;
        } else file = await load();
        const salt = randomBytes(16);
        const u: Unlocked = { file, derived: await derive(next, salt, iterations), salt, iterations };
        await write(sealFile(file, u));
        unlocked = u;
      }),
  };
}
