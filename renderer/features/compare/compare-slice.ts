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
  pinCompareA: (compareA) => set({ compareA }),
  openCompare: (compareA, compareB) => set({ compareA, compareB, compareOpen: true }),
  swapCompare: () => set((s) => ({ compareA: s.compareB, compareB: s.compareA })),
  closeCompare: () => set({ compareOpen: false }),
  clearCompare: () => set({ compareA: null, compareB: null, compareOpen: false }),
});
