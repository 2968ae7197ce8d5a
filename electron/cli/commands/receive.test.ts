import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeAll } from '../../../shared/decode';
import { createProducer } from '../../../test/stand-ins/otel-producer';
import type { CliIo } from '../io';
import { parseReceiveArgs, receive, run } from './receive';

function testIo(): CliIo & { stdout: string[]; stderr: string[]; firstLine: Promise<string> } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  let resolveFirst!: (line: string) => void;
  const firstLine = new Promise<string>((r) => (resolveFirst = r));
  return {
    stdout,
    stderr,
    firstLine,
    out: (t) => {
      if (stdout.length === 0) resolveFirst(t);
      stdout.push(t);
    },
    err: (t) => stderr.push(t),
    env: {},
    cwd: process.cwd(),
  };
}

const listeningUrl = (line: string): string => {
  const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!m) throw new Error(`unexpected first line ${JSON.stringify(line)}`);
  return m[1]!;
};

describe('ktv receive', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ktv-receive-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('prints where it listens first, and on a stop signal writes what it captured as OTLP/JSON with hex ids', async () => {
    const io = testIo();
    const out = join(dir, 'capture.json');
    const stop = new AbortController();
    const done = receive(parseReceiveArgs(['--port', '0', '--where', 'http.response.status_code == 500', '--out', out]), io, stop.signal);
    const url = listeningUrl(await io.firstLine);
    const producer = createProducer({ url, encoding: 'protobuf' });
    const kept = producer.request({ 'http.response.status_code': 500 }, { children: 2, logs: true });
    producer.request({ 'http.response.status_code': 200 }, { children: 2, logs: true });
    await producer.shutdown();
    stop.abort();
    expect(await done).toBe(0);

    const text = await readFile(out, 'utf8');
    const doc = JSON.parse(text) as { resourceSpans: [{ scopeSpans: [{ spans: Array<{ traceId: string; spanId: string }> }] }] };
    const spans = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans.map((s) => s.spanId).sort()).toEqual([...kept.spanIds].sort());
    expect(spans.every((s) => s.traceId === kept.traceId)).toBe(true);
    const decoded = await decodeAll(new TextEncoder().encode(text), { fileName: out });
    expect(decoded.traces).toHaveLength(1);
    expect(decoded.logs).toHaveLength(3);
    expect(io.stderr.join('\n')).toMatch(/ended \(stopped\): 2 requests received, 1 sampled, 1 rejected/);
  });

  it('ends by itself at --max-traces and exits 0 after writing', async () => {
    const io = testIo();
    const out = join(dir, 'max.json');
    const done = receive(parseReceiveArgs(['--port=0', '--max-traces', '2', '--out', out]), io, new AbortController().signal);
    const producer = createProducer({ url: listeningUrl(await io.firstLine), encoding: 'json', batchSize: 1 });
    for (let i = 0; i < 2; i++) producer.request({ 'http.response.status_code': 200 });
    await producer.flush();
    expect(await done).toBe(0);
    await producer.shutdown();
    const doc = JSON.parse(await readFile(out, 'utf8')) as { resourceSpans: unknown[] };
    expect(doc.resourceSpans.length).toBeGreaterThan(0);
    expect(io.stderr.join('\n')).toMatch(/ended \(max-traces\)/);
  });

  it('ends SIGTERM through the same path as SIGINT when run from the command line', async () => {
    const io = testIo();
    const out = join(dir, 'term.json');
    const done = run(['--port', '0', '--duration', '600', '--out', out], io);
    listeningUrl(await io.firstLine);
    process.emit('SIGTERM');
    expect(await done).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8'))).toEqual({ resourceSpans: [] });
  });

  it.each([
    [[], /--out FILE.json is required/],
    [['--out', 'x.json', '--port', '70000'], /--port 70000: expected a whole number from 0 to 65535/],
    [['--out', 'x.json', '--duration', '1.5'], /--duration 1.5: expected a whole number/],
    [['--out', 'x.json', '--max-traces', '0'], /--max-traces 0: expected a whole number from 1/],
    [['--out', 'x.json', '--bogus'], /unknown option --bogus/],
  ])('refuses %j with exit 2 and says why', async (argv, message) => {
    const io = testIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
    expect(io.stdout).toEqual([]);
  });

  it('refuses a sampling rule that does not compile, naming the column', async () => {
    const io = testIo();
    expect(await run(['--where', 'http.method == GET', '--port', '0', '--out', join(dir, 'x.json')], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/sampling rule "http.method == GET": column \d+/);
    expect(io.stdout).toEqual([]);
  });
});
