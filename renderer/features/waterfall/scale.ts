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
