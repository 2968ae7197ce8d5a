import type { Skipped } from '../../shared/model/types';
import type { Slice } from './slice';

export interface ImportStatus {
  id: string;
  fileName: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  bytesRead: number;
  totalBytes?: number;
  spans: number;
  traces: number;
  startedAt: number;
  message?: string;
  skipped?: Skipped[];
  sessionIds?: string[];
}

/** Imports in flight and their outcome, for the progress bar and the import report. */
export interface ImportsSlice {
  imports: Record<string, ImportStatus>;
  updateImport(id: string, patch: Partial<ImportStatus> & { fileName?: string }): void;
  dismissImport(id: string): void;
}

export const createImportsSlice: Slice<ImportsSlice> = (set) => ({
  imports: {},
  updateImport: (id, patch) =>
    set((s) => {
      const prev = s.imports[id] ?? {
        id,
        fileName: patch.fileName ?? '',
        state: 'running' as const,
        bytesRead: 0,
        spans: 0,
        traces: 0,
        startedAt: Date.now(),
      };
      return { imports: { ...s.imports, [id]: { ...prev, ...patch } } };
    }),
  dismissImport: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.imports;
      return { imports: rest };
    }),
});
