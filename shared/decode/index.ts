/**
 * The decoders' entry points. `decodeStream` takes the bytes of any supported trace file as chunks,
 * decompresses gzip / zstd by magic bytes, detects the format by content (never by file name) and yields
 * batches of about `batchSpans` records; `decodeAll` is the convenience for small inputs.
 */
import type { DecodedBatch, DecodeOptions, FormatName, InputContents } from './api';
import { DecodeError } from './api';
import type { LogRecord, Payload, Skipped, TraceSpans } from '../model/types';
import { mergeTraceSpans } from '../model/merge';
import { Collector } from './collector';
import { takeBatch, type DecodeContext } from './context';
import { decodeJsonDocument, decodeJsonLines, jsonLayout } from './json-input';
import { decodeProtobuf } from './proto-input';
import { compressedInside, decompress, Peekable, sniffCompression, type Compression } from './source';
import { decodeZip } from './zip-input';
import { isZip } from './zip';

export { DecodeError } from './api';
export type { DecodedBatch, DecodeOptions, FormatName, InputContents } from './api';

const DEFAULT_BATCH = 5000;
const DEFAULT_MAX_ELEMENT = 256 * 1024 * 1024;
/** how far to look for the end of the first line before treating JSON as one document */
const FIRST_LINE_LIMIT = 16 * 1024 * 1024;

type Layout = 'json' | 'protobuf' | 'protobuf-delimited';

function describeStart(head: Uint8Array): string {
  return Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/** Text JSON, a protobuf message, or a length-delimited protobuf stream, from the first bytes. */
export function sniffLayout(head: Uint8Array, fileName: string): Layout {
  let start = 0;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) start = 3;
  let binary = false;
  let first = -1;
  const end = Math.min(head.length, start + 512);
  for (let i = start; i < end; i++) {
    const b = head[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
      binary = true;
      break;
    }
    if (first === -1 && b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) first = b;
  }
  if (!binary) {
    if (first === 0x7b || first === 0x5b) return 'json';
    if (first === -1) throw new DecodeError(fileName, '', 'the file is empty');
    throw new DecodeError(fileName, 'byte 0', `not a trace file this viewer reads: it is text that does not start with a JSON object or array (starts with ${JSON.stringify(String.fromCharCode(first))})`);
  }
  if (head.length >= 5 && head[0] === 0 && (head[4] === 0x0a || head[4] === 0x28)) return 'protobuf-delimited';
  if (head[0] === 0x0a) return 'protobuf';
  throw new DecodeError(fileName, 'byte 0', `not a trace file this viewer reads (first bytes ${describeStart(head)}): expected JSON, OTLP protobuf, gzip or zstd`);
}

/** JSON lines, or one document: looks further into the input until the first line is seen whole. */
async function jsonShape(plain: Peekable, head: Uint8Array): Promise<'lines' | 'document'> {
  let want = 64 * 1024;
  let shape = jsonLayout(head, head.length < 512);
  while (shape === 'more') {
    head = await plain.peek(want);
    const ended = head.length < want;
    shape = ended || head.length >= FIRST_LINE_LIMIT ? jsonLayout(head, true) : jsonLayout(head, false);
    want *= 4;
  }
  return shape;
}

/** The error for an input with no usable record: where the first problem was, and how many there were. */
export function nothingFound(fileName: string, first: Skipped | undefined, skipped: number, hint = ''): DecodeError {
  if (!first) return new DecodeError(fileName, '', `no spans or logs found${hint}`);
  const more = skipped > 1 ? ` and ${skipped - 1} more problem${skipped > 2 ? 's' : ''}` : '';
  return new DecodeError(fileName, first.where, `no spans or logs found: ${first.reason}${more}`);
}

export async function* decodeStream(chunks: AsyncIterable<Uint8Array>, opts: DecodeOptions): AsyncGenerator<DecodedBatch> {
  const fileName = opts.fileName;
  const c = new Collector();
  const raw = new Peekable(chunks);
  const magic = await raw.peek(4);
  if (isZip(magic)) {
    if (opts.compression === 'refuse') throw compressedInside(fileName, 'zip', 'none');
    yield* decodeZip(raw, opts, decodeStream);
    return;
  }
  const compression = sniffCompression(magic);
  if (compression !== 'none' && opts.compression === 'refuse') throw compressedInside(fileName, compression, 'none');
  const plain = new Peekable(decompress(raw, compression, fileName, (where, reason) => c.skip(where, reason), opts.maxZstdWindowBytes));
  await refuseSecondLayer(plain, compression, fileName);
  const ctx: DecodeContext = {
    c,
    fileName,
    batchSpans: Math.max(1, opts.batchSpans ?? DEFAULT_BATCH),
    maxElementBytes: opts.maxElementBytes ?? DEFAULT_MAX_ELEMENT,
    signal: opts.signal,
    raw,
    bytesRead: 0,
    keepSource: opts.keepSource === true,
    refuseCompressed: opts.compression === 'refuse',
    maxZstdWindowBytes: opts.maxZstdWindowBytes,
  };
  if (opts.inputBytes) ctx.inputBytes = opts.inputBytes;
  const head = await plain.peek(512);
  if (head.length === 0) throw new DecodeError(fileName, '', 'the file is empty');
  const layout = sniffLayout(head, fileName);
  if (layout === 'json') {
    yield* (await jsonShape(plain, head)) === 'lines' ? decodeJsonLines(ctx, plain) : decodeJsonDocument(ctx, plain);
  } else {
    yield* decodeProtobuf(ctx, plain, layout === 'protobuf-delimited');
  }
  if (!c.hasAnything) {
    const hint = c.format === undefined && layout === 'json' ? ' (the JSON has no resourceSpans, resourceLogs, batches, data or payload members)' : '';
    throw nothingFound(fileName, c.firstSkipped, c.totalSkipped, hint);
  }
  const last = takeBatch(ctx);
  last.contents = { spans: c.totalSpans, logs: c.totalLogs, payloads: c.totalPayloads };
  yield last;
}

