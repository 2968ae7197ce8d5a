/**
 * The transaction map: the request's path through the gateway drawn left to right with visx. Each node
 * shows its name and duration, shaded on a log scale with the slowest outlined; clicking a node selects
 * its span (which the waterfall shows and the logs filter to). Non-Kong traces get their top spans by
 * self time instead.
 */
import { Group } from '@visx/group';
import { Bar, Line } from '@visx/shape';
import { useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { phaseColorVar } from '../../../shared/kong/phase-times';
import { buildTransactionMap, type TopSpan, type TransactionMap as MapModel } from '../../../shared/kong/transaction-map';
import { mapNodeRowKey, type GroupBadges, type RowBadge } from '../../../shared/insights/percentile-badges';
import { spanIndex } from '../../../shared/model/span-index';
import type { TraceSpans } from '../../../shared/model/types';
import { useStore } from '../../store';
import { formatDuration } from '../waterfall/format';
import { fitLabel, fitScale, layoutMap, type PlacedNode } from './map-layout';
import { traceFacts } from './trace-facts';
import { useElementSize } from '../../ui/useElementSize';
import './TransactionMap.css';

/** What a node is against the other trace of a comparison (issue 20: twin maps). */
export interface NodeNote {
  /** `A 90.0 ms -> B 120 ms (+30.0 ms)`, for the node's name and tooltip */
  text: string;
  /** the delta drawn on the node, or null */
  delta: string | null;
  /** B took longer than A */
  slower: boolean;
  change: 'same' | 'changed' | 'added' | 'removed';
  /** the node is not in this trace: drawn ghosted with this name (`only in B: jwt`) */
  ghost: string | null;
}

export interface TransactionMapProps {
  trace: TraceSpans;
  /** the drawn SVG, for PNG export */
  svgRef?: Ref<SVGSVGElement>;
  /** a comparison's twin map: this model (the trace's map with the other trace's nodes ghosted) instead of the trace's own */
  model?: MapModel;
  /** a comparison's twin map: each node against the other trace, by node id */
  notes?: ReadonlyMap<string, NodeNote>;
  /** a comparison's twin map: the selected span and what picking a node does, instead of the trace view's */
  selectedSpanId?: string | null;
  onPick?(spanId: string): void;
  /** the figure's accessible name (default "Transaction map") */
  label?: string;
  /** the trace's percentile badges against its group, by breakdown row (the trace view's map) */
  badges?: GroupBadges | null;
}

const color = (bucket: string) => `var(${phaseColorVar(bucket)})`;
/** fill strength: faint for the fastest, strong for the slowest */
const shade = (bucket: string, weight: number) =>
  `color-mix(in srgb, ${color(bucket)} ${Math.round(8 + weight * 52)}%, var(--bg-panel))`;

export function TransactionMap({ trace, svgRef, model, notes, selectedSpanId, onPick, label = 'Transaction map', badges }: TransactionMapProps) {
  const own = useMemo<MapModel | null>(() => (model ? null : buildTransactionMap(trace)), [trace, model]);
  const map = model ?? own!;
  const nodeBadges = useMemo(() => badgesByNode(trace, map, badges), [trace, map, badges]);
  const storeSpanId = useStore((s) => s.spanId);
  const storePick = usePickSpan();
  const spanId = selectedSpanId !== undefined ? selectedSpanId : storeSpanId;
  const pick = onPick ?? storePick;
  const [figure, available] = useWidth();
  const [focusId, setFocusId] = useState<string | null>(null);
  const chain = useMemo(() => ancestry(trace, spanId), [trace, spanId]);
  const { errors } = traceFacts(trace);

  if (map.kind === 'generic') {
    return (
      <figure className="tmap" aria-label={label} ref={figure}>
        <TopSpans top={map.top} selected={spanId} errors={errors} onPick={pick} svgRef={svgRef} />
      </figure>
    );
  }
  const layout = layoutMap(map.stages);
  const scale = fitScale(layout.width, available);
  // one tab stop for the whole map (roving tabindex): the selected node's, else the first node's
  const columns = layout.stages.map((st) => st.nodes.filter((p) => p.node.spanIds.length > 0).map((p) => p.node.id)).filter((c) => c.length > 0);
  const all = columns.flat();
  const selectedNode = layout.stages.flatMap((st) => st.nodes).find((p) => !!spanId && p.node.spanIds.includes(spanId))?.node.id;
  const stop = focusId && all.includes(focusId) ? focusId : (selectedNode ?? all[0]);
  const onMapKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const id = (e.target as Element).closest('[data-node]')?.getAttribute('data-node');
    if (!id) return;
    const c = columns.findIndex((col) => col.includes(id));
    const r = columns[c]!.indexOf(id);
    let next: string | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const col = columns[c + (e.key === 'ArrowRight' ? 1 : -1)];
      next = col?.[Math.min(r, col.length - 1)];
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') next = columns[c]![r + (e.key === 'ArrowDown' ? 1 : -1)];
    else if (e.key === 'Home') next = all[0];
    else if (e.key === 'End') next = all.at(-1);
    else return;
    e.preventDefault();
    if (!next) return;
    setFocusId(next);
    (e.currentTarget.querySelector(`[data-node="${CSS.escape(next)}"]`) as SVGGElement | null)?.focus();
  };
  return (
    <figure className="tmap" aria-label={label} ref={figure}>
      <svg
        ref={svgRef}
        width={layout.width * scale}
        height={layout.height * scale}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        className="tmap-svg"
        role="group"
        aria-label="Request path through the gateway"
        onKeyDown={onMapKey}
      >
        <defs>
          <marker id="tmap-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L8,4 L0,8 z" className="tmap-arrowhead" />
          </marker>
        </defs>
        {layout.links.map((l, i) => (
          <Line key={i} from={{ x: l.x1, y: layout.flowY }} to={{ x: l.x2 - 1, y: layout.flowY }} className="tmap-link" markerEnd="url(#tmap-arrow)" />
        ))}
        {layout.stages.map((st) => (
          <Group key={st.stage.kind}>
            <text x={st.x + st.w / 2} y={12} textAnchor="middle" className="tmap-stage">
              {st.stage.kind === 'client' || st.stage.kind === 'client-end' ? '' : st.stage.label}
            </text>
            {st.stage.durationNs !== null && (
              <text x={st.x + st.w / 2} y={24} textAnchor="middle" className="tmap-stage-time">
                {st.nodes.length ? formatDuration(st.stage.durationNs) : ''}
              </text>
            )}
            {st.groupBox && <rect {...st.groupBox} rx={6} className="tmap-group" />}
            {st.empty && st.stage.emptyText && <NoUpstream box={st.empty} text={st.stage.emptyText} />}
            {st.empty && !st.stage.emptyText && (
              <g>
                <rect {...st.empty} rx={4} className="tmap-empty" />
                <text x={st.empty.x + st.empty.w / 2} y={st.empty.y + st.empty.h / 2 + 4} textAnchor="middle" className="tmap-empty-text">
                  {st.stage.kind === 'request' || st.stage.kind === 'response' ? 'no plugins' : 'no span'}
                </text>
              </g>
            )}
            {st.nodes.map((p) => (
              <MapNodeBox
                key={p.node.id}
                placed={p}
                slowest={p.node.id === map.slowestNodeId}
                selected={!!spanId && p.node.spanIds.includes(spanId)}
                holdsSelection={p.node.spanIds.some((id) => chain.has(id))}
                error={nodeError(p.node.spanIds, errors)}
                tabStop={p.node.id === stop}
                note={notes?.get(p.node.id) ?? null}
                badge={nodeBadges.get(p.node.id) ?? null}
                onFocusNode={setFocusId}
                onPick={pick}
              />
            ))}
          </Group>
        ))}
      </svg>
    </figure>
  );
}

