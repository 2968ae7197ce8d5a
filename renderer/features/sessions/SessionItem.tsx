/**
 * One session in the sidebar and its menu: pin, rename (inline), import details, export, delete (after
 * an in-app confirmation). No window.prompt / confirm: the desktop runtime has no prompt.
 */
import { useState } from 'react';
import { storeOp } from '../../db/ingest-client';
import type { SessionRow } from '../../db/schema';
import { useStore } from '../../store';
import { Dialog } from '../shell/Dialog';
import { usePopover } from '../shell/usePopover';
import { formatFull } from '../time/format-time';
import { downloadSession } from './exportSession';
import { sessionTitle, sessionWhen } from './session-label';

const SOURCE_LABEL: Record<SessionRow['source'], string> = {
  sample: 'Sample',
  file: 'File',
  konnect: 'Konnect',
  capture: 'Live',
};

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** A pin drawn as SVG, so it shows without an emoji font. */
function PinIcon() {
  return (
    <svg className="pin-icon" width="11" height="11" viewBox="0 0 16 16" role="img" aria-label="pinned">
      <path d="M10.5 1.5l4 4-2.2.9-2.6 2.6.3 3.5-1.5 1.5-3-3-3.5 3.5-.7-.7L5 10.3l-3-3L3.5 5.8 7 6.1l2.6-2.6z" fill="currentColor" />
    </svg>
  );
}

export function SessionItem({ s, selected }: { s: SessionRow; selected: boolean }) {
  const select = useStore((st) => st.selectSession);
  const report = useStore((st) => st.importReports[s.id]);
  const zone = useStore((st) => st.timeZone);
  const pop = usePopover('menu');
  const [renaming, setRenaming] = useState(false);
  const [dialog, setDialog] = useState<'delete' | 'details' | null>(null);
  const title = sessionTitle(s, zone);
  const when = sessionWhen(s, zone);

  const act = (run: () => unknown) => () => {
    pop.close(false);
    run();
  };
  return (
    <li className={`session${selected ? ' selected' : ''}`}>
      {renaming ? (
        <RenameField
          name={title}
          onDone={(name) => {
            setRenaming(false);
            if (name && name !== title) void storeOp({ op: 'rename', sessionId: s.id, name });
          }}
        />
      ) : (
        <button className="session-main" aria-current={selected ? 'true' : undefined} onClick={() => select(s.id)} title={s.files?.length ? `${title}\nfrom ${s.files.join(', ')}` : title}>
          <span className="session-name">
            {s.pinned && <PinIcon />}
            {title}
          </span>
          <span className="session-meta muted">
            <span className={`badge badge-${s.source}`}>{SOURCE_LABEL[s.source]}</span>
            {s.status === 'running' && <span className="badge badge-running">running</span>}
            {plural(s.traceCount, 'trace')}
          </span>
          <span className="session-when muted" title={when.title}>
            {when.text}
          </span>
        </button>
      )}
      <button type="button" className="session-more" aria-label={`Actions for ${title}`} aria-haspopup="menu" {...pop.buttonProps}>
        ⋯
      </button>
      {pop.open && (
        <div className="menu session-menu" role="menu" aria-label={`Actions for ${title}`} {...pop.popoverProps}>
          <button role="menuitem" onClick={act(() => void storeOp({ op: 'pin', sessionId: s.id, pinned: !s.pinned }))}>
            {s.pinned ? 'Unpin' : 'Pin (keep past retention)'}
          </button>
          <button role="menuitem" onClick={act(() => setRenaming(true))}>
            Rename
          </button>
          <button role="menuitem" onClick={act(() => setDialog('details'))}>
            Import details
          </button>
          <button role="menuitem" onClick={act(() => void downloadSession(s))}>
            Export as OTLP/JSON (sanitized)
          </button>
          <button role="menuitem" className="danger" onClick={act(() => setDialog('delete'))}>
            Delete…
          </button>
        </div>
      )}
      {dialog === 'delete' && (
        <Dialog
          title={`Delete “${title}”?`}
          onClose={() => setDialog(null)}
          actions={
            <>
              <button type="button" autoFocus onClick={() => setDialog(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="danger-action"
                onClick={() => {
                  setDialog(null);
                  if (selected) select(null);
                  void storeOp({ op: 'delete', sessionId: s.id });
                }}
              >
                Delete
              </button>
            </>
          }
        >
          <p>
            {plural(s.traceCount, 'trace')} and {plural(s.logCount, 'log line')} will be removed from this computer. This cannot be undone.
          </p>
        </Dialog>
      )}
      {dialog === 'details' && (
        <Dialog
          title={`Import details: ${title}`}
          wide
          onClose={() => setDialog(null)}
          actions={
            <button type="button" autoFocus onClick={() => setDialog(null)}>
              Close
            </button>
          }
        >
          <dl className="session-details">
            <dt>Source</dt>
            <dd>{SOURCE_LABEL[s.source]}</dd>
            {s.files?.length ? (
              <>
                <dt>{s.files.length === 1 ? 'File' : 'Files'}</dt>
                <dd className="mono">{s.files.join(', ')}</dd>
              </>
            ) : null}
            <dt>Holds</dt>
            <dd>
              {plural(s.traceCount, 'trace')}, {plural(s.spanCount, 'span')}, {plural(s.logCount, 'log line')}
            </dd>
            <dt>Captured</dt>
            <dd>{when.title}</dd>
            <dt>Stored</dt>
            <dd>{formatFull(s.createdAt, zone)}</dd>
          </dl>
          {report ? (
            <>
              <h3 className="session-details-h">Last import ({report.fileName}, {formatFull(report.finishedAt, zone)})</h3>
              <p>{report.message}</p>
              {report.skippedTotal > 0 && (
                <>
                  <p>
                    Skipped {plural(report.skippedTotal, 'record')}
                    {report.skippedTotal > report.skipped.length ? ` (the first ${report.skipped.length} listed)` : ''}:
                  </p>
                  <ul className="session-skipped">
                    {report.skipped.map((k, i) => (
                      <li key={i}>
                        <span className="mono">{k.where}</span>: {k.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          ) : (
            <p className="muted">No import report was kept for this session (it was imported before reports were kept, or it is a sample).</p>
          )}
        </Dialog>
      )}
    </li>
  );
}

function RenameField({ name, onDone }: { name: string; onDone(name: string | null): void }) {
  const [value, setValue] = useState(name);
  return (
    <form
      className="session-rename"
      onSubmit={(e) => {
        e.preventDefault();
        onDone(value.trim() || null);
      }}
    >
      <input
        aria-label="Session name"
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onFocus={(e) => e.currentTarget.select()}
        onBlur={() => onDone(value.trim() || null)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone(null);
          }
        }}
      />
    </form>
  );
}
