import type { Channel, Validators } from './channel';
import { v } from './validate';

/**
 * Encryption at rest (issue 21). The key-encryption key (KEK) wraps the sessions' data keys in the store;
 * it lives on the Node side (desktop: safeStorage; browser mode: a 0600 file in the host's data directory,
 * made on first use) and only a page that may call the bridge (desktop window, signed-in browser) gets it.
 */
export interface KekMaterial {
  /** names this KEK in the data keys it wrapped */
  id: string;
  /** 32 bytes, base64 */
  key: string;
}

export interface VaultHandlers {
  'vault.kek': Channel<void, KekMaterial>;
}

export const vaultValidators: Validators<VaultHandlers> = {
  'vault.kek': v.none(),
};
