/**
 * Receive benchmark (issue 7): concurrent OpenTelemetry SDK exporters in a separate process send Kong-shaped
 * traces over loopback at a steady rate; this process runs the receiver and a consumer that drains it the
 * way the renderer does. Reports what arrived per second, how many spans never arrived, and this
 * process's peak resident memory. Bounded: the load runs `seconds`, then everything is flushed and stops.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CaptureService } from '../../electron/services/receiver/capture-service';
import type { FromProducer, ProducerJob } from './receive-producer';

export interface ReceiveBenchOptions {
  /** how long the load runs (default 60) */
  seconds?: number;
  /** concurrent exporters (default 4) */
  exporters?: number;
  /** total offered load (default 6,000 spans/s, above the 5,000 target) */
  spansPerSecond?: number;
}

export interface ReceiveBenchResult {
  spansPerSecond: number;
  lost: number;
  peakMemoryMB: number;
}

const PRODUCER = 'test/bench/receive-producer.ts';

/** The repository root, found from this file whether it runs from source or from a bundle. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, PRODUCER))) return dir;
    dir = dirname(dir);
  }
  if (existsSync(join(process.cwd(), PRODUCER))) return process.cwd();
  throw new Error(`receive benchmark: cannot find ${PRODUCER} above ${fileURLToPath(import.meta.url)} or in ${process.cwd()}`);
}

export async function benchReceive(opts: ReceiveBenchOptions = {}): Promise<ReceiveBenchResult> {
  const seconds = opts.seconds ?? 60;
  const exporters = opts.exporters ?? 4;
  const tmp = await mkdtemp(join(tmpdir(), 'ktv-bench-receive-'));
  const script = join(tmp, 'producer.cjs');
  await build({ entryPoints: [join(repoRoot(), PRODUCER)], outfile: script, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error' });

  const service = new CaptureService({ tickMs: 250 });
  const status = await service.start({ durationSeconds: seconds + 600, maxTraces: Number.MAX_SAFE_INTEGER, port: 0 });

  // spans made but not yet seen, and seen before the producer's note of them arrived: both stay small
  const awaited = new Set<string>();
  const early = new Set<string>();
  let received = 0;
  let lastAt = 0;
  let peakRss = process.memoryUsage().rss;
  const sampleMemory = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);

  let cursor = 0;
  let consuming = true;
  const consumer = (async () => {
    while (consuming) {
      const page = service.drain(status.id, cursor);
      cursor = page.cursor;
      for (const t of page.traces) {
        for (const s of t.spans) {
          const key = t.traceId + s.spanId;
          if (awaited.delete(key)) received++;
          else if (!early.has(key)) {
            early.add(key);
            received++;
          }
        }
      }
      if (page.traces.length) lastAt = Date.now();
      if (!page.more) await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const done = new Promise<{ sent: number }>((resolve, reject) => {
    child.on('message', (m: FromProducer) => {
      if (m.type === 'sent') {
        for (const key of m.keys) if (!early.delete(key)) awaited.add(key);
      } else resolve(m);
    });
    child.on('exit', (code) => reject(new Error(`receive benchmark: the producer exited (${code}) before reporting`)));
  });
  const firstAt = Date.now();
  const job: ProducerJob = { url: status.url, exporters, seconds, spansPerSecond: opts.spansPerSecond ?? 6000, spansPerTrace: 10 };
  child.send(job);

  try {
    const { sent } = await done;
    // everything the exporters acknowledged is in the outbox already; let the consumer take the rest
    const settleUntil = Date.now() + 10_000;
    while (service.status()!.pending > 0 && Date.now() < settleUntil) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    const lost = Math.max(awaited.size, sent - received);
    return {
      spansPerSecond: Math.round(received / Math.max(0.001, (lastAt - firstAt) / 1000)),
      lost,
      peakMemoryMB: Math.round((peakRss / (1024 * 1024)) * 10) / 10,
    };
  } finally {
    consuming = false;
    await consumer;
    clearInterval(sampleMemory);
    child.kill();
    await service.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
}
