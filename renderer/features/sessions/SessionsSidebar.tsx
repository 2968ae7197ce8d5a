/** The sessions sidebar: every session in the store, the selected one highlighted; each with its menu. */
import { useSessions } from '../../db/repo';
import { useStore } from '../../store';
import { SessionItem } from './SessionItem';
import './sessions.css';

export function SessionsSidebar() {
  const sessions = useSessions();
  const selected = useStore((s) => s.sessionId);
  return (
    <nav className="sessions" aria-label="Sessions">
      <h2 className="sidebar-title">Sessions</h2>
      {sessions === undefined ? (
        <p className="muted sidebar-empty">Loading…</p>
      ) : sessions.length === 0 ? (
        <p className="muted sidebar-empty">No sessions yet. Open a trace file, drop one here, or connect Konnect.</p>
      ) : (
        <ul className="session-list">
          {sessions.map((s) => (
            <SessionItem key={s.id} s={s} selected={s.id === selected} />
          ))}
        </ul>
      )}
    </nav>
  );
}
