/**
 * A zip archive as one input: every entry is decoded as an input of its own (any format, compressed or
 * not) and its batches handed on, so it lands in the session(s) it names like a file opened alone. What an
 * entry could not give is reported with the entry's path (`traces.zip/a.json: line 3`, or the entry alone
 * when it is no trace, log or payload document at all); a bad entry never loses the good ones.
 */
import type { DecodedBatch, DecodeOptions } from './api';
import { DecodeError } from './api';
import type { Skipped } from '../model/types';
import type { Peekable } from './source';
import { DEFAULT_INFLATE_LIMITS, isZip, zipEntries } from './zip';

type Decode = (chunks: AsyncIterable<Uint8Array>, opts: DecodeOptions) => AsyncGenerator<DecodedBatch>;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** Decodes a zip archive's entries with `decode` (decodeStream, passed in to keep the modules acyclic). */
export async function* decodeZip(raw: Peekable, opts: DecodeOptions, decode: Decode): AsyncGenerator<DecodedBatch> {
  const { fileName } = opts;
  const inputBytes = opts.inputBytes ?? (() => raw.consumed);
  let bytesRead = 0;
  let records = 0;
  const contents = { spans: 0, logs: 0, payloads: 0 };
  let entries = 0;
  const problems: Skipped[] = [];
  /** source chunk numbers must stay unique over the whole input, so each entry's are moved past the last */
  let chunkBase = 0;
  const skipOnly = (skipped: Skipped[]): DecodedBatch => ({ traces: [], logs: [], payloads: [], skipped, bytesRead, inputBytesRead: inputBytes(), format: 'zip' });
  for await (const entry of zipEntries(raw, opts.inflateLimits ?? DEFAULT_INFLATE_LIMITS)) {
    entries++;
    const where = entry.name;
    if (entry.bytes === undefined) {
      problems.push({ where, reason: entry.problem ?? 'cannot read the entry' });
      yield skipOnly([problems[problems.length - 1]!]);
      continue;
    }
    if (isZip(entry.bytes)) {
      problems.push({ where, reason: 'a zip archive inside the archive is not opened; unpack it and open it on its own' });
      yield skipOnly([problems[problems.length - 1]!]);
      continue;
    }
    const entryOpts: DecodeOptions = { ...opts, fileName: `${fileName}/${entry.name}`, inputBytes };
    delete entryOpts.totalBytes;
    let top = chunkBase;
    try {
      for await (const batch of decode(once(entry.bytes), entryOpts)) {
        records += batch.traces.length + batch.logs.length + batch.payloads.length;
        if (batch.contents) {
          contents.spans += batch.contents.spans;
          contents.logs += batch.contents.logs;
          contents.payloads += batch.contents.payloads;
          // an entry's contents are not the archive's: the archive's come on its own last batch
          delete batch.contents;
        }
        for (const s of batch.skipped) s.where = s.where === '' ? where : `${where}: ${s.where}`;
        if (batch.source) {
          for (const chunk of batch.source.chunks) {
            chunk.no += chunkBase;
            top = Math.max(top, chunk.no + 1);
          }
          for (const id of Object.keys(batch.source.chunksOf)) batch.source.chunksOf[id] = batch.source.chunksOf[id]!.map((n) => n + chunkBase);
        }
        yield { ...batch, bytesRead: bytesRead + batch.bytesRead, inputBytesRead: inputBytes(), format: 'zip' };
      }
    } catch (e) {
      if (!(e instanceof DecodeError) || opts.signal?.aborted) throw e;
      problems.push({ where: e.where === '' ? where : `${where}: ${e.where}`, reason: e.reason });
      yield skipOnly([problems[problems.length - 1]!]);
    }
    chunkBase = top;
    bytesRead += entry.bytes.length;
  }
  if (records > 0) {
    yield { ...skipOnly([]), contents };
    return;
  }
  if (entries === 0) throw new DecodeError(fileName, '', 'the zip archive holds no files');
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more entr${problems.length > 2 ? 'ies' : 'y'} not read)` : '';
  throw new DecodeError(fileName, first?.where ?? '', `no spans, logs or payloads in the zip archive: ${first?.reason ?? 'no entry held any'}${more}`);
}
