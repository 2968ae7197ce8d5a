/**
 * Sign in to Konnect with a personal (kpat_) or system-account (spat_) token and a region. The token goes
 * to the Node side once and never comes back; the form says where it will be kept.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/bridge/app';
import type { KonnectAccount } from '../../../shared/konnect/types';
import { KONNECT_REGIONS } from '../../../shared/konnect/regions';
import { checkTokenShape } from '../../../shared/konnect/token';
import { bridge } from '../../bridge';
import { describeFailure } from './failure';
import { storageNote } from './storage-note';

interface Props {
  /** prefilled when signing in again after a 401 */
  region?: string;
  onSignedIn(account: KonnectAccount): void;
  onCancel?(): void;
}

export function SignInForm({ region: initialRegion = 'us', onSignedIn, onCancel }: Props) {
  const [token, setToken] = useState('');
  const [region, setRegion] = useState(initialRegion);
  const [label, setLabel] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const desktop = bridge.mode === 'electron';
  // the desktop note says "encrypted" only when the Node side's store really is (not without a keyring)
  const [storage, setStorage] = useState<AppInfo['secretStorage'] | null>(null);
  useEffect(() => {
    void bridge.invoke('app.info').then((r) => setStorage(r.ok ? r.value.secretStorage : 'memory'));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const shape = checkTokenShape(token);
    if (!shape.ok) {
      setError({ message: '', fields: { token: shape.reason } });
      return;
    }
    setBusy(true);
    setError(null);
    const res = await bridge.invoke('konnect.signIn', { token: token.trim(), region, ...(label.trim() ? { label: label.trim() } : {}), ...(desktop ? {} : { remember }) });
    setBusy(false);
    if (res.ok) {
      setToken('');
      onSignedIn(res.value);
    } else {
      const view = describeFailure(res.error);
      setError({ message: view.message, fields: view.fields });
    }
  }

  return (
    <form className="konnect-signin" onSubmit={(e) => void submit(e)} aria-label="Sign in to Konnect">
      <label>
        <span>Token</span>
        <input type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} placeholder="kpat_… or spat_…" aria-invalid={!!error?.fields.token} aria-describedby="konnect-token-error" />
      </label>
      {error?.fields.token && (
        <em className="konnect-field-error" id="konnect-token-error" role="alert">
          {error.fields.token}
        </em>
      )}
      <div className="konnect-row">
        <label>
          <span>Region</span>
          <select value={region} onChange={(e) => setRegion(e.target.value)}>
            {KONNECT_REGIONS.map((r) => (
              <option key={r} value={r}>
                {r.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Name (optional)</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={`Konnect ${region.toUpperCase()}`} />
        </label>
      </div>
      {!desktop && (
        <label className="konnect-check">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember this token on this computer
        </label>
      )}
      <p className="konnect-note">
        {desktop
          ? storageNote(storage)
          : remember
            ? 'The token will be kept by the local host in a file only your user account can read (mode 0600), so it survives a restart.'
            : 'The token is kept in the local host process’s memory only and is forgotten when the host stops.'}{' '}
        Sign out forgets it everywhere.
      </p>
      {error?.message && (
        <p className="konnect-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="konnect-actions">
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
