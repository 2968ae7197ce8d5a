/**
 * Live capture from a local gateway (issue 7): start a capture session, show the Kong settings to point
 * the gateway here, follow the counters, stop. Captured traces go into session `capture:<id>` as they
 * arrive (see capture-sync.ts), and the panel selects that session when a capture starts.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useStore } from '../../store';
import { CaptureCounters } from './CaptureCounters';
import { CaptureForm } from './CaptureForm';
import { captureSessionId } from '../../../shared/ids';
import { gatewayUrl } from './capture-session';
import { captureSync } from './capture-sync';
import { KongSettingsBox } from './KongSettingsBox';
import { RuleDraftNote, useNewRuleDraft } from '../rule-draft/RuleDraftNote';
import './capture.css';

export function CapturePanel() {
  const view = useSyncExternalStore(captureSync.subscribe, captureSync.getSnapshot);
  const selectSession = useStore((s) => s.selectSession);
  const clearDraft = useStore((s) => s.clearRuleDraft);
  // collapsed until the user opens it, or a capture is known (running, or ended in this app run)
  const [open, setOpen] = useState<boolean | null>(null);
  useEffect(() => captureSync.init(), []);

  const status = view.status;
  const running = status?.state === 'running';
  // a rule drafted for a capture opens the panel, where its form shows it
  const draft = useNewRuleDraft('capture', () => setOpen(true));
  const expanded = running || (open ?? status !== null);
  const settingsUrl = status && running ? gatewayUrl(status) : 'http://127.0.0.1:4318';

  return (
    <section className="capture" aria-label="Live capture">
      <h2 className="sidebar-title">
        <button type="button" className="capture-toggle" aria-expanded={expanded} onClick={() => setOpen(!expanded)}>
          Live capture {running && <span className="badge badge-running">on</span>}
        </button>
      </h2>
      {expanded && (
        <div className="capture-body">
          {status && <CaptureCounters status={status} />}
          {running ? (
            <>
              {draft && <RuleDraftNote target="capture" />}
              {draft && <p className="muted">A capture is running: stop it, and the next one starts with this rule.</p>}
              <button type="button" className="danger" disabled={view.busy} onClick={() => void captureSync.stop()}>
                Stop capture
              </button>
            </>
          ) : (
            <CaptureForm
              busy={view.busy}
              onStart={(args) =>
                void captureSync.start(args).then((started) => {
                  const id = captureSync.getSnapshot().status?.id;
                  if (started) clearDraft();
                  if (started && id) selectSession(captureSessionId(id));
                })
              }
            />
          )}
          {view.error && (
            <p className="capture-error" role="alert">
              {view.error}
            </p>
          )}
          <KongSettingsBox url={settingsUrl} />
        </div>
      )}
    </section>
  );
}
