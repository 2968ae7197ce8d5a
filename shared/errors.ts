/**
 * The error codes the app's parts report failures with, below both the bridge (shared/bridge/result.ts,
 * which carries them across) and the Konnect client (shared/konnect/problem.ts, which maps HTTP statuses
 * to them), so neither has to import the other for them.
 */
export type ErrorCode =
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
