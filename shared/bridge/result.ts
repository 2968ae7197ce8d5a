/** Results, not exceptions, cross the bridge: an Electron handler's thrown error keeps only its message. */

export type BridgeErrorCode =
  | 'invalid-argument'
  | 'unknown-channel'
  | 'not-found'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'unavailable'
  | 'timeout'
  | 'cancelled'
  | 'io'
  | 'decode'
  | 'conflict'
  /** the store's key is protected by a passphrase and not unlocked (issue 21) */
  | 'locked'
  | 'wrong-passphrase'
  | 'internal';

export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
  /** structured extras, e.g. Konnect's invalid_parameters; never secrets */
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (code: BridgeErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/** A thrown error carrying a bridge error code, for handler code that prefers to throw. */
export class BridgeFailure extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BridgeFailure';
  }
}
