import type { Slice } from '../../store/slice';

/** A trace in the compare tray: where it is stored. */
export interface CompareRef {
  sessionId: string;
  traceId: string;
}

/**
 * The compare tray (issue 20): A the baseline, B the subject. Kept while switching sessions and filters
 * (a trace of one file is often compared with one of another); the compare view shows while `compareOpen`.
 */
export interface CompareSlice {
  compareA: CompareRef | null;
  compareB: CompareRef | null;
  compareOpen: boolean;
  /** "one against its group": the trace compared with its route and method's other traces, or null */
  compareGroup: CompareRef | null;
  openGroupCompare(ref: CompareRef): void;
  pinCompareA(ref: CompareRef): void;
  openCompare(a: CompareRef, b: CompareRef): void;
  swapCompare(): void;
  closeCompare(): void;
  clearCompare(): void;
}

export const createCompareSlice: Slice<CompareSlice> = (set) => ({
  compareA: null,
  compareB: null,
  compareOpen: false,
  compareGroup: null,
  openGroupCompare: (compareGroup) => set({ compareGroup, compareOpen: false }),
  pinCompareA: (compareA) => set({ compareA }),
  openCompare: (compareA, compareB) => set({ compareA, compareB, compareOpen: true, compareGroup: null }),
  swapCompare: () => set((s) => ({ compareA: s.compareB, compareB: s.compareA })),
  closeCompare: () => set({ compareOpen: false, compareGroup: null }),
  clearCompare: () => set({ compareA: null, compareB: null, compareOpen: false, compareGroup: null }),
});
