/**
 * `ktv receive` as a real process: bundled like the shipped CLI, spawned, stopped with a real SIGTERM.
 * It must print where it listens first, write what it captured, exit 0, and leave nothing running.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProducer } from '../../../test/stand-ins/otel-producer';

describe('ktv receive, spawned', () => {
  let dir: string;
  let cli: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ktv-receive-cli-'));
    cli = join(dir, 'cli.mjs');
    await build({
      entryPoints: [resolve(__dirname, '../entry.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'error',
      define: { __KTV_VERSION__: '"test"' },
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s writes what it has and exits 0', async (signal) => {
    const out = join(dir, `${signal}.json`);
    const child = spawn(process.execPath, [cli, 'receive', '--port', '0', '--duration', '600', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const stderr: string[] = [];
    child.stderr.on('data', (c: Buffer) => stderr.push(c.toString()));
    const first = await new Promise<string>((r) => createInterface({ input: child.stdout }).once('line', r));
    const url = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first)?.[1];
    expect(url, first).toBeDefined();
    const producer = createProducer({ url: url!, encoding: 'protobuf', gzip: true });
    const sent = producer.request({ 'http.response.status_code': 201 }, { children: 3 });
    await producer.shutdown();
    child.kill(signal);
    expect(await exited, stderr.join('')).toBe(0);
    const doc = JSON.parse(await readFile(out, 'utf8')) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ spanId: string }> }> }> };
    const ids = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans.map((x) => x.spanId)));
    expect(ids.sort()).toEqual([...sent.spanIds].sort());
  });
});
