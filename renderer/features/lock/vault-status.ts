/**
 * Own key (issue 21): whether a passphrase protects the store's key-encryption key, and locking. Locking
 * has the Node side forget the KEK, then reloads the page: that drops every copy the page and its workers
 * hold (the KEK, unwrapped data keys, decrypted records on screen), and the app starts again locked.
 */
import { createContext, useContext } from 'react';
import { call } from '../../bridge';
import type { VaultStatus } from '../../../shared/bridge/vault';

export interface VaultState {
  status: VaultStatus;
  /** asks the Node side again (after a passphrase was set) */
  refresh(): Promise<void>;
}

export const VaultContext = createContext<VaultState>({ status: { protected: false, locked: false }, refresh: async () => {} });

export const useVault = (): VaultState => useContext(VaultContext);

export async function lockNow(): Promise<void> {
  await call('vault.lock');
  location.reload();
}

/** the app locks itself after this long without input, when a passphrase protects it */
export const IDLE_LOCK_MS = 15 * 60 * 1000;

/** What a failed unlock or passphrase change tells the user. */
export function passphraseError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'wrong-passphrase') return 'Wrong passphrase. Nothing was changed.';
  return e instanceof Error ? e.message : String(e);
}
