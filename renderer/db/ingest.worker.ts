/// <reference lib="webworker" />
/**
 * The ingest worker, the store's only writer: imports (decoding and writes), every other change to the
 * store (store-ops.ts), and the remote sources it follows (follow-sources.ts), all off the UI thread.
 */
import type { FromWorker, ToWorker } from './ingest-types';
import { ImportFailed, runImport, toFailure } from './ingest';
import { followSource } from './follow-sources';
import { openDb } from './schema';
import { applyStoreOp } from './store-ops';
import { upgradeBreakdowns } from './breakdown-upgrade';
import { remoteInvoke, type RemoteInvoke } from './worker-bridge';
import { recoverUnfinishedImports } from './writer';
import { attachKeyring } from './keyring';
import { SealingKeyring, sealerOf } from './keyring-writer';
import { sealExisting } from './seal-existing';
import { rotateKek, rotationPending } from './kek-rotation';
import type { KekMaterial } from './vault';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const db = openDb();
const running = new Map<string, AbortController>();
/** the remote sources being followed, by session id */
const following = new Map<string, AbortController>();
let invoke: RemoteInvoke | null = null;
const post = (m: FromWorker) => scope.postMessage(m);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** rotations of the KEK run one after another (kek-rotation.ts) */
let rotations: Promise<void> = Promise.resolve();
function rotateSoon(onlyIfPending: boolean): void {
  const ring = sealerOf(db);
  const link = invoke;
  if (!ring || !link) return;
  const authority = {
    rotate: async () => {
      const res = await link('vault.rotate', undefined);
      if (!res.ok) throw new Error(res.error.message);
      return res.value;
    },
    retire: async (id: string) => {
      const res = await link('vault.retire', { id });
      if (!res.ok) throw new Error(res.error.message);
    },
  };
  rotations = rotations
    .then(async () => {
      if (onlyIfPending && !(await rotationPending(db, await kekOver(link)))) return;
      await rotateKek(db, ring, authority);
    })
    .catch((err: unknown) => console.error('ktv: could not rotate the key-encryption key', err));
}

async function kekOver(link: RemoteInvoke): Promise<KekMaterial> {
  const res = await link('vault.kek', undefined);
  if (!res.ok) throw new Error(`ktv: no key-encryption key: ${res.error.message}`);
  return res.value;
}

scope.onmessage = async (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  switch (msg.type) {
    case 'link': {
      const linked = remoteInvoke(msg.link);
      invoke = linked;
      attachKeyring(db, new SealingKeyring(db, () => kekOver(linked), msg.seal));
      return;
    }
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
      // rows a store kept in clear before encryption at rest are sealed in the background, resumably
      const ring = sealerOf(db);
      if (ring) void sealExisting(db, ring).catch((err: unknown) => console.error('ktv: could not seal the stored log lines and payloads', err));
      // a rotation the app was closed in the middle of is finished
      rotateSoon(true);
      // traces stored before session insights get their breakdowns in the background (resumable)
      upgradeBreakdowns(db).catch((err: unknown) => console.error('ktv: could not add breakdowns to stored traces', err));
      return;
    }
    case 'store':
      try {
        const result = await applyStoreOp(db, msg.op);
        post({ type: 'stored', jobId: msg.jobId, result });
        // deleted data keys: a new KEK, so copies of their rows left on disk cannot be unwrapped
        if (msg.op.op === 'delete' || (msg.op.op === 'purge' && (result as string[]).length > 0)) rotateSoon(false);
      } catch (err) {
        post({ type: 'store-failed', jobId: msg.jobId, message: messageOf(err) });
      }
      return;
    case 'follow': {
      const { sessionId } = msg.spec;
      if (following.has(sessionId)) return;
      if (!invoke) throw new Error('ktv: the ingest worker was asked to follow a source before it was linked to the bridge');
      const ctrl = new AbortController();
      following.set(sessionId, ctrl);
      try {
        await followSource(db, invoke, msg.spec, ctrl.signal, (report) => post({ type: 'followed', sessionId, report }));
      } catch (err) {
        post({ type: 'followed', sessionId, report: { kind: 'paused', code: 'internal', message: messageOf(err) } });
      } finally {
        if (following.get(sessionId) === ctrl) following.delete(sessionId);
      }
      return;
    }
    case 'unfollow':
      following.get(msg.sessionId)?.abort();
      following.delete(msg.sessionId);
      return;
    case 'import': {
      const ctrl = new AbortController();
      running.set(msg.jobId, ctrl);
      try {
        const report = await runImport(db, msg.jobId, msg.source, msg.options, ctrl.signal, (progress) => post({ type: 'progress', jobId: msg.jobId, progress }));
        post({ type: 'done', jobId: msg.jobId, report });
      } catch (err) {
        post({ type: 'failed', jobId: msg.jobId, failure: err instanceof ImportFailed ? err.failure : toFailure('import', err) });
      } finally {
        running.delete(msg.jobId);
      }
    }
  }
};
