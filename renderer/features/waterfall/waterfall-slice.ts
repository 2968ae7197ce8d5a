import type { Slice } from '../../store/slice';

/** A zoom window: fractions [start, end] of the trace's time extent. */
export type WaterfallWindow = readonly [number, number];

const EMPTY: ReadonlySet<string> = new Set();
const FULL: WaterfallWindow = [0, 1];

/**
 * The waterfall's view state. Collapse and zoom belong to one trace (they reset when another trace is
 * shown); the search stays, so one can flick through traces looking for the same plugin.
 */
export interface WaterfallSlice {
  waterfall: { traceId: string | null; collapsed: ReadonlySet<string>; view: WaterfallWindow };
  waterfallSearch: string;
  waterfallHideNonMatches: boolean;
  setWaterfallCollapsed(traceId: string, collapsed: ReadonlySet<string>): void;
  toggleWaterfallCollapsed(traceId: string, spanId: string): void;
  setWaterfallView(traceId: string, view: WaterfallWindow): void;
  setWaterfallSearch(query: string): void;
  setWaterfallHideNonMatches(hide: boolean): void;
}

type Waterfall = WaterfallSlice['waterfall'];
const forTrace = (w: Waterfall, traceId: string): Waterfall =>
  w.traceId === traceId ? w : { traceId, collapsed: EMPTY, view: FULL };

export const createWaterfallSlice: Slice<WaterfallSlice> = (set) => ({
  waterfall: { traceId: null, collapsed: EMPTY, view: FULL },
  waterfallSearch: '',
  waterfallHideNonMatches: false,
  setWaterfallCollapsed: (traceId, collapsed) =>
    set((s) => ({ waterfall: { ...forTrace(s.waterfall, traceId), collapsed } })),
  toggleWaterfallCollapsed: (traceId, spanId) =>
    set((s) => {
      const w = forTrace(s.waterfall, traceId);
      const collapsed = new Set(w.collapsed);
      if (!collapsed.delete(spanId)) collapsed.add(spanId);
      return { waterfall: { ...w, collapsed } };
    }),
  setWaterfallView: (traceId, view) => set((s) => ({ waterfall: { ...forTrace(s.waterfall, traceId), view } })),
  setWaterfallSearch: (waterfallSearch) => set({ waterfallSearch }),
  setWaterfallHideNonMatches: (waterfallHideNonMatches) => set({ waterfallHideNonMatches }),
});

/** Selectors that fall back to "nothing collapsed, not zoomed" for a trace the slice has not seen. */
export const selectCollapsed =
  (traceId: string | null) =>
  (s: WaterfallSlice): ReadonlySet<string> =>
    s.waterfall.traceId === traceId ? s.waterfall.collapsed : EMPTY;
export const selectView =
  (traceId: string | null) =>
  (s: WaterfallSlice): WaterfallWindow =>
    s.waterfall.traceId === traceId ? s.waterfall.view : FULL;
