/**
 * A control plane's debugger sessions: pending, in progress and ended, with Kong's status, trace counts and
 * time left; stop one in progress; open one to pull its traces into the trace list (traces of one in
 * progress keep arriving); start one. A basic rule's route or service shows by name once Konnect says it.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { BridgeError } from '../../../shared/bridge/result';
import { formatSeconds } from '../../../shared/util/duration';
import { hasEnded, isRunning, type ControlPlane, type DebugSession, type EntityNames } from '../../../shared/konnect/types';
import { bridge } from '../../bridge';
import { EntityName } from '../entity-names/EntityName';
import { useStore } from '../../store';
import { formatFull } from '../time/format-time';
import { describeFailure } from './failure';
import { konnectSync } from './konnect-sync';
import { statusClass, statusText } from './status';
import { StartSessionForm } from './StartSessionForm';
import { useRuleDraft } from '../rule-draft/RuleDraftNote';
import { useLoad, useTicker } from './useKonnect';

interface Props {
  accountId: string;
  controlPlane: ControlPlane;
  onFailure(error: BridgeError | null): void;
  onOpened(): void;
}

function RuleLabel({ s, names }: { s: DebugSession; names: EntityNames | undefined }) {
  const r = s.rule;
  if (r.kind === 'all') return <>every request</>;
  if (r.kind === 'expression') return <>{r.expression}</>;
  const id = r.kind === 'route' ? r.routeId : r.serviceId;
  return (
    <>
      {r.kind} <EntityName kind={r.kind} id={id} name={r.label ?? names?.[r.kind]?.[id] ?? null} />
    </>
  );
}

export function SessionsView({ accountId, controlPlane, onFailure, onOpened }: Props) {
  // a rule drafted in session insights ("capture more like this") opens the new-session form
  const draft = useRuleDraft('konnect');
  const [starting, setStarting] = useState(draft !== null);
  const [actionError, setActionError] = useState<string | null>(null);
  const sessions = useLoad(`${accountId}|${controlPlane.id}|sessions`, () => bridge.invoke('konnect.sessions', { accountId, controlPlaneId: controlPlane.id, opId: `sessions:${controlPlane.id}` }));
  const pulls = useSyncExternalStore(konnectSync.subscribe, konnectSync.getSnapshot);
  const selectSession = useStore((s) => s.selectSession);
  const zone = useStore((s) => s.timeZone);
  const anyRunning = sessions.data?.some(isRunning) ?? false;
  const now = useTicker(anyRunning);
  useEffect(() => onFailure(sessions.error), [sessions.error, onFailure]);
  const ruleIds = useMemo(() => {
    const ids = { route: new Set<string>(), service: new Set<string>() };
    for (const s of sessions.data ?? []) if (s.rule.kind === 'route' && !s.rule.label) ids.route.add(s.rule.routeId);
    for (const s of sessions.data ?? []) if (s.rule.kind === 'service' && !s.rule.label) ids.service.add(s.rule.serviceId);
    return ids.route.size + ids.service.size ? { route: [...ids.route].sort(), service: [...ids.service].sort() } : null;
  }, [sessions.data]);
  // names for basic rules, after the list shows (ids until then)
  const names = useLoad(ruleIds ? `${accountId}|${controlPlane.id}|names|${JSON.stringify(ruleIds)}` : null, () =>
    bridge.invoke('konnect.entityNames', { accountId, controlPlaneId: controlPlane.id, ids: ruleIds ?? {}, opId: `names:${controlPlane.id}` }),
  );

  async function open(session: DebugSession) {
    // the session's name in the sidebar says "route checkout", not the route's id, when the name is known
    const r = session.rule;
    const name = r.kind === 'route' ? names.data?.route?.[r.routeId] : r.kind === 'service' ? names.data?.service?.[r.serviceId] : null;
    const labelled = name && (r.kind === 'route' || r.kind === 'service') && !r.label ? { ...session, rule: { ...r, label: name } } : session;
    const key = await konnectSync.follow({ accountId, controlPlaneId: controlPlane.id, controlPlaneName: controlPlane.name, session: labelled });
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
          const left = isRunning(s) && s.endsAt ? formatSeconds((Date.parse(s.endsAt) - now) / 1000) : null;
          const pull = pulls[s.id];
          const nodes = s.nodeIds.length;
          return (
            <li key={s.id} className="konnect-session" data-status={s.status}>
              <div className="konnect-session-main">
                <span className={statusClass(s.status)}>{statusText(s.status)}</span>
                <span className="konnect-item-name">
                  {s.name ? `${s.name}: ` : ''}
                  <RuleLabel s={s} names={names.data} />
                </span>
                <span className="konnect-item-meta">
                  {s.traceCount} traces (up to {s.maxSamples} per node{nodes > 1 ? ` × ${nodes} nodes` : ''}){s.captureLogs ? ` · ${s.logCount} log lines` : ''}
                  {left ? ` · ${left} left` : ''}
                  {s.endReason ? ` · ${s.endReason}` : ''} · {s.startedAt ? 'started' : 'created'} {formatFull(Date.parse(s.startedAt ?? s.createdAt), zone)}
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
                  {pull ? 'Show traces' : hasEnded(s, now) ? 'Pull traces' : 'Follow'}
                </button>
                {isRunning(s) && (
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
