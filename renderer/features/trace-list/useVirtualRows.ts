/**
 * A fixed-row-height virtualiser for a scrolling element: tracks its scroll position and height and
 * says which rows to render. Shared by the trace list and the logs.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { scrollToReveal, visibleRange, type RowRange } from './virtual-range';

export interface VirtualRows {
  ref: RefObject<HTMLDivElement | null>;
  range: RowRange;
  onScroll(): void;
  /** scroll just enough to show row `index` */
  reveal(index: number): void;
  /** rows that fit in the viewport, for PageUp / PageDown */
  pageSize: number;
  /** the scroll position and height of the scrolling element */
  view: { top: number; height: number };
}

export function useVirtualRows(count: number, rowHeight: number, overscan = 8): VirtualRows {
  const ref = useRef<HTMLDivElement | null>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
  }, []);

  useLayoutEffect(measure, [measure, count]);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  const reveal = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el || index < 0) return;
      const top = scrollToReveal(index, el.scrollTop, el.clientHeight, rowHeight);
      if (top !== null) {
        el.scrollTop = top;
        measure();
      }
    },
    [measure, rowHeight],
  );

  return {
    ref,
    range: visibleRange(view.top, view.height, rowHeight, count, overscan),
    onScroll: measure,
    reveal,
    pageSize: Math.max(1, Math.floor(view.height / rowHeight) - 1),
    view,
  };
}
