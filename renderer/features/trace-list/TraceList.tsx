/**
 * The session's traces: a virtualised ARIA grid named "Traces" (aria-rowcount is the full count even
 * though only the rows in view exist in the DOM), sortable by every column, filtered by text, driven by
 * the keyboard. Pasting an X-Kong-Request-Id, a trace id or a traceparent into the search jumps to that
 * trace, in whichever session holds it.
 */
import { useCallback, useEffect, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { isLogPhaseRoot, logPhaseRequests } from '../../../shared/kong/log-phase';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { useListSize } from '../shell/Workspace';
import { formatDuration } from '../waterfall/format';
import { formatClock, formatFull, zoneLabel, type TimeZoneChoice } from '../time/format-time';
import { COLUMNS, gridColumns, latencyCell, matchesText, moveSelection, parseJumpId, sortTraces, type SortKey } from './trace-list-model';
import { useSession } from '../../db/repo';
import { openTraceByText } from './open-trace';
import { useLogText } from './useLogText';
import { useVirtualList } from '../../ui/useVirtualList';
import './TraceList.css';

const ROW_H = 24;

export interface TraceListProps {
  /** the selected session's traces, undefined while they load (the parent reads them once for every filter) */
  traces: TraceRow[] | undefined;
  /** where the lead mounts the expression filter (issue 5), beside the text filter */
  expressionFilter?: ReactNode;
  /** the list / insights tabs, first in the bar (features/insights) */
  tabs?: ReactNode;
  /** an extra row predicate (the expression filter's), applied before the text filter */
  rowFilter?: (row: TraceRow) => boolean;
  /** when given, a "Why slow" column after the path: the reason per trace id (session insights' outliers) */
  why?: ReadonlyMap<string, string>;
  /** more controls for the bar, after the expression filter (the "Outliers only" toggle) */
  barExtra?: ReactNode;
  /** shown between the bar and the list (the chip of the trace set the list shows) */
  above?: ReactNode;
  /** Escape in the list (removes the trace set) */
  onEscape?: () => void;
}

/** the "Why slow" column's track, after the path's */
const WHY_TRACK = 'minmax(160px, 1.2fr)';

const rowDomId = (traceId: string) => `trace-row-${traceId}`;

export function TraceList({ traces: all, expressionFilter, rowFilter, tabs, why, barExtra, above, onEscape }: TraceListProps) {
  const sessionId = useStore((s) => s.sessionId);
  const traceId = useStore((s) => s.traceId);
  const selectTrace = useStore((s) => s.selectTrace);
  const closeHidden = useStore((s) => s.closeHiddenTrace);
  const sort = useStore((s) => s.traceSort);
  const setSort = useStore((s) => s.setTraceSort);
  const text = useStore((s) => s.traceFilterText);
  const setText = useStore((s) => s.setTraceFilterText);
  const notice = useStore((s) => s.traceNotice);
  const setNotice = useStore((s) => s.setTraceNotice);
  const listSize = useListSize();

  const zone = useStore((s) => s.timeZone);
  // the time cells say the date where it is not today: a wider column then (now is read per render, so a
  // list left open past midnight dates yesterday's traces at its next render)
  const dated = useMemo(() => (all ?? []).some((r) => formatClock(r.startMs, zone).includes(' ')), [all, zone]);
  const columns = gridColumns(dated, why ? WHY_TRACK : undefined);

  const needle = parseJumpId(text) ? '' : text.trim();
  const session = useSession(sessionId);
  const logText = useLogText(sessionId, session?.logCount, needle !== '');
  const rows = useMemo(() => {
    const logs = needle ? logText?.byTrace : undefined;
    const base = (all ?? []).filter((r) => (!rowFilter || rowFilter(r)) && matchesText(r, needle, logs?.get(r.traceId)));
    return sortTraces(base, sort.key, sort.dir);
  }, [all, rowFilter, needle, logText, sort.key, sort.dir]);
  const logNote = needle && session?.logCount ? (logText ? (logText.truncated ? ' (log lines of some traces not searched: too many)' : '') : ' (reading log lines…)') : '';

  // a 3.13+ log-phase trace of its own is listed as part of its request, and opens it
  const logPhaseOf = useMemo(() => logPhaseRequests(all ?? []), [all]);

  const selectedIndex = useMemo(() => rows.findIndex((r) => r.traceId === traceId), [rows, traceId]);
  const rowKey = useCallback((i: number) => rows[i]!.id, [rows]);
  const virtual = useVirtualList({ count: rows.length, rowHeight: ROW_H, getItemKey: rowKey });
  const { reveal } = virtual;
  useEffect(() => reveal(selectedIndex), [reveal, selectedIndex]);

  // a trace the filters hide is no longer shown as open: it is closed, and the list says why (as the
  // browser's network panel closes a request its filter hides). Only once this session's rows are read.
  useEffect(() => {
    if (!traceId || !all?.length || all[0]!.sessionId !== sessionId) return;
    const open = all.find((r) => r.traceId === traceId);
    if (!open) return;
    if (rows.some((r) => r.traceId === traceId || logPhaseOf.get(r.traceId)?.traceId === traceId)) return;
    closeHidden();
    setNotice(`Closed ${[open.method, open.path ?? open.rootName, open.status].filter((v) => v !== null && v !== undefined).join(' ')}: the filter hides it. Clear the filter to see it again.`);
  }, [traceId, all, sessionId, rows, logPhaseOf, closeHidden, setNotice]);

  function onGridKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
      return;
    }
    const next = moveSelection(selectedIndex, rows.length, e.key, virtual.pageSize);
    if (next === null) return;
    e.preventDefault();
    selectTrace(rows[next]!.traceId);
    reveal(next);
  }

  function toggleSort(key: SortKey) {
    const numericDefault = COLUMNS.find((c) => c.key === key)?.numeric || key === 'time';
    if (sort.key === key) setSort(key, sort.dir === 'asc' ? 'desc' : 'asc');
    else setSort(key, numericDefault ? 'desc' : 'asc');
  }

  const total = all?.length ?? 0;
  return (
    <section className="trace-list" aria-label="Trace list">
      <div className="trace-list-bar">
        {tabs}
        <input
          type="search"
          className="trace-search"
          aria-label="Filter traces"
          placeholder="Filter, or paste a request id / trace id / traceparent"
          value={text}
          onChange={(e) => {
            setNotice('');
            setText(e.target.value);
            if (parseJumpId(e.target.value)) void openTraceByText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void openTraceByText(text);
          }}
        />
        {/* the expression filter (issue 5) mounts here */}
        <div className="trace-expr-slot">{expressionFilter}</div>
        {barExtra}
        <span className="trace-count muted">{rows.length === total ? plural(total, 'trace') : `${rows.length} of ${plural(total, 'trace')}`}{logNote}</span>

        {listSize && (
          <button type="button" className="trace-list-size" aria-expanded={listSize.expanded} onClick={listSize.toggle} title={listSize.expanded ? 'Give the space back to the trace views' : 'Show more traces'}>
            {listSize.expanded ? 'Fewer rows' : 'More rows'}
          </button>
        )}
      </div>
      {above}
      {/* always present, so a screen reader announces what lands in it */}
      <div className="trace-notice" role="status" aria-live="polite">
        {notice && (
          <>
            <span className="trace-notice-text">{notice}</span>
            <button type="button" className="trace-notice-close" aria-label="Dismiss notice" onClick={() => setNotice('')}>
              ×
            </button>
          </>
        )}
      </div>
      <div
        role="grid"
        aria-label="Traces"
        aria-rowcount={rows.length + 1}
        aria-colcount={COLUMNS.length + (why ? 1 : 0)}
        aria-activedescendant={selectedIndex >= 0 ? rowDomId(rows[selectedIndex]!.traceId) : undefined}
        tabIndex={0}
        className="trace-grid"
        onKeyDown={onGridKey}
      >
        <div role="row" aria-rowindex={1} className="trace-row trace-head" style={{ gridTemplateColumns: columns }}>
          {COLUMNS.map((c) => [
            <div
              key={c.key}
              role="columnheader"
              aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={c.numeric ? 'num' : undefined}
            >
              <button type="button" onClick={() => toggleSort(c.key)} title={`Sort by ${c.label}`}>
                {c.label}
                {c.key === 'time' && (
                  <span className="time-zone" title={`Times in ${zoneLabel(zone)}; the time zone is in Settings`}>
                    {zoneLabel(zone)}
                  </span>
                )}
                <span aria-hidden="true" className="sort-mark">
                  {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>,
            c.key === 'path' && why ? (
              <div key="why" role="columnheader" className="why-head" title="Why an outlier of its route and method is slow (session insights)">
                Why slow
              </div>
            ) : null,
          ])}
        </div>
        <div role="rowgroup" className="trace-body" ref={virtual.ref}>
          <div className="trace-spacer" style={{ height: virtual.totalSize }}>
            {virtual.items.map(({ index: i, key, start }) => {
              const r = rows[i]!;
              return <TraceGridRow key={key} row={r} columns={columns} zone={zone} index={i} top={start} selected={i === selectedIndex} request={logPhaseOf.get(r.traceId)} why={why ? (why.get(r.traceId) ?? '') : undefined} onSelect={() => selectTrace(logPhaseOf.get(r.traceId)?.traceId ?? r.traceId)} />;
            })}
          </div>
          {rows.length === 0 && <EmptyList sessionId={sessionId} total={total} loading={all === undefined} />}
        </div>
      </div>
    </section>
  );
}

