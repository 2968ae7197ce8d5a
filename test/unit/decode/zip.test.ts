/**
 * `.zip` archives made here with fflate from the real Kong fixtures, a file that is no trace, and a
 * corrupt entry: every good entry is read into the session it names, the others are listed by entry path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Zip, ZipDeflate, ZipPassThrough, zipSync, strToU8, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../../shared/decode/api';
import { openInput } from '../../../shared/decode/index';
import { decodeBytes, rejection } from '../../../shared/decode/test-helpers';

const KONG = new URL('../../../../shared/fixtures/kong/', import.meta.url);
const kongFiles = readdirSync(KONG).filter((f) => f.endsWith('.json'));
const read = (name: string): Uint8Array => readFileSync(new URL(name, KONG));

function archive(files: Zippable): Uint8Array {
  return zipSync(files, { level: 6 });
}

/** The archive with the deflated data of entry `name` overwritten in its middle. */
function corrupt(zip: Uint8Array, name: string): Uint8Array {
  const out = zip.slice();
  const nameBytes = strToU8(name);
  for (let i = 0; i < out.length - 30; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 3 && out[i + 3] === 4) {
      const nameLen = out[i + 26]! | (out[i + 27]! << 8);
      const extra = out[i + 28]! | (out[i + 29]! << 8);
      const size = out[i + 18]! | (out[i + 19]! << 8) | (out[i + 20]! << 16);
      if (Buffer.from(out.subarray(i + 30, i + 30 + nameLen)).equals(Buffer.from(nameBytes))) {
        const data = i + 30 + nameLen + extra;
        out.fill(0xff, data + 2, data + Math.min(size - 2, 64));
        return out;
      }
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('zip archives', () => {
  const files: Zippable = { 'README.txt': strToU8('traces from the gateway\n') };
  for (const f of kongFiles) files[`kong/${f}`] = read(f);
  files['konnect/trace-batches-gateway-3.10.json'] = readFileSync(new URL('../../../../shared/fixtures/konnect/trace-batches-gateway-3.10.json', import.meta.url));

  it('reads every trace entry, keeps the session each names and lists the entry that is no trace', async () => {
    const { traces, skipped, sessionOf, format } = await decodeBytes(archive(files), 4096, { fileName: 'traces.zip' });
    expect(format).toBe('zip');
    expect(traces).toHaveLength(kongFiles.length + 1);
    expect(Object.values(sessionOf).sort()).toEqual(['01937749-5e3e-7cc8-92bc-7544bbcd19f5', '0193cf2f-943d-793a-819b-04ccf30948f3', '01951c12-e71c-7267-98e3-973ddcf1df64', '01975423-1b1e-71e8-8786-f1378ef65554']);
    expect(skipped).toEqual([{ where: 'README.txt: byte 0', reason: expect.stringContaining('not a trace file') }]);
  });

  it('a corrupt entry is listed by its path and the good ones are kept', async () => {
    const zip = corrupt(archive(files), 'kong/konnect-trace-v1-gateway-3.10.0.1.json');
    const { traces, skipped } = await decodeBytes(zip, 1 << 20, { fileName: 'traces.zip' });
    expect(traces).toHaveLength(kongFiles.length);
    expect(traces.map((t) => t.traceId)).not.toContain('0f83f61232782a1022a74e20c0dc7b19');
    expect(skipped.map((s) => s.where.split(':')[0])).toEqual(['README.txt', 'kong/konnect-trace-v1-gateway-3.10.0.1.json']);
  });

  it('reads an archive written as a stream (sizes in data descriptors after each entry), deflated or stored', async () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      parts.push(chunk);
    });
    const names = kongFiles.slice(0, 2);
    names.forEach((name, i) => {
      const entry = i === 0 ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
      zip.add(entry);
      entry.push(read(name), true);
    });
    zip.end();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
    const { traces, skipped } = await decodeBytes(bytes, 1000, { fileName: 'streamed.zip' });
    expect(skipped).toEqual([]);
    expect(traces).toHaveLength(2);
  });

  it('a payload document in the archive is read as payloads, sanitized', async () => {
    const payloads = { '0f83f61232782a1022a74e20c0dc7b19:reqres': { request_headers: { authorization: 'Bearer secret' }, response_headers: {} } };
    const { payloads: read, traces, contents } = await decodeBytes(archive({ 'p.json': strToU8(JSON.stringify(payloads)) }), 1 << 20, { fileName: 'p.zip' });
    expect(traces).toEqual([]);
    expect(contents).toEqual({ spans: 0, logs: 0, payloads: 1 });
    expect(read[0]!.request.headers.authorization).toBe('Bearer ****');
  });

  it('stops at a zip bomb with a reason naming the entry, keeping what came before', async () => {
    const zip = archive({ 'a.json': read(kongFiles[0]!), 'bomb.json': new Uint8Array(4 << 20), 'c.json': read(kongFiles[1]!) });
    const { traces, skipped } = await decodeBytes(zip, 1 << 20, { fileName: 'b.zip', inflateLimits: { entryBytes: 1 << 30, totalBytes: 1 << 30, ratio: 100, ratioAfter: 1 << 20 } });
    expect(traces).toHaveLength(1);
    expect(skipped).toEqual([{ where: 'bomb.json', reason: expect.stringMatching(/inflates to more than 100 times its size \(a zip bomb\?\); it and any entries after it were not read/) }]);
    const capped = await decodeBytes(zip, 1 << 20, { fileName: 'b.zip', inflateLimits: { entryBytes: 1 << 20, totalBytes: 1 << 30, ratio: 1e9, ratioAfter: 0 } });
    expect(capped.skipped[0]).toEqual({ where: 'bomb.json', reason: expect.stringContaining('the entry inflates to more than 1 MiB') });
  });

  it('an archive with nothing usable fails naming the first entry', async () => {
    const e = await rejection(() => decodeBytes(archive({ 'notes.txt': strToU8('hello') }), 1 << 20, { fileName: 'n.zip' }));
    expect(e).toBeInstanceOf(DecodeError);
    expect(e.message).toMatch(/^n\.zip: notes\.txt: byte 0: no spans, logs or payloads in the zip archive: not a trace file/);
  });

  it('openInput leaves a zip to decodeStream (not JSON lines, nothing decompressed)', async () => {
    const zip = archive(files);
    const opened = await openInput((async function* () { yield zip; })(), 'traces.zip');
    expect(opened.jsonLines).toBe(false);
    expect((await opened.plain.peek(4)).subarray(0, 4)).toEqual(zip.subarray(0, 4));
  });
});
