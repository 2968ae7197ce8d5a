/**
 * Time-to-position math for the waterfall, after Jaeger's `createViewedBoundsFunc`: the zoom window is a
 * pair of fractions [start, end] of the trace's extent, and a span maps to fractions of the visible
 * window (which may fall outside 0..1 when the span is partly or wholly out of view). Components turn
 * fractions into CSS percentages, so nothing here needs the pixel width.
 */

export type ViewWindow = readonly [number, number];

export const FULL_WINDOW: ViewWindow = [0, 1];
/** the narrowest window allowed, as a fraction of the trace */
export const MIN_WINDOW = 1e-6;

export interface ViewedBounds {
  start: number;
  end: number;
}

/** Maps absolute times (ns offsets) to fractions of the zoom window over the trace [min, max]. */
export function createViewedBounds(min: number, max: number, view: ViewWindow): (start: number, end: number) => ViewedBounds {
  const extent = max - min || 1;
  const viewMin = min + view[0] * extent;
  const viewExtent = (view[1] - view[0]) * extent || 1;
  return (start, end) => ({ start: (start - viewMin) / viewExtent, end: (end - viewMin) / viewExtent });
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Orders, clamps to [0, 1] and widens to the minimum width, keeping the window inside the trace. */
export function normalizeWindow(a: number, b: number): ViewWindow {
  let lo = clamp01(Math.min(a, b));
  let hi = clamp01(Math.max(a, b));
  if (hi - lo < MIN_WINDOW) {
    const mid = (lo + hi) / 2;
    lo = Math.max(0, mid - MIN_WINDOW / 2);
    hi = Math.min(1, lo + MIN_WINDOW);
    lo = hi - MIN_WINDOW;
  }
  return [lo, hi];
}

/** A drag on the axis from one fraction of the visible window to another becomes the new window. */
export function zoomToDrag(view: ViewWindow, fromFrac: number, toFrac: number): ViewWindow {
  const width = view[1] - view[0];
  return normalizeWindow(view[0] + fromFrac * width, view[0] + toFrac * width);
}

/** Moves the window by `delta` (a fraction of the trace) without changing its width or leaving the trace. */
export function panWindow(view: ViewWindow, delta: number): ViewWindow {
  const width = view[1] - view[0];
  const lo = Math.min(1 - width, Math.max(0, view[0] + delta));
  return [lo, lo + width];
}

/** Moves one edge of the window to `to` (a fraction of the trace), keeping the other edge. */
export function resizeWindow(view: ViewWindow, edge: 'start' | 'end', to: number): ViewWindow {
  return edge === 'start' ? normalizeWindow(Math.min(to, view[1] - MIN_WINDOW), view[1]) : normalizeWindow(view[0], Math.max(to, view[0] + MIN_WINDOW));
}

export function isFullWindow(view: ViewWindow): boolean {
  return view[0] <= 0 && view[1] >= 1;
}

export interface Tick {
  /** ns from the trace start */
  value: number;
  /** fraction of the visible window */
  at: number;
}

/** Round tick values (1, 2 or 5 times a power of ten ns) across the visible window, about `count` of them. */
export function ticks(min: number, max: number, view: ViewWindow, count: number): Tick[] {
  const extent = max - min;
  if (!(extent > 0) || count < 1) return [{ value: 0, at: 0 }];
  const lo = view[0] * extent;
  const hi = view[1] * extent;
  const raw = (hi - lo) / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw)!;
  const out: Tick[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    out.push({ value: v, at: (v - lo) / (hi - lo) });
  }
  return out;
}

/**
 * Zooms by `factor` (below 1 in, above 1 out) around `at`, a fraction of the visible window that stays
 * under the pointer: the time there is the same before and after.
 */
export function zoomAround(view: ViewWindow, at: number, factor: number): ViewWindow {
  const width = view[1] - view[0];
  const next = Math.min(1, Math.max(MIN_WINDOW, width * factor));
  const pivot = view[0] + Math.min(1, Math.max(0, at)) * width;
  let lo = pivot - Math.min(1, Math.max(0, at)) * next;
  lo = Math.min(1 - next, Math.max(0, lo));
  return [lo, lo + next];
}

/** About this many ticks fit a time axis `widthPx` wide with room for their labels. */
export function tickCount(widthPx: number): number {
  return Math.max(2, Math.min(12, Math.floor(widthPx / 70)));
}

export interface PlacedTick extends Tick {
  /** the label sits right of its tick line (start) or, at the right edge, left of it (end) */
  align: 'start' | 'end';
}

/**
 * The tick labels that can be shown on an axis `widthPx` wide without touching: each label starts at its
 * tick, or ends there when it would run off the right edge; a label that would overlap the one before is
 * left out (its grid line stays).
 */
export function placeTickLabels(all: readonly Tick[], widthPx: number, labelPx: (t: Tick) => number, gap = 8): PlacedTick[] {
  const out: PlacedTick[] = [];
  let lastRight = -Infinity;
  for (const t of all) {
    const x = t.at * widthPx;
    const w = labelPx(t);
    const align = x + w > widthPx ? 'end' : 'start';
    const left = align === 'start' ? x : x - w;
    if (left < lastRight + gap || left < 0) continue;
    out.push({ ...t, align });
    lastRight = left + w;
  }
  return out;
}
