/**
 * The caps that keep a small compressed input from costing gigabytes, for files (the import and the CLI
 * read them through the same decoders): one layer of compression only, and zstd windows bounded before
 * anything is allocated. Each refusal names the file.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../../shared/decode/api';
import { decodeAll, openInput } from '../../../shared/decode/index';
import { ZstdFrameGuard } from '../../../shared/decode/zstd-guard';

const fixtures = resolve(__dirname, '../../../test/fixtures/formats');
const jsonl = readFileSync(join(fixtures, 'collector-mixed.jsonl'));
const zst = readFileSync(join(fixtures, 'collector-mixed.jsonl.zst'));

async function rejection(f: () => Promise<unknown>): Promise<DecodeError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof DecodeError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

/** A zstd frame header asking for a window of 2^(10 + exponent) bytes, then one empty raw last block. */
function hugeWindowFrame(exponent: number): Uint8Array {
  return new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, exponent << 3, 0x01, 0x00, 0x00]);
}

async function* one(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

describe('compression inside compression', () => {
  it.each([
    ['gzip inside gzip', () => gzipSync(gzipSync(jsonl)), 'gzip data inside the gzip data is refused'],
    ['zstd inside gzip', () => gzipSync(zst), 'zstd data inside the gzip data is refused'],
  ])('%s is refused with the file named, not inflated twice', async (_what, make, reason) => {
    const e = await rejection(() => decodeAll(make(), { fileName: 'bomb.json.gz' }));
    expect(e.message).toMatch(/^bomb\.json\.gz: byte 0: /);
    expect(e.reason).toContain(reason);
    // the import opens its input first (openInput), and is refused the same way
    const opened = await rejection(() => openInput(one(make()), 'bomb.json.gz'));
    expect(opened.reason).toContain(reason);
  });

  it('a body whose Content-Encoding was undone may not be compressed at all', async () => {
    const e = await rejection(() => decodeAll(gzipSync(jsonl), { fileName: 'POST /v1/traces', compression: 'refuse' }));
    expect(e.reason).toMatch(/gzip data inside the content is refused: only Content-Encoding may compress an OTLP\/HTTP body/);
    // a plain body is fine
    expect((await decodeAll(jsonl, { fileName: 'POST /v1/traces', compression: 'refuse' })).traces).toHaveLength(2);
  });

  it('one layer still reads as before', async () => {
    const plain = await decodeAll(jsonl, { fileName: 'f' });
    expect(await decodeAll(gzipSync(jsonl), { fileName: 'f' })).toEqual(plain);
    expect(await decodeAll(zst, { fileName: 'f' })).toEqual(plain);
  });
});

describe('zstd windows', () => {
  it('a frame asking for a 1 GiB window is refused before any allocation, naming the file', async () => {
    const e = await rejection(() => decodeAll(hugeWindowFrame(20), { fileName: 'evil.zst' }));
    expect(e.message).toMatch(/^evil\.zst: /);
    expect(e.reason).toBe('a zstd frame at byte 0 asks for a 1024 MiB window, over the limit of 128 MiB');
  });

  it('so is one after good frames', async () => {
    const good = new ZstdFrameGuard();
    good.check(zst);
    const frames = good.frames;
    expect(frames).toBeGreaterThan(0);
    const e = await rejection(() => decodeAll(Buffer.concat([zst, zst, hugeWindowFrame(21)]), { fileName: 'evil.zst' }));
    expect(e.reason).toBe(`a zstd frame at byte ${2 * zst.length} asks for a 2048 MiB window, over the limit of 128 MiB`);
  });

  it('the guard walks every frame of real zstd output, however it is cut into chunks', () => {
    const whole = new ZstdFrameGuard();
    whole.check(Buffer.concat([zst, zst, zst]));
    const bytewise = new ZstdFrameGuard();
    for (const b of Buffer.concat([zst, zst, zst])) bytewise.check(new Uint8Array([b]));
    const single = new ZstdFrameGuard();
    single.check(zst);
    expect(whole.frames).toBe(3 * single.frames);
    expect(bytewise.frames).toBe(whole.frames);
  });

  it('a lower limit refuses the fixture’s own window', async () => {
    const e = await rejection(() => decodeAll(zst, { fileName: 'f.zst', maxZstdWindowBytes: 1024 }));
    expect(e.reason).toMatch(/asks for a \d+ MiB window, over the limit of 0 MiB/);
  });

  it('zstd-compressed delimited messages (the exporter’s legacy mode) are checked the same way', async () => {
    const legacy = readFileSync(join(fixtures, 'delimited-zstd-frames.bin'));
    expect((await decodeAll(legacy, { fileName: 'f.bin' })).traces.length).toBeGreaterThan(0);
    const evil = hugeWindowFrame(20);
    const framed = Buffer.concat([legacy, Buffer.from([0, 0, 0, evil.length]), evil]);
    const r = await decodeAll(framed, { fileName: 'f.bin' });
    expect(r.skipped.map((s) => s.reason).join()).toContain('asks for a 1024 MiB window');
    // and in an HTTP body they are refused outright
    const body = await rejection(() => decodeAll(legacy, { fileName: 'POST /v1/traces', compression: 'refuse' }));
    expect(body.reason).toContain('zstd-compressed message inside the body is refused');
  });
});
