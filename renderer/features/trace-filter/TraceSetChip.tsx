/**
 * The trace set the list shows (the traces behind a figure of session insights, issue 19), as a chip over
 * the list that removes it: "12 traces: consumer = alice, in the selection  ×".
 */
import type { TraceSet } from './trace-filter-slice';
import './TraceSetChip.css';

export function TraceSetChip({ set, onRemove }: { set: TraceSet; onRemove: () => void }) {
  const text = `${set.traceIds.length} ${set.traceIds.length === 1 ? 'trace' : 'traces'}: ${set.label}`;
  return (
    <div className="trace-set" role="group" aria-label="Trace set">
      <span className="trace-set-chip" onKeyDown={(e) => e.key === 'Escape' && onRemove()}>
        <span className="trace-set-text" title={text}>
          {text}
        </span>
        <button type="button" className="trace-set-remove" aria-label={`Stop showing the ${text}`} title="Show every trace again (Escape in the list)" onClick={onRemove}>
          ×
        </button>
      </span>
    </div>
  );
}
