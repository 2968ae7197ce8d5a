/**
 * The trace's log lines: a region named "Logs", virtualised, newest first unless toggled, filtered by
 * level, source, span (the selected one unless "All spans") and text, with counts per level. Clicking a
 * line selects its span. Messages are rendered as text: log content is untrusted.
 */
import { useEffect, useMemo } from 'react';
import type { TraceSpans } from '../../../shared/model/types';
import { useTraceLogs } from '../../db/repo';
import { useStore } from '../../store';
import { useVirtualRows } from '../trace-list/useVirtualRows';
import { CopyButton } from '../trace-view/CopyButton';
import { filterLogs, LOG_LEVELS, logLineText, logSources, prepareLogs, type LogLevel, type PreparedLog } from './log-filter';
import './Logs.css';

const ROW_H = 22;
/** always offered, so the toolbar does not jump between traces; rarer levels appear when present */
const CORE_LEVELS: readonly LogLevel[] = ['debug', 'info', 'notice', 'warn', 'error'];

export function Logs({ trace }: { trace: TraceSpans | null }) {
  const sessionId = useStore((s) => s.sessionId);
  const traceId = useStore((s) => s.traceId);
  const spanId = useStore((s) => s.spanId);
  const selectSpan = useStore((s) => s.selectSpan);
  const levels = useStore((s) => s.logLevels);
  const setLevels = useStore((s) => s.setLogLevels);
  const source = useStore((s) => s.logSource);
  const setSource = useStore((s) => s.setLogSource);
  const text = useStore((s) => s.logText);
  const setText = useStore((s) => s.setLogText);
  const newestFirst = useStore((s) => s.logNewestFirst);
  const setNewestFirst = useStore((s) => s.setLogNewestFirst);
  const allSpans = useStore((s) => s.logAllSpans);
  const setAllSpans = useStore((s) => s.setLogAllSpans);
  const records = useTraceLogs(sessionId, traceId);

  // a source picked in one trace rarely exists in the next
  useEffect(() => setSource(null), [traceId, setSource]);

  const spanNames = useMemo(() => new Map((trace?.spans ?? []).map((s) => [s.spanId, s.name])), [trace]);
  const prepared = useMemo(() => prepareLogs(records ?? [], spanNames), [records, spanNames]);
  const sources = useMemo(() => logSources(prepared), [prepared]);
  const spanOptions = useMemo(() => spansWithLines(prepared, spanId, spanNames), [prepared, spanId, spanNames]);
  const spanFilter = !allSpans && spanId ? spanId : null;
  const result = useMemo(
    () => filterLogs(prepared, { levels, source, spanId: spanFilter, text, newestFirst }),
    [prepared, levels, source, spanFilter, text, newestFirst],
  );
  const virtual = useVirtualRows(result.rows.length, ROW_H);
  const shownLevels = LOG_LEVELS.filter((l) => CORE_LEVELS.includes(l) || result.counts[l] > 0);

  const toggleLevel = (l: LogLevel) => setLevels(levels.includes(l) ? levels.filter((x) => x !== l) : [...levels, l]);

  return (
    <section className="logs" aria-label="Logs">
      <div className="logs-bar">
        <div className="level-chips" role="group" aria-label="Levels">
          {shownLevels.map((l) => (
            <button key={l} type="button" className={`chip level-${l}`} aria-pressed={levels.includes(l)} onClick={() => toggleLevel(l)}>
              {l} <span className="chip-count">{result.counts[l]}</span>
            </button>
          ))}
        </div>
        <select
          aria-label="Span"
          value={spanFilter ?? ''}
          onChange={(e) => {
            if (e.target.value === '') setAllSpans(true);
            else {
              selectSpan(e.target.value);
              setAllSpans(false);
            }
          }}
        >
          <option value="">All spans</option>
          {spanOptions.map((o) => (
            <option key={o.spanId} value={o.spanId}>
              {o.label}
            </option>
          ))}
        </select>
        <select aria-label="Source" value={source ?? '\u0000'} onChange={(e) => setSource(e.target.value === '\u0000' ? null : e.target.value)}>
          <option value={'\u0000'}>All sources</option>
          {sources.map((s) => (
            <option key={s.source} value={s.source}>
              {`${s.source || '(trace)'} (${s.count})`}
            </option>
          ))}
        </select>
        <input type="search" aria-label="Filter logs" placeholder="Filter text" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" aria-pressed={newestFirst} onClick={() => setNewestFirst(!newestFirst)} title="Toggle order">
          {newestFirst ? 'Newest first' : 'Oldest first'}
        </button>
        <span className="logs-count muted" aria-live="polite">
          {result.rows.length === prepared.length ? lines(prepared.length) : `${result.rows.length} of ${lines(prepared.length)}`}
        </span>
      </div>
      <div className="logs-body" ref={virtual.ref} onScroll={virtual.onScroll}>
        <div role="list" aria-label="Log lines" className="logs-spacer" style={{ height: result.rows.length * ROW_H }}>
          {result.rows.slice(virtual.range.start, virtual.range.end).map((p, k) => {
            const i = virtual.range.start + k;
            return (
              <LogLine key={p.index} line={p} index={i} total={result.rows.length} selected={!!spanId && p.record.spanId === spanId} onSelect={selectSpan} />
            );
          })}
        </div>
        {result.rows.length === 0 && records !== undefined && (
          <EmptyLogs total={prepared.length} spanFiltered={spanFilter !== null} spanName={spanFilter ? (spanNames.get(spanFilter) ?? spanFilter) : ''} onAllSpans={() => setAllSpans(true)} />
        )}
      </div>
    </section>
  );
}

