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
  /** during a rotation (`vault.rotate` until `vault.retire`), the KEK being replaced: some data keys are still wrapped by it */
  previous?: { id: string; key: string };
}

/** A rotation of the KEK: the new one, and the one it replaces until the data keys are re-wrapped. */
export interface KekRotation {
  current: KekMaterial;
  previous: KekMaterial;
}

export interface VaultHandlers {
  'vault.kek': Channel<void, KekMaterial>;
  /**
   * A new KEK (after a session was deleted), the old one kept until `vault.retire`: the ingest worker
   * re-wraps every data key in between. A rotation not retired yet (the app closed midway) is returned again.
   */
  'vault.rotate': Channel<void, KekRotation>;
  'vault.retire': Channel<{ id: string }, void>;
}

export const vaultValidators: Validators<VaultHandlers> = {
  'vault.kek': v.none(),
  'vault.rotate': v.none(),
  'vault.retire': v.object({ id: v.string({ min: 1, max: 64 }) }),
};
