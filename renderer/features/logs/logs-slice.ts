import type { LogLevel } from './log-filter';
import type { Slice } from '../../store/slice';

export type DetailTab = 'logs' | 'payloads';

/**
 * The Logs panel's filters and the detail tabs. A selected span highlights its lines and its
 * descendants' lines; only "this span only" hides the others.
 */
export interface LogsSlice {
  logLevels: LogLevel[];
  logSource: string | null;
  logText: string;
  logNewestFirst: boolean;
  logSpanOnly: boolean;
  detailTab: DetailTab;
  setLogLevels(levels: LogLevel[]): void;
  setLogSource(source: string | null): void;
  setLogText(text: string): void;
  setLogNewestFirst(newestFirst: boolean): void;
  setLogSpanOnly(only: boolean): void;
  setDetailTab(tab: DetailTab): void;
}

export const createLogsSlice: Slice<LogsSlice> = (set) => ({
  logLevels: [],
  logSource: null,
  logText: '',
  logNewestFirst: false,
  logSpanOnly: false,
  detailTab: 'logs',
  setLogLevels: (logLevels) => set({ logLevels }),
  setLogSource: (logSource) => set({ logSource }),
  setLogText: (logText) => set({ logText }),
  setLogNewestFirst: (logNewestFirst) => set({ logNewestFirst }),
  setLogSpanOnly: (logSpanOnly) => set({ logSpanOnly }),
  setDetailTab: (detailTab) => set({ detailTab }),
});
