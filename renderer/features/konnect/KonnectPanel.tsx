/**
 * Konnect in the sidebar (issue 6): opens the Konnect dialog, and lists the sessions being pulled with
 * their status, count and time left; clicking one shows its traces. While a Konnect session is selected,
 * names for its entity ids are looked up when missing (useSessionNames).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { formatSeconds } from '../../../shared/util/duration';
import { isRunning } from '../../../shared/konnect/types';
import { useStore } from '../../store';
import { KonnectDialog } from './KonnectDialog';
import { konnectSessionId } from '../../../shared/ids';
import { konnectSync } from './konnect-sync';
import { statusText } from './status';
import { useTicker } from './useKonnect';
import { useSessionNames } from './useSessionNames';
import { useNewRuleDraft } from '../rule-draft/RuleDraftNote';
import './konnect.css';

export function KonnectPanel() {
  const [open, setOpen] = useState(false);
  // a rule drafted for a Konnect session ("capture more like this") opens the dialog
  useNewRuleDraft('konnect', () => setOpen(true));
  const pulls = useSyncExternalStore(konnectSync.subscribe, konnectSync.getSnapshot);
  const selectSession = useStore((s) => s.selectSession);
  useEffect(() => konnectSync.init(), []);
  useSessionNames();
  const live = Object.values(pulls).filter((p) => p.phase !== 'done');
  const now = useTicker(live.length > 0);

  return (
    <section className="konnect-panel" aria-label="Konnect">
      <h2 className="sidebar-title">
        Konnect <span className="badge badge-preview">Preview</span>
      </h2>
      <div className="konnect-panel-body">
        <button type="button" onClick={() => setOpen(true)}>
          Konnect sessions…
        </button>
        {live.length > 0 && (
          <ul className="konnect-live" aria-label="Konnect sessions being pulled">
            {live.map((p) => {
              const s = p.session;
              const left = s && isRunning(s) && s.endsAt ? formatSeconds((Date.parse(s.endsAt) - now) / 1000) : null;
              return (
                <li key={p.sessionId}>
                  <button type="button" onClick={() => selectSession(konnectSessionId(p.sessionId))}>
                    <span className="konnect-item-name">{p.controlPlaneName}</span>
                    <span className="konnect-item-meta">
                      {s ? `${statusText(s.status)} · ${s.traceCount} traces` : 'resuming…'}
                      {left ? ` · ${left} left` : ''}
                    </span>
                    {p.waitingS !== null && <span className="konnect-item-meta">rate limited: waiting {p.waitingS} s</span>}
                    {p.error && <span className="konnect-item-why">{p.error}</span>}
                  </button>
                  {p.phase === 'paused' && (
                    <span className="konnect-actions">
                      {p.signInAgain ? (
                        <button type="button" onClick={() => setOpen(true)}>
                          Sign in again…
                        </button>
                      ) : (
                        <button type="button" onClick={() => konnectSync.resume(p.sessionId)}>
                          Resume
                        </button>
                      )}
                      <button type="button" onClick={() => konnectSync.forget(p.sessionId)}>
                        Dismiss
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {open && <KonnectDialog onClose={() => setOpen(false)} />}
    </section>
  );
}
