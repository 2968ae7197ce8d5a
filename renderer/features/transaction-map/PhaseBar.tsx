/**
 * Time per phase as one stacked bar (SVG, percentages so it needs no measuring) with a legend: where the
 * request's time went at a glance. The buckets add up to the root span: they are the partition the
 * latency model (shared/kong/latency.ts) reads gateway, upstream and client time from. Plain SVG: percentage widths
 * need no scale.
 */
import { phaseColorVar } from '../../../shared/kong/phase-times';
import type { TraceSpans } from '../../../shared/model/types';
import { formatDuration } from '../waterfall/format';
import { phaseLabel } from './phase-labels';
import { traceFacts } from './trace-facts';
import './Summary.css';

export function PhaseBar({ trace }: { trace: TraceSpans }) {
  const times = traceFacts(trace).model.phases;
  const total = times.reduce((a, t) => a + t.ns, 0);
  if (total <= 0) return null;
  let acc = 0;
  const segments = times.map((t) => {
    const seg = { ...t, x: (acc / total) * 100, w: (t.ns / total) * 100 };
    acc += t.ns;
    return seg;
  });
  return (
    <div className="phase-bar" role="group" aria-label="Time per phase">
      <svg width="100%" height={12} className="phase-bar-svg" aria-hidden="true">
        {segments.map((s) => (
          <rect key={s.key} x={`${s.x}%`} y={0} width={`${s.w}%`} height={12} style={{ fill: `var(${phaseColorVar(s.key)})` }}>
            <title>{`${phaseLabel(s.key)}: ${formatDuration(s.ns)}`}</title>
          </rect>
        ))}
      </svg>
      {/* largest first: where a short pane cuts the legend, what it cuts is what took least */}
      <ul className="phase-legend">
        {[...segments].sort((a, b) => b.ns - a.ns).map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: `var(${phaseColorVar(s.key)})` }} />
            <span className="phase-name">{phaseLabel(s.key)}</span>
            <span className="mono">{formatDuration(s.ns)}</span>
            <span className="muted mono">{s.w >= 0.1 ? `${s.w.toFixed(1)}%` : '<0.1%'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
