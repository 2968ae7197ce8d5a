/**
 * The one virtualised list, on @tanstack/react-virtual: only the rows in view (and an overscan) exist in
 * the DOM, so cost follows the viewport, not the list. The trace list, the logs, the waterfall and the
 * compare view's aligned waterfall use it; each keeps its own ARIA (grid, list, tree) and keyboard.
 *
 * Rows are `rowHeight` tall unless a row is measured (`measureElement` as its ref, with `data-index`):
 * the logs measure theirs, as an opened line grows.
 */
import { useVirtualizer, type VirtualItem, type VirtualizerOptions } from '@tanstack/react-virtual';
import { useCallback, useRef, type Key, type RefObject } from 'react';

export type { VirtualItem };

export interface VirtualListOptions {
  count: number;
  rowHeight: number;
  overscan?: number;
  /** a row's identity, so a measured size stays with its row when rows are filtered or re-sorted */
  getItemKey?: (index: number) => Key;
}

export interface VirtualList {
  /** the scrolling element */
  ref: RefObject<HTMLDivElement | null>;
  /** the rows to render, each with its index and its offset from the top (`start`) */
  items: VirtualItem[];
  /** the height of all rows: the spacer's */
  totalSize: number;
  /** scroll just enough to show row `index` (nothing when it is in view) */
  reveal(index: number): void;
  /** scroll to an offset in pixels */
  scrollTo(top: number): void;
  /** where row `index` starts, in pixels */
  offsetOf(index: number): number;
  /** rows that fit in the viewport, for PageUp / PageDown */
  pageSize: number;
  /** the scroll position and the height of the scrolling element */
  view: { top: number; height: number };
  /** a ref callback for rows whose height is measured rather than `rowHeight` */
  measureElement(el: Element | null): void;
}

/**
 * The scroller's size from its ResizeObserver's reports, which come after layout. TanStack's own
 * observer also measures at once, in a layout effect: that forced a layout of the page before a newly
 * opened view's first paint. Until the first report the list assumes `initialRect`.
 */
const observeRect: VirtualizerOptions<HTMLDivElement, Element>['observeElementRect'] = (instance, cb) => {
  const el = instance.scrollElement;
  if (!el || typeof ResizeObserver === 'undefined') return;
  const ro = new ResizeObserver(() => {
    const r = el.getBoundingClientRect();
    cb({ width: Math.round(r.width), height: Math.round(r.height) });
  });
  ro.observe(el);
  return () => ro.disconnect();
};

export function useVirtualList({ count, rowHeight, overscan = 8, getItemKey }: VirtualListOptions): VirtualList {
  const ref = useRef<HTMLDivElement | null>(null);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const v = useVirtualizer({
    count,
    getScrollElement: () => ref.current,
    estimateSize,
    overscan,
    ...(getItemKey ? { getItemKey } : {}),
    // before the first measurement (and in tests without layout) render a screenful, as a browser would show
    initialRect: { width: 0, height: 600 },
    // a scroll re-renders in React's own time, not synchronously inside the scroll event (as the lists did
    // before; flushSync inside React 19's commit phase also warns)
    useFlushSync: false,
    observeElementRect: observeRect,
  });
  const reveal = useCallback(
    (index: number) => {
      if (index >= 0 && index < v.options.count) v.scrollToIndex(index, { align: 'auto' });
    },
    [v],
  );
  const scrollTo = useCallback((top: number) => v.scrollToOffset(Math.max(0, top)), [v]);
  const offsetOf = useCallback((index: number) => v.measurementsCache[index]?.start ?? index * rowHeight, [v, rowHeight]);
  const height = v.scrollRect?.height ?? 600;
  return {
    ref,
    items: v.getVirtualItems(),
    totalSize: v.getTotalSize(),
    reveal,
    scrollTo,
    offsetOf,
    pageSize: Math.max(1, Math.floor(height / rowHeight) - 1),
    view: { top: v.scrollOffset ?? 0, height },
    measureElement: v.measureElement,
  };
}
