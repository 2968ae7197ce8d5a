/**
 * The desktop app's secret store: values encrypted with Electron safeStorage (the OS keychain / DPAPI /
 * libsecret) and kept, encrypted, in a 0600 file under userData. Main process only. When the OS offers no
 * encryption (a Linux session without a keyring), tokens stay in memory for this run rather than being
 * written in the clear. On Linux without a keyring, safeStorage still says encryption is available but
 * uses its `basic_text` backend: a key hard-coded in Chromium, no protection at all. That counts as none.
 */
import { safeStorage } from 'electron';

/** backends that do not protect anything: a fixed key, or one Chromium could not name */
const UNPROTECTED_BACKENDS = new Set(['basic_text', 'unknown']);

/** Whether safeStorage really encrypts with a key the OS protects (call after the app is ready). */
export function osEncryptionAvailable(platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform !== 'linux') return true;
  return !UNPROTECTED_BACKENDS.has(safeStorage.getSelectedStorageBackend());
}
import { kekFile, type KekStore } from './services/kek-file';
import type { SecretStore } from './services/secrets';
import { readSecretsFile, writeSecretsFile } from './services/user-file-secret-store';

export function createSecureStore(path: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const encrypted = osEncryptionAvailable(platform);
  const memory = new Map<string, string>();
  let file: Record<string, string> | undefined;
  const load = async () => (file ??= encrypted ? await readSecretsFile(path) : {});
  const save = async () => {
    if (encrypted) await writeSecretsFile(path, await load());
  };
  return {
    kind: encrypted ? 'os-encrypted' : 'memory',
    async get(key) {
      if (memory.has(key)) return memory.get(key);
      const stored = (await load())[key];
      return stored === undefined ? undefined : safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    async set(key, value) {
      memory.set(key, value);
      if (!encrypted) return;
      (await load())[key] = safeStorage.encryptString(value).toString('base64');
      await save();
    },
    async delete(key) {
      memory.delete(key);
      const f = await load();
      if (!(key in f)) return;
      delete f[key];
      await save();
    },
    async keys() {
      return [...new Set([...memory.keys(), ...Object.keys(await load())])];
    },
  };
}

/**
 * The store's key-encryption key (issue 21) for the desktop app, in a file under userData encrypted by
 * safeStorage when the OS protects its key. Without that (Linux without a keyring) the file is kept as
 * browser mode keeps its own: owner-only (0600), in clear; SECURITY.md says so.
 */
export function createKekStore(path: string, platform: NodeJS.Platform = process.platform): KekStore {
  if (!osEncryptionAvailable(platform)) return kekFile(`${path}.json`);
  return kekFile(`${path}.bin`, {
    encode: (json) => safeStorage.encryptString(json),
    decode: (bytes) => safeStorage.decryptString(bytes),
  });
}
