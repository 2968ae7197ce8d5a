import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOtlp } from '../bench/gen-otlp';
import { decodeFile } from '../../electron/services/files/read';
import { decodeAll } from '../../shared/decode';
import { encodeOtlpJson } from '../../shared/encode/otlp-json';
import { addNs } from '../../shared/decode/time';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktv-gen-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the benchmark generator', () => {
  it('writes the requested number of Kong spans as collector JSON lines, reproducibly', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const result = await generateOtlp({ spans: 3000, out: a, seed: 7, tracesPerLine: 5 });
    await generateOtlp({ spans: 3000, out: b, seed: 7, tracesPerLine: 5 });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(result.spans).toBe(3000);
    const decoded = await decodeFile(a);
    expect(decoded.format).toBe('otlp-jsonl');
    expect(decoded.skipped).toEqual([]);
    expect(decoded.traces.reduce((n, t) => n + t.spans.length, 0)).toBe(3000);
    expect(decoded.logs.length).toBe(result.logs);
    expect(decoded.logs.length).toBeGreaterThan(0);
    const names = new Set(decoded.traces.flatMap((t) => t.spans.map((s) => s.name)));
    for (const name of ['kong', 'kong.router', 'kong.phase.access', 'kong.dns', 'kong.read_headers_from_upstream']) expect(names).toContain(name);
    const roots = decoded.traces.map((t) => t.spans.find((s) => s.parentSpanId === ''));
    expect(roots.every((r) => r === undefined || r.name === 'kong')).toBe(true);
  });

  it('round trip decode -> encode -> decode keeps the generated spans and logs', async () => {
    const file = join(dir, 'rt.jsonl');
    await generateOtlp({ spans: 2000, out: file, seed: 3 });
    const first = await decodeFile(file);
    const again = await decodeAll(new TextEncoder().encode(JSON.stringify(encodeOtlpJson(first.traces, first.logs))), { fileName: 'encoded' });
    const flat = (d: typeof first) =>
      d.traces
        .flatMap((t) => t.spans.map((s) => ({ traceId: t.traceId, spanId: s.spanId, name: s.name, start: addNs(t.baseNs, s.start), duration: s.duration, attributes: s.attributes, parent: s.parentSpanId })))
        .sort((x, y) => (x.traceId + x.spanId).localeCompare(y.traceId + y.spanId));
    expect(flat(again)).toEqual(flat(first));
    expect(again.logs).toEqual(first.logs);
  });
});
