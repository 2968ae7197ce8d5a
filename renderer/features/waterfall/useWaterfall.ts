import { useCallback, useDeferredValue, useMemo } from 'react';
import {
  ancestorIds,
  collapsedForLevel,
  searchSpans,
  visibleRows,
  type CriticalSegment,
  type SpanTree,
} from '../../../shared/model/tree';
import { useStore } from '../../store';
import { selectCollapsed, selectView } from './waterfall-slice';
import { createViewedBounds } from './scale';

const NO_MATCHES: readonly number[] = [];

/**
 * Everything the waterfall derives from the tree and the view state: the visible rows (after collapse
 * and search hiding), search matches, the time scale and the critical path per span. Memoised so that
 * scrolling re-derives nothing.
 */
export function useWaterfall(tree: SpanTree, traceId: string) {
  const collapsed = useStore(selectCollapsed(traceId));
  const view = useStore(selectView(traceId));
  const search = useStore((s) => s.waterfallSearch);
  const hide = useStore((s) => s.waterfallHideNonMatches);
  const setCollapsed = useStore((s) => s.setWaterfallCollapsed);
  const toggle = useStore((s) => s.toggleWaterfallCollapsed);
  const setView = useStore((s) => s.setWaterfallView);
  const setHide = useStore((s) => s.setWaterfallHideNonMatches);

  // typing in the search box stays responsive on 50,000 spans: the match runs at lower priority
  const deferredSearch = useDeferredValue(search);
  const found = useMemo(() => searchSpans(tree, deferredSearch), [tree, deferredSearch]);
  const keep = hide && found ? found.keep : undefined;
  const rows = useMemo(() => visibleRows(tree, collapsed, keep), [tree, collapsed, keep]);
  const rowPos = useMemo(() => {
    const pos = new Int32Array(tree.spans.length).fill(-1);
    for (let k = 0; k < rows.length; k++) pos[rows[k]!] = k;
    return pos;
  }, [tree, rows]);
  const hiddenCount = useMemo(() => (keep ? keep.length - keep.reduce((a, b) => a + b, 0) : 0), [keep]);
  const bounds = useMemo(() => createViewedBounds(tree.minStart, tree.maxEnd, view), [tree, view]);
  const critical = useMemo(() => {
    const m = new Map<number, CriticalSegment[]>();
    for (const seg of tree.criticalPath) {
      const list = m.get(seg.span);
      if (list) list.push(seg);
      else m.set(seg.span, [seg]);
    }
    return m;
  }, [tree]);

  const toggleSpan = useCallback((index: number) => toggle(traceId, tree.spans[index]!.spanId), [toggle, traceId, tree]);
  const setLevel = useCallback(
    (level: number | 'all') => setCollapsed(traceId, level === 'all' ? new Set() : collapsedForLevel(tree, level)),
    [setCollapsed, traceId, tree],
  );

  /** Makes a span a visible row: expands its collapsed ancestors and stops hiding it as a non-match. */
  const uncover = useCallback(
    (index: number) => {
      const ancestors = ancestorIds(tree, index);
      if (ancestors.some((id) => collapsed.has(id))) {
        const next = new Set(collapsed);
        for (const id of ancestors) next.delete(id);
        setCollapsed(traceId, next);
      }
      if (keep && !keep[index]) setHide(false);
    },
    [tree, collapsed, keep, setCollapsed, setHide, traceId],
  );

  return {
    collapsed,
    view,
    setView: useCallback((v: typeof view) => setView(traceId, v), [setView, traceId]),
    search,
    hide,
    setHide,
    matches: found?.matches ?? NO_MATCHES,
    match: found?.match,
    searching: found !== null,
    rows,
    rowPos,
    hiddenCount,
    bounds,
    critical,
    toggleSpan,
    setLevel,
    uncover,
  };
}
