import type { Slice } from '../../store/slice';

/** What is selected, shared by every view: the linking of map, waterfall and logs goes through here. */
export interface SelectionSlice {
  sessionId: string | null;
  traceId: string | null;
  spanId: string | null;
  /** the open trace was closed because the filters hide it: nothing is picked in its place */
  traceHidden: boolean;
  selectSession(sessionId: string | null): void;
  selectTrace(traceId: string | null): void;
  selectSpan(spanId: string | null): void;
  /** closes the open trace because the filters hide it */
  closeHiddenTrace(): void;
}

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  sessionId: null,
  traceId: null,
  spanId: null,
  traceHidden: false,
  selectSession: (sessionId) => set({ sessionId, traceId: null, spanId: null, traceHidden: false }),
  selectTrace: (traceId) => set({ traceId, spanId: null, traceHidden: false }),
  selectSpan: (spanId) => set({ spanId }),
  closeHiddenTrace: () => set({ traceId: null, spanId: null, traceHidden: true }),
});
