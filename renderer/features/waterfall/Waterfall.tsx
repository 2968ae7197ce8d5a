import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { badgesBySpan, type GroupBadges, type RowBadge } from '../../../shared/insights/percentile-badges';
import { spanIndex } from '../../../shared/model/span-index';
import type { SpanTree } from '../../../shared/model/tree';
import type { TraceSpans } from '../../../shared/model/types';
import { useTraceSpans } from '../../db/repo';
import { traceFacts } from '../transaction-map/trace-facts';
import { useStore } from '../../store';
import { formatDuration } from './format';
import { treeKeyAction } from './keyboard';
import { Minimap } from './Minimap';
import { isFullWindow, FULL_WINDOW, tickCount, zoomAround, zoomToDrag } from './scale';
import { INDENT, rowDomId, ROW_HEIGHT, SpanRow } from './SpanRow';
import { GridLines, MIN_DRAG_PX, TimeAxis } from './TimeAxis';
import { useWaterfall } from './useWaterfall';
import { revealRow } from './virtual';
import { WaterfallToolbar } from './WaterfallToolbar';
import { useElementSize } from '../../ui/useElementSize';
import { useVirtualList } from '../../ui/useVirtualList';
import './waterfall.css';

const OVERSCAN = 12;
const SELF_WIDTH = 64;
const NAME_PANE = 'waterfall.names';
const DEFAULT_NAME_WIDTH = 300;
const MIN_NAME_WIDTH = 140;
const MAX_NAME_SHARE = 0.6;
/** the bars column's right margin (waterfall.css .wf-track) */
const TRACK_MARGIN = 6;
/** how fast Ctrl/Cmd + wheel zooms: the window's width is multiplied by e^(pixels scrolled × this) */
const WHEEL_ZOOM = 0.002;

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** A drag across the bars, in client pixels, until it is long enough to be a zoom rather than a click. */
interface BarDrag {
  x0: number;
  left: number;
  width: number;
  pointerId: number;
  active: boolean;
}

/**
 * The span waterfall of the selected trace: a virtualised ARIA tree of spans on a shared time axis.
 * A parent that already holds the selected trace's spans may pass them, saving a second read of what
 * can be a 50,000-span document; otherwise the waterfall reads them itself. `badges`: the trace's percentile
 * badges against its group, by breakdown row, drawn on the rows of the spans standing for those rows.
 */
export function Waterfall({ trace: given, badges }: { trace?: TraceSpans; badges?: GroupBadges | null } = {}) {
  const sessionId = useStore((s) => s.sessionId);
  const storeTraceId = useStore((s) => s.traceId);
  const usable = given && given.traceId === storeTraceId ? given : undefined;
  const read = useTraceSpans(usable ? null : sessionId, usable ? null : storeTraceId);
  const trace = usable ?? read;
  const traceId = storeTraceId;
  const tree = trace ? spanIndex(trace).tree : null;

  if (!traceId) return <Placeholder text="Pick a trace to see its spans." />;
  if (trace === undefined) return <Placeholder text="Loading spans…" />;
  if (!tree || !tree.spans.length) return <Placeholder text="This trace has no spans." />;
  return <WaterfallView key={traceId} tree={tree} traceId={traceId} errors={traceFacts(trace!).errors} badges={badges?.byRow} />;
}

function Placeholder({ text }: { text: string }) {
  return (
    <div className="wf wf-placeholder">
      <p className="muted">{text}</p>
    </div>
  );
}

const NO_BADGES: ReadonlyMap<number, RowBadge> = new Map();

