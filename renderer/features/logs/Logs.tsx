/**
 * The trace's log lines: a region named "Logs", virtualised, oldest first unless toggled, filtered by
 * level, source and text, with counts per level. Selecting a span (anywhere) highlights its lines and
 * its descendants' lines and scrolls to them; the other lines stay unless "This span only" is on.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TraceSpans } from '../../../shared/model/types';
import { useTraceLogs } from '../../db/repo';
import { useStore } from '../../store';
import { useVirtualList } from '../../ui/useVirtualList';
import { filterLogs, LOG_LEVELS, logSources, prepareLogs, spanFamily, type LogLevel, type PreparedLog } from './log-filter';
import { LogLine, ROW_H } from './LogLine';
import './Logs.css';

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
  const spanOnly = useStore((s) => s.logSpanOnly);
  const setSpanOnly = useStore((s) => s.setLogSpanOnly);
  const records = useTraceLogs(sessionId, traceId);
  const [expanded, setExpanded] = useState<number | null>(null);

  // a source picked in one trace rarely exists in the next, and an open line belongs to its trace
  useEffect(() => {
    setSource(null);
    setExpanded(null);
  }, [traceId, setSource]);

  const spanNames = useMemo(() => new Map((trace?.spans ?? []).map((s) => [s.spanId, s.name])), [trace]);
  const prepared = useMemo(() => prepareLogs(records ?? [], spanNames), [records, spanNames]);
  const sources = useMemo(() => logSources(prepared), [prepared]);
  const family = useMemo(() => (spanId && trace ? spanFamily(trace.spans, spanId) : null), [trace, spanId]);
  const result = useMemo(
    () => filterLogs(prepared, { levels, source, spans: spanOnly ? family : null, text, newestFirst }),
    [prepared, levels, source, spanOnly, family, text, newestFirst],
  );
  const rows = result.rows;
  // keyed by the line, so the height measured for an opened line stays with it as filters change
  const rowKey = useCallback((i: number) => rows[i]!.index, [rows]);
  const virtual = useVirtualList({ count: rows.length, rowHeight: ROW_H, getItemKey: rowKey });

  const highlightCount = useMemo(() => (family ? rows.reduce((n, p) => n + (family.has(p.record.spanId) ? 1 : 0), 0) : 0), [rows, family]);
  const firstHighlighted = useMemo(() => (family ? rows.findIndex((p) => family.has(p.record.spanId)) : -1), [rows, family]);
  // a newly selected span brings its first line into view (with the line before it for context)
  const { ref: scroller, offsetOf, scrollTo } = virtual;
  useEffect(() => {
    const el = scroller.current;
    if (!el || firstHighlighted < 0) return;
    const top = offsetOf(firstHighlighted);
    if (top < el.scrollTop || top + ROW_H > el.scrollTop + el.clientHeight) scrollTo(top - ROW_H);
    // only when the selection (or the trace) changes, not on every scroll or filter keystroke
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately narrower than what the effect reads (see above)
  }, [spanId, traceId, firstHighlighted >= 0]);

  const toggleLevel = (l: LogLevel) => setLevels(levels.includes(l) ? levels.filter((x) => x !== l) : [...levels, l]);
  const shownLevels = LOG_LEVELS.filter((l) => CORE_LEVELS.includes(l) || result.counts[l] > 0);
  const toggle = (p: PreparedLog) => setExpanded((e) => (e === p.index ? null : p.index));
  const pick = (p: PreparedLog) => {
    if (p.record.spanId) selectSpan(p.record.spanId);
    toggle(p);
  };

  const spanName = spanId ? (spanNames.get(spanId) ?? spanId) : '';
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
        <input type="search" aria-label="Filter logs" placeholder="Filter text" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="logs-bar logs-bar-2">
        <label className="logs-check" title={spanId ? `Show only the lines of ${spanName} and its child spans` : 'Select a span first'}>
          <input type="checkbox" checked={spanOnly} disabled={!spanId && !spanOnly} onChange={(e) => setSpanOnly(e.target.checked)} />
          This span only
        </label>
        {family && (
          <span className="logs-highlight-note" title={spanName}>
            {highlightCount === 0 ? `No lines of ${spanName}` : `${lines(highlightCount)} of ${spanName}`}
          </span>
        )}
        <select aria-label="Source" value={source ?? '\u0000'} onChange={(e) => setSource(e.target.value === '\u0000' ? null : e.target.value)}>
          <option value={'\u0000'}>All sources</option>
          {sources.map((s) => (
            <option key={s.source} value={s.source}>
              {`${s.source || '(trace)'} (${s.count})`}
            </option>
          ))}
        </select>
        <button type="button" aria-pressed={newestFirst} onClick={() => setNewestFirst(!newestFirst)} title="Toggle the order">
          {newestFirst ? 'Newest first' : 'Oldest first'}
        </button>
        <span className="logs-count muted" aria-live="polite">
          {rows.length === prepared.length ? lines(prepared.length) : `${rows.length} of ${lines(prepared.length)}`}
        </span>
      </div>
      <div className="logs-body" ref={virtual.ref}>
        <div role="list" aria-label="Log lines" className="logs-spacer" style={{ height: virtual.totalSize }}>
          {virtual.items.map(({ index: pos, key, start }) => {
            const p = rows[pos]!;
            return (
              <LogLine
                key={key}
                line={p}
                pos={pos}
                top={start}
                total={rows.length}
                highlighted={!!family?.has(p.record.spanId)}
                expanded={p.index === expanded}
                onPick={pick}
                onToggle={toggle}
                measure={virtual.measureElement}
              />
            );
          })}
        </div>
        {rows.length === 0 && records !== undefined && <EmptyLogs total={prepared.length} spanOnly={spanOnly && !!family} spanName={spanName} onAllSpans={() => setSpanOnly(false)} />}
      </div>
    </section>
  );
}

function EmptyLogs({ total, spanOnly, spanName, onAllSpans }: { total: number; spanOnly: boolean; spanName: string; onAllSpans(): void }) {
  if (total === 0) {
    return (
      <p className="logs-empty muted">
        No log lines for this trace. Konnect captures logs only when the debugger session asks for them (gateway 3.11 or later).
      </p>
    );
  }
  return (
    <p className="logs-empty muted">
      {spanOnly ? `No lines match for span ${spanName}. ` : 'No lines match the filters. '}
      {spanOnly && (
        <button type="button" onClick={onAllSpans}>
          Show all spans
        </button>
      )}
    </p>
  );
}

const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
