/**
 * The views benchmarks (issue 4), in Chromium through browser mode:
 * - open: a generated 50,000-span trace; time from selecting it in the list to its first waterfall row on
 *   screen; then the work per scroll step of the waterfall (scroll handler, React render, layout), p95.
 * - logs: a trace with 100,000 log lines; time from typing a text filter (with a level filter on) to the
 *   filtered count on screen.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ROOT } from '../e2e/launch';
import { invoke, startBenchApp } from './browser';

const OPEN_SPANS = 50_000;
const LOG_LINES = 100_000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');

const kv = (key: string, v: string | number) => ({ key, value: typeof v === 'string' ? { stringValue: v } : { intValue: String(v) } });

/** One OTLP/JSON-lines file: a 50,000-span trace (path /bench/open) and a small trace with 100,000 logs. */
async function writeViewsFile(out: string) {
  const w = createWriteStream(out);
  const base = 1_763_700_000_000_000_000n;
  const write = async (line: unknown) => {
    if (!w.write(`${JSON.stringify(line)}\n`)) await once(w, 'drain');
  };
  const bigTrace = hex(0xb16, 32);
  const spans = [];
  for (let i = 0; i < OPEN_SPANS; i++) {
    // a realistic shape: the root, a handful of phases, and many plugin and I/O spans under them
    const parent = i === 0 ? '' : i < 8 ? hex(1, 16) : hex(2 + (i % 6), 16);
    const start = base + BigInt(i) * 1_000n;
    spans.push({
      traceId: bigTrace,
      spanId: hex(i + 1, 16),
      parentSpanId: parent,
      name: i === 0 ? 'kong' : i < 8 ? `kong.phase.${['rewrite', 'access', 'access', 'header_filter', 'body_filter', 'log', 'log'][i - 1]}` : `kong.access.plugin.p${i % 50}`,
      kind: 1,
      startTimeUnixNano: String(start),
      endTimeUnixNano: String(start + (i === 0 ? BigInt(OPEN_SPANS) * 1_000n + 5_000n : 900n)),
      attributes: i === 0 ? [kv('http.request.method', 'GET'), kv('url.full', 'https://bench.test/bench/open'), kv('http.response.status_code', 200)] : [kv('i', i)],
    });
    if (spans.length === 5000) {
      await write({ resourceSpans: [{ resource: { attributes: [kv('service.name', 'kong')] }, scopeSpans: [{ scope: { name: 'kong' }, spans: spans.splice(0) }] }] });
    }
  }
  const logTrace = hex(0x1095, 32);
  await write({
    resourceSpans: [
      {
        resource: { attributes: [kv('service.name', 'kong')] },
        scopeSpans: [
          {
            scope: { name: 'kong' },
            spans: [
              { traceId: logTrace, spanId: hex(1, 16), parentSpanId: '', name: 'kong', kind: 2, startTimeUnixNano: String(base), endTimeUnixNano: String(base + 2_000_000n), attributes: [kv('http.request.method', 'GET'), kv('url.full', 'https://bench.test/bench/logs'), kv('http.response.status_code', 200)] },
              { traceId: logTrace, spanId: hex(2, 16), parentSpanId: hex(1, 16), name: 'kong.access.plugin.rate-limiting', kind: 1, startTimeUnixNano: String(base + 1000n), endTimeUnixNano: String(base + 900_000n), attributes: [] },
            ],
          },
        ],
      },
    ],
  });
  const levels = [
    [5, 'DEBUG'],
    [9, 'INFO'],
    [13, 'WARN'],
    [17, 'ERROR'],
  ] as const;
  const records = [];
  for (let i = 0; i < LOG_LINES; i++) {
    const [sev, text] = levels[i % 4]!;
    records.push({
      timeUnixNano: String(base + BigInt(i) * 10n),
      severityNumber: sev,
      severityText: text,
      body: { stringValue: `request ${i}: ${i % 7 === 0 ? 'upstream timed out while reading response header' : 'balancer picked target 10.0.0.' + (i % 250)}` },
      traceId: logTrace,
      spanId: hex(1 + (i % 2), 16),
      attributes: [kv('introspection.source', i % 3 ? '@kong/runloop/handler.lua' : 'kong/plugins/rate-limiting/handler.lua')],
    });
    if (records.length === 10_000) await write({ resourceLogs: [{ resource: { attributes: [] }, scopeLogs: [{ scope: { name: 'kong' }, logRecords: records.splice(0) }] }] });
  }
  w.end();
  await once(w, 'finish');
}