/** "no upstream: the request ended in the gateway" where the upstream's steps would be, in the lines a node's width holds. */
function NoUpstream({ box, text }: { box: { x: number; y: number; w: number; h: number }; text: string }) {
  const lines = text.replace(': ', ':\n').replace(' in the ', '\nin the ').split('\n');
  return (
    <g className="tmap-no-upstream" role="img" aria-label={text}>
      <title>{text}</title>
      <rect {...box} rx={4} className="tmap-empty" />
      {lines.map((line, i) => (
        <text key={line} x={box.x + box.w / 2} y={box.y + 13 + i * 12} textAnchor="middle" className="tmap-empty-text">
          {line}
        </text>
      ))}
    </g>
  );
}

const NO_BADGES: ReadonlyMap<string, RowBadge> = new Map();

/** Each node's percentile badge, by node id: once per map and group, not per drawing. */
function badgesByNode(trace: TraceSpans, map: MapModel, badges: GroupBadges | null | undefined): ReadonlyMap<string, RowBadge> {
  if (!badges || map.kind !== 'kong') return NO_BADGES;
  const { byId } = spanIndex(trace);
  const nameOf = (id: string) => byId.get(id)?.name;
  const out = new Map<string, RowBadge>();
  for (const st of map.stages) {
    for (const node of st.nodes) {
      const key = mapNodeRowKey(node, nameOf);
      const badge = key === null ? undefined : badges.byRow.get(key);
      if (badge) out.set(node.id, badge);
    }
  }
  return out;
}

