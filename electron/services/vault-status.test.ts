/**
 * Encryption at rest can be turned off only by the host's environment (the encryption benchmark's
 * baseline), never by a page: `vault.status` says `storeInClear` only when the host was started with
 * KTV_BENCH_STORE_IN_CLEAR=1.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemorySecretStore } from './secrets';
import { kekFile } from './kek-file';
import { createServices, type Services } from './index';

let services: Services | null = null;
afterEach(async () => {
  await services?.dispose();
  services = null;
});

function start(env: Record<string, string>): Services {
  const dir = mkdtempSync(join(tmpdir(), 'ktv-vault-status-'));
  services = createServices({ mode: 'browser', version: 't', dataDir: dir, secrets: new MemorySecretStore(), kek: kekFile(join(dir, 'store-key.json')), env, openExternal: async () => {} });
  return services;
}

describe('vault.status', () => {
  it('asks the page to encrypt what it stores, whatever else the environment holds', async () => {
    const status = await start({ KTV_BENCH_STORE_IN_CLEAR: '0', KTV_SEAL: 'off' }).dispatch('vault.status', undefined);
    expect(status).toEqual({ ok: true, value: { protected: false, locked: false } });
  });

  it('says the store is written in clear only for a host started as the benchmark baseline', async () => {
    const status = await start({ KTV_BENCH_STORE_IN_CLEAR: '1' }).dispatch('vault.status', undefined);
    expect(status).toEqual({ ok: true, value: { protected: false, locked: false, storeInClear: true } });
  });
});
