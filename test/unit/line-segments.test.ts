import { describe, expect, it } from 'vitest';
import { LineTooLong, lineSegments, SEGMENT_BYTES } from '../../renderer/db/ingest';
import { mulberry32 } from '../../shared/util/random';

async function* chunked(bytes: Uint8Array, sizes: () => number): AsyncGenerator<Uint8Array> {
  for (let o = 0; o < bytes.length; ) {
    const n = Math.max(1, sizes());
    yield bytes.slice(o, o + n);
    o += n;
  }
}

async function segmentsOf(bytes: Uint8Array, sizes: () => number) {
  const out: { bytes: Uint8Array; first: boolean; last: boolean }[] = [];
  for await (const s of lineSegments(chunked(bytes, sizes), new AbortController().signal)) {
    // every piece owns its buffer (it is transferred to a decode worker), and no buffer is in two pieces
    for (const p of s.parts) expect([p.byteOffset, p.byteLength]).toEqual([0, p.buffer.byteLength]);
    expect(new Set(s.parts.map((p) => p.buffer)).size).toBe(s.parts.length);
    out.push({ bytes: new Uint8Array(Buffer.concat(s.parts)), first: s.first, last: s.last });
  }
  return out;
}

/** About 2.5 segments of lines of varied length, the last one without its newline. */
function input(seed: number): { bytes: Uint8Array; lines: string[] } {
  const rand = mulberry32(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < SEGMENT_BYTES * 2.5) {
    const line = `{"n":${lines.length},"pad":"${'x'.repeat((rand() * 200_000) | 0)}"}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { bytes: new TextEncoder().encode(lines.join('\n')), lines };
}

describe('lineSegments (how a big JSON-lines import is cut for the decode workers)', () => {
  // a segment ends at the last newline of what has been read once SEGMENT_BYTES are in: one read of
  // everything is one segment
  for (const [name, seed, sizes, minSegments] of [
    ['64 KiB reads', 1, () => 65_536, 3],
    ['random reads up to 3 MiB', 2, (r: () => number) => 1 + ((r() * 3_000_000) | 0), 2],
    ['one read of everything', 3, () => Number.MAX_SAFE_INTEGER, 1],
  ] as const) {
    it(`cuts after newlines only and loses nothing (${name})`, async () => {
      const { bytes, lines } = input(seed);
      const rand = mulberry32(seed + 100);
      const segs = await segmentsOf(bytes, () => (sizes as (r: () => number) => number)(rand));
      expect(segs.length).toBeGreaterThanOrEqual(minSegments);
      const joined = new Uint8Array(segs.reduce((n, s) => n + s.bytes.length, 0));
      let o = 0;
      for (const s of segs) {
        joined.set(s.bytes, o);
        o += s.bytes.length;
      }
      // (Buffer.equals: a deep toEqual over millions of bytes takes minutes)
      expect(Buffer.from(joined).equals(Buffer.from(bytes))).toBe(true);
      let line = 1;
      segs.forEach((s, i) => {
        const text = new TextDecoder().decode(s.bytes);
        expect(JSON.parse(text.split('\n')[0]!).n).toBe(line - 1);
        expect(s.last).toBe(i === segs.length - 1);
        expect(s.first).toBe(i === 0);
        if (!s.last) {
          expect(s.bytes[s.bytes.length - 1]).toBe(0x0a);
          expect(s.bytes.length).toBeGreaterThanOrEqual(SEGMENT_BYTES - 200_100);
        }
        line += text.split('\n').length - (s.last ? 0 : 1);
      });
      expect(line - 1).toBe(lines.length);
    });
  }

  it('refuses a line longer than 256 MiB, saying how many segments of whole lines came before it', async () => {
    const huge = new Uint8Array(1 << 20).fill(0x20);
    async function* endless(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode('{"a":1}\n{"b":2}\n');
      for (let i = 0; i < 300; i++) yield huge;
    }
    const run = async () => {
      for await (const s of lineSegments(endless(), new AbortController().signal)) void s;
    };
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    // the two short lines went out as a segment; the importer names the long one line 3 once that is decoded
    expect(error).toBeInstanceOf(LineTooLong);
    expect(error).toMatchObject({ segments: 1, message: 'the line is longer than 256 MiB' });
  });
});
