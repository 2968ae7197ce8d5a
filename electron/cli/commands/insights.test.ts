import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSample } from '../../../shared/sample/generate';
import { run } from './insights';
import { captureIo } from './cli-test-io';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktv-insights-'));
  writeFileSync(join(dir, 'a.jsonl'), generateSample({ seed: 3, traces: 120 }).jsonl);
  writeFileSync(join(dir, 'b.jsonl'), generateSample({ seed: 4, traces: 40 }).jsonl);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SJson {
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}
interface Doc {
  traces: number;
  groups: { key: string; n: number; errors: number; latencyMs: Record<string, SJson>; rows: { key: string; present: number; ms: SJson; sharePct: number }[]; outliers: { traceId: string; reason: string }[] }[];
}

async function json(args: string[]): Promise<Doc> {
  const io = captureIo(dir);
  expect(await run([...args, '--json'], io)).toBe(0);
  expect(io.stdout).toHaveLength(1);
  return JSON.parse(io.stdout[0]!) as Doc;
}

describe('ktv insights', () => {
  it('--json prints one document of groups, with the small-n rules and bucket means adding up to the mean total', async () => {
    const doc = await json(['a.jsonl']);
    expect(Object.keys(doc)).toEqual(['traces', 'groups']);
    expect(doc.traces).toBeGreaterThanOrEqual(120);
    expect(doc.groups.reduce((a, g) => a + g.n, 0)).toBe(doc.traces);
    for (const g of doc.groups) {
      expect(Object.keys(g)).toEqual(['key', 'n', 'errors', 'latencyMs', 'rows', 'outliers']);
      expect(Object.keys(g.latencyMs)).toEqual(['total', 'gateway', 'upstream', 'client']);
      expect(Object.keys(g.latencyMs.total!)).toEqual(['p50', 'p90', 'p99', 'max', 'mean']);
      expect(g.latencyMs.total!.p90 === null).toBe(g.n < 10);
      expect(g.latencyMs.total!.p99 === null).toBe(g.n < 100);
      const buckets = g.rows.filter((r) => r.key.startsWith('bucket:'));
      expect(buckets.length).toBeGreaterThan(0);
      expect(buckets.reduce((a, r) => a + r.ms.mean!, 0)).toBeCloseTo(g.latencyMs.total!.mean!, 6);
      for (const r of g.rows) expect(r.key).toMatch(/^(bucket|plugin|upstream|io):/);
      for (const o of g.outliers) expect(o.reason).toMatch(/\d/);
    }
    // the bundled sample's routes: a plugin row names its phase
    expect(doc.groups.flatMap((g) => g.rows.map((r) => r.key))).toContainEqual(expect.stringMatching(/^plugin:access:/));
  });

  it('reads several files, filters with --where and groups by another dimension', async () => {
    const both = await json(['a.jsonl', 'b.jsonl', '--group-by', 'none']);
    const a = await json(['a.jsonl', '--group-by', 'none']);
    const b = await json(['b.jsonl', '--group-by', 'none']);
    expect(both.traces).toBe(a.traces + b.traces);
    expect(both.groups.map((g) => [g.key, g.n])).toEqual([['all', both.traces]]);
    const errors = await json(['a.jsonl', 'b.jsonl', '--where', 'http.response.status_code >= 500', '--group-by', 'status']);
    expect(errors.traces).toBe(both.groups[0]!.errors);
    expect(errors.groups.map((g) => g.key)).toEqual(['5xx']);
  });

  it('prints each group as a table without --json', async () => {
    const io = captureIo(dir);
    expect(await run(['a.jsonl'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/^\d+ traces, grouped by route × method$/m);
    expect(text).toMatch(/^\S+ \S+ {2}n=\d+/m);
    expect(text).toMatch(/^ {2}total\s+\S+ (ms|s|µs)/m);
    expect(text).toMatch(/^ {2}phases:\n {4}\S/m);
    expect(text).toMatch(/^ {4}access\s.*%$/m);
  });

  it('says what is wrong with the command line, and with a file', async () => {
    for (const args of [[], ['a.jsonl', '--group-by', 'colour'], ['a.jsonl', '--where', 'status ==']]) {
      const io = captureIo(dir);
      expect(await run(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/^ktv insights: .*\nusage: ktv insights FILE\.\.\./);
    }
    const io = captureIo(dir);
    expect(await run(['missing.jsonl'], io)).toBe(1);
    expect(io.stderr[0]).toMatch(/^ktv insights: .*missing\.jsonl/);
  });
});
