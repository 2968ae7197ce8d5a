import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { run } from './summary';
import { captureIo } from './cli-test-io';

const fixtures = resolve(__dirname, '../../../test/fixtures/formats');
const GATEWAY_310 = resolve(__dirname, '../../../shared/sample/gateway-3.10-konnect.json');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ktv-summary-'));
  copyFileSync(GATEWAY_310, join(dir, 'konnect.json'));
  copyFileSync(join(fixtures, 'collector-mixed.jsonl'), join(dir, 'mixed.jsonl'));
  writeFileSync(join(dir, 'konnect.json.gz'), gzipSync(readFileSync(GATEWAY_310)));
  writeFileSync(join(dir, 'nothing.json'), '{"hello":"world"}');
  writeFileSync(
    join(dir, 'both.zip'),
    zipSync({ 'konnect.json': readFileSync(GATEWAY_310), 'mixed.jsonl': readFileSync(join(fixtures, 'collector-mixed.jsonl')), 'notes.txt': strToU8('hi') }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ktv summary', () => {
  it('--json prints exactly one JSON document with per-trace summaries', async () => {
    const io = captureIo(dir);
    expect(await run(['konnect.json', '--json'], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const doc = JSON.parse(io.stdout[0]!);
    expect(doc).toMatchObject({
      traces: [{ traceId: '7f53c0d47e0f12051956b805a7696363', spans: 22, root: 'kong', durationMs: 773.426176, statusCode: 200, incompleteSpans: 0 }],
      logs: 0,
      payloads: 0,
      skipped: [],
    });
    const [t] = doc.traces;
    expect(t).toMatchObject({
      method: 'GET',
      url: 'http://localhost:8000/headers',
      requestId: '331bfb04117adc39f70b227a0df26615',
      gatewayVersion: expect.stringMatching(/^3\.10/),
      latencySource: 'reported',
      reportedMs: { total: 770, gateway: expect.closeTo(3.299, 3), upstream: expect.closeTo(764.519, 3), client: expect.closeTo(2.044, 3) },
      verdict: { kind: 'upstream', text: 'Upstream httpbin.org took 763 ms of 773 ms (sending the request and waiting 501 ms).', spanId: expect.any(String) },
    });
    // the model's parts add up to its total, the root span; the phase bar's partition too
    const { total, gateway, upstream, client } = t.latencyMs;
    expect(total).toBeCloseTo(773.426, 3);
    expect(gateway + upstream + client).toBeCloseTo(total, 9);
    expect(Object.values(t.phasesMs as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(t.durationMs, 6);
    expect(io.stderr).toEqual([]);
  });

  it('reads compressed files the same way', async () => {
    const plain = captureIo(dir);
    const gz = captureIo(dir);
    await run(['konnect.json', '--json'], plain);
    expect(await run(['konnect.json.gz', '--json'], gz)).toBe(0);
    expect(gz.stdout).toEqual(plain.stdout);
  });

  it('summarises a .zip as one input: the traces and logs of every entry, what was skipped named by entry', async () => {
    const io = captureIo(dir);
    expect(await run(['both.zip', '--json'], io)).toBe(0);
    const doc = JSON.parse(io.stdout.join(''));
    expect(doc.traces.map((t: { traceId: string }) => t.traceId).sort()).toEqual(['0af7651916cd43dd8448eb211c80319c', '4bf92f3577b34da6a3ce929d0e0e4736', '7f53c0d47e0f12051956b805a7696363']);
    expect(doc.logs).toBe(2);
    expect(doc.skipped.map((s: { where: string }) => s.where)).toEqual(['mixed.jsonl: line 4', 'notes.txt: byte 0']);
  });

  it('lists logs and skipped records of a collector file', async () => {
    const io = captureIo(dir);
    expect(await run(['--json', 'mixed.jsonl'], io)).toBe(0);
    const doc = JSON.parse(io.stdout.join(''));
    expect(doc.logs).toBe(2);
    expect(doc.traces.map((t: { traceId: string; spans: number; root: string; statusCode: number | null }) => [t.traceId, t.spans, t.root, t.statusCode])).toEqual([
      ['0af7651916cd43dd8448eb211c80319c', 3, 'kong', 502],
      ['4bf92f3577b34da6a3ce929d0e0e4736', 1, 'kong', 200],
    ]);
    expect(doc.skipped).toHaveLength(1);
    expect(doc.skipped[0].where).toBe('line 4');
    // these gateways reported no latencies: null, never 0, and the model's parts still add up
    for (const t of doc.traces) {
      expect(t.reportedMs).toEqual({ total: null, gateway: null, upstream: null, client: null });
      expect(t.latencySource).toBe('derived');
      expect(t.latencyMs.gateway + t.latencyMs.upstream + t.latencyMs.client).toBeCloseTo(t.latencyMs.total, 9);
      expect(Object.keys(t.verdict).sort()).toEqual(['kind', 'spanId', 'text']);
      expect(['upstream', 'gateway', 'client', 'error', 'unknown']).toContain(t.verdict.kind);
    }
  });

  it('prints a readable table without --json', async () => {
    const io = captureIo(dir);
    expect(await run(['konnect.json'], io)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/7f53c0d47e0f12051956b805a7696363\s+22\s+773\.426\s+200\s+kong\n {2}Upstream httpbin\.org took 763 ms of 773 ms/);
    expect(text).toContain('konnect.json: 1 trace (22 spans), 0 logs, 0 payloads, 0 skipped; format konnect');
  });

  it.each([
    ['a file with nothing in it', ['nothing.json', '--json'], 1, /^ktv summary: nothing\.json: no spans or logs found/],
    ['a missing file', ['missing.json'], 1, /^ktv summary: missing\.json: no such file$/],
    ['no file', ['--json'], 2, /a FILE is needed/],
    ['an unknown option', ['konnect.json', '--yaml'], 2, /unknown option --yaml/],
  ])('%s: non-zero exit, message naming the file on stderr, nothing on stdout', async (_name, argv, code, message) => {
    const io = captureIo(dir);
    expect(await run(argv, io)).toBe(code);
    expect(io.stdout).toEqual([]);
    expect(io.stderr.join('\n')).toMatch(message);
  });
});
