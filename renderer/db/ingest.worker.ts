/// <reference lib="webworker" />
/** The ingest worker: decoding and IndexedDB writes happen here, off the UI thread. */
import type { FromWorker, ToWorker } from './ingest-types';
import { ImportFailed, runImport, runIngest, toFailure } from './ingest';
import { openDb } from './schema';
import { recoverUnfinishedImports } from './writer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = openDb();
const running = new Map<string, AbortController>();
const post = (m: FromWorker) => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'cancel':
      running.get(msg.jobId)?.abort();
      return;
    case 'recover': {
      // imports wait for this answer: a failure must not leave them waiting forever
      let undone = 0;
      try {
        undone = await recoverUnfinishedImports(db);
      } catch (err) {
        console.error('ktv: could not undo unfinished imports', err);
      }
      post({ type: 'recovered', undone });
      return;
    }
    case 'import':
    case 'ingest': {
      const ctrl = new AbortController();
      running.set(msg.jobId, ctrl);
      try {
        const report =
          msg.type === 'import'
            ? await runImport(db, msg.jobId, msg.source, msg.options, ctrl.signal, (progress) =>
                post({ type: 'progress', jobId: msg.jobId, progress }),
              )
            : await runIngest(db, msg.jobId, msg.session, msg.input);
        post({ type: 'done', jobId: msg.jobId, report });
      } catch (err) {
        const failure = err instanceof ImportFailed ? err.failure : toFailure(msg.type === 'import' ? 'import' : msg.session.name, err);
        post({ type: 'failed', jobId: msg.jobId, failure });
      } finally {
        running.delete(msg.jobId);
      }
    }
  }
};
