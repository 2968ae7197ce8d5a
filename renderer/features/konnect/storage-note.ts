/** What the desktop sign-in form says about where the token goes: "encrypted" only when it really is. */
import type { AppInfo } from '../../../shared/bridge/app';

export function storageNote(storage: AppInfo['secretStorage'] | null): string {
  if (storage === 'os-encrypted') return 'The token is encrypted by your operating system (Electron safeStorage) and stays in the app’s main process; this window never sees it again.';
  if (storage === null) return 'The token stays in the app’s main process; this window never sees it again.';
  return 'This system offers no protected storage for secrets (no keyring), so the token is kept in the app’s memory only and forgotten when the app quits; this window never sees it again.';
}
