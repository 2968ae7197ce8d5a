/**
 * Splitter math: a pane size (pixels or percent) moved by a drag or a key, always within bounds.
 * `direction` is -1 when moving the splitter right/down shrinks the pane (a pane on the right or bottom).
 */

export interface PaneBounds {
  min: number;
  max: number;
}

export function clampSize(value: number, { min, max }: PaneBounds): number {
  return Math.min(max, Math.max(min, value));
}

export function sizeAfterDrag(start: number, deltaPx: number, pxPerUnit: number, direction: 1 | -1, bounds: PaneBounds): number {
  return clampSize(start + (direction * deltaPx) / pxPerUnit, bounds);
}

/** Arrows move by `step` (toward the arrow), Shift for five steps, Home/End to the bounds; null for other keys. */
export function sizeAfterKey(key: string, shift: boolean, value: number, step: number, direction: 1 | -1, bounds: PaneBounds): number | null {
  const s = step * (shift ? 5 : 1) * direction;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return clampSize(value + s, bounds);
    case 'ArrowLeft':
    case 'ArrowUp':
      return clampSize(value - s, bounds);
    case 'Home':
      return bounds.min;
    case 'End':
      return bounds.max;
    default:
      return null;
  }
}
