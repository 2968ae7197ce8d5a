/**
 * UI state only (data lives in Dexie): slices combined into one store, read with narrow selectors.
 * Each slice lives in its feature's folder (`features/<feature>/*-slice.ts`); this file only composes
 * them into `AppState` and `useStore`. `renderer/db` never imports this store (lint forbids it).
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { reportImportsTo } from '../db/ingest-client';
import { createCompareSlice, type CompareSlice } from '../features/compare/compare-slice';
import { createImportsSlice, type ImportsSlice } from '../features/import/imports-slice';
import { createLayoutSlice, type LayoutSlice } from '../features/shell/layout-slice';
import { createLogsSlice, type LogsSlice } from '../features/logs/logs-slice';
import { createRuleDraftSlice, type RuleDraftSlice } from '../features/rule-draft/rule-draft-slice';
import { createSelectionSlice, type SelectionSlice } from '../features/shell/selection-slice';
import { createTraceFilterSlice, type TraceFilterSlice } from '../features/trace-filter/trace-filter-slice';
import { createTraceListSlice, type TraceListSlice } from '../features/trace-list/trace-list-slice';
import { createWaterfallSlice, type WaterfallSlice } from '../features/waterfall/waterfall-slice';

export type AppState = SelectionSlice & LayoutSlice & ImportsSlice & WaterfallSlice & TraceListSlice & LogsSlice & TraceFilterSlice & CompareSlice & RuleDraftSlice;

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
      ...createRuleDraftSlice(...a),
    }),
    {
      name: 'ktv-ui',
      version: 1,
      // only layout preferences survive a restart; selection is restored from the URL-less default
      partialize: (s) => ({ theme: s.theme, paneSizes: s.paneSizes, paneLayouts: s.paneLayouts, retentionDays: s.retentionDays, timeZone: s.timeZone, recentExpressions: s.recentExpressions, importReports: s.importReports }),
    },
  ),
);

// the ingest worker's progress and outcomes land in the imports slice
reportImportsTo((id, patch) => useStore.getState().updateImport(id, patch));
