import type { Slice } from '../../store/slice';

/** What is selected, shared by every view: the linking of map, waterfall and logs goes through here. */
export interface SelectionSlice {
  sessionId: string | null;
  traceId: string | null;
  spanId: string | null;
  selectSession(sessionId: string | null): void;
  selectTrace(traceId: string | null): void;
  selectSpan(spanId: string | null): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  sessionId: null,
  traceId: null,
  spanId: null,
  selectSession: (sessionId) => set({ sessionId, traceId: null, spanId: null }),
  selectTrace: (traceId) => set({ traceId, spanId: null }),
  selectSpan: (spanId) => set({ spanId }),
});
