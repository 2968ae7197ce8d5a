/** Starting imports from the places a user opens files: host-registered files, picked or dropped Files. */
import type { FileRef } from '../../../shared/bridge/app';
import { bridge } from '../../bridge';
import { startImport, type ImportHandle } from '../../db/ingest-client';
import type { ImportReport } from '../../db/ingest-types';
import { useStore } from '../../store';

function afterImport(handle: ImportHandle, select: boolean): Promise<ImportReport | null> {
  return handle.promise.then(
    (report) => {
      const sid = report.sessionIds[0];
      if (select && sid) useStore.getState().selectSession(sid);
      return report;
    },
    () => null, // the failure is shown from the imports slice
  );
}

/** Files the host opened by path (command line, OS, native dialog, recent list). */
export function importFileRefs(refs: FileRef[], select = true): Promise<Array<ImportReport | null>> {
  return Promise.all(
    refs.map((ref, i) => {
      const handle = startImport({ kind: 'url', url: bridge.fileUrl(ref.id), name: ref.name, size: ref.size });
      void handle.promise.finally(() => bridge.invoke('files.release', { id: ref.id }));
      return afterImport(handle, select && i === refs.length - 1);
    }),
  );
}

/** Files picked with <input type=file> or dropped on the window. */
export function importBrowserFiles(files: File[], select = true): Promise<Array<ImportReport | null>> {
  return Promise.all(files.map((file, i) => afterImport(startImport({ kind: 'file', file }), select && i === files.length - 1)));
}
