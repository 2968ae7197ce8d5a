/**
 * A byte-level splitter for one big JSON document. It walks only the outer structure and hands each
 * element of the big arrays (`resourceSpans[i]`, `batches[i]`, `data[i]`, the items of a top-level array)
 * and each other top-level member to JSON.parse separately, so a 1 GB document never becomes one string.
 * Each unit keeps its JSON path for messages.
 */
import { DecodeError } from './api';
import { utf8Decoder } from './platform';

export interface JsonUnit {
  /** '$.resourceSpans[3]', '$[2]', '$.processes' */
  path: string;
  /** the top-level member's key; null for items of a top-level array */
  key: string | null;
  /** index in a streamed array, or -1 for a whole member value */
  index: number;
  bytes: Uint8Array;
}

const enum S {
  Root,
  ObjKey,
  Key,
  Colon,
  Value,
  Arr,
  Elem,
  Done,
}

const enum Mode {
  Container,
  Str,
  Scalar,
}

export function sizeText(bytes: number): string {
  return bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MiB` : `${bytes} bytes`;
}

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function describe(b: number): string {
  return b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
}

export class JsonDocSplitter {
  private state = S.Root;
  private needComma = false;
  private keyBytes: number[] = [];
  private keyEscape = false;
  private key: string | null = null;
  /** index of the next element in the streamed array being walked */
  private index = 0;
  private streamingArray = false;
  private rootIsArray = false;
  private roots = 0;
  // element scan state
  private mode = Mode.Container;
  private depth = 0;
  private inString = false;
  private escape = false;
  private pieces: Uint8Array[] = [];
  private elemBytes = 0;
  private elemPath = '';
  private elemIndex = -1;
  /** absolute offset of the start of the current chunk */
  private base = 0;

  constructor(
    private readonly fileName: string,
    private readonly streamKeys: ReadonlySet<string>,
    private readonly maxElementBytes: number,
  ) {}

  private fail(at: number, reason: string): never {
    throw new DecodeError(this.fileName, `byte ${at}`, reason);
  }

  private prefix(): string {
    return this.roots > 1 ? `#${this.roots}$` : '$';
  }

  private startElem(b: number, path: string, index: number): void {
    this.state = S.Elem;
    this.elemPath = path;
    this.elemIndex = index;
    this.pieces = [];
    this.elemBytes = 0;
    this.inString = false;
    this.escape = false;
    if (b === 0x7b || b === 0x5b) {
      this.mode = Mode.Container;
      this.depth = 0;
    } else if (b === 0x22) {
      this.mode = Mode.Str;
    } else {
      this.mode = Mode.Scalar;
    }
  }

  private tooLarge(at: number): never {
    return this.fail(at, `${this.elemPath} is larger than ${sizeText(this.maxElementBytes)}; a single element that big cannot be imported`);
  }

  private emit(chunk: Uint8Array, from: number, to: number, out: JsonUnit[]): void {
    const last = chunk.subarray(from, to);
    if (this.elemBytes + last.length > this.maxElementBytes) this.tooLarge(this.base + to);
    let bytes: Uint8Array;
    if (this.pieces.length === 0) bytes = last;
    else {
      bytes = new Uint8Array(this.elemBytes + last.length);
      let o = 0;
      for (const p of this.pieces) {
        bytes.set(p, o);
        o += p.length;
      }
      bytes.set(last, o);
      this.pieces = [];
    }
    out.push({ path: this.elemPath, key: this.key, index: this.elemIndex, bytes });
    this.elemBytes = 0;
    this.needComma = true;
    this.state = this.streamingArray ? S.Arr : S.ObjKey;
  }

  /** Scans an element from `i`; returns the index after it, or chunk.length when it continues. */
  private scanElem(chunk: Uint8Array, i: number, start: number, out: JsonUnit[]): number {
    const n = chunk.length;
    if (this.mode === Mode.Scalar) {
      while (i < n) {
        const b = chunk[i]!;
        if (b === 0x2c || b === 0x7d || b === 0x5d || isWs(b)) {
          this.emit(chunk, start, i, out);
          return i;
        }
        i++;
      }
    } else {
      let depth = this.depth;
      let inString = this.inString || this.mode === Mode.Str;
      let escape = this.escape;
      if (this.mode === Mode.Str && this.elemBytes === 0 && i === start) {
        // the opening quote
        i++;
      }
      for (; i < n; i++) {
        const b = chunk[i]!;
        if (inString) {
          if (escape) escape = false;
          else if (b === 0x5c) escape = true;
          else if (b === 0x22) {
            inString = false;
            if (this.mode === Mode.Str) {
              this.emit(chunk, start, i + 1, out);
              return i + 1;
            }
          }
        } else if (b === 0x22) inString = true;
        else if (b === 0x7b || b === 0x5b) depth++;
        else if (b === 0x7d || b === 0x5d) {
          if (--depth === 0) {
            this.emit(chunk, start, i + 1, out);
            return i + 1;
          }
        }
      }
      this.depth = depth;
      this.inString = inString;
      this.escape = escape;
    }
    const rest = chunk.subarray(start);
    this.pieces.push(rest);
    this.elemBytes += rest.length;
    if (this.elemBytes > this.maxElementBytes) this.tooLarge(this.base + n);
    return n;
  }

  push(chunk: Uint8Array, out: JsonUnit[]): void {
    const n = chunk.length;
    let i = 0;
    if (this.state === S.Elem) i = this.scanElem(chunk, 0, 0, out);
    while (i < n) {
      const b = chunk[i]!;
      switch (this.state) {
        case S.Root:
        case S.Done: {
          if (isWs(b) || (b === 0xef && this.base + i === 0) || (this.base + i <= 2 && (b === 0xbb || b === 0xbf))) break;
          if (b !== 0x7b && b !== 0x5b) {
            this.fail(this.base + i, this.state === S.Root ? `expected a JSON object or array, found ${describe(b)}` : `unexpected ${describe(b)} after the end of the JSON document`);
          }
          this.roots++;
          this.needComma = false;
          this.index = 0;
          this.key = null;
          if (b === 0x5b) {
            this.rootIsArray = true;
            this.streamingArray = true;
            this.state = S.Arr;
          } else {
            this.rootIsArray = false;
            this.streamingArray = false;
            this.state = S.ObjKey;
          }
          break;
        }
        case S.ObjKey: {
          if (isWs(b)) break;
          if (b === 0x7d) {
            this.state = S.Done;
            break;
          }
          if (this.needComma) {
            if (b !== 0x2c) this.fail(this.base + i, `expected ',' or '}' in the top-level object, found ${describe(b)}`);
            this.needComma = false;
            break;
          }
          if (b !== 0x22) this.fail(this.base + i, `expected a member name in the top-level object, found ${describe(b)}`);
          this.state = S.Key;
          this.keyBytes = [];
          this.keyEscape = false;
          break;
        }
        case S.Key: {
          if (this.keyEscape) this.keyEscape = false;
          else if (b === 0x5c) this.keyEscape = true;
          else if (b === 0x22) {
            this.key = this.parseKey(this.base + i);
            this.state = S.Colon;
            break;
          }
          this.keyBytes.push(b);
          if (this.keyBytes.length > 65536) this.fail(this.base + i, 'a top-level member name is longer than 64 KiB');
          break;
        }
        case S.Colon: {
          if (isWs(b)) break;
          if (b !== 0x3a) this.fail(this.base + i, `expected ':' after "${this.key}", found ${describe(b)}`);
          this.state = S.Value;
          break;
        }
        case S.Value: {
          if (isWs(b)) break;
          if (b === 0x5b && this.streamKeys.has(this.key!)) {
            this.streamingArray = true;
            this.index = 0;
            this.needComma = false;
            this.state = S.Arr;
            break;
          }
          this.startElem(b, `${this.prefix()}.${this.key}`, -1);
          i = this.scanElem(chunk, i, i, out);
          continue;
        }
        case S.Arr: {
          if (isWs(b)) break;
          if (b === 0x5d) {
            if (this.rootIsArray) this.state = S.Done;
            else {
              this.streamingArray = false;
              this.needComma = true;
              this.state = S.ObjKey;
            }
            break;
          }
          if (this.needComma) {
            if (b !== 0x2c) this.fail(this.base + i, `expected ',' or ']' after ${this.lastPath()}, found ${describe(b)}`);
            this.needComma = false;
            break;
          }
          const path = this.rootIsArray ? `${this.prefix()}[${this.index}]` : `${this.prefix()}.${this.key}[${this.index}]`;
          this.startElem(b, path, this.index);
          this.index++;
          i = this.scanElem(chunk, i, i, out);
          continue;
        }
        default:
          break;
      }
      i++;
    }
    this.base += n;
  }

  private lastPath(): string {
    return this.rootIsArray ? `${this.prefix()}[${this.index - 1}]` : `${this.prefix()}.${this.key}[${this.index - 1}]`;
  }

  private parseKey(at: number): string {
    const text = utf8Decoder().decode(Uint8Array.from(this.keyBytes));
    try {
      return JSON.parse(`"${text}"`) as string;
    } catch {
      return this.fail(at, 'a top-level member name is not a valid JSON string');
    }
  }

  /**
   * Where the input stopped if it ended early: the path of an unfinished element, or a byte offset when
   * it ended between elements; null when the document was complete. Throws for an empty input.
   */
  end(): { where: string; inElement: boolean } | null {
    if (this.state === S.Done) return null;
    if (this.state === S.Root) {
      if (this.roots === 0) throw new DecodeError(this.fileName, '', 'the file is empty');
      return null;
    }
    if (this.state === S.Elem) {
      // a scalar at the very end of a (broken) document is still complete
      return { where: this.elemPath, inElement: true };
    }
    return { where: `byte ${this.base}`, inElement: false };
  }
}