/** The first error message among a node's spans (a "N more" node stands for many). */
function nodeError(spanIds: readonly string[], errors: Map<string, string>): string | null {
  for (const id of spanIds) {
    const e = errors.get(id);
    if (e !== undefined) return e;
  }
  return null;
}

/** The selected span and its ancestors, walked up iteratively. */
function ancestry(trace: TraceSpans, spanId: string | null): Set<string> {
  const chain = new Set<string>();
  if (!spanId) return chain;
  const parent = new Map(trace.spans.map((s) => [s.spanId, s.parentSpanId]));
  let id: string | undefined = spanId;
  while (id && !chain.has(id)) {
    chain.add(id);
    id = parent.get(id);
  }
  return chain;
}

/** The figure's content width, followed as panes are resized. */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const { width } = useElementSize(ref);
  return [ref, width ? width - 12 : 0] as const;
}

function usePickSpan(): (spanId: string) => void {
  return useStore((s) => s.selectSpan);
}

function activate(e: KeyboardEvent, run: () => void) {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    run();
  }
}

interface NodeProps {
  placed: PlacedNode;
  slowest: boolean;
  selected: boolean;
  /** the selected span is this node's span or nested inside it (an I/O call of a plugin...) */
  holdsSelection: boolean;
  /** why the node's span is in error, or null */
  error: string | null;
  /** the map's one tab stop; the arrow keys move it between nodes */
  tabStop: boolean;
  /** in a twin map: the node against the other trace */
  note: NodeNote | null;
  /** the trace's percentile in the node's breakdown row against its group; drawn when it is a warning */
  badge: RowBadge | null;
  onFocusNode(id: string): void;
  onPick(id: string): void;
}

const UPSTREAM_STEP_TIPS: Record<string, string> = {
  'upstream:connect': 'finding a target and connecting to it',
  'upstream:send': 'sending the request (gateways from 3.10 count the wait for the response here too)',
  'upstream:ttfb': 'waiting for and reading the response headers',
  'upstream:body': 'reading the response body',
  'upstream:round trip': 'the whole round trip to the upstream (one balancer span)',
};

/** a percentile badge's pill on a node's second line, in place of the detail (which stays in the node's name) */
const BADGE_W = 26;

