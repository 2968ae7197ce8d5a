/**
 * One trace against its group (issue 20): the trace's spans against the same spans in the other traces of
 * its route and method in its session (shared/compare/group.ts): the group's median, the p10-p90 band
 * behind the trace's bar, and its percentile per row. Each row's bar is drawn on its own scale, so where
 * the trace sits in the band reads at a glance for a 100 µs plugin as for the whole request.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { deltaText } from '../../../shared/compare/compare';
import { compareWithGroup, type GroupComparison, type GroupRow } from '../../../shared/compare/group';
import { routeMethodKey } from '../../../shared/compare/twin';
import { formatDuration } from '../../../shared/util/duration';
import { getTraceSpans, listTraces, useTraceRow, useTraceSpans } from '../../db/repo';
import { useStore } from '../../store';
import { useVirtualList } from '../../ui/useVirtualList';
import type { CompareRef } from './compare-slice';
import { signedMs } from './compare-model';
import { useDiffKeys } from './useDiffKeys';
import './compare.css';

const ROW_H = 26;
/** The group's traces read at most: the nearest in time to the subject. */
const MAX_GROUP = 200;

const dur = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));

type Loaded = { state: 'reading' } | { state: 'ready'; c: GroupComparison; route: string };

export function GroupView({ subject }: { subject: CompareRef }) {
  const trace = useTraceSpans(subject.sessionId, subject.traceId);
  const row = useTraceRow(subject.sessionId, subject.traceId);
  const close = useStore((s) => s.closeCompare);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'reading' });

  // picking another trace in the list leaves the comparison for that trace
  const selected = useStore((s) => s.traceId);
  const first = useRef(selected);
  useEffect(() => {
    if (selected !== first.current) close();
  }, [selected, close]);

  useEffect(() => {
    if (!trace || !row) return;
    let live = true;
    setLoaded({ state: 'reading' });
    void (async () => {
      const key = routeMethodKey(row);
      const rows = (await listTraces(subject.sessionId))
        .filter((r) => r.traceId !== row.traceId && routeMethodKey(r) === key)
        .sort((x, y) => Math.abs(x.startMs - row.startMs) - Math.abs(y.startMs - row.startMs))
        .slice(0, MAX_GROUP);
      const traces = (await Promise.all(rows.map((r) => getTraceSpans(subject.sessionId, r.traceId)))).filter((t) => t !== null);
      if (live) setLoaded({ state: 'ready', c: compareWithGroup(trace, traces), route: [row.method, row.route ?? row.path].filter(Boolean).join(' ') });
    })();
    return () => {
      live = false;
    };
  }, [trace, row, subject.sessionId]);

  if (trace === null || row === null) {
    return (
      <section className="trace-view tv-empty cmp-view" aria-label="Compare with its group">
        <p className="muted">
          The trace is no longer stored.{' '}
          <button type="button" onClick={close}>
            Back to the trace
          </button>
        </p>
      </section>
    );
  }
  if (!trace || !row || loaded.state === 'reading') {
    return (
      <section className="trace-view cmp-view" aria-label="Compare with its group" aria-busy="true">
        <p className="muted cmp-reading">Reading the traces of its route and method…</p>
      </section>
    );
  }
  const { c, route } = loaded;
  const t = c.total;
  return (
    <section className="trace-view cmp-view" aria-label="Compare with its group">
      <header className="cmp-head cmp-group-head">
        <div className="cmp-card cmp-card-a" aria-label="The group">
          <span className="cmp-side">G</span>
          <div className="cmp-card-text">
            <span className="cmp-card-title">{route || 'no route'}</span>
            <span className="muted cmp-card-id" title={`${c.size} other traces of ${route || 'no route'} in this session (at most ${MAX_GROUP}, the nearest in time)`}>
              {c.size} other trace{c.size === 1 ? '' : 's'} of this route and method in the session
              {t.p10Ms !== null && t.p90Ms !== null ? ` · p10–p90 ${dur(t.p10Ms)} – ${dur(t.p90Ms)}` : ''}
            </span>
          </div>
          <span className="cmp-total mono" aria-label="Group median total">
            {dur(t.medianMs)}
          </span>
        </div>
        <div className="cmp-delta" data-delta={t.medianMs === null ? 'same' : c.totalMs > t.medianMs ? 'slower' : c.totalMs < t.medianMs ? 'faster' : 'same'}>
          <strong aria-label="This trace relative to the group median">{t.medianMs === null ? 'no group' : deltaText(t.medianMs, c.totalMs)}</strong>
          <span className="muted" aria-label="Percentile of this trace's total">
            {t.percentile === null ? 'no other trace of its route and method' : `slower than or as slow as ${t.percentile}% of its group`}
          </span>
        </div>
        <div className="cmp-card cmp-card-b" aria-label="This trace">
          <span className="cmp-side">B</span>
          <div className="cmp-card-text">
            <span className="cmp-card-title">{[row.method, row.path ?? row.rootName, row.status].filter((v) => v !== null && v !== undefined).join(' ')}</span>
            <span className="mono muted cmp-card-id">this trace · {trace.traceId}</span>
          </div>
          <span className="cmp-total mono" aria-label="This trace's total">
            {dur(c.totalMs)}
          </span>
        </div>
        <div className="cmp-head-actions">
          <button type="button" onClick={close} title="Back to the trace">
            Close
          </button>
        </div>
      </header>
      <GroupRows rows={c.rows} />
    </section>
  );
}

