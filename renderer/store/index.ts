/**
 * UI state only (data lives in Dexie): slices combined into one store, read with narrow selectors.
 * Feature slices live beside this file and are added to `AppState` and `useStore` below.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { createCompareSlice, type CompareSlice } from './compare';
import { createImportsSlice, type ImportsSlice } from './imports';
import { createLayoutSlice, type LayoutSlice } from './layout';
import { createLogsSlice, type LogsSlice } from './logs';
import { createSelectionSlice, type SelectionSlice } from './selection';
import { createTraceFilterSlice, type TraceFilterSlice } from './traceFilter';
import { createTraceListSlice, type TraceListSlice } from './traceList';
import { createWaterfallSlice, type WaterfallSlice } from './waterfall';

export type AppState = SelectionSlice & LayoutSlice & ImportsSlice & WaterfallSlice & TraceListSlice & LogsSlice & TraceFilterSlice & CompareSlice;

export const useStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createSelectionSlice(...a),
      ...createLayoutSlice(...a),
      ...createImportsSlice(...a),
      ...createWaterfallSlice(...a),
      ...createTraceListSlice(...a),
      ...createLogsSlice(...a),
      ...createTraceFilterSlice(...a),
      ...createCompareSlice(...a),
    }),
    {
      name: 'ktv-ui',
      version: 1,
      // only layout preferences survive a restart; selection is restored from the URL-less default
      partialize: (s) => ({ theme: s.theme, paneSizes: s.paneSizes, paneLayouts: s.paneLayouts, retentionDays: s.retentionDays, timeZone: s.timeZone, recentExpressions: s.recentExpressions, importReports: s.importReports }),
    },
  ),
);
