/**
 * The desktop secret store, against a stand-in safeStorage (no Electron runtime here): Linux's basic_text
 * backend encrypts with a key built into Chromium, which protects nothing, so tokens then stay in memory.
 */
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const safe = { available: true, backend: 'gnome_libsecret' };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => safe.available,
    getSelectedStorageBackend: () => safe.backend,
    encryptString: (s: string) => Buffer.from(`enc:${s}`),
    decryptString: (b: Buffer) => b.toString().slice(4),
  },
}));

const { createKekStore, createSecureStore, osEncryptionAvailable } = await import('./secure-store');

describe('desktop secret store', () => {
  let path: string;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'ktv-secure-')), 'secrets.json');
    safe.available = true;
    safe.backend = 'gnome_libsecret';
  });

  it('encrypts to a file with a real keyring', async () => {
    const store = createSecureStore(path, 'linux');
    expect(store.kind).toBe('os-encrypted');
    await store.set('a', 'kpat_x');
    expect(existsSync(path)).toBe(true);
    expect(await createSecureStore(path, 'linux').get('a')).toBe('kpat_x');
  });

  it.each(['basic_text', 'unknown'])('refuses Linux’s %s backend: memory only, nothing written', async (backend) => {
    safe.backend = backend;
    expect(osEncryptionAvailable('linux')).toBe(false);
    const store = createSecureStore(path, 'linux');
    expect(store.kind).toBe('memory');
    await store.set('a', 'kpat_x');
    expect(await store.get('a')).toBe('kpat_x');
    expect(existsSync(path)).toBe(false);
  });

  it('without any encryption: memory only', () => {
    safe.available = false;
    expect(createSecureStore(path, 'darwin').kind).toBe('memory');
  });

  it('macOS and Windows have no such backend to ask about', () => {
    safe.backend = 'basic_text';
    expect(createSecureStore(path, 'win32').kind).toBe('os-encrypted');
  });
});

describe('the store’s key-encryption key (issue 21)', () => {
  let base: string;
  beforeEach(() => {
    base = join(mkdtempSync(join(tmpdir(), 'ktv-kek-')), 'store-key');
    safe.available = true;
    safe.backend = 'gnome_libsecret';
  });

  it('is made once, kept encrypted by safeStorage in an owner-only file, and the same on the next start', async () => {
    const kek = await createKekStore(base, 'linux').current();
    expect(Buffer.from(kek.key, 'base64')).toHaveLength(32);
    const file = readFileSync(`${base}.bin`);
    // what safeStorage got is what is on disk: the stand-in marks it, the real one encrypts it
    expect(file.subarray(0, 4).toString()).toBe('enc:');
    expect(statSync(`${base}.bin`).mode & 0o777).toBe(0o600);
    expect(await createKekStore(base, 'linux').current()).toEqual(kek);
  });

  it('rotates: a new KEK, the old one kept until retired, both only in the encrypted file', async () => {
    const store = createKekStore(base, 'linux');
    const old = await store.current();
    const r = await store.rotate();
    expect(r.previous).toEqual(old);
    expect(r.current.id).not.toBe(old.id);
    // asked again before it is retired: the same rotation
    expect(await store.rotate()).toEqual(r);
    expect(await createKekStore(base, 'linux').current()).toEqual({ ...r.current, previous: old });
    await store.retire(old.id);
    const file = readFileSync(`${base}.bin`);
    expect(file.subarray(0, 4).toString()).toBe('enc:');
    expect(file.toString()).not.toContain(old.key);
    expect(statSync(`${base}.bin`).mode & 0o777).toBe(0o600);
    // the next rotation starts from the current one
    expect((await store.rotate()).previous).toEqual(r.current);
  });

  it('two first calls at once get the same key', async () => {
    const store = createKekStore(base, 'linux');
    const [a, b] = await Promise.all([store.current(), store.current()]);
    expect(a).toEqual(b);
  });

  it('without an OS keyring: an owner-only file, never safeStorage’s fixed key', async () => {
    safe.backend = 'basic_text';
    const kek = await createKekStore(base, 'linux').current();
    expect(existsSync(`${base}.bin`)).toBe(false);
    expect(JSON.parse(readFileSync(`${base}.json`, 'utf8'))).toEqual(kek);
    expect(statSync(`${base}.json`).mode & 0o777).toBe(0o600);
  });
});
