/** Protobuf input: one export request (streamed by top-level field) or a length-delimited message stream. */
import { Decompress } from 'fzstd';
import type { DecodedBatch } from './api';
import { batchFull, checkAborted, errorText, takeBatch, type DecodeContext } from './context';
import { convertRequest } from './otlp';
import { decodeRequestMessage, decodeResourceElement, recordKind, type RecordKind } from './otlp-proto';
import { utf8Decoder } from './platform';
import { ProtoSplitter, type ProtoUnit } from './proto-split';
import type { Peekable } from './source';
import { concatBytes } from '../util/bytes';
import { ZstdFrameGuard } from './zstd-guard';

function isZstd(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd;
}

function firstNonSpace(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    if (x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09) return x;
  }
  return -1;
}

/** One message's zstd data, under the same caps as a compressed file: the window, and the element size. */
function unzstd(ctx: DecodeContext, bytes: Uint8Array): Uint8Array {
  new ZstdFrameGuard(ctx.maxZstdWindowBytes).check(bytes);
  const parts: Uint8Array[] = [];
  let size = 0;
  const z = new Decompress((data) => {
    size += data.length;
    if (size > ctx.maxElementBytes) throw new Error(`it inflates to more than the limit of ${ctx.maxElementBytes} bytes`);
    parts.push(data.slice());
  });
  z.push(bytes, true);
  return concatBytes(parts);
}

/** One delimited message: protobuf, or JSON, either possibly zstd-compressed (the exporter's legacy mode). */
function decodeFrame(ctx: DecodeContext, unit: ProtoUnit): void {
  const where = `byte ${unit.offset}`;
  let bytes = unit.bytes;
  if (isZstd(bytes)) {
    if (ctx.refuseCompressed) {
      ctx.c.skip(where, 'a zstd-compressed message inside the body is refused: OTLP/HTTP compresses only with Content-Encoding');
      return;
    }
    try {
      bytes = unzstd(ctx, bytes);
    } catch (e) {
      ctx.c.skip(where, `the message's zstd data is corrupt: ${errorText(e)}`);
      return;
    }
  }
  const first = firstNonSpace(bytes);
  if (first === 0x7b) {
    let doc: unknown;
    try {
      doc = JSON.parse(utf8Decoder().decode(bytes));
    } catch (e) {
      ctx.c.skip(where, `invalid JSON message: ${errorText(e)}`);
      return;
    }
    if (!convertRequest(ctx.c, doc, `${where} $`)) ctx.c.skip(where, 'the message holds neither resourceSpans nor resourceLogs');
    return;
  }
  if (!decodeRequestMessage(ctx.c, bytes, unit.offset)) ctx.c.skip(where, 'not a protobuf export request');
}

export async function* decodeProtobuf(ctx: DecodeContext, source: Peekable, delimited: boolean): AsyncGenerator<DecodedBatch> {
  const { c } = ctx;
  c.format = delimited ? 'otlp-protobuf-delimited' : 'otlp-protobuf';
  const splitter = new ProtoSplitter(ctx.fileName, delimited ? 'delimited' : 'fields', ctx.maxElementBytes);
  const units: ProtoUnit[] = [];
  let kind: RecordKind | null = null;
  for await (const chunk of source) {
    checkAborted(ctx);
    ctx.bytesRead += chunk.length;
    splitter.push(chunk, units);
    for (let k = 0; k < units.length; k++) {
      const unit = units[k]!;
      if (delimited) decodeFrame(ctx, unit);
      else if (unit.field === 1) {
        const k = recordKind(unit.bytes);
        if (k === 'invalid') c.skip(`byte ${unit.offset}`, 'malformed resource element in the protobuf message');
        else {
          kind ??= k;
          if (kind !== null) decodeResourceElement(c, unit.bytes, kind, `byte ${unit.offset}`);
        }
      }
      if (batchFull(ctx)) yield takeBatch(ctx);
    }
    units.length = 0;
  }
  const cut = splitter.end();
  if (cut) c.skip(cut, 'the protobuf data ends inside a message (truncated file?)');
}
