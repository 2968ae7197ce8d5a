import type { Slice } from './slice';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Layout preferences, remembered across launches. */
export interface LayoutSlice {
  theme: ThemePreference;
  /** named pane sizes in percent or pixels, owned by the component that draws them */
  paneSizes: Record<string, number>;
  sidebarWidth: number;
  setTheme(theme: ThemePreference): void;
  setPaneSize(name: string, size: number): void;
  setSidebarWidth(width: number): void;
}

export const createLayoutSlice: Slice<LayoutSlice> = (set) => ({
  theme: 'system',
  paneSizes: {},
  sidebarWidth: 260,
  setTheme: (theme) => set({ theme }),
  setPaneSize: (name, size) => set((s) => ({ paneSizes: { ...s.paneSizes, [name]: size } })),
  setSidebarWidth: (sidebarWidth) => set({ sidebarWidth }),
});