function spansWithLines(prepared: readonly PreparedLog[], selected: string | null, names: ReadonlyMap<string, string>) {
  const counts = new Map<string, number>();
  for (const p of prepared) if (p.record.spanId) counts.set(p.record.spanId, (counts.get(p.record.spanId) ?? 0) + 1);
  if (selected && !counts.has(selected)) counts.set(selected, 0);
  return [...counts].map(([spanId, count]) => ({ spanId, label: `${names.get(spanId) ?? spanId} (${count})` }));
}

function EmptyLogs({ total, spanFiltered, spanName, onAllSpans }: { total: number; spanFiltered: boolean; spanName: string; onAllSpans(): void }) {
  if (total === 0) {
    return (
      <p className="logs-empty muted">
        No log lines for this trace. Konnect captures logs only when the debugger session asks for them (gateway 3.11 or later).
      </p>
    );
  }
  return (
    <p className="logs-empty muted">
      {spanFiltered ? `No lines match for span ${spanName}. ` : 'No lines match the filters. '}
      {spanFiltered && (
        <button type="button" onClick={onAllSpans}>
          Show all spans
        </button>
      )}
    </p>
  );
}

const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;

const clock = (ms: number) => {
  if (!(ms > 0)) return '–';
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
};

function LogLine({ line, index, total, selected, onSelect }: { line: PreparedLog; index: number; total: number; selected: boolean; onSelect(id: string): void }) {
  const spanId = line.record.spanId;
  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      className={`log-line${selected ? ' selected' : ''}${spanId ? ' has-span' : ''}`}
      style={{ transform: `translateY(${index * ROW_H}px)` }}
      onClick={() => spanId && onSelect(spanId)}
      title={line.message}
    >
      <span className="log-time mono muted">{clock(line.record.timeMs)}</span>
      <span className={`log-level level-${line.level}`}>{line.level}</span>
      <span className="log-source muted" title={line.source}>
        {line.source || '(trace)'}
      </span>
      <span className="log-message mono">{line.message}</span>
      <CopyButton text={logLineText(line)} label="Copy line" />
    </div>
  );
}
