import type { AppState } from '../../store';
import type { Slice } from '../../store/slice';

/** A span to select once its trace's spans are read: the span behind a breakdown row (insights). */
export interface PendingFocus {
  traceId: string;
  /** a breakdown row key (`plugin:access:rate-limiting`, `bucket:access`, `upstream:ttfb`, `io:redis`) */
  rowKey: string;
}

/** What is selected, shared by every view: the linking of map, waterfall and logs goes through here. */
export interface SelectionSlice {
  sessionId: string | null;
  traceId: string | null;
  spanId: string | null;
  /** the open trace was closed because the filters hide it: nothing is picked in its place */
  traceHidden: boolean;
  /**
   * set by openTraceAt until the trace view has read the trace and selected the row's span
   * (trace-view/usePendingFocus.ts); any other selection drops it
   */
  pendingFocus: PendingFocus | null;
  selectSession(sessionId: string | null): void;
  /** opens a trace; a trace set listed for the session that does not hold it goes, as it would hide it */
  selectTrace(traceId: string | null): void;
  /** opens a trace at the span behind a breakdown row, selected once the trace's spans are read (as selectTrace) */
  openTraceAt(traceId: string, rowKey: string): void;
  selectSpan(spanId: string | null): void;
  /** closes the open trace because the filters hide it */
  closeHiddenTrace(): void;
}

/** The session's trace sets without the one that would hide this trace (trace-filter: the list shows only a set's traces). */
function setsShowing(s: AppState, traceId: string | null): Partial<Pick<AppState, 'traceSetBySession'>> {
  const shown = s.sessionId ? s.traceSetBySession[s.sessionId] : undefined;
  if (!traceId || !shown || shown.traceIds.includes(traceId)) return {};
  const rest = { ...s.traceSetBySession };
  delete rest[s.sessionId!];
  return { traceSetBySession: rest };
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  sessionId: null,
  traceId: null,
  spanId: null,
  traceHidden: false,
  pendingFocus: null,
  selectSession: (sessionId) => set({ sessionId, traceId: null, spanId: null, traceHidden: false, pendingFocus: null }),
  selectTrace: (traceId) => set((s) => ({ ...setsShowing(s, traceId), traceId, spanId: null, traceHidden: false, pendingFocus: null })),
  openTraceAt: (traceId, rowKey) => set((s) => ({ ...setsShowing(s, traceId), traceId, spanId: null, traceHidden: false, pendingFocus: { traceId, rowKey } })),
  selectSpan: (spanId) => set({ spanId, pendingFocus: null }),
  closeHiddenTrace: () => set({ traceId: null, spanId: null, traceHidden: true, pendingFocus: null }),
});
