/**
 * The verdict at the top of every trace: one sentence with numbers (shared/kong/verdict.ts) saying what
 * happened and who took the time. The sentence is a link: it selects the span it names, so the
 * waterfall, the inspector and the logs show it.
 */
import type { TraceSpans } from '../../../shared/model/types';
import { useStore } from '../../store';
import { traceFacts } from './trace-facts';
import './Summary.css';

const KIND_LABELS = { error: 'failed', upstream: 'upstream', gateway: 'gateway', client: 'client', unknown: 'trace' } as const;

export function VerdictLine({ trace }: { trace: TraceSpans }) {
  const { verdict } = traceFacts(trace);
  const selectSpan = useStore((s) => s.selectSpan);
  const span = verdict.spanId ? trace.spans.find((s) => s.spanId === verdict.spanId) : undefined;
  return (
    <div className={`verdict verdict-${verdict.kind}`} role="status" aria-label="Verdict" data-kind={verdict.kind}>
      <span className="verdict-kind">{KIND_LABELS[verdict.kind]}</span>
      {span ? (
        <button
          type="button"
          className="verdict-text"
          title={`Select ${span.name}`}
          onClick={() => selectSpan(span.spanId)}
        >
          {verdict.text}
        </button>
      ) : (
        <span className="verdict-text">{verdict.text}</span>
      )}
    </div>
  );
}
