/** The locked app: a passphrase field and nothing else of the store. */
import { useState, type FormEvent } from 'react';
import { call } from '../../bridge';
import { passphraseError } from './vault-status';

export function LockScreen({ onUnlocked }: { onUnlocked(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('vault.unlock', { passphrase });
      onUnlocked();
    } catch (err) {
      setError(passphraseError(err));
      setPassphrase('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="app lock-screen" data-app-locked="true" aria-label="Locked">
      <form className="lock-form" onSubmit={(e) => void submit(e)}>
        <h1>Kong Trace Viewer is locked</h1>
        <p className="muted">Your traces' payloads and log lines are encrypted with a key your passphrase protects.</p>
        <label>
          Passphrase{' '}
          <input type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        {error && (
          <p className="lock-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || passphrase.length === 0}>
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
    </main>
  );
}
