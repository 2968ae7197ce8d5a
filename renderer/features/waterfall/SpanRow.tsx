import { memo } from 'react';
import { incompleteLabel, incompleteTitle } from '../../../shared/model/incomplete';
import type { RowBadge } from '../../../shared/insights/percentile-badges';
import type { CriticalSegment, SpanTree } from '../../../shared/model/tree';
import { formatDuration, formatOffset } from './format';
import type { ViewedBounds } from './scale';
import { spanColor } from './span-style';

export const ROW_HEIGHT = 22;
export const INDENT = 12;

export interface SpanRowProps {
  tree: SpanTree;
  index: number;
  /** position among the visible rows */
  pos: number;
  /** where the row sits in the list, in pixels (the virtual list's) */
  top: number;
  setSize: number;
  bounds: (start: number, end: number) => ViewedBounds;
  selected: boolean;
  cursor: boolean;
  collapsed: boolean;
  match: boolean;
  critical: readonly CriticalSegment[] | undefined;
  /** why the span is in error (shared/kong/verdict.ts errorMarks), or null */
  error: string | null;
  /** the trace's percentile in the span's breakdown row against its group (drawn when it is a warning) */
  badge: RowBadge | undefined;
  /** deeper levels stop indenting so a 20,000-deep chain keeps its names readable; the level shows instead */
  maxIndent: number;
  onToggle(index: number): void;
  onPick(index: number): void;
}

export const rowDomId = (index: number): string => `wf-row-${index}`;

const pct = (f: number): string => `${(f * 100).toFixed(4)}%`;
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** One span: name cell (indent, chevron, name), self time, and its bar on the shared time axis. */
export const SpanRow = memo(function SpanRow(p: SpanRowProps) {
  const { tree, index } = p;
  const span = tree.spans[index]!;
  const depth = tree.depth[index]!;
  const kids = tree.children[index]!.length;
  const end = span.start + Math.max(0, span.duration);
  const b = p.bounds(span.start, end);
  const inView = b.end >= 0 && b.start <= 1;
  const left = clamp01(b.start);
  const right = clamp01(b.end);
  const error = p.error;
  const color = spanColor(span.name);
  const className = [
    'wf-row',
    p.selected && 'wf-selected',
    p.cursor && 'wf-cursor',
    p.match && 'wf-match',
    error && 'wf-error',
    span.incomplete && 'wf-incomplete-row',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      role="treeitem"
      id={rowDomId(index)}
      aria-label={span.name}
      aria-description={p.badge?.words}
      aria-level={depth + 1}
      aria-expanded={kids ? !p.collapsed : undefined}
      aria-selected={p.selected}
      aria-posinset={p.pos + 1}
      aria-setsize={p.setSize}
      className={className}
      style={{ transform: `translateY(${p.top}px)` }}
      onClick={() => p.onPick(index)}
    >
      <div className="wf-name" style={{ paddingLeft: Math.min(depth, p.maxIndent) * INDENT + 2 }}>
        {kids ? (
          <span
            className="wf-chevron"
            aria-hidden="true"
            title={p.collapsed ? `Expand (${tree.descendants[index]} spans)` : 'Collapse'}
            onClick={(e) => {
              e.stopPropagation();
              p.onToggle(index);
            }}
          >
            {p.collapsed ? '▸' : '▾'}
          </span>
        ) : (
          <span className="wf-chevron" aria-hidden="true" />
        )}
        {depth > p.maxIndent && <span className="wf-depth">L{depth + 1}</span>}
        <span className="wf-swatch" style={{ background: color }} aria-hidden="true" />
        {error && (
          <span className="wf-error-mark" title={`Error: ${error}`} aria-label={`error: ${error}`}>
            !
          </span>
        )}
        <span className="wf-label" title={p.badge ? `${span.name}\n${p.badge.words}` : span.name}>
          {span.name}
        </span>
        {p.badge?.warn && (
          <span className="wf-pct" title={p.badge.words} aria-hidden="true">
            {p.badge.text}
          </span>
        )}
        {span.incomplete && (
          <span className="wf-incomplete" title={incompleteTitle(span.incomplete)}>
            incomplete
          </span>
        )}
        {p.collapsed && kids > 0 && <span className="wf-hidden-count">+{tree.descendants[index]}</span>}
      </div>
      <div className="wf-self" title={span.incomplete ? 'Self time unknown: the span is incomplete' : "Self time: the span's duration minus time covered by its children"}>
        {span.incomplete ? '–' : formatDuration(tree.selfTime[index]!)}
      </div>
      <div className="wf-track">
        {inView &&
          (span.incomplete ? (
            <div className="wf-bar wf-bar-incomplete" style={{ left: pct(left), borderColor: color }} title={incompleteTitle(span.incomplete)} />
          ) : (
            <div className="wf-bar" style={{ left: pct(left), width: pct(right - left), background: color }} />
          ))}
        {inView &&
          p.critical?.map((seg) => {
            const s = p.bounds(seg.start, seg.end);
            if (s.end < 0 || s.start > 1) return null;
            return (
              <div
                key={seg.start}
                className="wf-critical"
                style={{ left: pct(clamp01(s.start)), width: pct(clamp01(s.end) - clamp01(s.start)) }}
              />
            );
          })}
        {inView &&
          span.events.map((ev, k) => {
            const at = p.bounds(ev.t, ev.t).start;
            if (at < 0 || at > 1) return null;
            return (
              <div
                key={k}
                className="wf-event"
                style={{ left: pct(at) }}
                title={`${ev.name} at ${formatOffset(ev.t - span.start)}`}
              />
            );
          })}
        <DurationLabel left={left} right={right} inView={inView} before={b.end < 0} text={span.incomplete ? incompleteLabel(span.incomplete) : formatDuration(span.duration)} />
      </div>
    </div>
  );
});

/** The duration beside the bar: after it when there is room, before it otherwise, never off-screen. */
function DurationLabel(p: { left: number; right: number; inView: boolean; before: boolean; text: string }) {
  if (!p.inView) {
    return <span className={`wf-dur wf-offscreen ${p.before ? 'wf-dur-left' : 'wf-dur-right'}`}>{p.before ? `◂ ${p.text}` : `${p.text} ▸`}</span>;
  }
  if (p.right < 0.82) return <span className="wf-dur" style={{ left: `calc(${pct(p.right)} + 4px)` }}>{p.text}</span>;
  if (p.left > 0.18) return <span className="wf-dur" style={{ right: `calc(${pct(1 - p.left)} + 4px)` }}>{p.text}</span>;
  return <span className="wf-dur wf-dur-inside" style={{ left: `calc(${pct(p.left)} + 4px)` }}>{p.text}</span>;
}
