import type { Slice } from './slice';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Layout preferences, remembered across launches. */
export interface LayoutSlice {
  theme: ThemePreference;
  /** named pane sizes in percent or pixels, owned by the component that draws them */
  paneSizes: Record<string, number>;
  sidebarWidth: number;
  /** sessions older than this many days are purged at start-up unless pinned (0: keep forever) */
  retentionDays: number;
  setRetentionDays(days: number): void;
  setTheme(theme: ThemePreference): void;
  setPaneSize(name: string, size: number): void;
  setSidebarWidth(width: number): void;
}

export const createLayoutSlice: Slice<LayoutSlice> = (set) => ({
  theme: 'system',
  paneSizes: {},
  sidebarWidth: 260,
  retentionDays: 7,
  setRetentionDays: (retentionDays) => set({ retentionDays }),
  setTheme: (theme) => set({ theme }),
  setPaneSize: (name, size) => set((s) => ({ paneSizes: { ...s.paneSizes, [name]: size } })),
  setSidebarWidth: (sidebarWidth) => set({ sidebarWidth }),
});
