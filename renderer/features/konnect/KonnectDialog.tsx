/**
 * The Konnect workflow, as a dialog over the main area: accounts side by side (sign in, sign out), the
 * chosen account's control planes, and the chosen control plane's sessions. Faults are shown where they
 * matter: a 401 offers to sign in again, waits before retries count down in a banner.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeError } from '../../../shared/bridge/result';
import type { ControlPlane, KonnectAccount, TokenStorage } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { openFilePicker } from '../import/OpenButton';
import { ControlPlaneList } from './ControlPlaneList';
import { SessionsView } from './SessionsView';
import { SignInForm } from './SignInForm';
import { useLoad, useWaiting } from './useKonnect';
import { useRuleDraft } from '../rule-draft/RuleDraftNote';

const STORAGE_TEXT: Record<TokenStorage, string> = {
  'os-encrypted': 'token encrypted by the OS',
  memory: 'token in host memory only',
  'user-file': 'token in a user-only file',
  environment: 'token from KONNECT_TOKEN',
};

export function KonnectDialog({ onClose }: { onClose(): void }) {
  const [nonce, setNonce] = useState(0);
  const accounts = useLoad(`accounts|${nonce}`, () => bridge.invoke('konnect.accounts'));
  const [accountId, setAccountId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [reauth, setReauth] = useState<KonnectAccount | null>(null);
  const [cp, setCp] = useState<ControlPlane | null>(null);
  const [failure, setFailure] = useState<BridgeError | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const list = accounts.data ?? [];
  const account = list.find((a) => a.id === accountId) ?? list[0] ?? null;
  const waiting = useWaiting(account?.id ?? null);
  const draft = useRuleDraft('konnect');

  useEffect(() => bridge.on('konnect.accountsChanged', () => setNonce((n) => n + 1)), []);
  useEffect(() => ref.current?.focus(), []);
  useEffect(() => {
    setCp(null);
    setFailure(null);
  }, [account?.id]);
  const onFailure = useCallback((e: BridgeError | null) => setFailure(e), []);

  async function signOut(a: KonnectAccount) {
    await bridge.invoke('konnect.signOut', { accountId: a.id });
    if (accountId === a.id) setAccountId(null);
    setNonce((n) => n + 1);
  }

  const showSignIn = adding || reauth !== null || (accounts.data !== undefined && list.length === 0);

  return (
    <div className="konnect-overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="konnect-dialog" role="dialog" aria-modal="true" aria-labelledby="konnect-title" tabIndex={-1} ref={ref} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <header className="konnect-header">
          <h2 id="konnect-title">
            Konnect debugger sessions <span className="badge badge-preview">Preview</span>
          </h2>
          <button type="button" onClick={onClose} aria-label="Close Konnect">
            ×
          </button>
        </header>
        <p className="konnect-note">
          Preview: Konnect has not published its debugger-session API; this uses an assumed contract (docs/konnect-api.md) and may need an update when Kong publishes it.
        </p>
        {draft && !cp && (
          <p className="konnect-note" role="status">
            A rule from session insights is ready for a new session: pick the control plane, and its new-session form opens with it.
          </p>
        )}

        <nav className="konnect-accounts" aria-label="Konnect accounts">
          {list.map((a) => (
            <div key={a.id} className={`konnect-account${a.id === account?.id ? ' selected' : ''}`}>
              <button type="button" aria-pressed={a.id === account?.id} onClick={() => { setAccountId(a.id); setAdding(false); }}>
                <span className="konnect-item-name">{a.label}</span>
                <span className="konnect-item-meta">
                  {a.region.toUpperCase()} · {STORAGE_TEXT[a.storage]}
                </span>
              </button>
              <button type="button" className="konnect-signout" onClick={() => void signOut(a)} aria-label={`Sign out of ${a.label}`}>
                Sign out
              </button>
            </div>
          ))}
          {list.length > 0 && !adding && (
            <button type="button" onClick={() => setAdding(true)}>
              Add account…
            </button>
          )}
        </nav>

        {waiting && (
          <p className="konnect-waiting" role="status">
            {waiting.reason === 'rate-limited' ? 'Konnect is rate limiting requests' : 'Konnect is not answering'}: waiting {waiting.seconds} s before trying again…
          </p>
        )}
        {failure?.code === 'unauthorized' && account && !reauth && (
          <div className="konnect-error" role="alert">
            {failure.message}{' '}
            <button type="button" onClick={() => setReauth(account)}>
              Sign in again
            </button>
          </div>
        )}

        {showSignIn && (
          <div className="konnect-intro" aria-label="About signing in">
            <p>
              A Konnect account gives this app its <strong>control planes</strong>, their <strong>data plane nodes</strong>, and their{' '}
              <strong>debugger sessions</strong>: start a session on chosen nodes, and pull its traces, log lines and payloads here.
            </p>
            <p>
              Sign in with a <strong>personal access token</strong> (<code>kpat_…</code>, Konnect: your name → Personal access tokens) or a{' '}
              <strong>system account token</strong> (<code>spat_…</code>, Organization → System accounts). Its account needs a role that can read the
              control plane and run the debugger on it, such as <strong>Control Planes Admin</strong> (or Creator) on that control plane; a read-only
              Viewer role lists sessions but cannot start one.
            </p>
            <p>
              No token at hand?{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  openFilePicker();
                  onClose();
                }}
              >
                Open an exported session instead
              </button>{' '}
              (a file downloaded from Konnect’s debugger, or one a colleague sent).
            </p>
          </div>
        )}
        {showSignIn ? (
          <SignInForm
            key={reauth?.id ?? 'new'}
            region={reauth?.region}
            onCancel={list.length ? () => { setAdding(false); setReauth(null); } : undefined}
            onSignedIn={(a) => {
              // the rejected token is of no further use: forget it
              if (reauth && reauth.id !== a.id) void bridge.invoke('konnect.signOut', { accountId: reauth.id });
              setAdding(false);
              setReauth(null);
              setFailure(null);
              setAccountId(a.id);
              setNonce((n) => n + 1);
            }}
          />
        ) : (
          account && (
            <div className="konnect-workspace">
              <ControlPlaneList accountId={account.id} selectedId={cp?.id ?? null} onSelect={setCp} onFailure={onFailure} />
              {cp ? <SessionsView key={cp.id} accountId={account.id} controlPlane={cp} onFailure={onFailure} onOpened={onClose} /> : <p className="konnect-muted konnect-pick">Pick a control plane to see its debugger sessions.</p>}
            </div>
          )
        )}
      </div>
    </div>
  );
}
