import type { LogLevel } from '../features/logs/log-filter';
import type { Slice } from './slice';

export type DetailTab = 'logs' | 'payloads';

/**
 * The Logs panel's filters and the detail tabs. The span filter follows the selected span unless the
 * user asked for all spans; picking a node in the map turns following back on.
 */
export interface LogsSlice {
  logLevels: LogLevel[];
  logSource: string | null;
  logText: string;
  logNewestFirst: boolean;
  logAllSpans: boolean;
  detailTab: DetailTab;
  setLogLevels(levels: LogLevel[]): void;
  setLogSource(source: string | null): void;
  setLogText(text: string): void;
  setLogNewestFirst(newestFirst: boolean): void;
  setLogAllSpans(all: boolean): void;
  setDetailTab(tab: DetailTab): void;
}

export const createLogsSlice: Slice<LogsSlice> = (set) => ({
  logLevels: [],
  logSource: null,
  logText: '',
  logNewestFirst: true,
  logAllSpans: false,
  detailTab: 'logs',
  setLogLevels: (logLevels) => set({ logLevels }),
  setLogSource: (logSource) => set({ logSource }),
  setLogText: (logText) => set({ logText }),
  setLogNewestFirst: (logNewestFirst) => set({ logNewestFirst }),
  setLogAllSpans: (logAllSpans) => set({ logAllSpans }),
  setDetailTab: (detailTab) => set({ detailTab }),
});
