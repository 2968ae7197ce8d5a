/** Splits a byte stream into lines (LF or CRLF) without decoding it, for JSON-lines input. */
import { DecodeError } from './api';
import { sizeText } from './json-split';

export interface Line {
  /** 1-based */
  number: number;
  bytes: Uint8Array;
}

export class LineSplitter {
  private pieces: Uint8Array[] = [];
  private pending = 0;
  private number: number;

  /** `firstLine`: the number of the first line pushed (a segment of a bigger input starts further on) */
  constructor(
    private readonly fileName: string,
    private readonly maxLineBytes: number,
    firstLine = 1,
  ) {
    this.number = firstLine - 1;
  }

  private take(last: Uint8Array): Uint8Array {
    if (this.pieces.length === 0) return last;
    const out = new Uint8Array(this.pending + last.length);
    let o = 0;
    for (const p of this.pieces) {
      out.set(p, o);
      o += p.length;
    }
    out.set(last, o);
    this.pieces = [];
    this.pending = 0;
    return out;
  }

  push(chunk: Uint8Array, out: Line[]): void {
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, from);
      if (nl === -1) break;
      const end = nl > from && chunk[nl - 1] === 0x0d ? nl - 1 : nl;
      this.number++;
      let bytes = this.take(chunk.subarray(from, end));
      // a CR that ended the previous chunk belongs to this CRLF
      if (end === nl && nl === from && bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
      out.push({ number: this.number, bytes });
      from = nl + 1;
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      this.pieces.push(rest);
      this.pending += rest.length;
      if (this.pending > this.maxLineBytes) {
        throw new DecodeError(this.fileName, `line ${this.number + 1}`, `the line is longer than ${sizeText(this.maxLineBytes)}`);
      }
    }
  }

  /** The last line when the input did not end with a newline (a writer may have been cut off). */
  end(): Line | null {
    if (this.pending === 0) return null;
    this.number++;
    return { number: this.number, bytes: this.take(new Uint8Array(0)) };
  }
}