function EmptyList({ sessionId, total, loading }: { sessionId: string | null; total: number; loading: boolean }) {
  if (loading) return null;
  let message = 'No traces match the filter. Clear it to see all traces.';
  if (!sessionId) message = 'No session selected. Open a trace file, or connect Konnect or a live capture from the sidebar.';
  else if (total === 0) message = 'This session has no traces yet.';
  return <p className="trace-empty muted">{message}</p>;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const ms = (v: number | null) => (v === null ? '–' : formatDuration(v * 1e6));

function statusClass(status: number | null): string {
  if (status === null) return 'status';
  if (status >= 500) return 'status s5';
  if (status >= 400) return 'status s4';
  return 'status s2';
}

/** What the path column says: the path, or for a log-phase trace of its own, which request it belongs to. */
function pathText(row: TraceRow, request: TraceRow | undefined): string {
  if (isLogPhaseRoot(row.rootName)) {
    const of = request ? `${request.method ?? ''} ${request.path ?? request.traceId}`.trim() : (row.requestId ?? row.requestTraceId ?? 'an unknown request');
    return `log phase of ${of}`;
  }
  return row.path ?? row.rootName;
}

function LatencyCell({ row, part }: { row: TraceRow; part: 'total' | 'gateway' | 'upstream' | 'client' }) {
  const cell = latencyCell(row, part);
  return (
    <div
      role="gridcell"
      className={`num mono${cell.reported ? ' reported' : ''}`}
      data-col={part}
      title={cell.reported ? 'reported by Kong: this trace was stored before the spans’ figures were kept; import it again to see them' : undefined}
    >
      {ms(cell.ms)}
      {cell.reported ? '*' : ''}
    </div>
  );
}

function TraceGridRow({ row, columns, zone, index, top, selected, request, why, onSelect }: { row: TraceRow; columns: string; zone: TimeZoneChoice; index: number; top: number; selected: boolean; request: TraceRow | undefined; why: string | undefined; onSelect(): void }) {
  return (
    <div
      role="row"
      id={rowDomId(row.traceId)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`trace-row${selected ? ' selected' : ''}${row.errorCount > 0 ? ' has-error' : ''}`}
      style={{ gridTemplateColumns: columns, transform: `translateY(${top}px)` }}
      onClick={onSelect}
    >
      <div role="gridcell" className="mono muted" data-col="time" title={formatFull(row.startMs, zone)}>
        {formatClock(row.startMs, zone)}
      </div>
      <div role="gridcell" className="method">
        {row.method ?? ''}
      </div>
      <div role="gridcell" className="path mono" title={request ? `${pathText(row, request)}: opens the request` : (row.url ?? row.path ?? row.rootName)}>
        {pathText(row, request)}
      </div>
      {why !== undefined && (
        <div role="gridcell" className="why muted" data-col="why" title={why}>
          {why}
        </div>
      )}
      <div role="gridcell" className={`num ${statusClass(row.status)}`}>
        {row.status ?? '–'}
      </div>
      <LatencyCell row={row} part="total" />
      <LatencyCell row={row} part="gateway" />
      <LatencyCell row={row} part="upstream" />
      <LatencyCell row={row} part="client" />
      <div role="gridcell" className="num mono">
        {row.spanCount}
      </div>
      <div role="gridcell" className="num err" aria-label={row.errorCount > 0 ? `${row.errorCount} error spans` : 'no errors'}>
        {row.errorCount > 0 ? `● ${row.errorCount}` : ''}
      </div>
    </div>
  );
}
