/**
 * A control plane's debugger sessions: running and past, with state, trace counts and time left; stop a
 * running one; open one to pull its traces into the trace list (running ones keep arriving); start one.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BridgeError } from '../../../shared/bridge/result';
import { formatDuration } from '../../../shared/konnect/session-spec';
import type { ControlPlane, DebugSession } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { useStore } from '../../store';
import { describeFailure } from './failure';
import { konnectSync } from './konnect-sync';
import { StartSessionForm } from './StartSessionForm';
import { useLoad, useTicker } from './useKonnect';

interface Props {
  accountId: string;
  controlPlane: ControlPlane;
  onFailure(error: BridgeError | null): void;
  onOpened(): void;
}

function ruleLabel(s: DebugSession): string {
  if (s.rule.kind === 'expression') return s.rule.expression;
  return s.rule.kind === 'route' ? `route ${s.rule.label ?? s.rule.routeId}` : `service ${s.rule.label ?? s.rule.serviceId}`;
}

export function SessionsView({ accountId, controlPlane, onFailure, onOpened }: Props) {
  const [starting, setStarting] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const sessions = useLoad(`${accountId}|${controlPlane.id}|sessions`, () => bridge.invoke('konnect.sessions', { accountId, controlPlaneId: controlPlane.id, opId: `sessions:${controlPlane.id}` }));
  const pulls = useSyncExternalStore(konnectSync.subscribe, konnectSync.getSnapshot);
  const selectSession = useStore((s) => s.selectSession);
  const anyRunning = sessions.data?.some((s) => s.state === 'running') ?? false;
  const now = useTicker(anyRunning);
  useEffect(() => onFailure(sessions.error), [sessions.error, onFailure]);

  async function open(session: DebugSession) {
    const key = await konnectSync.follow({ accountId, controlPlaneId: controlPlane.id, controlPlaneName: controlPlane.name, session });
    selectSession(key);
    onOpened();
  }

  async function stop(session: DebugSession) {
    setActionError(null);
    const res = await bridge.invoke('konnect.stopSession', { accountId, controlPlaneId: controlPlane.id, sessionId: session.id });
    if (!res.ok) {
      setActionError(describeFailure(res.error).message);
      onFailure(res.error);
    }
    sessions.reload();
  }

  if (!controlPlane.debuggerSupported) {
    return (
      <section className="konnect-sessions" aria-label="Debugger sessions">
        <h3>{controlPlane.name}</h3>
        <p className="konnect-error">{controlPlane.unsupportedReason}</p>
      </section>
    );
  }

  return (
    <section className="konnect-sessions" aria-label="Debugger sessions">
      <div className="konnect-heading">
        <h3>{controlPlane.name}: debugger sessions</h3>
        <button type="button" onClick={() => sessions.reload()} disabled={sessions.loading}>
          Refresh
        </button>
        {!starting && (
          <button type="button" className="primary" onClick={() => setStarting(true)}>
            New session…
          </button>
        )}
      </div>
      {starting && (
        <StartSessionForm
          accountId={accountId}
          controlPlane={controlPlane}
          onCancel={() => setStarting(false)}
          onStarted={(s) => {
            setStarting(false);
            sessions.reload();
            void open(s);
          }}
        />
      )}
      {sessions.error && (
        <p className="konnect-error" role="alert">
          {sessions.error.message}
        </p>
      )}
      {actionError && (
        <p className="konnect-error" role="alert">
          {actionError}
        </p>
      )}
      {sessions.data && sessions.data.length === 0 && <p className="konnect-muted">No debugger sessions yet on this control plane.</p>}
      <ul className="konnect-list" aria-label="Sessions">
        {sessions.data?.map((s) => {
          const left = s.state === 'running' && s.endsAt ? formatDuration((Date.parse(s.endsAt) - now) / 1000) : null;
          const pull = pulls[s.id];
          return (
            <li key={s.id} className="konnect-session" data-state={s.state}>
              <div className="konnect-session-main">
                <span className={`badge badge-${s.state}`}>{s.state}</span>
                <span className="konnect-item-name">{ruleLabel(s)}</span>
                <span className="konnect-item-meta">
                  {s.traceCount} of {s.maxTraces} traces{s.captureLogs ? ` · ${s.logCount} log lines` : ''}
                  {left ? ` · ${left} left` : ''}
                  {s.endReason ? ` · ${s.endReason}` : ''} · started {new Date(s.startedAt ?? s.createdAt).toLocaleString()}
                </span>
                {pull && (
                  <span className="konnect-item-meta">
                    {pull.phase === 'following' ? 'pulling into the trace list' : pull.phase === 'done' ? 'pulled, available offline' : 'pull paused'}
                    {pull.error ? `: ${pull.error}` : ''}
                  </span>
                )}
              </div>
              <div className="konnect-session-actions">
                <button type="button" onClick={() => void open(s)}>
                  {pull ? 'Show traces' : s.state === 'running' ? 'Follow' : 'Pull traces'}
                </button>
                {s.state === 'running' && (
                  <button type="button" className="danger" onClick={() => void stop(s)}>
                    Stop
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
