import type { TimeZoneChoice } from '../time/format-time';
import type { Slice } from '../../store/slice';

export type ThemePreference = 'system' | 'light' | 'dark';

/** A resizable group's split: each pane's share of the group in percent, by pane id. */
export type PaneLayout = Record<string, number>;

/** What the list pane shows: the trace list or session insights (features/insights/ListOrInsights.tsx). */
export type ListTab = 'traces' | 'insights';

/** Layout preferences, remembered across launches (the list pane's tab is not). */
export interface LayoutSlice {
  listTab: ListTab;
  setListTab(tab: ListTab): void;
  theme: ThemePreference;
  /** named pane sizes in pixels, owned by the component that draws them (e.g. the waterfall's name column) */
  paneSizes: Record<string, number>;
  /**
   * the splits the user made, by group id, relative to the group's size: a window resized later keeps
   * the same proportions rather than the same pixels
   */
  paneLayouts: Record<string, PaneLayout>;
  /** how every time in the app is shown: the computer's zone or UTC */
  timeZone: TimeZoneChoice;
  setTimeZone(zone: TimeZoneChoice): void;
  /** sessions older than this many days are purged at start-up unless pinned (0: keep forever) */
  retentionDays: number;
  setRetentionDays(days: number): void;
  setTheme(theme: ThemePreference): void;
  setPaneSize(name: string, size: number): void;
  setPaneLayout(group: string, layout: PaneLayout): void;
}

export const createLayoutSlice: Slice<LayoutSlice> = (set) => ({
  listTab: 'traces',
  setListTab: (listTab) => set({ listTab }),
  theme: 'system',
  paneSizes: {},
  paneLayouts: {},
  retentionDays: 7,
  timeZone: 'local',
  setTimeZone: (timeZone) => set({ timeZone }),
  setRetentionDays: (retentionDays) => set({ retentionDays }),
  setTheme: (theme) => set({ theme }),
  setPaneSize: (name, size) => set((s) => ({ paneSizes: { ...s.paneSizes, [name]: size } })),
  setPaneLayout: (group, layout) => set((s) => ({ paneLayouts: { ...s.paneLayouts, [group]: layout } })),
});
