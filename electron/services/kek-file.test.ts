/**
 * The store's KEK file (issue 21): made on first use, rotated, and, with a passphrase of the user's, kept
 * sealed (PBKDF2-SHA256, 600,000 iterations) so that it is in memory only once unlocked.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kekFile, PASSPHRASE_ITERATIONS } from './kek-file';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'ktv-kekfile-')), 'store-key.json');

describe('a passphrase over the KEK', () => {
  it('uses PBKDF2 with at least 600,000 iterations', () => {
    expect(PASSPHRASE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('seals the same KEK: locked after a restart, a wrong passphrase changes nothing, the right one unlocks it', async () => {
    const path = fresh();
    const store = kekFile(path, undefined, 1000);
    const kek = await store.current();
    await store.setPassphrase(undefined, 'correct horse');
    expect(readFileSync(path, 'utf8')).not.toContain(kek.key);
    expect(JSON.parse(readFileSync(path, 'utf8')).protected).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: 1000 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(await store.status()).toEqual({ protected: true, locked: false });
    expect(await store.current()).toEqual(kek);

    const restarted = kekFile(path, undefined, 1000);
    expect(await restarted.status()).toEqual({ protected: true, locked: true });
    await expect(restarted.current()).rejects.toMatchObject({ code: 'locked' });
    const before = readFileSync(path);
    await expect(restarted.unlock('wrong horse')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(readFileSync(path)).toEqual(before);
    expect(await restarted.status()).toEqual({ protected: true, locked: true });
    await restarted.unlock('correct horse');
    expect(await restarted.current()).toEqual(kek);

    await restarted.lock();
    await expect(restarted.current()).rejects.toMatchObject({ code: 'locked' });
  });

  it('changing it wraps the same KEK again and needs the current one', async () => {
    const path = fresh();
    const store = kekFile(path, undefined, 1000);
    const kek = await store.current();
    await store.setPassphrase(undefined, 'first passphrase');
    await expect(store.setPassphrase('not it at all', 'second passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(store.setPassphrase(undefined, 'second passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await store.setPassphrase('first passphrase', 'second passphrase');
    const restarted = kekFile(path, undefined, 1000);
    await expect(restarted.unlock('first passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await restarted.unlock('second passphrase');
    expect(await restarted.current()).toEqual(kek);
  });

  it('a rotation while unlocked stays sealed under the passphrase', async () => {
    const path = fresh();
    const store = kekFile(path, undefined, 1000);
    await store.setPassphrase(undefined, 'a passphrase');
    const r = await store.rotate();
    await store.retire(r.previous.id);
    expect(readFileSync(path, 'utf8')).not.toContain(r.current.key);
    const restarted = kekFile(path, undefined, 1000);
    await restarted.unlock('a passphrase');
    expect(await restarted.current()).toEqual(r.current);
  });
});
