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

/** Whether a passphrase of the user's protects the KEK, and whether it is unlocked in this run. */
export interface VaultStatus {
  protected: boolean;
  locked: boolean;
  /**
   * The host was started to write records in clear: the encryption benchmark's baseline only
   * (`KTV_BENCH_STORE_IN_CLEAR=1` in the host's environment). A page cannot ask for it.
   */
  storeInClear?: boolean;
}

/** at least this long, so PBKDF2's 600,000 iterations are not all that stands in the way */
export const MIN_PASSPHRASE = 8;

export interface VaultHandlers {
  /** fails with `locked` while a passphrase protects the KEK and it is not unlocked */
  'vault.kek': Channel<void, KekMaterial>;
  'vault.status': Channel<void, VaultStatus>;
  /** a wrong passphrase fails with `wrong-passphrase` and changes nothing */
  'vault.unlock': Channel<{ passphrase: string }, void>;
  /** forgets the unlocked KEK (the page reloads to forget its own copies) */
  'vault.lock': Channel<void, void>;
  /** sets or changes the passphrase: the KEK is wrapped again, nothing else changes; `current` when one is set */
  'vault.setPassphrase': Channel<{ current?: string; next: string }, void>;
  /**
   * A new KEK (after a session was deleted), the old one kept until `vault.retire`: the ingest worker
   * re-wraps every data key in between. A rotation not retired yet (the app closed midway) is returned again.
   */
  'vault.rotate': Channel<void, KekRotation>;
  'vault.retire': Channel<{ id: string }, void>;
}

export const vaultValidators: Validators<VaultHandlers> = {
  'vault.kek': v.none(),
  'vault.status': v.none(),
  'vault.unlock': v.object({ passphrase: v.string({ min: 1, max: 1024 }) }),
  'vault.lock': v.none(),
  'vault.setPassphrase': v.object({ current: v.optional(v.string({ min: 1, max: 1024 })), next: v.string({ min: MIN_PASSPHRASE, max: 1024 }) }),
  'vault.rotate': v.none(),
  'vault.retire': v.object({ id: v.string({ min: 1, max: 64 }) }),
};