/** One layer of compression is read; compressed data under it is refused, not inflated again. */
async function refuseSecondLayer(plain: Peekable, outer: Compression, fileName: string): Promise<void> {
  if (outer === 'none') return;
  const inner = sniffCompression(await plain.peek(4));
  if (inner !== 'none') throw compressedInside(fileName, inner, outer);
}

/** An input opened for decoding: decompressed, and whether it is JSON lines (see openInput). */
export interface OpenedInput {
  /** the input as given; its `consumed` counts the raw (possibly compressed) bytes read */
  raw: Peekable;
  /** the decompressed bytes */
  plain: Peekable;
  /** JSON lines: can be cut into segments at line ends and decoded in parallel (decodeLineSegment) */
  jsonLines: boolean;
  /** decompression problems after some output (the rest of the input is lost); filled as it is read */
  problems: Skipped[];
  /** the layer of compression undone (`plain` must then not be decompressed again: decodeStream's `compression: 'refuse'`) */
  compression: Compression;
}

/**
 * Opens an input: decompression chosen by magic bytes, then a look at the first line. An input it cannot
 * tell, and a zip archive, is left for decodeStream (given `plain`), which reports what is wrong with it
 * or decodes the archive's entries.
 */
export async function openInput(chunks: AsyncIterable<Uint8Array>, fileName: string, maxZstdWindowBytes?: number): Promise<OpenedInput> {
  const problems: Skipped[] = [];
  const raw = new Peekable(chunks);
  const magic = await raw.peek(4);
  // a zip archive is decoded entry by entry in decodeStream
  if (isZip(magic)) return { raw, plain: raw, jsonLines: false, problems, compression: 'none' };
  const compression = sniffCompression(magic);
  const plain = new Peekable(decompress(raw, compression, fileName, (where, reason) => problems.push({ where, reason }), maxZstdWindowBytes));
  await refuseSecondLayer(plain, compression, fileName);
  const opened: OpenedInput = { raw, plain, jsonLines: false, problems, compression };
  const head = await plain.peek(512);
  let layout: Layout;
  try {
    layout = sniffLayout(head, fileName);
  } catch {
    return opened;
  }
  if (layout === 'json') opened.jsonLines = (await jsonShape(plain, head)) === 'lines';
  return opened;
}

export { decodeLineSegment } from './json-input';

export interface DecodedAll {
  traces: TraceSpans[];
  logs: LogRecord[];
  payloads: Payload[];
  skipped: Skipped[];
  sessionOf: Record<string, string>;
  format: FormatName | undefined;
  /** what the whole input held; `spans: 0`: payloads or logs only, for traces stored elsewhere */
  contents: InputContents;
}

/** Folds decoded batches together, merging each trace's partial copies. */
export class DecodedAccumulator {
  private readonly traces = new Map<string, TraceSpans>();
  readonly logs: LogRecord[] = [];
  readonly payloads: Payload[] = [];
  readonly skipped: Skipped[] = [];
  readonly sessionOf: Record<string, string> = {};
  format: FormatName | undefined;
  add(batch: DecodedBatch): void {
    for (const t of batch.traces) {
      const prev = this.traces.get(t.traceId);
      this.traces.set(t.traceId, prev ? mergeTraceSpans(prev, t) : t);
    }
    for (const l of batch.logs) this.logs.push(l);
    for (const p of batch.payloads) this.payloads.push(p);
    for (const s of batch.skipped) this.skipped.push(s);
    if (batch.sessionOf) Object.assign(this.sessionOf, batch.sessionOf);
    this.format ??= batch.format;
  }

  result(): DecodedAll {
    let spans = 0;
    for (const t of this.traces.values()) spans += t.spans.length;
    return {
      traces: [...this.traces.values()],
      logs: this.logs,
      payloads: this.payloads,
      skipped: this.skipped,
      sessionOf: this.sessionOf,
      format: this.format,
      contents: { spans, logs: this.logs.length, payloads: this.payloads.length },
    };
  }
}

/** Everything in `bytes`, decoded and merged (for small inputs: the CLI, the live receiver, tests). */
export async function decodeAll(bytes: Uint8Array, opts: DecodeOptions): Promise<DecodedAll> {
  async function* one(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  return decodeChunks(one(), opts);
}

/** Like decodeAll, for a chunk stream. */
export async function decodeChunks(chunks: AsyncIterable<Uint8Array>, opts: DecodeOptions): Promise<DecodedAll> {
  const acc = new DecodedAccumulator();
  for await (const batch of decodeStream(chunks, opts)) acc.add(batch);
  return acc.result();
}
