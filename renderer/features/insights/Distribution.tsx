/**
 * A group's distribution (docs/insights.md item 3): one dot per request, coloured by status, in one of two
 * modes: on a log axis of total time with p50/p90/p99 rules, or as a scatter of total time against start
 * time. Dragging across the plot brushes a range (of total time; in the scatter, a rectangle of start time
 * and total time) that becomes the selection; clicking a dot opens its request. From the keyboard, the
 * focused plot has a cursor across it: Left and Right move it, Shift+arrows widen it into a range, Enter
 * selects the requests in the range (in the scatter, started in it), Escape drops it. Up and Down (Home,
 * End, Page Up, Page Down) instead step through the requests one by one, in order of total time (in the
 * scatter, of start time): the current dot is ringed, a live line names its request, Enter opens it.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { scaleLinear, scaleLog } from '@visx/scale';
import { AxisBottom, AxisLeft } from '@visx/axis';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import type { GroupStats } from '../../../shared/insights/insights';
import { formatDuration } from '../../../shared/util/duration';
import { dotLine, stepDot } from './roving';

export type DistMode = 'dots' | 'time';

/** A brushed range: total time (ms), and in the scatter a start-time range (Unix ms) too. */
export interface Brush {
  loMs: number;
  hiMs: number;
  from?: number;
  to?: number;
}

export function inBrush(t: InsightTrace, b: Brush): boolean {
  const ms = t.breakdown.totalNs / 1e6;
  if (ms < b.loMs || ms > b.hiMs) return false;
  return b.from === undefined || b.to === undefined || (t.summary.startMs >= b.from && t.summary.startMs <= b.to);
}

const fmtMs = (ms: number) => formatDuration(ms * 1e6);
const W = 640;
const M = { l: 12, r: 12, t: 8, b: 24 };
const SCATTER_L = 52;

function statusColor(status: number | null): string {
  if (status !== null && status >= 500) return 'var(--error)';
  if (status !== null && status >= 400) return 'var(--warn)';
  return 'var(--ok)';
}

/** Ticks of a log axis: the powers of ten in the domain, with 2x and 5x between them when there are few. */
export function logTicks([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  const steps = Math.log10(hi / lo) < 2 ? [1, 2, 5] : [1];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of steps) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out;
}

/** A dot's hover line: the request and its biggest phase bucket. */
function hoverText(t: InsightTrace): string {
  let top: [string, number] | null = null;
  for (const k in t.breakdown.rows) if (k.startsWith('bucket:') && (!top || t.breakdown.rows[k]! > top[1])) top = [k.slice(7), t.breakdown.rows[k]!];
  const request = `${t.summary.method ?? ''} ${t.summary.path ?? t.summary.url ?? ''} ${t.summary.status ?? ''}`.trim();
  return `${request}: ${formatDuration(t.breakdown.totalNs)}${top ? `, most in ${top[0]} ${formatDuration(top[1])}` : ''}`;
}

