/**
 * The main area while a live capture has received nothing yet: it says it is waiting, where, and how to
 * point a gateway here (the settings with a copy button), where the user is looking rather than in the
 * sidebar. `children` when the selected session is not a running capture without traces.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import { useSession } from '../../db/repo';
import { captureSessionId } from '../../../shared/ids';
import { gatewayUrl } from './capture-session';
import { captureSync } from './capture-sync';
import { KongSettingsBox } from './KongSettingsBox';
import './capture.css';

export function CaptureWaiting({ sessionId, children }: { sessionId: string | null; children: ReactNode }) {
  const view = useSyncExternalStore(captureSync.subscribe, captureSync.getSnapshot);
  const session = useSession(sessionId);
  const status = view.status;
  if (!sessionId || !status || status.state !== 'running' || captureSessionId(status.id) !== sessionId) return children;
  if (!session || session.traceCount > 0) return children;
  const url = gatewayUrl(status);
  return (
    <section className="capture-waiting" aria-label="Waiting for traces">
      <h2>
        <span className="capture-waiting-dot" aria-hidden="true" /> Waiting for your gateway on <code>{url}</code> …
      </h2>
      <p className="muted">No trace has arrived yet. Point Kong’s OpenTelemetry plugin here; traces appear as soon as requests go through it.</p>
      <KongSettingsBox url={url} />
    </section>
  );
}
