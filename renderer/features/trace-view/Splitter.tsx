/**
 * A splitter between two panes: drag it, or focus it and use the arrow keys (Shift for bigger steps,
 * Home/End for the limits). An ARIA `separator` with its value, so assistive tech can read and move it.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { sizeAfterDrag, sizeAfterKey, type PaneBounds } from './pane-math';

export interface SplitterProps {
  /** 'vertical' splits left from right; 'horizontal' splits top from bottom */
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  bounds: PaneBounds;
  /** pixels per unit of `value` (1 for pixels, containerSize / 100 for percent) */
  pxPerUnit: number;
  /** -1 when the sized pane is after the splitter (right or below) */
  direction: 1 | -1;
  step: number;
  onChange(value: number): void;
}

export function Splitter({ orientation, label, value, bounds, pxPerUnit, direction, step, onChange }: SplitterProps) {
  const drag = useRef<{ start: number; pos: number } | null>(null);
  const axis = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY);

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: value, pos: axis(e) };
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!drag.current || pxPerUnit <= 0) return;
    onChange(sizeAfterDrag(drag.current.start, axis(e) - drag.current.pos, pxPerUnit, direction, bounds));
  }
  function onKeyDown(e: KeyboardEvent) {
    const next = sizeAfterKey(e.key, e.shiftKey, value, step, direction, bounds);
    if (next === null) return;
    e.preventDefault();
    onChange(next);
  }

  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={bounds.min}
      aria-valuemax={bounds.max}
      tabIndex={0}
      className={`splitter splitter-${orientation}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onPointerCancel={() => (drag.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}
