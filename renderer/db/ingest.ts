/**
 * One import, start to finish: stream bytes, decode them with the shared decoders, write batch by batch
 * through an ImportWriter, commit at the end or roll back on error or cancel. Runs in the ingest worker
 * (and in unit tests, against fake-indexeddb).
 */
import { DecodeError } from '../../shared/decode/api';
import { decodeStream, nothingFound, openInput, type OpenedInput } from '../../shared/decode/index';
import { sizeText } from '../../shared/decode/json-split';
import { fileSessionId } from '../../shared/ids';
import type { Skipped } from '../../shared/model/types';
import type { DecodedInput, SegmentJob, SegmentReply, ImportFailure, ImportOptions, ImportProgress, ImportReport, ImportSource, SessionInit } from './ingest-types';
import type { KtvDb } from './schema';
import { ImportWriter, type WriteInput, type WriteTotals } from './writer';

const reportTotals = (t: WriteTotals) => ({
  sessionIds: t.sessionIds,
  filled: t.filled,
  traces: t.traces,
  spans: t.spans,
  logs: t.logs,
  payloads: t.payloads,
  attached: t.attached,
  waiting: t.waiting,
});

const MAX_SKIPPED_LISTED = 200;
/** spans per decoded batch, i.e. per write transaction (measured: 20,000 imports 10-20% faster than 5,000) */
const BATCH_SPANS = 20_000;
const HASH_PREFIX_BYTES = 1 << 20;
/** JSON-lines files from this size on are decoded in DECODERS worker threads, in segments of whole lines */
const PARALLEL_MIN_BYTES = 16 << 20;
const DECODERS = 2;
/** about 20,000 spans of Kong traces */
export const SEGMENT_BYTES = 8 << 20;
/** segments handed out and not yet written, at most (bounds memory) */
const SEGMENTS_IN_FLIGHT = 6;
/** the longest line accepted, as for the other decoders */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

export class ImportFailed extends Error {
  constructor(readonly failure: ImportFailure) {
    super(failure.message);
  }
}

async function* sourceChunks(source: ImportSource, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  if (source.kind === 'bytes') {
    yield source.bytes;
    return;
  }
  const stream =
    source.kind === 'file'
      ? source.file.stream()
      : await fetch(source.url, { signal }).then((res) => {
          if (!res.ok || !res.body) throw new DecodeError(source.name, '', `cannot read the file (HTTP ${res.status})`);
          return res.body;
        });
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const sourceName = (s: ImportSource) => (s.kind === 'file' ? s.file.name : s.name);
const sourceSize = (s: ImportSource) => (s.kind === 'file' ? s.file.size : s.kind === 'bytes' ? s.bytes.byteLength : s.size);

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The default session of a file is keyed by its content (first MiB and size), so opening the same file
 * again lands in the same session and merges instead of duplicating.
 */
async function fileSession(name: string, size: number | undefined, prefix: Uint8Array): Promise<SessionInit> {
  const hash = await sha256Hex(prefix);
  return { id: fileSessionId(hash.slice(0, 24), size ?? prefix.byteLength), name, source: 'file', files: [name] };
}

/** Reads up to `limit` bytes from the front of an iterator, returning them and the rest. */
async function peek(chunks: AsyncGenerator<Uint8Array>, limit: number) {
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < limit) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    size += next.value.byteLength;
  }
  const prefix = new Uint8Array(Math.min(size, limit));
  let off = 0;
  for (const c of head) {
    const take = Math.min(c.byteLength, prefix.byteLength - off);
    prefix.set(c.subarray(0, take), off);
    off += take;
    if (off >= prefix.byteLength) break;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (!done) yield* chunks;
  }
  return { prefix, all: all() };
}

export function toFailure(fileName: string, e: unknown, signal?: AbortSignal): ImportFailure {
  if (signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) {
    return { fileName, where: '', reason: 'cancelled', message: `${fileName}: import cancelled; nothing was kept`, cancelled: true };
  }
  if (e instanceof DecodeError) return { fileName, where: e.where, reason: e.reason, message: e.message };
  const reason = e instanceof Error ? e.message : String(e);
  return { fileName, where: '', reason, message: `${fileName}: ${reason}` };
}

