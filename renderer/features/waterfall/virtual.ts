/**
 * Fixed-row-height virtualisation: which rows to render for a scroll position, and where to scroll to
 * reveal a row. Only the rows in view plus an overscan exist in the DOM, so cost follows the viewport,
 * not the trace.
 */

export interface RowRange {
  first: number;
  /** exclusive */
  end: number;
}

export function rowRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number): RowRange {
  // a scroll position left over from a longer list (rows were just collapsed) shows the list's end
  scrollTop = Math.max(0, Math.min(scrollTop, count * rowHeight - viewport));
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

/**
 * The scrollTop that brings row `pos` fully into view with as little movement as possible, or null when
 * it is in view already. A far jump lands the row a third of the way down, so its context shows.
 */
export function revealRow(pos: number, scrollTop: number, viewport: number, rowHeight: number): number | null {
  const top = pos * rowHeight;
  const bottom = top + rowHeight;
  if (top >= scrollTop && bottom <= scrollTop + viewport) return null;
  const far = top < scrollTop - viewport || top > scrollTop + 2 * viewport;
  if (far) return Math.max(0, top - Math.floor(viewport / 3));
  return top < scrollTop ? top : bottom - viewport;
}
