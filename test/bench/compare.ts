/**
 * The compare benchmark (issue 20): two 5,000-span traces, 50 plugins with 99 Redis calls each under one
 * root, B with one call per plugin 30 ms slower.
 * - alignMs: `compareTraces` (shared/compare: keys, alignment, bridge) in this process, median of 11 runs
 *   from cold (the first comparison a user makes is cold too); `alignCpuMs` the same runs' CPU time, which
 *   a loaded machine inflates less than the wall clock.
 * - paintMs: in Chromium through browser mode, the same two traces in one file; A pinned, B shown, then
 *   the time from clicking "Compare with A" to the compare view on screen with its header figure and its
 *   first aligned row (both traces read from IndexedDB, aligned, rendered). Median of 3.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ROOT } from '../e2e/launch';
import type { Span } from '../../shared/model/types';
import { invoke, startBenchApp } from './browser';

const MS = 1e6;
const PLUGINS = 50;
const CALLS = 99;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The spans of one side; `extra` ms on the eighth call of each plugin. */
function benchSpans(extra: number): Omit<Span, 'status' | 'events' | 'resource' | 'scope' | 'kind' | 'attributes'>[] {
  const spans = [{ spanId: 'root', parentSpanId: '', name: 'kong', start: 0, duration: 6000 * MS }];
  for (let p = 0; p < PLUGINS; p++) {
    spans.push({ spanId: `p${p}`, parentSpanId: 'root', name: `kong.access.plugin.p${p}`, start: p * 100 * MS, duration: 90 * MS });
    for (let c = 0; c < CALLS; c++) {
      const name = c % 3 ? 'kong.io.redis.get' : 'kong.io.redis.set';
      spans.push({ spanId: `c${p}-${c}`, parentSpanId: `p${p}`, name, start: (p * 100 + c * 0.9) * MS, duration: (0.5 + (c === 7 ? extra : 0)) * MS });
    }
  }
  return spans;
}

async function alignFigures() {
  const { compareTraces } = await import('../../shared/compare/compare');
  const { makeSpan, makeTrace } = await import('../../shared/model/testing');
  const a = makeTrace(benchSpans(0).map((s) => makeSpan(s)));
  const b = makeTrace(benchSpans(30).map((s) => makeSpan(s)));
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 11; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    compareTraces(a, b);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { spans: a.spans.length, alignMs: round(median(wall)), alignCpuMs: round(median(cpu)) };
}

const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');
const kv = (key: string, v: string | number) => ({ key, value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) } });

/** One OTLP/JSON-lines file with both traces: `/bench/compare-a` and `/bench/compare-b`. */
async function writeCompareFile(out: string) {
  const w = createWriteStream(out);
  const base = 1_763_700_000_000_000_000n;
  for (const [n, extra] of [
    [1, 0],
    [2, 30],
  ] as const) {
    const traceId = hex(0xc0 + n, 32);
    const ids = new Map<string, string>();
    const id = (s: string) => (s ? (ids.get(s) ?? (ids.set(s, hex(ids.size + 1, 16)), ids.get(s)!)) : '');
    const spans = benchSpans(extra).map((s) => ({
      traceId,
      spanId: id(s.spanId),
      parentSpanId: id(s.parentSpanId),
      name: s.name,
      kind: s.name === 'kong' ? 2 : 1,
      startTimeUnixNano: String(base + BigInt(n) * 10_000_000_000n + BigInt(Math.round(s.start))),
      endTimeUnixNano: String(base + BigInt(n) * 10_000_000_000n + BigInt(Math.round(s.start + s.duration))),
      attributes: s.name === 'kong' ? [kv('http.request.method', 'GET'), kv('url.full', `https://bench.test/bench/compare-${n === 1 ? 'a' : 'b'}`), kv('http.response.status_code', 200)] : [],
    }));
    const line = { resourceSpans: [{ resource: { attributes: [kv('service.name', 'kong')] }, scopeSpans: [{ scope: { name: 'kong' }, spans }] }] };
    if (!w.write(`${JSON.stringify(line)}\n`)) await once(w, 'drain');
  }
  w.end();
  await once(w, 'finish');
}

async function paintFigure(): Promise<number> {
  const dir = join(ROOT, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'compare.jsonl');
  if (!existsSync(file)) await writeCompareFile(file);
  const app = await startBenchApp([file]);
  try {
    const { page } = app;
    await invoke(page, 'files.openRecent', { path: file });
    await page.getByRole('button', { name: 'Recent' }).click();
    await page.getByRole('menuitem', { name: /compare\.jsonl/ }).click();
    await page.locator('.import-row.import-done', { hasText: 'compare.jsonl' }).waitFor({ timeout: 5 * 60_000 });
    const rowFor = (path: string) => page.getByRole('grid', { name: 'Traces' }).getByRole('row').filter({ hasText: path });
    const runs: number[] = [];
    await rowFor('/bench/compare-a').click();
    await page.getByRole('button', { name: 'Pin as A', exact: true }).click();
    for (let i = 0; i < 3; i++) {
      await rowFor('/bench/compare-a').click();
      await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor();
      await rowFor('/bench/compare-b').click();
      await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor();
      runs.push(
        await page.evaluate(async () => {
          const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Compare with A');
          if (!button) throw new Error('no "Compare with A" button');
          const painted = () => {
            const view = document.querySelector('section[aria-label="Compare"]');
            const delta = view?.querySelector('[aria-label="B relative to A"]');
            const row = view?.querySelector('[role="grid"][aria-label="Aligned spans"] [role="row"]');
            return !!delta?.textContent && !!row && row.getBoundingClientRect().height > 0;
          };
          const t0 = performance.now();
          button.click();
          await new Promise<void>((resolve) => {
            const check = () => (painted() ? resolve() : requestAnimationFrame(check));
            requestAnimationFrame(check);
          });
          // the frame that shows it
          await new Promise((r) => requestAnimationFrame(r));
          return performance.now() - t0;
        }),
      );
      await page.getByRole('region', { name: 'Compare' }).getByRole('button', { name: 'Close' }).click();
    }
    return round(median(runs), 1);
  } finally {
    await app.close();
  }
}

export async function benchCompare(opts: { paint: boolean }) {
  const align = await alignFigures();
  const result = { ...align, paintMs: opts.paint ? await paintFigure() : null };
  console.log(`compare: ${JSON.stringify(result)}`);
  return result;
}
