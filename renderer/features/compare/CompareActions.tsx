/**
 * The compare entry points beside a trace's title: pin it as A (the baseline), compare it with the pinned
 * A, or compare it with a typical one (its group's trace nearest the median, from any session). The trace
 * shown is always B, the subject.
 */
import { deltaText } from '../../../shared/compare/compare';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { useTypicalTwin } from './useTypicalTwin';
import './compare.css';

export function CompareActions({ sessionId, traceId, row }: { sessionId: string; traceId: string; row: TraceRow | null }) {
  const a = useStore((s) => s.compareA);
  const pin = useStore((s) => s.pinCompareA);
  const open = useStore((s) => s.openCompare);
  const openGroup = useStore((s) => s.openGroupCompare);
  const { twin, look } = useTypicalTwin();
  const isA = a?.sessionId === sessionId && a.traceId === traceId;
  const here = { sessionId, traceId };

  async function typical() {
    if (!row) return;
    const found = await look(row);
    const best = found.twins[0];
    if (best) open({ sessionId: best.sessionId, traceId: best.traceId }, here);
  }

  return (
    <div className="cmp-actions" role="group" aria-label="Compare">
      {a && !isA ? (
        <button type="button" onClick={() => open(a, here)} title={`Compare this trace (B) with the pinned trace ${a.traceId} (A, the baseline)`}>
          Compare with A
        </button>
      ) : null}
      <button type="button" aria-pressed={isA} onClick={() => pin(here)} disabled={isA} title="Pin this trace as A, the baseline, then pick another trace and compare it with A">
        {isA ? 'Pinned as A' : 'Pin as A'}
      </button>
      <button type="button" onClick={() => void typical()} disabled={!row || twin.state === 'looking'} title="Compare with the trace of the same route, method, consumer and status class nearest their median, in any session">
        Compare with a typical one
      </button>
      <button type="button" onClick={() => openGroup(here)} title="Compare this trace with the other traces of its route and method in this session: the median, the p10-p90 band and its percentile per span">
        Against its group
      </button>
      {twin.state === 'found' && twin.twins.length === 0 && (
        <span className="muted cmp-note" role="status">
          No other trace of this route, method, consumer and status class is stored.
        </span>
      )}
      {twin.state === 'found' && twin.twins.length > 0 && twin.medianMs !== null && row && (
        <span className="muted cmp-note" role="status">
          median of {twin.groupSize}: {deltaText(twin.medianMs, row.durationMs)} for this one
        </span>
      )}
    </div>
  );
}
