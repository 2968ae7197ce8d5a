/** Imports in flight (progress bar with cancel) and their outcome (what was imported, what was skipped). */
import { useShallow } from 'zustand/react/shallow';
import { cancelImport } from '../../db/ingest-client';
import { useStore } from '../../store';
import type { ImportStatus as Status } from '../../store/imports';
import './import.css';

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function Row({ s }: { s: Status }) {
  const dismiss = useStore((st) => st.dismissImport);
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
    <div className={`import-row import-${s.state}`} role={s.state === 'failed' ? 'alert' : 'status'}>
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
    <div className="import-status" aria-label="Imports">
      {imports.map((s) => (
        <Row key={s.id} s={s} />
      ))}
    </div>
  );
}
