/**
 * The aligned waterfall (issue 20): one row per matched span with A's bar over B's, both from their own
 * request's start on one scale; rows only in A or only in B marked so. "Differences only", sort by
 * |delta|, and `n` / `p` (anywhere in the view but a text field) jump to the next / previous difference.
 * Virtualised: a 5,000-span comparison renders only the rows in view.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { AlignedRow, Alignment } from '../../../shared/compare/align';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../../../shared/util/duration';
import { useVirtualList } from '../../ui/useVirtualList';
import { shownRows, signedMs } from './compare-model';
import { useDiffKeys } from './useDiffKeys';

const ROW_H = 26;

const CHANGE_TEXT: Record<AlignedRow['change'], string> = { same: '', changed: 'changed', added: 'only in B', removed: 'only in A' };
const CHANGE_MARK: Record<AlignedRow['change'], string> = { same: '', changed: 'Δ', added: '+', removed: '−' };

function minStart(t: TraceSpans): number {
  let lo = Infinity;
  for (const s of t.spans) if (s.start < lo) lo = s.start;
  return Number.isFinite(lo) ? lo : 0;
}

export function AlignedWaterfall({
  alignment,
  traceA,
  traceB,
  totalMs,
  selected,
  onSelect,
}: {
  alignment: Alignment;
  traceA: TraceSpans;
  traceB: TraceSpans;
  totalMs: number;
  selected: number | null;
  onSelect(row: number | null): void;
}) {
  const [diffOnly, setDiffOnly] = useState(false);
  const [sortByDelta, setSortByDelta] = useState(false);
  const rows = alignment.rows;
  const shown = useMemo(() => shownRows(rows, { diffOnly, sortByDelta }), [rows, diffOnly, sortByDelta]);
  const rowKey = useCallback((i: number) => shown[i]!, [shown]);
  const virtual = useVirtualList({ count: shown.length, rowHeight: ROW_H, getItemKey: rowKey });
  const { reveal } = virtual;
  const diffs = useMemo(() => rows.filter((r) => r.change !== 'same').length, [rows]);
  const a0 = useMemo(() => minStart(traceA), [traceA]);
  const b0 = useMemo(() => minStart(traceB), [traceB]);
  const notice = useDiffKeys(rows, shown, selected, onSelect);

  const position = selected === null ? -1 : shown.indexOf(selected);
  useEffect(() => reveal(position), [reveal, position]);

  function onGridKey(e: KeyboardEvent) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const at = position < 0 ? (e.key === 'ArrowDown' ? 0 : shown.length - 1) : Math.max(0, Math.min(shown.length - 1, position + (e.key === 'ArrowDown' ? 1 : -1)));
    if (shown[at] !== undefined) onSelect(shown[at]!);
  }

  const bar = (start: number, durNs: number, origin: number) => ({
    left: `${totalMs > 0 ? ((start - origin) / 1e6 / totalMs) * 100 : 0}%`,
    width: `max(1px, ${totalMs > 0 ? (durNs / 1e6 / totalMs) * 100 : 0}%)`,
  });

  return (
    <section className="cmp-wf" aria-label="Aligned spans">
      <div className="cmp-wf-bar">
        <label>
          <input type="checkbox" checked={diffOnly} onChange={(e) => setDiffOnly(e.target.checked)} /> Differences only
        </label>
        <label>
          <input type="checkbox" checked={sortByDelta} onChange={(e) => setSortByDelta(e.target.checked)} /> Sort by |delta|
        </label>
        <span className="muted">
          {diffs} difference{diffs === 1 ? '' : 's'} · <kbd>n</kbd> / <kbd>p</kbd> next / previous
        </span>
        <span className="muted cmp-wf-notice" role="status">
          {notice}
        </span>
        <span className="spacer" />
        <span className="cmp-legend muted">
          <span className="cmp-swatch a" /> A <span className="cmp-swatch b" /> B
        </span>
      </div>
      <div className="cmp-wf-head" aria-hidden="true">
        <span>span</span>
        <span>timeline (each from its own request's start)</span>
        <span className="num">A</span>
        <span className="num">B</span>
        <span className="num">B − A</span>
      </div>
      <div
        role="grid"
        aria-label="Aligned spans"
        aria-rowcount={shown.length}
        aria-activedescendant={position >= 0 ? `cmp-row-${selected}` : undefined}
        tabIndex={0}
        className="cmp-wf-grid"
        ref={virtual.ref}
        onKeyDown={onGridKey}
      >
        <div className="cmp-wf-spacer" style={{ height: virtual.totalSize }}>
          {virtual.items.map(({ index: i, start }) => {
            const ri = shown[i]!;
            const r = rows[ri]!;
            const sa = r.a >= 0 ? traceA.spans[r.a]! : null;
            const sb = r.b >= 0 ? traceB.spans[r.b]! : null;
            return (
              <div
                key={ri}
                id={`cmp-row-${ri}`}
                role="row"
                aria-rowindex={i + 1}
                aria-selected={ri === selected}
                data-change={r.change}
                className={`cmp-row${ri === selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${start}px)` }}
                onClick={() => onSelect(ri)}
              >
                <span role="gridcell" className="cmp-name" style={{ paddingLeft: (sortByDelta ? 0 : r.depth) * 12 + 4 }} title={`${r.label}\n${r.key}`}>
                  <span className="cmp-mark" aria-label={CHANGE_TEXT[r.change] || 'same'}>
                    {CHANGE_MARK[r.change]}
                  </span>
                  {r.label}
                </span>
                <span role="gridcell" className="cmp-bars" aria-hidden="true">
                  {sa && <span className="cmp-bar a" style={bar(sa.start, sa.duration, a0)} />}
                  {sb && <span className="cmp-bar b" style={bar(sb.start, sb.duration, b0)} />}
                </span>
                <span role="gridcell" className="num mono muted">
                  {r.aMs === null ? '–' : formatDuration(r.aMs * 1e6)}
                </span>
                <span role="gridcell" className="num mono muted">
                  {r.bMs === null ? '–' : formatDuration(r.bMs * 1e6)}
                </span>
                <span role="gridcell" className="num mono cmp-row-delta" data-col="delta">
                  {r.change === 'same' ? '' : signedMs(r.deltaMs, formatDuration)}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