function WaterfallView({ tree, traceId, errors, badges }: { tree: SpanTree; traceId: string; errors: Map<string, string>; badges?: ReadonlyMap<string, RowBadge> }) {
  const spanId = useStore((s) => s.spanId);
  const selectSpan = useStore((s) => s.selectSpan);
  const setSearch = useStore((s) => s.setWaterfallSearch);
  const storedNameWidth = useStore((s) => s.paneSizes[NAME_PANE] ?? DEFAULT_NAME_WIDTH);
  const setPaneSize = useStore((s) => s.setPaneSize);
  const w = useWaterfall(tree, traceId);
  // once per trace and group: a row then looks its badge up by index
  const spanBadges = useMemo(() => (badges ? badgesBySpan(tree.spans, badges) : NO_BADGES), [tree, badges]);
  const rowKey = useCallback((k: number) => w.rows[k]!, [w.rows]);
  const virtual = useVirtualList({ count: w.rows.length, rowHeight: ROW_HEIGHT, overscan: OVERSCAN, getItemKey: rowKey });

  const root = useRef<HTMLDivElement>(null);
  const body = virtual.ref;
  const wrap = useRef<HTMLDivElement>(null);
  const barDrag = useRef<BarDrag | null>(null);
  const swallowClick = useRef(false);
  const [dragBox, setDragBox] = useState<{ left: number; width: number } | null>(null);
  const { top: scrollTop, height: viewport } = virtual.view;
  const paneWidth = useElementSize(body).width;
  const [cursor, setCursor] = useState(-1);
  const pendingReveal = useRef(-1);

  // the names never crowd out the timeline, which is what the waterfall is for
  const maxNameWidth = paneWidth ? Math.max(MIN_NAME_WIDTH, Math.round(paneWidth * MAX_NAME_SHARE)) : Infinity;
  const nameWidth = Math.max(MIN_NAME_WIDTH, Math.min(storedNameWidth, maxNameWidth));

  const selected = spanId ? (tree.indexOf.get(spanId) ?? -1) : -1;
  const { uncover, view, setView } = w;
  const zoomed = !isFullWindow(view);
  const resetZoom = useCallback(() => setView(FULL_WINDOW), [setView]);
  const trackWidth = paneWidth ? Math.max(0, paneWidth - nameWidth - SELF_WIDTH - TRACK_MARGIN) : 0;
  const ticks = tickCount(trackWidth);

  /** The bars column on screen: where a row's track is (every row's is the same). */
  const trackRect = useCallback((): DOMRect | null => body.current?.querySelector('.wf-track')?.getBoundingClientRect() ?? null, [body]);

  // Ctrl/Cmd + wheel zooms around the pointer (a passive React listener could not stop the page zooming)
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);
  useEffect(() => {
    const el = root.current!;
    const onWheel = (e: WheelEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.deltaY) return;
      e.preventDefault();
      const r = trackRect();
      const at = r && r.width ? clamp01((e.clientX - r.left) / r.width) : 0.5;
      const px = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      setView(zoomAround(viewRef.current, at, Math.exp(px * WHEEL_ZOOM)));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [setView, trackRect]);

  // a drag across the bars zooms to the dragged time; a press that does not move stays a click (selects)
  const onBarsDown = (e: PointerEvent<HTMLDivElement>) => {
    swallowClick.current = false;
    if (e.button !== 0) return;
    const r = trackRect();
    if (!r || e.clientX < r.left || e.clientX > r.right) return;
    barDrag.current = { x0: e.clientX, left: r.left, width: r.width, pointerId: e.pointerId, active: false };
  };
  const onBarsMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = barDrag.current;
    if (!d) return;
    if (!d.active) {
      if (Math.abs(e.clientX - d.x0) < MIN_DRAG_PX) return;
      d.active = true;
      e.currentTarget.setPointerCapture(d.pointerId);
    }
    const x = Math.min(d.left + d.width, Math.max(d.left, e.clientX));
    const origin = wrap.current!.getBoundingClientRect().left;
    setDragBox({ left: Math.min(d.x0, x) - origin, width: Math.abs(x - d.x0) });
  };
  const onBarsUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = barDrag.current;
    barDrag.current = null;
    setDragBox(null);
    if (!d?.active) return;
    swallowClick.current = true;
    const f = (x: number) => clamp01((x - d.left) / (d.width || 1));
    setView(zoomToDrag(view, f(d.x0), f(e.clientX)));
  };
  const onBarsCancel = () => {
    barDrag.current = null;
    setDragBox(null);
  };

  // a span selected anywhere (map, logs, here) becomes the cursor and is brought into view
  useEffect(() => {
    if (selected < 0) return;
    uncover(selected);
    setCursor(selected);
    pendingReveal.current = selected;
    // deliberately only on a new selection: collapsing an ancestor afterwards must not undo itself
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [selected, tree]);

  // after every render (no dependency list on purpose): a reveal waits until the row it asked for is laid out
  useLayoutEffect(() => {
    const target = pendingReveal.current;
    const el = body.current;
    // the element's own height: the list's is an assumed one until its first measurement, and a span selected
    // as the waterfall opens (a trace opened at a span, from insights) would be revealed against that
    const height = el?.clientHeight ?? 0;
    if (target < 0 || !el || !height) return;
    const pos = w.rowPos[target]!;
    if (pos < 0) return;
    pendingReveal.current = -1;
    const top = revealRow(pos, el.scrollTop, height, ROW_HEIGHT);
    if (top !== null) virtual.scrollTo(top);
  });

  const moveCursor = useCallback((index: number) => {
    setCursor(index);
    pendingReveal.current = index;
  }, []);
  const pick = useCallback(
    (index: number) => {
      setCursor(index);
      selectSpan(tree.spans[index]!.spanId);
      body.current?.focus({ preventScroll: true });
    },
    [selectSpan, tree, body],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // a cursor hidden by collapsing an ancestor continues from the nearest visible ancestor
    let at = cursor;
    while (at >= 0 && w.rowPos[at]! < 0) at = tree.parent[at]!;
    const pos = at >= 0 ? w.rowPos[at]! : -1;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const action = treeKeyAction(e.key, { tree, rows: w.rows, pos, collapsed: w.collapsed, page });
    if (!action) return;
    e.preventDefault();
    switch (action.type) {
      case 'move':
        moveCursor(w.rows[action.pos]!);
        break;
      case 'collapse':
      case 'expand':
        w.toggleSpan(action.span);
        break;
      case 'select':
        if (at >= 0) selectSpan(tree.spans[at]!.spanId);
        break;
      case 'escape':
        // one step back at a time: the search, then the zoom, then the selection
        if (w.search) setSearch('');
        else if (zoomed) resetZoom();
        else selectSpan(null);
        break;
    }
  };

  const { match, matches } = w;
  const matchAt = useMemo(() => (match && cursor >= 0 && match[cursor] ? matches.indexOf(cursor) + 1 : 0), [match, matches, cursor]);
  const nextMatch = (step: 1 | -1) => {
    const m = w.matches;
    if (!m.length) return;
    // the next match in tree order after the cursor, wrapping around
    const from = cursor >= 0 ? tree.position[cursor]! : -1;
    let k = -1;
    if (step === 1) k = m.findIndex((i) => tree.position[i]! > from);
    else for (let j = m.length - 1; j >= 0 && k < 0; j--) if (tree.position[m[j]!]! < from) k = j;
    if (k < 0) k = step === 1 ? 0 : m.length - 1;
    const target = m[k]!;
    w.uncover(target);
    setCursor(target);
    selectSpan(tree.spans[target]!.spanId);
    pendingReveal.current = target;
  };

  const startResize = (e: PointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const x0 = e.clientX;
    const w0 = nameWidth;
    const move = (ev: globalThis.PointerEvent) =>
      setPaneSize(NAME_PANE, Math.round(Math.min(maxNameWidth, Math.max(MIN_NAME_WIDTH, w0 + ev.clientX - x0))));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const maxIndent = Math.max(3, Math.floor((nameWidth * 0.4) / INDENT));
  const range = { first: virtual.items[0]?.index ?? 0, end: (virtual.items.at(-1)?.index ?? -1) + 1 };
  const items = virtual.items.map(({ index: k, key, start }) => {
    const i = w.rows[k]!;
    return (
      <SpanRow
        key={key}
        tree={tree}
        index={i}
        pos={k}
        top={start}
        setSize={w.rows.length}
        bounds={w.bounds}
        selected={i === selected}
        cursor={i === cursor}
        collapsed={w.collapsed.has(tree.spans[i]!.spanId)}
        match={!!w.match?.[i]}
        critical={w.critical.get(i)}
        error={errors.get(tree.spans[i]!.spanId) ?? null}
        badge={spanBadges.get(i)}
        maxIndent={maxIndent}
        onToggle={w.toggleSpan}
        onPick={pick}
      />
    );
  });
  const cursorRendered = cursor >= 0 && w.rowPos[cursor]! >= range.first && w.rowPos[cursor]! < range.end;
  const columns = { '--wf-name-width': `${nameWidth}px`, '--wf-self-width': `${SELF_WIDTH}px` } as CSSProperties;

  return (
    <div ref={root} className="wf" style={columns}>
      <WaterfallToolbar
        search={w.search}
        onSearch={setSearch}
        matchCount={w.searching ? w.matches.length : null}
        matchAt={matchAt}
        onNextMatch={nextMatch}
        hide={w.hide}
        onHide={w.setHide}
        hiddenCount={w.hiddenCount}
        maxLevel={tree.maxDepth + 1}
        onLevel={w.setLevel}
      />
      <div className="wf-overview">
        <div className="wf-zoom">
          <span className="wf-zoom-range" title="The time window shown">
            {formatDuration((tree.maxEnd - tree.minStart) * view[0])} – {formatDuration((tree.maxEnd - tree.minStart) * view[1])}
          </span>
          <button type="button" disabled={!zoomed} onClick={resetZoom} title="Show the whole trace again (or double-click the bars, or Escape in the spans)">
            Reset zoom
          </button>
        </div>
        <Minimap tree={tree} view={view} onView={setView} onReset={resetZoom} />
      </div>
      <div className="wf-header">
        <div className="wf-header-name">
          Span <span className="muted">({tree.spans.length.toLocaleString()})</span>
          <span className="wf-legend" title="Spans on the critical path: the chain that determines when the request ended">
            <span className="wf-legend-critical" aria-hidden="true" /> critical path
          </span>
          <div
            className="wf-resizer"
            role="separator"
            tabIndex={0}
            aria-orientation="vertical"
            aria-label="Resize span names"
            aria-valuenow={nameWidth}
            aria-valuemin={MIN_NAME_WIDTH}
            onPointerDown={startResize}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowLeft' ? -16 : e.key === 'ArrowRight' ? 16 : 0;
              if (!step) return;
              e.preventDefault();
              setPaneSize(NAME_PANE, Math.min(maxNameWidth, Math.max(MIN_NAME_WIDTH, nameWidth + step)));
            }}
          />
        </div>
        <div className="wf-header-self" title="Self time: duration minus time covered by children">
          Self
        </div>
        <TimeAxis minStart={tree.minStart} maxEnd={tree.maxEnd} view={view} count={ticks} width={trackWidth} onZoom={setView} onReset={resetZoom} />
      </div>
      <div
        ref={wrap}
        className="wf-body-wrap"
        onPointerDown={onBarsDown}
        onPointerMove={onBarsMove}
        onPointerUp={onBarsUp}
        onPointerCancel={onBarsCancel}
        onClickCapture={(e) => {
          // the click that ends a zoom drag selects nothing
          if (!swallowClick.current) return;
          swallowClick.current = false;
          e.stopPropagation();
        }}
        onDoubleClick={(e) => {
          const r = trackRect();
          if (zoomed && r && e.clientX >= r.left && e.clientX <= r.right) resetZoom();
        }}
      >
        <GridLines minStart={tree.minStart} maxEnd={tree.maxEnd} view={view} count={ticks} />
        {dragBox && <div className="wf-bars-drag" style={{ left: dragBox.left, width: dragBox.width }} aria-hidden="true" />}
        <div
          ref={body}
          className="wf-body"
          role="tree"
          aria-label="Spans"
          tabIndex={0}
          aria-activedescendant={cursorRendered ? rowDomId(cursor) : undefined}
          onKeyDown={onKeyDown}
          onFocus={() => {
            // keyboard users land on the selected span when it is on screen, else on the top row in view
            if (cursor >= 0 || !w.rows.length) return;
            const top = Math.min(Math.floor(scrollTop / ROW_HEIGHT), w.rows.length - 1);
            const sel = selected >= 0 ? w.rowPos[selected]! : -1;
            setCursor(sel >= range.first && sel < range.end ? selected : w.rows[top]!);
          }}
        >
          <div className="wf-sizer" style={{ height: virtual.totalSize }}>
            {items}
          </div>
          {w.rows.length === 0 && <p className="wf-none muted">No spans match the search.</p>}
        </div>
      </div>
    </div>
  );
}
