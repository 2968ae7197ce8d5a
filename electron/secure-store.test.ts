/**
 * The desktop secret store, against a stand-in safeStorage (no Electron runtime here): Linux's basic_text
 * backend encrypts with a key built into Chromium, which protects nothing, so tokens then stay in memory.
 */
import { existsSync, mkdtempSync } from 'node:fs';
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

const { createSecureStore, osEncryptionAvailable } = await import('./secure-store');

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
