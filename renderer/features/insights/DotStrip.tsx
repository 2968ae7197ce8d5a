/**
 * One "Where time goes" row's strip (docs/insights.md item 4): each request having the row as a dot on a
 * linear axis from 0 to the row's max. A dot opens its request at the row's span (the store's pending
 * focus, selected once the trace is read). From the keyboard the focused strip has a current dot: Left and
 * Right move it (Home, End, Page Up, Page Down too), a live line says which request it is, Enter opens it,
 * Escape lets go.
 */
import { useState, type KeyboardEvent } from 'react';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { formatDuration } from '../../../shared/util/duration';
import { useStore } from '../../store';
import { dotLine, stepDot } from './roving';

const STRIP_W = 120;
const STRIP_H = 12;
/** px per column of the strip: requests whose times fall in one column share one dot (the slowest of them) */
const COLUMN = 3;
const KEYS = { prev: 'ArrowLeft', next: 'ArrowRight' };

interface StripDot {
  x: number;
  /** the slowest request in the dot's column */
  t: InsightTrace;
  ns: number;
  count: number;
  selected: boolean;
}

/**
 * The strip's dots, left to right. Requests a column apart or less share a dot, so a strip costs at most
 * STRIP_W / COLUMN dots whatever n is.
 */
function stripDots(members: InsightTrace[], key: string, selected: Set<string>): StripDot[] {
  let max = 0;
  for (const t of members) max = Math.max(max, t.breakdown.rows[key] ?? 0);
  const columns = new Map<number, StripDot>();
  for (const t of members) {
    const ns = t.breakdown.rows[key];
    if (ns === undefined) continue;
    const col = Math.round(((max > 0 ? ns / max : 0) * (STRIP_W - 8)) / COLUMN);
    const sel = selected.has(t.summary.traceId);
    const d = columns.get(col);
    if (!d) columns.set(col, { x: 4 + col * COLUMN, t, ns, count: 1, selected: sel });
    else {
      d.count++;
      d.selected ||= sel;
      if (ns > d.ns) Object.assign(d, { t, ns });
    }
  }
  return [...columns.values()].sort((a, b) => a.x - b.x);
}

export function DotStrip({ label, members, rowKey, selected }: { label: string; members: InsightTrace[]; rowKey: string; selected: Set<string> }) {
  const openTraceAt = useStore((s) => s.openTraceAt);
  const dots = stripDots(members, rowKey, selected);
  // the current dot by its column, which stays put while a selection changes around it
  const [currentX, setCurrentX] = useState<number | null>(null);
  const at = currentX === null ? -1 : dots.findIndex((d) => d.x === currentX);
  const current = at >= 0 ? dots[at]! : null;
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const to = stepDot(e.key, at, dots.length, KEYS);
    if (to !== null) setCurrentX(dots[to]!.x);
    else if (e.key === 'Enter' && current) openTraceAt(current.t.summary.traceId, rowKey);
    else if (e.key === 'Escape' && current) setCurrentX(null);
    else return;
    e.preventDefault();
  };
  const line = current ? `${dotLine(current.t, current.ns, at, dots.length, label)}${current.count > 1 ? `, the slowest of ${current.count} requests here` : ''}` : '';
  return (
    <span className="insights-strip-wrap">
      <svg
        width={STRIP_W}
        height={STRIP_H}
        className="insights-strip"
        role="group"
        aria-label={`${label}: each request`}
        aria-description="Left and right arrows pick a request, Enter opens it at this row's span"
        tabIndex={0}
        onKeyDown={onKey}
        onBlur={() => setCurrentX(null)}
      >
        <line x1={2} x2={STRIP_W - 2} y1={STRIP_H / 2} y2={STRIP_H / 2} className="insights-strip-axis" />
        {dots.map((d) => (
          <circle
            key={d.x}
            cx={d.x}
            cy={STRIP_H / 2}
            r={3}
            className={d.selected ? 'insights-strip-dot selected' : 'insights-strip-dot'}
            data-trace-id={d.t.summary.traceId}
            onClick={() => openTraceAt(d.t.summary.traceId, rowKey)}
          >
            <title>{d.count > 1 ? `${d.count} requests up to ${formatDuration(d.ns)}: open the slowest at this row's span` : `${formatDuration(d.ns)}: open this request at this row's span`}</title>
          </circle>
        ))}
        {current && <circle className="insights-current" cx={current.x} cy={STRIP_H / 2} r={5} data-trace-id={current.t.summary.traceId} />}
      </svg>
      {/* the strip is too small to write in: the line floats under it while a dot is current */}
      <span className="insights-strip-line" role="status">
        {line}
      </span>
    </span>
  );
}