export async function benchViews(opts: { open: boolean; logs: boolean }): Promise<Record<string, unknown>> {
  const dir = join(ROOT, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'views.jsonl');
  if (!existsSync(file)) await writeViewsFile(file);
  const app = await startBenchApp([file]);
  const out: Record<string, unknown> = {};
  try {
    const { page } = app;
    await invoke(page, 'files.openRecent', { path: file });
    await page.getByRole('button', { name: 'Recent' }).click();
    await page.getByRole('menuitem', { name: /views\.jsonl/ }).click();
    await page.locator('.import-row.import-done', { hasText: 'views.jsonl' }).waitFor({ timeout: 10 * 60_000 });
    const rowFor = (path: string) => page.getByRole('grid', { name: 'Traces' }).getByRole('row').filter({ hasText: path });
    await rowFor('/bench/logs').waitFor();

    if (opts.open) {
      // start from the other trace, then time selecting the big one
      await rowFor('/bench/logs').click();
      await page.getByRole('tree', { name: 'Spans' }).getByRole('treeitem').first().waitFor();
      const firstRowMs = await page.evaluate(async () => {
        const row = [...document.querySelectorAll('[role="grid"][aria-label="Traces"] [role="row"]')].find((r) => r.textContent?.includes('/bench/open')) as HTMLElement;
        // the big trace's first child is kong.phase.rewrite; the other trace has none
        const painted = () =>
          [...document.querySelectorAll('[role="tree"][aria-label="Spans"] [role="treeitem"]')].some(
            (el) => el.textContent?.includes('kong.phase.rewrite') && el.getBoundingClientRect().height > 0,
          );
        const t0 = performance.now();
        row.click();
        await new Promise<void>((resolve) => {
          const check = () => (painted() ? resolve() : requestAnimationFrame(check));
          requestAnimationFrame(check);
        });
        return performance.now() - t0;
      });
      const scroll = await page.evaluate(async () => {
        const item = document.querySelector('[role="tree"][aria-label="Spans"] [role="treeitem"]') as HTMLElement;
        let scroller: HTMLElement | null = item;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 10 && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
        if (!scroller) throw new Error('no scrolling waterfall found');
        const afterTasks = () => new Promise<void>((r) => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => r();
          ch.port2.postMessage(null);
        });
        const times: number[] = [];
        for (let i = 0; i < 200; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          const t0 = performance.now();
          scroller.scrollTop += 300;
          scroller.dispatchEvent(new Event('scroll'));
          await afterTasks();
          const items = scroller.querySelectorAll('[role="treeitem"]');
          items[items.length - 1]?.getBoundingClientRect();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return { p95: times[Math.floor(times.length * 0.95)]!, max: times[times.length - 1]!, steps: times.length };
      });
      out.open = { spans: OPEN_SPANS, firstRowMs: round(firstRowMs), scrollP95Ms: round(scroll.p95, 2), scrollMaxMs: round(scroll.max, 2) };
      console.log(`open: ${JSON.stringify(out.open)}`);
    }

    if (opts.logs) {
      await rowFor('/bench/logs').click();
      const logs = page.getByRole('region', { name: 'Logs' });
      await logs.getByText(/100000 lines|100,000 lines/).waitFor({ timeout: 60_000 });
      await logs.getByRole('combobox', { name: 'Span' }).selectOption({ index: 0 }).catch(() => {});
      // a level filter first, then time the text filter on top of it
      await logs.getByRole('group', { name: 'Levels' }).getByRole('button', { name: /error/i }).click();
      const filterMs = await page.evaluate(async () => {
        const region = document.querySelector('[aria-label="Logs"]')!;
        const input = region.querySelector('input[aria-label="Filter logs"]') as HTMLInputElement;
        const before = region.textContent;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const t0 = performance.now();
        setter.call(input, 'timed out');
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise<void>((resolve) => {
          const check = () => (region.textContent !== before ? resolve() : requestAnimationFrame(check));
          check();
        });
        return performance.now() - t0;
      });
      const shown = await logs.getByText(/ of 100,?000 lines/).textContent();
      out.logs = { rows: LOG_LINES, filterMs: round(filterMs), shown };
      console.log(`logs: ${JSON.stringify(out.logs)}`);
    }
  } finally {
    await app.close();
  }
  return out;
}
