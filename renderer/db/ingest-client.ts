/**
 * The renderer's handle on the ingest worker: start an import (file, URL or bytes), watch its progress,
 * cancel it, or hand over already-decoded data. Progress and outcomes are mirrored into the imports slice.
 */
import { useStore } from '../store';
import type { DecodedInput, FromWorker, ImportFailure, ImportOptions, ImportReport, ImportSource, SessionInit, ToWorker } from './ingest-types';

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

let worker: Worker | null = null;
const waiting = new Map<string, { resolve: (r: ImportReport) => void; reject: (e: Error) => void }>();
/** jobs that write already-decoded data (live capture): they report to their caller only, no banner */
const quiet = new Set<string>();
let recovered: Promise<number> | null = null;
let resolveRecovered: ((n: number) => void) | null = null;

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module', name: 'ktv-ingest' });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const msg = e.data;
    const { updateImport } = useStore.getState();
    if (msg.type === 'recovered') {
      resolveRecovered?.(msg.undone);
      return;
    }
    if (msg.type === 'progress') {
      updateImport(msg.jobId, { ...msg.progress });
      return;
    }
    const w = waiting.get(msg.jobId);
    waiting.delete(msg.jobId);
    if (quiet.delete(msg.jobId)) {
      if (msg.type === 'done') w?.resolve(msg.report);
      else w?.reject(new ImportError(msg.failure));
      return;
    }
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

export function describeReport(r: ImportReport): string {
  const parts = [`${r.traces} new trace${r.traces === 1 ? '' : 's'}`, `${r.spans} span${r.spans === 1 ? '' : 's'}`];
  if (r.logs) parts.push(`${r.logs} log line${r.logs === 1 ? '' : 's'}`);
  if (r.payloads) parts.push(`${r.payloads} payload${r.payloads === 1 ? '' : 's'}`);
  let text = `${r.fileName}: imported ${parts.join(', ')}`;
  if (r.traces === 0 && r.spans === 0 && r.logs === 0) text = `${r.fileName}: already imported, nothing new`;
  if (r.skippedTotal) text += `; skipped ${r.skippedTotal} record${r.skippedTotal === 1 ? '' : 's'}`;
  return text;
}

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
  useStore.getState().updateImport(id, { fileName, state: 'running', bytesRead: 0, totalBytes, startedAt: Date.now() });
  const promise = new Promise<ImportReport>((resolve, reject) => waiting.set(id, { resolve, reject }));
  void recoverImports().then(() => post({ type: 'import', jobId: id, source, options }));
  return { id, promise, cancel: () => post({ type: 'cancel', jobId: id }) };
}

export function cancelImport(id: string): void {
  post({ type: 'cancel', jobId: id });
}

/** Writes already-decoded traces and logs into a session (live capture), merging duplicates. */
export function ingestDecoded(session: SessionInit, input: DecodedInput): Promise<ImportReport> {
  const id = newId();
  quiet.add(id);
  const promise = new Promise<ImportReport>((resolve, reject) => waiting.set(id, { resolve, reject }));
  void recoverImports().then(() => post({ type: 'ingest', jobId: id, session, input }));
  return promise;
}