const clockTime = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function Distribution({ members, g, mode, selected, onBrush, onOpen }: {
  members: InsightTrace[];
  g: GroupStats;
  mode: DistMode;
  selected: Set<string>;
  onBrush: (b: Brush) => void;
  onOpen: (id: string) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const H = mode === 'dots' ? 90 : 180;
  const left = mode === 'dots' ? M.l : SCATTER_L;
  const values = members.map((t) => Math.max(t.breakdown.totalNs / 1e6, 0.001));
  let lo = Infinity;
  let hi = -Infinity;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < members.length; i++) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
    first = Math.min(first, members[i]!.summary.startMs);
    last = Math.max(last, members[i]!.summary.startMs);
  }
  const domain: [number, number] = [lo / 1.2, hi * 1.2];
  // dots: total time across; scatter: start time across, total time up
  const x = mode === 'dots' ? scaleLog({ domain, range: [left, W - M.r] }) : scaleLinear({ domain: [first, last > first ? last : first + 1], range: [left, W - M.r] });
  const y = scaleLog({ domain, range: [H - M.b, M.t] });
  const dotY = (i: number) => M.t + 6 + ((((i * 2654435761) >>> 0) % 1000) / 1000) * (H - M.t - M.b - 12);
  const cx = (i: number) => (mode === 'dots' ? x(values[i]!) : x(members[i]!.summary.startMs));
  const cy = (i: number) => (mode === 'dots' ? dotY(i) : y(values[i]!));

  const toSvg = (e: PointerEvent) => {
    const r = svgRef.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * W) / r.width, y: ((e.clientY - r.top) * H) / r.height };
  };
  const onDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const p = toSvg(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    if (!svgRef.current?.hasPointerCapture(e.pointerId)) svgRef.current?.setPointerCapture(e.pointerId);
    const p = toSvg(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  /** a brush from plot units: across [x0, x1]; in the scatter also [y0, y1] (a flat one takes every total) */
  const brushFrom = (x0: number, x1: number, y0: number, y1: number) => {
    const [xa, xb] = [Math.min(x0, x1), Math.max(x0, x1)];
    if (xb - xa < 3) return;
    if (mode === 'dots') {
      onBrush({ loMs: x.invert(xa) as number, hiMs: x.invert(xb) as number });
    } else {
      const [ya, yb] = [Math.min(y0, y1), Math.max(y0, y1)];
      const flat = yb - ya < 3;
      onBrush({ loMs: flat ? 0 : y.invert(yb), hiMs: flat ? Infinity : y.invert(ya), from: x.invert(xa) as number, to: x.invert(xb) as number });
    }
  };
  const onUp = () => {
    if (!drag) return;
    setDrag(null);
    brushFrom(drag.x0, drag.x1, drag.y0, drag.y1);
  };
  const [hover, setHover] = useState<number | null>(null);
  const dotOf = (target: EventTarget) => {
    const i = (target as Element).getAttribute?.('data-i');
    return i === null || i === undefined ? null : Number(i);
  };
  const [cursor, setCursor] = useState<{ a: number; b: number } | null>(null);
  // the current dot (by trace id, so it stays on its request when the selection changes) and the order
  // Up and Down step through: of total time, or in the scatter of start time
  const [current, setCurrent] = useState<string | null>(null);
  const order = useMemo(() => {
    const byTotal = (a: number, b: number) => members[a]!.breakdown.totalNs - members[b]!.breakdown.totalNs;
    const byStart = (a: number, b: number) => members[a]!.summary.startMs - members[b]!.summary.startMs;
    return members.map((_, i) => i).sort((a, b) => (mode === 'dots' ? byTotal(a, b) || byStart(a, b) : byStart(a, b) || byTotal(a, b)));
  }, [members, mode]);
  const pos = current === null ? -1 : order.findIndex((i) => members[i]!.summary.traceId === current);
  const cur = pos >= 0 ? order[pos]! : null;
  const STEP = (W - M.r - left) / 40;
  const clampX = (v: number) => Math.min(W - M.r, Math.max(left, v));
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const c = cursor ?? { a: left, b: left };
    const to = e.shiftKey ? null : stepDot(e.key, pos, order.length, { prev: 'ArrowUp', next: 'ArrowDown' });
    if (to !== null) {
      setCurrent(members[order[to]!]!.summary.traceId);
      setCursor(null);
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const d = e.key === 'ArrowRight' ? STEP : -STEP;
      setCursor(e.shiftKey ? { a: c.a, b: clampX(c.b + d) } : { a: clampX(c.b + d), b: clampX(c.b + d) });
      setCurrent(null);
    } else if (e.key === 'Enter' && cur !== null) {
      onOpen(members[cur]!.summary.traceId);
    } else if (e.key === 'Enter' && cursor) {
      brushFrom(cursor.a, cursor.b, 0, 0);
    } else if (e.key === 'Escape') {
      setCursor(null);
      setCurrent(null);
    } else return;
    e.preventDefault();
  };
  const line = cur === null ? '' : `${dotLine(members[cur]!, members[cur]!.breakdown.totalNs, pos, order.length)}${mode === 'time' ? `, started ${clockTime(members[cur]!.summary.startMs)}` : ''}`;
  // the label of the dot hovered, else of the current one, kept inside the plot
  const labelled = hover !== null && members[hover] ? { i: hover, text: hoverText(members[hover]!) } : cur !== null ? { i: cur, text: line } : null;

  const rules: [string, number | null][] = [['p50', g.latencyMs.total.p50], ['p90', g.latencyMs.total.p90], ['p99', g.latencyMs.total.p99]];
  const label = mode === 'dots' ? `Distribution of ${members.length} requests' total time` : `Total time of ${members.length} requests over time`;
  return (
    <>
      <svg
        ref={svgRef}
        className={`insights-dist insights-dist-${mode}`}
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        aria-roledescription="plot"
        aria-label={label}
        aria-description="Drag across it to select; or Left and Right to move a cursor, Shift+arrows to widen it, Enter to select. Up and Down step through the requests one by one; Enter opens the current one"
        tabIndex={0}
        onKeyDown={onKey}
        onBlur={() => {
          setCursor(null);
          setCurrent(null);
        }}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={() => setDrag(null)}
        onPointerOver={(e) => setHover(dotOf(e.target))}
        onPointerLeave={() => setHover(null)}
        onClick={(e) => {
          const i = dotOf(e.target);
          if (i !== null && members[i]) onOpen(members[i]!.summary.traceId);
        }}
      >
        {rules.map(([name, v]) => {
          if (v === null) return null;
          const at = mode === 'dots' ? x(Math.max(v, 0.001)) : y(Math.max(v, 0.001));
          return mode === 'dots' ? (
            <g key={name}>
              <line x1={at} x2={at} y1={M.t} y2={H - M.b} className="insights-rule" />
              <text x={at + 2} y={M.t + 8} className="insights-rule-label">{name}</text>
            </g>
          ) : (
            <g key={name}>
              <line x1={left} x2={W - M.r} y1={at} y2={at} className="insights-rule" />
              <text x={W - M.r - 18} y={at - 2} className="insights-rule-label">{name}</text>
            </g>
          );
        })}
        {members.map((t, i) => {
          const on = selected.has(t.summary.traceId);
          // no handler or tooltip per dot: the plot handles clicks and hover for all of them (thousands of dots)
          return (
            <circle
              key={t.summary.traceId}
              data-trace-id={t.summary.traceId}
              data-i={i}
              cx={cx(i)}
              cy={cy(i)}
              r={on ? 4 : 3}
              fill={statusColor(t.summary.status)}
              stroke={on ? 'var(--fg)' : 'none'}
              opacity={selected.size > 0 && !on ? 0.35 : 0.85}
              className={on ? 'insights-dot selected' : 'insights-dot'}
            />
          );
        })}
        {cur !== null && <circle className="insights-current" cx={cx(cur)} cy={cy(cur)} r={6} data-trace-id={members[cur]!.summary.traceId} />}
        {labelled && (
          <text
            className={labelled.i === hover ? 'insights-hover' : 'insights-hover insights-current-label'}
            // beside the dot, towards the middle of the plot, so a long line stays inside it
            x={cx(labelled.i) > W / 2 ? cx(labelled.i) - 8 : cx(labelled.i) + 8}
            textAnchor={cx(labelled.i) > W / 2 ? 'end' : 'start'}
            y={Math.max(cy(labelled.i) - 8, M.t + 10)}
          >
            {labelled.text}
          </text>
        )}
        {drag && (
          <rect
            className="insights-brush"
            x={Math.min(drag.x0, drag.x1)}
            width={Math.abs(drag.x1 - drag.x0)}
            y={mode === 'dots' || Math.abs(drag.y1 - drag.y0) < 3 ? M.t : Math.min(drag.y0, drag.y1)}
            height={mode === 'dots' || Math.abs(drag.y1 - drag.y0) < 3 ? H - M.t - M.b : Math.abs(drag.y1 - drag.y0)}
          />
        )}
        {cursor && (
          <rect className="insights-brush insights-cursor" x={Math.min(cursor.a, cursor.b)} width={Math.max(1, Math.abs(cursor.b - cursor.a))} y={M.t} height={H - M.t - M.b} />
        )}
        {mode === 'dots' ? (
          <AxisBottom top={H - M.b} scale={x} tickValues={logTicks(domain)} tickFormat={(v) => fmtMs(Number(v))} stroke="var(--border)" tickStroke="var(--border)" tickLabelProps={{ fill: 'var(--muted)', fontSize: 10, textAnchor: 'middle' }} />
        ) : (
          <>
            <AxisBottom top={H - M.b} scale={x} numTicks={5} tickFormat={(v) => clockTime(Number(v))} stroke="var(--border)" tickStroke="var(--border)" tickLabelProps={{ fill: 'var(--muted)', fontSize: 10, textAnchor: 'middle' }} />
            <AxisLeft left={left} scale={y} tickValues={logTicks(domain)} tickFormat={(v) => fmtMs(Number(v))} stroke="var(--border)" tickStroke="var(--border)" tickLabelProps={{ fill: 'var(--muted)', fontSize: 10, textAnchor: 'end', dx: -2, dy: 3 }} />
          </>
        )}
      </svg>
      <span className="visually-hidden" role="status" aria-label="Current request">
        {line}
      </span>
    </>
  );
}
