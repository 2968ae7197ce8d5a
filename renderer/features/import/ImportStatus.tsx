/**
 * The one notification area, over the workspace's corner so it never pushes the views down: imports in
 * flight (progress with Cancel) and their outcome. A clean success fades after a few seconds (not while
 * the pointer or focus is on it); failures and imports that skipped records stay until dismissed. The
 * session keeps its report either way (its menu: Import details).
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { cancelImport } from '../../db/ingest-client';
import { useStore } from '../../store';
import type { ImportStatus as Status } from '../../db/ingest-client';
import './import.css';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

const FADE_AFTER_MS = 10_000;

function Row({ s }: { s: Status }) {
  const dismiss = useStore((st) => st.dismissImport);
  const [held, setHeld] = useState(false);
  const fades = s.state === 'done' && !s.skipped?.length;
  useEffect(() => {
    if (!fades || held) return;
    const t = setTimeout(() => dismiss(s.id), FADE_AFTER_MS);
    return () => clearTimeout(t);
  }, [fades, held, dismiss, s.id]);
  const pct = s.totalBytes ? Math.min(100, (100 * s.bytesRead) / s.totalBytes) : undefined;
  if (s.state === 'running') {
    return (
      <div className="import-row" role="status" aria-label={`Importing ${s.fileName}`}>
        <span className="import-name">{s.fileName}</span>
        <progress max={100} value={pct} aria-label={`Import progress of ${s.fileName}`} />
        <span className="muted mono">
          {s.spans.toLocaleString()} spans{s.totalBytes ? ` · ${formatBytes(s.bytesRead)} of ${formatBytes(s.totalBytes)}` : ''}
        </span>
        <button onClick={() => cancelImport(s.id)}>Cancel</button>
      </div>
    );
  }
  return (
    <div
      className={`import-row import-${s.state}${fades && !held ? ' fading' : ''}`}
      role={s.state === 'failed' ? 'alert' : 'status'}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <span className="import-message">{s.message}</span>
      {s.skipped && s.skipped.length > 0 && (
        <details className="import-skipped">
          <summary>What was skipped</summary>
          <ul>
            {s.skipped.map((k, i) => (
              <li key={i}>
                <span className="mono">{k.where}</span>: {k.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button aria-label="Dismiss" onClick={() => dismiss(s.id)}>
        ×
      </button>
    </div>
  );
}

export function ImportStatus() {
  const imports = useStore(useShallow((s) => Object.values(s.imports).filter((i) => !i.fileName.startsWith('samples/'))));
  if (!imports.length) return null;
  return (
    <div className="import-status" role="region" aria-label="Imports">
      {imports.map((s) => (
        <Row key={s.id} s={s} />
      ))}
    </div>
  );
}
