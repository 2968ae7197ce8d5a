/**
 * Reads zstd frame headers as the compressed bytes go by, before the decompressor sees them, and refuses a
 * frame whose window (the memory the decompressor allocates for it) is over a limit: fzstd allocates the
 * window a header asks for, up to 2 GB, so a 20-byte frame could take that much memory. Blocks are
 * skipped by their sizes, so every frame of a multi-frame stream is checked; nothing is decompressed here.
 * The limit defaults to 128 MiB, the zstd command line's own default (`--memory`).
 */
export const DEFAULT_MAX_ZSTD_WINDOW = 128 * 1024 * 1024;

type State = 'magic' | 'skippable-size' | 'descriptor' | 'header' | 'block-header' | 'skip';

export class ZstdFrameGuard {
  private state: State = 'magic';
  private want = 4;
  private buf: number[] = [];
  private skipLeft = 0;
  private afterSkip: State = 'magic';
  private descriptor = 0;
  private checksum = 0;
  /** bytes seen so far, for messages */
  private offset = 0;
  private done = false;
  /** frame headers checked so far */
  frames = 0;

  constructor(private readonly maxWindow = DEFAULT_MAX_ZSTD_WINDOW) {}

  /** Checks the next compressed bytes; throws a message naming the offending frame's offset. */
  check(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length && !this.done) {
      if (this.state === 'skip') {
        const n = Math.min(this.skipLeft, chunk.length - i);
        i += n;
        this.offset += n;
        this.skipLeft -= n;
        if (this.skipLeft === 0) this.enter(this.afterSkip);
        continue;
      }
      this.buf.push(chunk[i++]!);
      this.offset++;
      if (this.buf.length === this.want) this.field();
    }
  }

  private enter(state: State, want = 0): void {
    this.state = state;
    this.buf = [];
    this.want = want || (state === 'magic' ? 4 : state === 'skippable-size' ? 4 : state === 'descriptor' ? 1 : state === 'block-header' ? 3 : 0);
    if (state === 'skip' && this.skipLeft === 0) this.enter(this.afterSkip);
  }

  private skip(n: number, then: State): void {
    this.skipLeft = n;
    this.afterSkip = then;
    this.enter('skip');
  }

  private field(): void {
    const b = this.buf;
    switch (this.state) {
      case 'magic': {
        if (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return this.enter('descriptor');
        // skippable frames: magic 0x184D2A50..5F, then a 4-byte size
        if ((b[0]! & 0xf0) === 0x50 && b[1] === 0x2a && b[2] === 0x4d && b[3] === 0x18) return this.enter('skippable-size');
        // not a frame: the decompressor reports the corruption itself
        this.done = true;
        return;
      }
      case 'skippable-size':
        return this.skip((b[0]! | (b[1]! << 8) | (b[2]! << 16)) + b[3]! * 2 ** 24, 'magic');
      case 'descriptor': {
        const d = b[0]!;
        this.descriptor = d;
        this.checksum = (d >> 2) & 1 ? 4 : 0;
        const single = (d >> 5) & 1;
        const fcsFlag = d >> 6;
        const didBytes = [0, 1, 2, 4][d & 3]!;
        const fcsBytes = fcsFlag === 0 ? single : 1 << fcsFlag;
        // at least one byte follows: the window descriptor, or (single segment) the content size
        return this.enter('header', (single ? 0 : 1) + didBytes + fcsBytes);
      }
      case 'header':
        return this.frameHeader();
      case 'block-header': {
        const h = b[0]! | (b[1]! << 8) | (b[2]! << 16);
        const last = h & 1;
        const type = (h >> 1) & 3;
        const size = h >>> 3;
        // an RLE block holds one byte; the last block is followed by the frame's checksum, if any
        return this.skip((type === 1 ? 1 : size) + (last ? this.checksum : 0), last ? 'magic' : 'block-header');
      }
    }
  }

  private frameHeader(): void {
    const d = this.descriptor;
    const b = this.buf;
    const single = (d >> 5) & 1;
    const fcsFlag = d >> 6;
    const didBytes = [0, 1, 2, 4][d & 3]!;
    let window: number;
    if (!single) {
      const w = b[0]!;
      const base = 2 ** (10 + (w >> 3));
      window = base + (base / 8) * (w & 7);
    } else {
      // single segment: the window is the whole content, whose size the header gives
      const at = didBytes;
      const n = fcsFlag === 0 ? 1 : 1 << fcsFlag;
      window = 0;
      for (let k = n - 1; k >= 0; k--) window = window * 256 + b[at + k]!;
      if (fcsFlag === 1) window += 256;
    }
    this.frames++;
    if (window > this.maxWindow) {
      const mb = (x: number) => `${(x / 1024 / 1024).toFixed(0)} MiB`;
      throw new Error(`a zstd frame at byte ${this.offset - this.buf.length - 5} asks for a ${mb(window)} window, over the limit of ${mb(this.maxWindow)}`);
    }
    this.enter('block-header');
  }
}
