/**
 * Opening a trace "at a row" (insights: a row's dot, a map node) leaves a pending focus in the store; once
 * the trace's spans are read, the span behind that row (shared/insights/row-span.ts, the mapping the
 * breakdown is computed with) is selected, which brings it into view in the waterfall and into the
 * inspector. Selecting it drops the focus, as any other selection does.
 */
import { useEffect } from 'react';
import { spanForRow } from '../../../shared/insights/row-span';
import type { TraceSpans } from '../../../shared/model/types';
import { useStore } from '../../store';

export function usePendingFocus(trace: TraceSpans): void {
  const focus = useStore((s) => s.pendingFocus);
  const selectSpan = useStore((s) => s.selectSpan);
  useEffect(() => {
    if (!focus || focus.traceId !== trace.traceId) return;
    selectSpan(spanForRow(trace, focus.rowKey)?.spanId ?? null);
  }, [focus, trace, selectSpan]);
}
