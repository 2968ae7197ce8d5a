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
  selectTrace(traceId: string | null): void;
  /** opens a trace at the span behind a breakdown row, selected once the trace's spans are read */
  openTraceAt(traceId: string, rowKey: string): void;
  selectSpan(spanId: string | null): void;
  /** closes the open trace because the filters hide it */
  closeHiddenTrace(): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  sessionId: null,
  traceId: null,
  spanId: null,
  traceHidden: false,
  pendingFocus: null,
  selectSession: (sessionId) => set({ sessionId, traceId: null, spanId: null, traceHidden: false, pendingFocus: null }),
  selectTrace: (traceId) => set({ traceId, spanId: null, traceHidden: false, pendingFocus: null }),
  openTraceAt: (traceId, rowKey) => set({ traceId, spanId: null, traceHidden: false, pendingFocus: { traceId, rowKey } }),
  selectSpan: (spanId) => set({ spanId, pendingFocus: null }),
  closeHiddenTrace: () => set({ traceId: null, spanId: null, traceHidden: true, pendingFocus: null }),
});
