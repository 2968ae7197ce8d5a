/**
 * Where to scroll so a row shows, in the waterfall's way (the virtualising itself is renderer/ui's
 * useVirtualList): as little as possible for a neighbour, a third of the way down for a far jump.
 */

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
