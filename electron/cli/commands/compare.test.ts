import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run, splitTraceRef } from './compare';
import { captureIo } from './cli-test-io';

const KONG = resolve(__dirname, '../../../../shared/fixtures/kong');
const MIXED = resolve(__dirname, '../../../test/fixtures/formats/collector-mixed.jsonl');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktv-compare-'));
  copyFileSync(join(KONG, 'konnect-batches-gateway-3.9.0.0.json'), join(dir, 'g39.json'));
  copyFileSync(join(KONG, 'konnect-trace-v1-gateway-3.10.0.1.json'), join(dir, 'g310.json'));
  copyFileSync(MIXED, join(dir, 'mixed.jsonl'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usSum = (xs: number[]) => xs.reduce((a, b) => a + Math.round(b * 1e3), 0);

describe('ktv compare', () => {
  it('--json prints one document: totals, a bridge adding up to the delta, aligned rows, the share matched', async () => {
    const io = captureIo(dir);
    expect(await run(['g39.json', 'g310.json', '--json'], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stderr).toEqual([]);
    const doc = JSON.parse(io.stdout[0]!);
    expect(Object.keys(doc)).toEqual(['a', 'b', 'deltaMs', 'bridge', 'rows', 'matchedRatio']);
    expect(doc.a).toEqual({ traceId: '7217970bda53c662ff3dd79315a83d4d', totalMs: 217.351 });
    expect(doc.b).toEqual({ traceId: '0f83f61232782a1022a74e20c0dc7b19', totalMs: 238.082 });
    expect(doc.deltaMs).toBeCloseTo(20.731, 9);
    expect(usSum(doc.bridge.map((s: { deltaMs: number }) => s.deltaMs))).toBe(20731);
    expect(doc.bridge.map((s: { key: string }) => s.key)).toContain('upstream');
    // 3.9's renamed upstream spans line up with 3.10's
    const row = (key: string) => doc.rows.find((r: { key: string }) => r.key === key);
    expect(row('root/upstream:wait-for-headers')).toMatchObject({ aMs: expect.any(Number), bMs: expect.any(Number) });
    expect(row('root/upstream:select/upstream:connect').change).not.toMatch(/added|removed/);
    expect(doc.rows.filter((r: { change: string }) => r.change === 'removed')).toEqual([]);
    expect(doc.matchedRatio).toBeCloseTo(22 / 27, 12);
  });

  it('names a trace in a file of several by #TRACE_ID (or a unique prefix), and compares a trace with itself', async () => {
    const io = captureIo(dir);
    expect(await run(['mixed.jsonl#0af7651916cd43dd', 'mixed.jsonl#0af7651916cd43dd8448eb211c80319c', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout[0]!);
    expect(doc.deltaMs).toBe(0);
    expect(doc.matchedRatio).toBe(1);
    expect(doc.rows.every((r: { change: string }) => r.change === 'same')).toBe(true);
  });

  it('prints the header, the bridge and the rows that differ without --json', async () => {
    const io = captureIo(dir);
    expect(await run(['g39.json', 'g310.json'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('B - A: +20.7 ms (x1.1)');
    expect(text).toMatch(/^ {2}upstream\s+\S+ ms -> \s*\S+ ms\s+[+-]/m);
    expect(text).toMatch(/added\s+kong\.send_request_to_upstream/);
    expect(text).toMatch(/81% of spans matched \(11 of A's 11 and B's 16\)/);
  });

  it.each([
    ['one trace only', ['g39.json'], 2, /two traces are needed/],
    ['a file of several traces without an id', ['mixed.jsonl', 'g39.json'], 1, /mixed\.jsonl holds 2 traces: name one as mixed\.jsonl#TRACE_ID/],
    ['an id that is not in the file', ['g39.json#deadbeefdeadbeef', 'g310.json'], 1, /g39\.json: no trace deadbeefdeadbeef/],
    ['a missing file', ['g39.json', 'missing.json'], 1, /missing\.json: no such file/],
  ])('%s: non-zero exit, the reason on stderr, nothing on stdout', async (_name, argv, code, message) => {
    const io = captureIo(dir);
    expect(await run(argv, io)).toBe(code);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('splits FILE#TRACE_ID only on a hex id', () => {
    expect(splitTraceRef('a.json#7F53C0D47E0F1205')).toEqual({ file: 'a.json', traceId: '7f53c0d47e0f1205' });
    expect(splitTraceRef('notes#1.json')).toEqual({ file: 'notes#1.json', traceId: null });
  });
});
