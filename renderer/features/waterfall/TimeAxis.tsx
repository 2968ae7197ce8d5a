import { useRef, useState, type PointerEvent } from 'react';
import { formatDuration } from './format';
import { placeTickLabels, ticks, zoomToDrag, type Tick, type ViewWindow } from './scale';

/** Smaller drags are clicks, not zooms. */
export const MIN_DRAG_PX = 4;

interface Props {
  minStart: number;
  maxEnd: number;
  view: ViewWindow;
  /** how many ticks the axis's width has room for (scale.ts tickCount) */
  count: number;
  /** the axis's width in pixels, to keep its labels apart */
  width: number;
  onZoom(view: ViewWindow): void;
  onReset(): void;
}

export function axisTicks(minStart: number, maxEnd: number, view: ViewWindow, count: number): Tick[] {
  return ticks(minStart, maxEnd, view, count);
}

let measure: CanvasRenderingContext2D | null | undefined;
/** A label's width in pixels in the axis's font (12 px, the app's family), padding and tick line included. */
function labelWidth(text: string): number {
  if (measure === undefined) {
    measure = document.createElement('canvas').getContext('2d');
    if (measure) measure.font = `12px ${getComputedStyle(document.body).fontFamily}`;
  }
  if (!measure) return text.length * 7.5 + 6;
  return Math.ceil(measure.measureText(text).width) + 6;
}

/**
 * Tick labels on the time axis, spaced so they never touch; dragging across it zooms to the dragged time
 * window, a double click shows the whole trace again.
 */
export function TimeAxis({ minStart, maxEnd, view, count, width, onZoom, onReset }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  const frac = (e: PointerEvent): number => {
    const r = ref.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (e.clientX - r.left) / (r.width || 1)));
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const f = frac(e);
    setDrag({ from: f, to: f });
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ from: drag.from, to: frac(e) });
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const w = ref.current!.getBoundingClientRect().width;
    const to = frac(e);
    setDrag(null);
    if (Math.abs(to - drag.from) * w >= MIN_DRAG_PX) onZoom(zoomToDrag(view, drag.from, to));
  };

  const labels = placeTickLabels(axisTicks(minStart, maxEnd, view, count), width, (t) => labelWidth(formatDuration(t.value)));
  return (
    <div
      ref={ref}
      className="wf-axis"
      title="Drag across the axis (or the bars) to zoom to a time window; double-click to show the whole trace"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={() => setDrag(null)}
      onDoubleClick={onReset}
    >
      {labels.map((t) => (
        <span key={t.value} className={`wf-tick${t.align === 'end' ? ' wf-tick-last' : ''}`} style={{ left: `${t.at * 100}%` }}>
          {formatDuration(t.value)}
        </span>
      ))}
      {drag && (
        <div
          className="wf-axis-drag"
          style={{ left: `${Math.min(drag.from, drag.to) * 100}%`, width: `${Math.abs(drag.to - drag.from) * 100}%` }}
        />
      )}
    </div>
  );
}

/** Vertical grid lines behind the bars, at the axis ticks. */
export function GridLines({ minStart, maxEnd, view, count }: Pick<Props, 'minStart' | 'maxEnd' | 'view' | 'count'>) {
  return (
    <div className="wf-grid" aria-hidden="true">
      {axisTicks(minStart, maxEnd, view, count).map((t) => (
        <div key={t.value} className="wf-gridline" style={{ left: `${t.at * 100}%` }} />
      ))}
    </div>
  );
}
