/**
 * How a figure of the Insights tab opens the traces behind it (issue 19): one request opens in the trace
 * views (selectTrace); several become the session's trace set, shown in the trace list on top of its
 * expression filter. Opening a request the shown set does not hold removes the set, which would hide it.
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
  const selectTrace = useStore((s) => s.selectTrace);
  const showTraceSet = useStore((s) => s.showTraceSet);
  const clearTraceSet = useStore((s) => s.clearTraceSet);
  return useMemo(() => {
    const one = (traceId: string) => {
      const shown = sessionId ? useStore.getState().traceSetBySession[sessionId] : undefined;
      if (sessionId && shown && !shown.traceIds.includes(traceId)) clearTraceSet(sessionId);
      selectTrace(traceId);
    };
    const set = (label: string, traces: readonly InsightTrace[]) => {
      if (traces.length === 1) one(traces[0]!.summary.traceId);
      else if (traces.length > 1 && sessionId) showTraceSet(sessionId, { label, traceIds: idsOf(traces) });
    };
    return { one, set };
  }, [sessionId, selectTrace, showTraceSet, clearTraceSet]);
}