function GroupRows({ rows }: { rows: GroupRow[] }) {
  const [diffOnly, setDiffOnly] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  // indices into rows, in the order shown
  const shown = useMemo(() => rows.flatMap((r, i) => (!diffOnly || r.change !== 'same' ? [i] : [])), [rows, diffOnly]);
  const virtual = useVirtualList({ count: shown.length, rowHeight: ROW_H, getItemKey: (i) => rows[shown[i]!]!.key });
  const { reveal } = virtual;
  const diffs = rows.filter((r) => r.change !== 'same').length;
  const position = selected === null ? -1 : shown.indexOf(selected);
  useEffect(() => reveal(position), [reveal, position]);

  // n / p: the next / previous span that differs from the group median, as in the two-trace view
  const notice = useDiffKeys(rows, shown, selected, setSelected);
  return (
    <section className="cmp-wf cmp-group" aria-label="Spans against the group">
      <div className="cmp-wf-bar">
        <label>
          <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} /> Differences only
        </label>
        <span className="muted">
          {diffs} of {rows.length} spans differ from the group median · <kbd>n</kbd> / <kbd>p</kbd> next / previous
        </span>
        <span className="muted cmp-wf-notice" role="status">
          {notice}
        </span>
        <span className="spacer" />
        <span className="cmp-legend muted">
          <span className="cmp-swatch band" /> p10–p90 <span className="cmp-swatch median" /> median <span className="cmp-swatch b" /> this trace
        </span>
      </div>
      <div className="cmp-wf-head cmp-group-row" aria-hidden="true">
        <span>span</span>
        <span>this trace against the group (each row on its own scale)</span>
        <span className="num">median</span>
        <span className="num">this</span>
        <span className="num">− median</span>
        <span className="num">pct</span>
      </div>
      <div role="grid" aria-label="Spans against the group" aria-rowcount={shown.length} tabIndex={0} className="cmp-wf-grid" ref={virtual.ref}>
        <div className="cmp-wf-spacer" style={{ height: virtual.totalSize }}>
          {virtual.items.map(({ index: i, start }) => {
            const ri = shown[i]!;
            const r = rows[ri]!;
            const scale = Math.max(r.bMs, r.p90Ms ?? 0, r.medianMs ?? 0) * 1.1 || 1;
            const pct = (v: number) => `${(v / scale) * 100}%`;
            return (
              <div
                key={r.key}
                role="row"
                aria-rowindex={i + 1}
                aria-selected={ri === selected}
                data-change={r.change}
                className={`cmp-row cmp-group-row${ri === selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${start}px)` }}
                onClick={() => setSelected(ri)}
              >
                <span role="gridcell" className="cmp-name" style={{ paddingLeft: r.depth * 12 + 4 }} title={`${r.label}\n${r.key}\n${r.n} of the group's traces have it`}>
                  <span className="cmp-mark" aria-label={r.change === 'added' ? 'in no trace of the group' : r.change}>
                    {r.change === 'changed' ? 'Δ' : r.change === 'added' ? '+' : ''}
                  </span>
                  {r.label}
                </span>
                <span role="gridcell" className="cmp-bars" aria-hidden="true">
                  {r.p10Ms !== null && r.p90Ms !== null && <span className="cmp-band" style={{ left: pct(r.p10Ms), width: `max(1px, ${pct(r.p90Ms - r.p10Ms)})` }} />}
                  <span className="cmp-bar b" style={{ left: 0, width: `max(1px, ${pct(r.bMs)})` }} />
                  {r.medianMs !== null && <span className="cmp-median" style={{ left: pct(r.medianMs) }} />}
                </span>
                <span role="gridcell" className="num mono muted">
                  {dur(r.medianMs)}
                </span>
                <span role="gridcell" className="num mono">
                  {dur(r.bMs)}
                </span>
                <span role="gridcell" className="num mono cmp-row-delta" data-col="delta">
                  {r.medianMs === null || r.change === 'same' ? '' : signedMs(r.deltaMs, formatDuration)}
                </span>
                <span role="gridcell" className="num mono" data-col="percentile" title={r.percentile === null ? 'no trace of the group has this span' : `as slow as or slower than ${r.percentile}% of the ${r.n} traces of the group that have this span`}>
                  {r.percentile === null ? '–' : `p${r.percentile}`}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
