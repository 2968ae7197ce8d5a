import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { SpanTree } from '../../../shared/model/tree';
import { useStore } from '../../store';
import { isFullWindow, normalizeWindow, panWindow, resizeWindow, type ViewWindow } from './scale';
import { spanColor } from './span-style';
import { resolveCssColor } from '../../theme/css-color';
import { useElementSize } from '../../ui/useElementSize';

// short enough to leave the waterfall its rows in a 720 px window, tall enough to see the trace's shape
const HEIGHT = 18;
const MIN_DRAG_PX = 3;

interface Props {
  tree: SpanTree;
  view: ViewWindow;
  onView(view: ViewWindow): void;
  /** a double click shows the whole trace again */
  onReset(): void;
}

type Drag =
  | { mode: 'new'; from: number }
  | { mode: 'pan'; from: number; start: ViewWindow }
  | { mode: 'start' | 'end' };

/**
 * The whole trace in miniature (every span, in tree order, on a canvas so 50,000 spans cost one draw)
 * with the zoom window on top: drag the window to pan, its edges to resize, elsewhere to pick a new one.
 */
export function Minimap({ tree, view, onView, onReset }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<Drag | null>(null);
  const { width } = useElementSize(root);
  const theme = useStore((s) => s.theme);
  const [schemeTick, setSchemeTick] = useState(0);

  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    const onScheme = () => setSchemeTick((t) => t + 1);
    mq.addEventListener('change', onScheme);
    return () => mq.removeEventListener('change', onScheme);
  }, []);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !width) return;
    draw(c, tree, width);
  }, [tree, width, theme, schemeTick]);

  const frac = (e: PointerEvent): number => {
    const r = root.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / (r.width || 1)));
  };
  const begin = (d: Drag) => (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    root.current!.setPointerCapture(e.pointerId);
    drag.current = d.mode === 'new' || d.mode === 'pan' ? { ...d, from: frac(e) } : d;
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const f = frac(e);
    if (d.mode === 'pan') onView(panWindow(d.start, f - d.from));
    else if (d.mode === 'new') {
      if (Math.abs(f - d.from) * width >= MIN_DRAG_PX) onView(normalizeWindow(d.from, f));
    } else onView(resizeWindow(view, d.mode, f));
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    // a click (no drag) outside the window moves the window there, keeping its width
    if (d?.mode === 'new' && Math.abs(frac(e) - d.from) * width < MIN_DRAG_PX) {
      const w = view[1] - view[0];
      if (w < 1) onView(panWindow(view, d.from - w / 2 - view[0]));
    }
  };

  return (
    <div
      ref={root}
      className="wf-minimap"
      style={{ height: HEIGHT }}
      title="Overview: drag to zoom to a time window, drag the window to move it, double-click to show the whole trace"
      onDoubleClick={onReset}
      onPointerDown={begin({ mode: 'new', from: 0 })}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={() => (drag.current = null)}
    >
      <canvas ref={canvas} aria-hidden="true" />
      <div className="wf-mm-shade" style={{ left: 0, width: `${view[0] * 100}%` }} />
      <div className="wf-mm-shade" style={{ left: `${view[1] * 100}%`, right: 0 }} />
      <div
        className="wf-mm-window"
        style={{ left: `${view[0] * 100}%`, width: `${(view[1] - view[0]) * 100}%` }}
        // the window over the whole trace has nothing to pan: a drag there picks a new window
        onPointerDown={begin(isFullWindow(view) ? { mode: 'new', from: 0 } : { mode: 'pan', from: 0, start: view })}
      >
        <div className="wf-mm-handle wf-mm-handle-start" onPointerDown={begin({ mode: 'start' })} />
        <div className="wf-mm-handle wf-mm-handle-end" onPointerDown={begin({ mode: 'end' })} />
      </div>
    </div>
  );
}

/** One thin bar per span, batched by colour so the canvas state changes a handful of times. */
function draw(c: HTMLCanvasElement, tree: SpanTree, width: number): void {
  const dpr = window.devicePixelRatio || 1;
  c.width = Math.round(width * dpr);
  c.height = Math.round(HEIGHT * dpr);
  c.style.width = `${width}px`;
  c.style.height = `${HEIGHT}px`;
  const ctx = c.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, HEIGHT);
  const n = tree.preorder.length;
  if (!n) return;
  const extent = tree.maxEnd - tree.minStart || 1;
  const pad = 2;
  const rowH = (HEIGHT - 2 * pad) / n;
  const barH = Math.max(1.5, Math.min(rowH * 0.8, 5));
  const byColor = new Map<string, number[]>();
  for (let k = 0; k < n; k++) {
    const i = tree.preorder[k]!;
    const color = spanColor(tree.spans[i]!.name);
    let list = byColor.get(color);
    if (!list) byColor.set(color, (list = []));
    list.push(k);
  }
  for (const [color, list] of byColor) {
    // canvas cannot read CSS variables or light-dark(): resolve to a concrete colour
    ctx.fillStyle = resolveCssColor(color, c);
    for (const k of list) {
      const s = tree.spans[tree.preorder[k]!]!;
      const x = ((s.start - tree.minStart) / extent) * width;
      // a span too short to see at this scale still gets a mark two pixels wide
      const w = Math.max(2, (Math.max(0, s.duration) / extent) * width);
      ctx.fillRect(x, pad + k * rowH, w, barH);
    }
  }
}