function MapNodeBox({ placed, slowest, selected, holdsSelection, error, tabStop, note, badge, onFocusNode, onPick }: NodeProps) {
  const { node, x, y, w, h } = placed;
  const ghost = note?.ghost ?? null;
  const endpoint = node.durationNs === null;
  const target = ghost ? undefined : node.spanIds[0];
  const duration = node.durationNs === null || ghost ? '' : formatDuration(node.durationNs);
  const own = `${node.label}${node.detail ? ` (${node.detail})` : ''}${note && !endpoint ? `, ${note.text}` : duration ? `, ${duration}` : ''}`;
  const name = ghost ?? `${own}${slowest ? ', slowest' : ''}${error ? `, error: ${error}` : ''}`;
  const step = UPSTREAM_STEP_TIPS[node.id];
  const tip = `${step ? `upstream ${name}: ${step}` : name}${badge ? `\n${badge.words}` : ''}`;
  const drawBadge = !!badge?.warn && !ghost && !note;
  const changed = note?.change === 'changed' && !endpoint ? `changed-${note.slower ? 'up' : 'down'}` : null;
  const cls = ['tmap-node', ghost && 'ghost', changed, slowest && !note && 'slowest', error && 'in-error', holdsSelection && 'selected', target && 'clickable'].filter(Boolean).join(' ');
  const interactive = target
    ? {
        role: 'button',
        tabIndex: tabStop ? 0 : -1,
        'data-node': node.id,
        onFocus: () => onFocusNode(node.id),
        'aria-label': name,
        'aria-description': badge?.words,
        'aria-pressed': selected,
        onClick: () => onPick(target),
        onKeyDown: (e: KeyboardEvent) => activate(e, () => onPick(target)),
      }
    : { role: 'img', 'aria-label': name, 'aria-description': badge?.words };
  return (
    <Group top={y} left={x} className={cls} {...interactive}>
      <title>{tip}</title>
      <Bar x={0} y={0} width={w} height={h} rx={4} style={{ fill: endpoint || ghost ? 'var(--bg-panel)' : shade(node.bucket, node.weight) }} className="tmap-box" />
      {!endpoint && !ghost && <Bar x={0} y={0} width={3} height={h} style={{ fill: color(node.bucket) }} className="tmap-stripe" />}
      {error && (
        <g className="tmap-error-badge" aria-hidden="true">
          <circle cx={w - 7} cy={7} r={6} />
          <text x={w - 7} y={10.5} textAnchor="middle">
            !
          </text>
        </g>
      )}
      {endpoint ? (
        <text x={w / 2} y={h / 2 + 4} textAnchor="middle" className="tmap-label">
          client
        </text>
      ) : (
        <>
          <text x={8} y={12} className="tmap-label">
            {fitLabel(node.label, w - (error ? 26 : 12))}
          </text>
          {ghost ? (
            <text x={8} y={24} className="tmap-detail">
              {fitLabel(ghost.slice(0, ghost.indexOf(':')), w - 12, 5.6)}
            </text>
          ) : note?.delta && note.change === 'changed' ? (
            <text x={8} y={24} className="tmap-delta">
              {note.delta}
            </text>
          ) : note && (note.change === 'added' || note.change === 'removed') ? (
            <text x={8} y={24} className="tmap-detail tmap-one-side">
              {note.change === 'added' ? 'only in B' : 'only in A'}
            </text>
          ) : drawBadge ? (
            <g className="tmap-pct" aria-hidden="true">
              <rect x={7} y={15} width={BADGE_W} height={12} rx={3} />
              <text x={7 + BADGE_W / 2} y={24} textAnchor="middle">
                {badge!.text}
              </text>
            </g>
          ) : (
            <text x={8} y={24} className="tmap-detail">
              {node.detail ? fitLabel(node.detail, w - 62, 5.6) : ''}
            </text>
          )}
          <text x={w - 5} y={24} textAnchor="end" className="tmap-duration">
            {duration}
          </text>
        </>
      )}
    </Group>
  );
}

const TOP_ROW_H = 22;
const TOP_LABEL_W = 220;
const TOP_BAR_W = 260;

function TopSpans({
  top,
  selected,
  errors,
  onPick,
  svgRef,
}: {
  top: TopSpan[];
  selected: string | null;
  errors: Map<string, string>;
  onPick(id: string): void;
  svgRef?: Ref<SVGSVGElement>;
}) {
  const max = Math.max(1, ...top.map((t) => t.selfNs));
  const width = TOP_LABEL_W + TOP_BAR_W + 90;
  return (
    <svg ref={svgRef} width={width} height={24 + top.length * TOP_ROW_H} className="tmap-svg" role="group" aria-label="Top spans by self time">
      <text x={4} y={14} className="tmap-stage">
        Not a Kong trace: top spans by self time
      </text>
      {top.map((t, i) => {
        const error = errors.get(t.spanId);
        const name = `${t.name}, self ${formatDuration(t.selfNs)}${error ? `, error: ${error}` : ''}`;
        return (
          <Group
            key={t.spanId}
            top={24 + i * TOP_ROW_H}
            className={`tmap-node clickable${selected === t.spanId ? ' selected' : ''}${error ? ' in-error' : ''}`}
            role="button"
            tabIndex={0}
            aria-label={name}
            aria-pressed={selected === t.spanId}
            onClick={() => onPick(t.spanId)}
            onKeyDown={(e: KeyboardEvent) => activate(e, () => onPick(t.spanId))}
          >
            <title>{name}</title>
            <text x={4} y={14} className="tmap-label">
              {fitLabel(t.name, TOP_LABEL_W - 8)}
            </text>
            <Bar x={TOP_LABEL_W} y={3} height={TOP_ROW_H - 8} width={Math.max(2, (t.selfNs / max) * TOP_BAR_W)} rx={2} style={{ fill: shade('other', 0.4 + t.weight * 0.6) }} className="tmap-box" />
            <text x={TOP_LABEL_W + TOP_BAR_W + 84} y={14} textAnchor="end" className="tmap-duration">
              {formatDuration(t.selfNs)}
            </text>
          </Group>
        );
      })}
    </svg>
  );
}
