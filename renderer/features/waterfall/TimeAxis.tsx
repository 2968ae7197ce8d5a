import { useRef, useState, type PointerEvent } from 'react';
import { formatDuration } from './format';
import { ticks, zoomToDrag, type Tick, type ViewWindow } from './scale';

/** Smaller drags are clicks, not zooms. */
const MIN_DRAG_PX = 4;

interface Props {
  minStart: number;
  maxEnd: number;
  view: ViewWindow;
  onZoom(view: ViewWindow): void;
}

export function axisTicks(minStart: number, maxEnd: number, view: ViewWindow): Tick[] {
  return ticks(minStart, maxEnd, view, 5);
}

/** Tick labels on the time axis; dragging across it zooms to the dragged time window. */
export function TimeAxis({ minStart, maxEnd, view, onZoom }: Props) {
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
    const width = ref.current!.getBoundingClientRect().width;
    const to = frac(e);
    setDrag(null);
    if (Math.abs(to - drag.from) * width >= MIN_DRAG_PX) onZoom(zoomToDrag(view, drag.from, to));
  };

  const all = axisTicks(minStart, maxEnd, view);
  return (
    <div
      ref={ref}
      className="wf-axis"
      title="Drag across the axis to zoom to a time window"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={() => setDrag(null)}
    >
      {all.map((t, k) => (
        <span
          key={t.value}
          className={`wf-tick${k === all.length - 1 && t.at > 0.9 ? ' wf-tick-last' : ''}`}
          style={{ left: `${t.at * 100}%` }}
        >
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
export function GridLines({ minStart, maxEnd, view }: Omit<Props, 'onZoom'>) {
  return (
    <div className="wf-grid" aria-hidden="true">
      {axisTicks(minStart, maxEnd, view).map((t) => (
        <div key={t.value} className="wf-gridline" style={{ left: `${t.at * 100}%` }} />
      ))}
    </div>
  );
}
