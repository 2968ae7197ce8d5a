import type { SortDir, SortKey } from './trace-list-model';
import type { Slice } from '../../store/slice';

/** The trace list's sort and text filter: kept while switching sessions so a habit survives. */
export interface TraceListSlice {
  traceSort: { key: SortKey; dir: SortDir };
  traceFilterText: string;
  setTraceSort(key: SortKey, dir: SortDir): void;
  setTraceFilterText(text: string): void;
  /** what the list says about the last thing done to it (a pasted id opened, a filter closing the open trace) */
  traceNotice: string;
  setTraceNotice(text: string): void;
}

export const createTraceListSlice: Slice<TraceListSlice> = (set) => ({
  traceSort: { key: 'time', dir: 'desc' },
  traceFilterText: '',
  setTraceSort: (key, dir) => set({ traceSort: { key, dir } }),
  setTraceFilterText: (traceFilterText) => set({ traceFilterText }),
  traceNotice: '',
  setTraceNotice: (traceNotice) => set({ traceNotice }),
});
