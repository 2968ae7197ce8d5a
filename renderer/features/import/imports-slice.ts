import type { Skipped } from '../../../shared/model/types';
import type { ImportStatus } from '../../db/ingest-client';
import type { Slice } from '../../store/slice';

/** What the last import into a session said, kept with the session ("Import details" in its menu). */
export interface SessionImportReport {
  fileName: string;
  message: string;
  finishedAt: number;
  skipped: Skipped[];
  /** how many skipped records there were in all, when more than are kept */
  skippedTotal: number;
}

/** a file full of bad records must not fill the settings storage: the first ones name the problem */
const KEEP_SKIPPED = 200;

/** Imports in flight and their outcome, for the progress bar and the import report. */
export interface ImportsSlice {
  imports: Record<string, ImportStatus>;
  importReports: Record<string, SessionImportReport>;
  updateImport(id: string, patch: Partial<ImportStatus> & { fileName?: string }): void;
  dismissImport(id: string): void;
}

export const createImportsSlice: Slice<ImportsSlice> = (set) => ({
  imports: {},
  importReports: {},
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
      const next = { ...prev, ...patch };
      if (patch.state !== 'done' || !next.sessionIds?.length) return { imports: { ...s.imports, [id]: next } };
      const report: SessionImportReport = {
        fileName: next.fileName,
        message: next.message ?? '',
        finishedAt: Date.now(),
        skipped: (next.skipped ?? []).slice(0, KEEP_SKIPPED),
        skippedTotal: next.skipped?.length ?? 0,
      };
      const reports = { ...s.importReports };
      for (const sid of next.sessionIds) reports[sid] = report;
      return { imports: { ...s.imports, [id]: next }, importReports: reports };
    }),
  dismissImport: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.imports;
      return { imports: rest };
    }),
});
