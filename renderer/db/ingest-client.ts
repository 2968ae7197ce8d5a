/**
 * The UI thread's handle on the ingest worker, the store's only writer: start an import (file, URL or
 * bytes), watch its progress, cancel it; ask for any other change to the store (`storeOp`); have a remote
 * source followed (`followRemote`). Progress and outcomes of the imports a user sees go to the one
 * listener set with `reportImportsTo` (the imports slice; renderer/db never imports the UI store itself).
 */
import type { Skipped } from '../../shared/model/types';
import { bridge } from '../bridge';
import type { FollowReport, FollowSpec, FromWorker, ImportFailure, ImportOptions, ImportReport, ImportSource, ToWorker } from './ingest-types';
import { describeReport } from './import-report';
import type { StoreOp, StoreOpResult } from './store-ops';
import { serveRemoteCalls, type BridgeLink } from './worker-bridge';

export class ImportError extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.message);
    this.name = 'ImportError';
  }
}

export interface ImportHandle {
  id: string;
  promise: Promise<ImportReport>;
  cancel(): void;
}

/** An import as the progress bar and the import report show it. */
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

export type ImportListener = (id: string, patch: Partial<ImportStatus>) => void;
let updateImport: ImportListener = () => {};

/** Sends every import's progress and outcome to `listener` from now on. */
export function reportImportsTo(listener: ImportListener): void {
  updateImport = listener;
}

/**
 * Encryption at rest is on unless the host says it was started to write in clear (the benchmark's
 * baseline, measured in the same run; `VaultStatus.storeInClear`, set before the worker starts): records
 * are then written in clear; sealed ones are still read.
 */
let inClear = false;
export function writeInClear(on: boolean): void {
  inClear = on;
}
const sealsRecords = (): boolean => !inClear;

let worker: Worker | null = null;
const waiting = new Map<string, { resolve: (r: ImportReport) => void; reject: (e: Error) => void }>();
const storeWaiting = new Map<string, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
const followers = new Map<string, (r: FollowReport) => void>();
let recovered: Promise<number> | null = null;
let resolveRecovered: ((n: number) => void) | null = null;

/** Where the worker's calls to the Node side go: the host's HTTP itself, or (desktop) a port this thread serves. */
function bridgeLink(): { link: BridgeLink; transfer: Transferable[] } {
  if (bridge.mode === 'browser') return { link: { mode: 'http', origin: location.origin }, transfer: [] };
  const channel = new MessageChannel();
  serveRemoteCalls(channel.port1, (c, args) => (bridge.invoke as (c: string, a: unknown) => ReturnType<typeof bridge.invoke>)(c, args));
  return { link: { mode: 'port', port: channel.port2 }, transfer: [channel.port2] };
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'ktv-ingest' });
  const { link, transfer } = bridgeLink();
  worker.postMessage({ type: 'link', link, seal: sealsRecords() } satisfies ToWorker, transfer);
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    if (msg.type === 'recovered') {
      resolveRecovered?.(msg.undone);
      return;
    }
    if (msg.type === 'progress') {
      updateImport(msg.jobId, { ...msg.progress });
      return;
    }
    if (msg.type === 'followed') {
      followers.get(msg.sessionId)?.(msg.report);
      return;
    }
    if (msg.type === 'stored' || msg.type === 'store-failed') {
      const w = storeWaiting.get(msg.jobId);
      storeWaiting.delete(msg.jobId);
      if (msg.type === 'stored') w?.resolve(msg.result);
      else w?.reject(new Error(msg.message));
      return;
    }
    const w = waiting.get(msg.jobId);
    waiting.delete(msg.jobId);
    if (msg.type === 'done') {
      updateImport(msg.jobId, {
        state: 'done',
        spans: msg.report.spans,
        traces: msg.report.traces,
        skipped: msg.report.skipped,
        sessionIds: msg.report.sessionIds,
        message: describeReport(msg.report),
      });
      w?.resolve(msg.report);
    } else {
      updateImport(msg.jobId, { state: msg.failure.cancelled ? 'cancelled' : 'failed', message: msg.failure.message });
      w?.reject(new ImportError(msg.failure));
    }
  };
  return worker;
}

const post = (m: ToWorker) => getWorker().postMessage(m);
const newId = () => `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Undo imports a crash or closed window left half done; run once at start-up before anything else. */
export function recoverImports(): Promise<number> {
  if (!recovered) {
    recovered = new Promise((resolve) => (resolveRecovered = resolve));
    post({ type: 'recover' });
  }
  return recovered;
}

export function startImport(source: ImportSource, options: ImportOptions = {}): ImportHandle {
  const id = newId();
  const fileName = source.kind === 'file' ? source.file.name : source.name;
  const totalBytes = source.kind === 'file' ? source.file.size : source.kind === 'bytes' ? source.bytes.byteLength : source.size;
  updateImport(id, { fileName, state: 'running', bytesRead: 0, totalBytes, startedAt: Date.now() });
  const promise = new Promise<ImportReport>((resolve, reject) => waiting.set(id, { resolve, reject }));
  void recoverImports().then(() => post({ type: 'import', jobId: id, source, options }));
  return { id, promise, cancel: () => post({ type: 'cancel', jobId: id }) };
}

export function cancelImport(id: string): void {
  post({ type: 'cancel', jobId: id });
}

/** Has the worker make a change to the store (store-ops.ts); resolves once it has committed. */
export function storeOp<O extends StoreOp>(op: O): Promise<StoreOpResult<O>> {
  const jobId = newId();
  const promise = new Promise<unknown>((resolve, reject) => storeWaiting.set(jobId, { resolve, reject }));
  void recoverImports().then(() => post({ type: 'store', jobId, op }));
  return promise as Promise<StoreOpResult<O>>;
}

/**
 * Has the worker follow a remote source into `spec.sessionId` (one follow per session; asking again while
 * it runs changes nothing). `onReport` hears what it does until it ends; returns a function that stops it.
 */
export function followRemote(spec: FollowSpec, onReport: (r: FollowReport) => void): () => void {
  followers.set(spec.sessionId, onReport);
  void recoverImports().then(() => post({ type: 'follow', spec }));
  return () => {
    post({ type: 'unfollow', sessionId: spec.sessionId });
  };
}
