import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttrValue, TraceSpans } from '../../../shared/model/types';
import { otlpJson, json, send } from '../../services/receiver/test-client';
import type { CliIo } from '../io';
import { parseReceiveArgs, receive } from './receive';
import { CaptureCollector, writeCapture } from './receive-output';

const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
function trace(no: number, attributes: Record<string, AttrValue>): TraceSpans {
  return {
    traceId: hex(no, 32),
    baseNs: '1700000000000000000',
    resources: [{}],
    scopes: [{ name: 'kong' }],
    spans: [{ spanId: hex(1, 16), parentSpanId: '', name: 'kong', kind: 2, start: 0, duration: 1, status: { code: 0 }, attributes, events: [], resource: 0, scope: 0 }],
  };
}

function testIo(): CliIo & { stderr: string[]; firstLine: Promise<string> } {
  const stderr: string[] = [];
  let first!: (l: string) => void;
  const firstLine = new Promise<string>((r) => (first = r));
  return { stderr, firstLine, out: (t) => first(t), err: (t) => stderr.push(t), env: {}, cwd: process.cwd() };
}

describe('ktv receive output', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ktv-receive-out-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const auth = { 'http.request.header.authorization': 'Bearer s3cret-token', 'http.response.status_code': 200 };

  it('is readable by this user only and sanitized like ktv export', async () => {
    const c = new CaptureCollector();
    c.add([trace(1, auth)], []);
    const out = join(dir, 'capture.json');
    await writeCapture(out, c);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain('s3cret-token');
    expect(text).toContain('Bearer ');
  });

  it('--raw keeps the values as captured', async () => {
    const c = new CaptureCollector();
    c.add([trace(1, auth)], []);
    const out = join(dir, 'raw.json');
    await writeCapture(out, c, { raw: true });
    expect(await readFile(out, 'utf8')).toContain('s3cret-token');
    expect(parseReceiveArgs(['--raw', '--out', out]).raw).toBe(true);
    expect(parseReceiveArgs(['--out', out]).raw).toBe(false);
  });

  it('writes the good traces when one cannot be written, and names the bad one', async () => {
    // a value the encoder cannot serialize (the decoders never make one this deep; a bug might)
    let deep: AttrValue = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const c = new CaptureCollector();
    c.add([trace(1, { ok: 1 }), trace(2, { deep }), trace(3, { ok: 3 })], []);
    const out = join(dir, 'some.json');
    const written = await writeCapture(out, c);
    expect(written.traces).toBe(2);
    expect(written.problems).toEqual([expect.stringMatching(new RegExp(`^trace ${hex(2, 32)}: `))]);
    const doc = JSON.parse(await readFile(out, 'utf8')) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string }> }> }> };
    const ids = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.traceId)));
    expect(ids.sort()).toEqual([hex(1, 32), hex(3, 32)]);
  });

  it('a span nested 100,000 levels deep sent to `ktv receive` does not cost it its output', async () => {
    const io = testIo();
    const out = join(dir, 'capture.json');
    const stop = new AbortController();
    const done = receive(parseReceiveArgs(['--port', '0', '--out', out]), io, stop.signal);
    const url = /listening on (\S+)/.exec(await io.firstLine)![1]!;
    const value = `${'{"arrayValue":{"values":['.repeat(100_000)}{"stringValue":"x"}${']}}'.repeat(100_000)}`;
    const deep = otlpJson(1).replace('"attributes":[{"key":"http.response.status_code"', `"attributes":[{"key":"deep","value":${value}},{"key":"http.response.status_code"`);
    expect((await send(url, { headers: json, body: deep })).status).toBe(200);
    expect((await send(url, { headers: json, body: otlpJson(2) })).status).toBe(200);
    stop.abort();
    expect(await done).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain(hex(1, 32));
    expect(text).toContain(hex(2, 32));
    expect(text).toContain('{\\"arrayValue\\":{\\"values\\":[{\\"arrayValue\\"');
  });
});
