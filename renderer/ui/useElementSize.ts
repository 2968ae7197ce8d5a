/**
 * The one ResizeObserver hook: an element's inner size (clientWidth / clientHeight, so a scrollbar is
 * left out), followed as panes are resized. 0 × 0 until the observer's first report, which comes after
 * layout: a view that draws at its width (the minimap's canvas) then draws after the first paint, not
 * before it.
 */
import { useEffect, useState, type RefObject } from 'react';

export interface ElementSize {
  width: number;
  height: number;
}

export function useElementSize(ref: RefObject<HTMLElement | null>): ElementSize {
  const [size, setSize] = useState<ElementSize>({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
