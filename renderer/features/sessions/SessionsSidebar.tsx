/** The sessions sidebar: every session in the store, the selected one highlighted; pin, rename, delete. */
import { useState } from 'react';
import { deleteSession, renameSession, setPinned, useSessions } from '../../db/repo';
import type { SessionRow } from '../../db/schema';
import { useStore } from '../../store';
import { downloadSession } from './exportSession';
import './sessions.css';

const SOURCE_LABEL: Record<SessionRow['source'], string> = {
  sample: 'Sample',
  file: 'File',
  konnect: 'Konnect',
  capture: 'Live',
};

function when(ms: number): string {
  const d = new Date(ms);
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function SessionItem({ s, selected }: { s: SessionRow; selected: boolean }) {
  const select = useStore((st) => st.selectSession);
  const [menu, setMenu] = useState(false);
  return (
    <li className={`session${selected ? ' selected' : ''}`}>
      <button className="session-main" aria-current={selected ? 'true' : undefined} onClick={() => select(s.id)} title={s.files?.join(', ') ?? s.name}>
        <span className="session-name">
          {s.pinned && <span aria-label="pinned">📌 </span>}
          {s.name}
        </span>
        <span className="session-meta muted">
          <span className={`badge badge-${s.source}`}>{SOURCE_LABEL[s.source]}</span>
          {s.status === 'running' && <span className="badge badge-running">running</span>}
          {s.traceCount.toLocaleString()} trace{s.traceCount === 1 ? '' : 's'} · {when(s.createdAt)}
        </span>
      </button>
      <button className="session-more" aria-label={`Actions for ${s.name}`} aria-expanded={menu} onClick={() => setMenu(!menu)}>
        ⋯
      </button>
      {menu && (
        <div className="menu session-menu" role="menu">
          <button role="menuitem" onClick={() => void setPinned(s.id, !s.pinned).then(() => setMenu(false))}>
            {s.pinned ? 'Unpin' : 'Pin (keep past retention)'}
          </button>
          <button
            role="menuitem"
            onClick={() => {
              const name = window.prompt('Session name', s.name);
              if (name?.trim()) void renameSession(s.id, name.trim());
              setMenu(false);
            }}
          >
            Rename…
          </button>
          <button role="menuitem" onClick={() => void downloadSession(s).finally(() => setMenu(false))}>
            Export as OTLP/JSON (sanitized)
          </button>
          <button
            role="menuitem"
            className="danger"
            onClick={() => {
              if (window.confirm(`Delete “${s.name}” and its ${s.traceCount} traces from this computer?`)) {
                if (selected) select(null);
                void deleteSession(s.id);
              }
              setMenu(false);
            }}
          >
            Delete…
          </button>
        </div>
      )}
    </li>
  );
}

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
