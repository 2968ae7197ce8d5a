/**
 * How a figure of the Insights tab opens the traces behind it (issue 19): one request opens in the trace
 * views (selectTrace, which removes a listed set that does not hold it); several become the session's
 * trace set, shown in the trace list on top of its expression filter.
 */
import { useMemo } from 'react';
import { useStore } from '../../store';
import { idsOf } from '../../../shared/insights/behind';
import type { InsightTrace } from '../../../shared/insights/breakdown';

export interface OpenTraces {
  /** opens one request */
  one(traceId: string): void;
  /** opens the requests behind a figure: one opens, several are listed as "N traces: label" */
  set(label: string, traces: readonly InsightTrace[]): void;
}

export function useOpenTraces(): OpenTraces {
  const sessionId = useStore((s) => s.sessionId);
  const one = useStore((s) => s.selectTrace);
  const showTraceSet = useStore((s) => s.showTraceSet);
  return useMemo(() => {
    const set = (label: string, traces: readonly InsightTrace[]) => {
      if (traces.length === 1) one(traces[0]!.summary.traceId);
      else if (traces.length > 1 && sessionId) showTraceSet(sessionId, { label, traceIds: idsOf(traces) });
    };
    return { one, set };
  }, [sessionId, one, showTraceSet]);
}
