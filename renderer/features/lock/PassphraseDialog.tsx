/** Sets or changes the passphrase over the store's key (issue 21): only that key is wrapped again. */
import { useState, type FormEvent } from 'react';
import { call } from '../../bridge';
import { MIN_PASSPHRASE } from '../../../shared/bridge/vault';
import { Dialog } from '../shell/Dialog';
import { passphraseError, useVault } from './vault-status';

export function PassphraseDialog({ onClose }: { onClose(): void }) {
  const { status, refresh } = useVault();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = next.length < MIN_PASSPHRASE ? `At least ${MIN_PASSPHRASE} characters.` : next !== repeat ? 'The two new passphrases differ.' : null;
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await call('vault.setPassphrase', status.protected ? { current, next } : { next });
      await refresh();
      onClose();
    } catch (err) {
      setError(passphraseError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={status.protected ? 'Change the passphrase' : 'Set a passphrase'}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" disabled={busy} onClick={() => void submit()}>
            {busy ? 'Saving…' : 'Save passphrase'}
          </button>
        </>
      }
    >
      <form className="passphrase-form" onSubmit={(e) => void submit(e)}>
        <p className="muted">
          The app will start locked and lock itself after 15 minutes without use. There is no way to recover a forgotten passphrase: the
          payloads and log lines stored here could not be read again.
        </p>
        {status.protected && (
          <label>
            Current passphrase <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </label>
        )}
        <label>
          New passphrase <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label>
          Repeat it <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        {error && <p role="alert">{error}</p>}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
