/**
 * Streaming framing for protobuf input, so a big message never has to sit in memory whole:
 * - 'fields': one ExportTraceServiceRequest / ExportLogsServiceRequest, split into its top-level
 *   `resource_spans` / `resource_logs` fields (tag + length + bytes), each decoded on its own;
 * - 'delimited': the collector file exporter's stream of messages, each prefixed by a 4-byte big-endian
 *   length.
 * Only this outer framing is read here; the messages themselves are decoded by protobufjs.
 */
import { DecodeError } from './api';
import { sizeText } from './json-split';

export interface ProtoUnit {
  /** byte offset of the unit's first byte (its header) in the decompressed input */
  offset: number;
  /** top-level field number ('fields' mode), 0 for a delimited message */
  field: number;
  bytes: Uint8Array;
}

export class ProtoSplitter {
  private header: number[] = [];
  private need = -1;
  private field = 0;
  private pieces: Uint8Array[] = [];
  private got = 0;
  private unitOffset = 0;
  private base = 0;

  constructor(
    private readonly fileName: string,
    private readonly mode: 'fields' | 'delimited',
    private readonly maxBytes: number,
  ) {}

  /** Parses the collected header bytes; returns false when more are needed. */
  private parseHeader(): boolean {
    const h = this.header;
    const at = this.unitOffset;
    if (this.mode === 'delimited') {
      if (h.length < 4) return false;
      this.need = ((h[0]! << 24) >>> 0) + (h[1]! << 16) + (h[2]! << 8) + h[3]!;
      this.field = 0;
    } else {
      let pos = 0;
      const varint = (): number | null => {
        let value = 0;
        let mul = 1;
        for (let k = 0; k < 10; k++) {
          if (pos >= h.length) return null;
          const b = h[pos++]!;
          value += (b & 0x7f) * mul;
          if ((b & 0x80) === 0) return value;
          mul *= 128;
        }
        throw new DecodeError(this.fileName, `byte ${at}`, 'malformed varint in the protobuf message');
      };
      const tag = varint();
      if (tag === null) return false;
      const wireType = tag % 8;
      if (wireType !== 2) {
        throw new DecodeError(this.fileName, `byte ${at}`, `not an OTLP export request: top-level field ${Math.floor(tag / 8)} has wire type ${wireType}`);
      }
      const len = varint();
      if (len === null) return false;
      this.field = Math.floor(tag / 8);
      this.need = len;
    }
    if (this.need > this.maxBytes) {
      throw new DecodeError(this.fileName, `byte ${at}`, `a protobuf message of ${this.need} bytes is larger than the limit of ${sizeText(this.maxBytes)}`);
    }
    return true;
  }

  private finish(last: Uint8Array, out: ProtoUnit[]): void {
    let bytes = last;
    if (this.pieces.length > 0) {
      bytes = new Uint8Array(this.need);
      let o = 0;
      for (const p of this.pieces) {
        bytes.set(p, o);
        o += p.length;
      }
      bytes.set(last, o);
      this.pieces = [];
    }
    out.push({ offset: this.unitOffset, field: this.field, bytes });
    this.header = [];
    this.need = -1;
    this.got = 0;
  }

  push(chunk: Uint8Array, out: ProtoUnit[]): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.need < 0) {
        if (this.header.length === 0) this.unitOffset = this.base + i;
        this.header.push(chunk[i++]!);
        if (!this.parseHeader()) continue;
        if (this.need === 0) this.finish(new Uint8Array(0), out);
        continue;
      }
      const want = this.need - this.got;
      const take = Math.min(want, n - i);
      const part = chunk.subarray(i, i + take);
      i += take;
      if (take === want) this.finish(part, out);
      else {
        this.pieces.push(part);
        this.got += take;
      }
    }
    this.base += n;
  }

  /** Where the input ended inside a message, or null when it ended cleanly between messages. */
  end(): string | null {
    if (this.need < 0 && this.header.length === 0) return null;
    return `byte ${this.unitOffset}`;
  }
}
