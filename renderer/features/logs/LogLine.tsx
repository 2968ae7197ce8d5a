/**
 * One log line: time (with milliseconds, the date when not today), level, source, message. Clicking it
 * selects its span and opens it to its full text and attributes; it never removes lines. Rendered as
 * text only: log content is untrusted.
 */
import { useStore } from '../../store';
import { formatClock, formatFull } from '../time/format-time';
import { CopyButton } from '../../ui/CopyButton';
import { logLineText, type PreparedLog } from './log-filter';

/** a closed line's height, its bottom border included (Logs.css) */
export const ROW_H = 22;

interface Props {
  line: PreparedLog;
  pos: number;
  top: number;
  total: number;
  /** the line belongs to the selected span or one of its descendants */
  highlighted: boolean;
  expanded: boolean;
  onPick(line: PreparedLog): void;
  onToggle(line: PreparedLog): void;
  /** the list's ref callback: it measures the line (an open one is taller than a row) */
  measure(el: Element | null): void;
}

export function LogLine({ line, pos, top, total, highlighted, expanded, onPick, onToggle, measure }: Props) {
  const zone = useStore((s) => s.timeZone);

  const r = line.record;
  const fields: [string, string][] = [
    ['time', formatFull(r.timeMs, zone)],
    ['severity', `${r.severityText || line.level} (${r.severityNumber})`],
    ...(line.spanName ? [['span', `${line.spanName} (${r.spanId})`] as [string, string]] : []),
    ...Object.entries(r.attributes).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  ];
  return (
    <div
      ref={measure}
      data-index={pos}
      role="listitem"
      aria-setsize={total}
      aria-posinset={pos + 1}
      aria-current={highlighted ? 'true' : undefined}
      className={`log-line${highlighted ? ' highlighted' : ''}${expanded ? ' expanded' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
    >
      <div className="log-row" onClick={() => onPick(line)} title={expanded ? undefined : line.message}>
        <button
          type="button"
          className="log-toggle"
          aria-expanded={expanded}
          aria-label={expanded ? 'Close line' : 'Open line'}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(line);
          }}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
        <span className="log-time mono muted" title={formatFull(r.timeMs, zone)}>
          {formatClock(r.timeMs, zone)}
        </span>
        <span className={`log-level level-${line.level}`}>{line.level}</span>
        <span className="log-source muted" title={line.source}>
          {line.source || '(trace)'}
        </span>
        <span className="log-message mono">{line.message}</span>
        <CopyButton text={logLineText(line)} label="Copy line" small />
      </div>
      {expanded && (
        <div className="log-detail">
          <pre className="log-full mono">{line.message}</pre>
          <dl className="log-attrs">
            {fields.map(([k, v]) => (
              <div key={k} className="log-attr">
                <dt className="mono">{k}</dt>
                <dd className="mono">{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </div>
  );
}