export async function runImport(
  db: KtvDb,
  importId: string,
  source: ImportSource,
  options: ImportOptions,
  signal: AbortSignal,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  const fileName = sourceName(source);
  const totalBytes = sourceSize(source);
  let writer: ImportWriter | undefined;
  try {
    const { prefix, all } = await peek(sourceChunks(source, signal), HASH_PREFIX_BYTES);
    const session = options.session ?? (await fileSession(fileName, totalBytes, prefix));
    writer = new ImportWriter(db, importId, session, options.forceSession);
    const skipped: Skipped[] = [];
    let skippedTotal = 0;
    let format = '';
    const skip = (list: readonly Skipped[], count = list.length) => {
      skippedTotal += count;
      for (const s of list) if (skipped.length < MAX_SKIPPED_LISTED) skipped.push(s);
    };
    const w = writer;
    const opened = await openInput(all, fileName);
    const parallel = opened.jsonLines && typeof Worker !== 'undefined' && (totalBytes === undefined || totalBytes >= PARALLEL_MIN_BYTES);
    if (parallel) {
      format = 'otlp-jsonl';
      // each write starts once the previous one has handed its rows over (not committed): see ImportWriter.write
      const commits: Promise<void>[] = [];
      let failure: unknown = null;
      await importLinesInParallel(opened, fileName, signal, async (reply) => {
        if (failure !== null) throw failure;
        skip(reply.skipped, reply.skippedCount);
        const input: WriteInput = { traces: [], summaries: reply.summaries, logs: reply.logs, payloads: reply.payloads, source: { chunks: reply.chunks, chunksOf: reply.chunksOf } };
        if (reply.sessionOf) input.sessionOf = reply.sessionOf;
        await new Promise<void>((issued) => {
          const commit = w.write(input, issued).then(
            () => onProgress({ bytesRead: opened.raw.consumed, totalBytes, spans: w.totals.spans, traces: w.totals.traces }),
            (e: unknown) => {
              failure ??= e;
              issued();
              throw e;
            },
          );
          commit.catch(() => {});
          commits.push(commit);
        });
      });
      await Promise.all(commits);
    } else {
      // keep one write in flight while the next batch decodes
      let pending: Promise<void> = Promise.resolve();
      const batches = decodeStream(opened.plain, {
        fileName,
        totalBytes,
        signal,
        batchSpans: BATCH_SPANS,
        keepSource: true,
        inputBytes: () => opened.raw.consumed,
        // when openInput undid the one layer of compression a file may have, no second one is undone
        compression: opened.compression === 'none' ? 'detect' : 'refuse',
      });
      for await (const batch of batches) {
        if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
        format = batch.format ?? format;
        skip(batch.skipped);
        await pending;
        pending = w.write(batch).then(() =>
          onProgress({ bytesRead: batch.inputBytesRead ?? batch.bytesRead, totalBytes, spans: w.totals.spans, traces: w.totals.traces }),
        );
      }
      await pending;
    }
    skip(opened.problems);
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    // an input with nothing usable already failed in the decoder; nothing new here means all of it was
    // stored before (the same file again), which is a success
    const totals = await writer.commit();
    return { importId, fileName, format, ...reportTotals(totals), skipped, skippedTotal };
  } catch (e) {
    await writer?.rollback();
    throw new ImportFailed(toFailure(fileName, e, signal));
  }
}

/** A line longer than MAX_LINE_BYTES after `segments` segments of whole lines (its number is known once they are decoded). */
export class LineTooLong extends Error {
  constructor(readonly segments: number) {
    super(`the line is longer than ${sizeText(MAX_LINE_BYTES)}`);
  }
}

/** The piece as its own buffer (a view into a bigger one is copied), so that it can be transferred. */
const owned = (p: Uint8Array): Uint8Array => (p.byteOffset === 0 && p.byteLength === p.buffer.byteLength ? p : p.slice());

/**
 * The decompressed input cut after a newline about every SEGMENT_BYTES, each segment as the pieces read
 * (every piece owning its buffer, so that it can be transferred). Lines are neither counted nor copied
 * here, on the thread that also writes: the decode workers do that.
 */
export async function* lineSegments(plain: AsyncIterable<Uint8Array>, signal: AbortSignal): AsyncGenerator<Omit<SegmentJob, 'id' | 'fileName'>> {
  let parts: Uint8Array[] = [];
  let size = 0;
  let segments = 0;
  /** parts before this index are known to hold no newline */
  let scanned = 0;
  for await (const chunk of plain) {
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    parts.push(chunk);
    size += chunk.length;
    if (size < SEGMENT_BYTES) continue;
    // the segment ends after the last newline: find it from the end
    let k = parts.length - 1;
    let nl = -1;
    for (; k >= scanned; k--) {
      nl = parts[k]!.lastIndexOf(0x0a);
      if (nl !== -1) break;
    }
    if (nl === -1) {
      if (size > MAX_LINE_BYTES) throw new LineTooLong(segments);
      scanned = parts.length;
      continue;
    }
    const tail = parts[k]!;
    const segment = [...parts.slice(0, k), tail.subarray(0, nl + 1)];
    parts = [tail.subarray(nl + 1), ...parts.slice(k + 1)].filter((p) => p.length > 0);
    size = parts.reduce((n, p) => n + p.length, 0);
    scanned = 0;
    yield { parts: segment.map(owned), first: segments++ === 0, last: false };
  }
  if (size > 0) yield { parts: parts.map(owned), first: segments === 0, last: true };
}

/** `where` of a record a decode worker skipped, its line number (counted from the segment's start) made the file's. */
const inFile = (where: string, linesBefore: number): string => where.replace(/^line (\d+)/, (_, n: string) => `line ${Number(n) + linesBefore}`);

/**
 * Imports a JSON-lines input with its decoding spread over DECODERS worker threads: segments go out in
 * turn, replies are written in input order (one write at a time) while the next segments decode.
 */
async function importLinesInParallel(
  opened: OpenedInput,
  fileName: string,
  signal: AbortSignal,
  write: (reply: Extract<SegmentReply, { ok: true }>) => Promise<void>,
): Promise<void> {
  const workers = Array.from({ length: DECODERS }, () => new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module', name: 'ktv-decode' }));
  const waiting = new Map<number, { resolve: (r: SegmentReply) => void; reject: (e: unknown) => void }>();
  for (const worker of workers) {
    worker.onmessage = (e: MessageEvent<SegmentReply>) => {
      waiting.get(e.data.id)?.resolve(e.data);
      waiting.delete(e.data.id);
    };
    worker.onerror = (e) => {
      for (const w of waiting.values()) w.reject(new Error(`a decode worker failed: ${e.message}`));
      waiting.clear();
    };
  }
  const onAbort = () => {
    for (const w of waiting.values()) w.reject(new DOMException('cancelled', 'AbortError'));
    waiting.clear();
  };
  signal.addEventListener('abort', onAbort);
  let spans = 0;
  let logs = 0;
  let payloads = 0;
  let firstSkipped: Skipped | undefined;
  let skippedCount = 0;
  /** lines in the segments taken so far */
  let lines = 0;
  // one write at a time, in input order; the next reply is awaited while a write runs
  let writing: Promise<void> = Promise.resolve();
  const take = async (pending: Promise<SegmentReply>) => {
    const reply = await pending;
    if (!reply.ok) throw new DecodeError(fileName, inFile(reply.where, lines), reply.reason);
    // the workers number lines from their segment's start
    for (const s of reply.skipped) s.where = inFile(s.where, lines);
    if (reply.firstSkipped) reply.firstSkipped.where = inFile(reply.firstSkipped.where, lines);
    lines += reply.lines;
    spans += reply.spans;
    logs += reply.logCount;
    payloads += reply.payloads.length;
    skippedCount += reply.skippedCount;
    firstSkipped ??= reply.firstSkipped;
    const previous = writing;
    writing = previous.then(() => write(reply));
    writing.catch(() => {});
    await previous;
  };
  try {
    const inFlight: Promise<SegmentReply>[] = [];
    let id = 0;
    try {
      for await (const seg of lineSegments(opened.plain, signal)) {
        const job: SegmentJob = { ...seg, id: id++, fileName };
        inFlight.push(
          new Promise<SegmentReply>((resolve, reject) => {
            waiting.set(job.id, { resolve, reject });
            workers[job.id % DECODERS]!.postMessage(job, job.parts.map((p) => p.buffer as ArrayBuffer));
          }),
        );
        // a rejected reply is awaited (and thrown) in order; until then it must not count as unhandled
        inFlight[inFlight.length - 1]!.catch(() => {});
        if (inFlight.length >= SEGMENTS_IN_FLIGHT) await take(inFlight.shift()!);
      }
    } catch (e) {
      if (!(e instanceof LineTooLong)) throw e;
      // the line's number: the lines of the segments before it, once they are decoded
      while (inFlight.length > 0) await take(inFlight.shift()!);
      throw new DecodeError(fileName, `line ${lines + 1}`, e.message);
    }
    while (inFlight.length > 0) await take(inFlight.shift()!);
    await writing;
  } finally {
    signal.removeEventListener('abort', onAbort);
    for (const worker of workers) worker.terminate();
  }
  if (spans + logs + payloads === 0) throw nothingFound(fileName, firstSkipped, skippedCount);
}

/** Writes already-decoded data (live capture, tests) as one import. */
export async function runIngest(db: KtvDb, importId: string, session: SessionInit, input: DecodedInput): Promise<ImportReport> {
  const writer = new ImportWriter(db, importId, session, true);
  try {
    await writer.write(input);
    const totals = await writer.commit();
    const skipped = input.skipped ?? [];
    return { importId, fileName: session.name, format: 'decoded', ...reportTotals(totals), skipped: skipped.slice(0, MAX_SKIPPED_LISTED), skippedTotal: skipped.length };
  } catch (e) {
    await writer.rollback();
    throw new ImportFailed(toFailure(session.name, e));
  }
}
