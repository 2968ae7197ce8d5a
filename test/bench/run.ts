/**
 * `npm run bench [-- --json] [--spans N] [--only import,open,logs,filter,receive,compare,encryption,bounds] [--receive-seconds S] [--cpu] [--runs N]
 *   [--encryption-traces N] [--encryption-runs N]`
 *
 * Each figure is reported with a floor measured in the same run, so ratios survive a noisy machine:
 * - import: a generated OTLP/JSON-lines file of N spans (default 1,000,000) imported into IndexedDB by the
 *   real app in Chromium (browser mode, through the Recent menu), against the floor of fetching and
 *   JSON-parsing the same bytes line by line in a worker of the same page.
 * - filter: compiling an expression and filtering 10,000 trace summaries (issue 5).
 * - receive: the live OTLP receiver under concurrent exporters (issue 7).
 * - encryption: a payload-heavy import with logs and payloads sealed at rest against the same import in
 *   clear, alternating on fresh profiles (issue 21, encryption.ts): `ratio` = sealed / clear.
 * - bounds (only with `--only bounds`): what the import cannot go below in this design, on this machine.
 *   In one page, a worker fetches and JSON-parses the file (the floor), another fetches it and stores its
 *   bytes in IndexedDB in records of whole lines as the import's source chunks are, then both at once.
 *   The import does both and more (trace summaries, pages, logs, the UI), so `bothSeconds` bounds it.
 * The last line of `--json` output is one JSON object with every section. `--cpu` also prints where the
 * import's CPU time went: seconds per process of the browser (and the host) and the busiest threads.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/launch';
import { invoke, sampleCpu, sampleMemory, startBenchApp, type BenchApp } from './browser';
import { execFileSync } from 'node:child_process';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const json = flag('json');
const only = new Set(value('only', 'import,open,logs,filter,receive,insights,compare,encryption').split(','));
const log = (...a: unknown[]) => console.log(...a);
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function cachedFile(name: string, make: (out: string) => Promise<unknown>): Promise<string> {
  const dir = join(ROOT, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, name);
  if (!existsSync(out)) {
    log(`generating ${name} ...`);
    await make(out);
  }
  return out;
}

const FLOOR_WORKER = `
self.onmessage = async (e) => {
  const t0 = performance.now();
  const res = await fetch(e.data.url);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '', lines = 0, spans = 0;
  const take = (line) => {
    if (!line) return;
    const doc = JSON.parse(line);
    lines++;
    for (const rs of doc.resourceSpans || []) for (const ss of rs.scopeSpans || []) spans += (ss.spans || []).length;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buf += value;
    let nl;
    while ((nl = buf.indexOf('\\n')) >= 0) { take(buf.slice(0, nl)); buf = buf.slice(nl + 1); }
  }
  take(buf);
  self.postMessage({ seconds: (performance.now() - t0) / 1000, lines, spans });
};`;

/** Fetches the file and stores it in IndexedDB as the import keeps source lines: records of whole lines, 512 KB or more. */
const STORE_WORKER = `
self.onmessage = async (e) => {
  const t0 = performance.now();
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open(e.data.db, 1);
    r.onupgradeneeded = () => r.result.createObjectStore('chunks', { autoIncrement: true });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const reader = (await fetch(e.data.url)).body.getReader();
  const pending = [];
  let batch = [], inBatch = 0, records = 0, bytes = 0;
  // one transaction per 8 MB of records, as the import writes a segment's chunks together
  const write = () => {
    const tx = db.transaction('chunks', 'readwrite');
    for (const data of batch) tx.objectStore('chunks').put({ data });
    pending.push(new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); }));
    batch = [];
    inBatch = 0;
  };
  const put = (data) => {
    batch.push(data);
    records++;
    bytes += data.byteLength;
    inBatch += data.byteLength;
    if (inBatch >= 8 << 20) write();
  };
  const join = (parts, size) => { const out = new Uint8Array(size); let o = 0; for (const p of parts) { out.set(p, o); o += p.length; } return out; };
  let parts = [], size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.length;
    if (size < 512 * 1024) continue;
    const nl = value.lastIndexOf(10);
    if (nl < 0) continue;
    const whole = join(parts, size);
    const cut = size - value.length + nl;
    put(whole.subarray(0, cut));
    parts = [whole.subarray(cut + 1)];
    size = parts[0].length;
    while (pending.length > 4) await pending.shift();
  }
  if (size > 0) put(join(parts, size));
  if (batch.length > 0) write();
  await Promise.all(pending);
  db.close();
  self.postMessage({ seconds: (performance.now() - t0) / 1000, records, bytes });
};`;

/** Runs the workers at once in the page; resolves with what each posted and the wall time until all did. */
async function inWorkers<T>(page: BenchApp['page'], jobs: { code: string; data: unknown }[]): Promise<{ seconds: number; results: T[] }> {
  return page.evaluate(async (jobs) => {
    const t0 = performance.now();
    const results = await Promise.all(
      jobs.map(
        ({ code, data }) =>
          new Promise<T>((resolve, reject) => {
            // a failure in the worker's async handler is no error event: the worker posts it
            const report = `self.addEventListener('unhandledrejection', (e) => self.postMessage({ failed: String((e.reason && e.reason.stack) || e.reason) }));\n`;
            const w = new Worker(URL.createObjectURL(new Blob([report, code], { type: 'text/javascript' })));
            w.onmessage = (e) => {
              w.terminate();
              if (e.data && e.data.failed) reject(new Error(e.data.failed));
              else resolve(e.data as T);
            };
            w.onerror = (e) => reject(new Error(e.message));
            w.postMessage(data);
          }),
      ),
    );
    return { seconds: (performance.now() - t0) / 1000, results };
  }, jobs);
}

/** Puts the file in Recent; returns its name there and its address on the host, as the app fetches it. */
async function openRecent(app: BenchApp, file: string): Promise<{ name: string; url: string }> {
  const ref = await invoke<{ id: string; name: string }>(app.page, 'files.openRecent', { path: file });
  // the page's session cookie authenticates the download, from workers too
  return { name: ref.name, url: new URL(`api/files/${ref.id}`, app.host.origin).href };
}

async function benchFile(): Promise<{ file: string; bytes: number }> {
  const spans = Number(value('spans', '1000000'));
  // the generator runs as its own process (dist/bench/gen-otlp.mjs, bundled by scripts/bench.mjs)
  const file = await cachedFile(`otlp-${spans}.jsonl`, async (out) =>
    execFileSync(process.execPath, [join(ROOT, 'dist/bench/gen-otlp.mjs'), '--spans', String(spans), '--out', out, '--seed', '7'], { stdio: 'inherit' }),
  );
  return { file, bytes: statSync(file).size };
}

async function benchBounds() {
  const { file, bytes } = await benchFile();
  log(`bounds: ${file} (${(bytes / 1e6).toFixed(0)} MB)`);
  const app = await startBenchApp([file]);
  try {
    const { url } = await openRecent(app, file);
    const parse = { code: FLOOR_WORKER, data: { url } };
    const store = (db: string) => ({ code: STORE_WORKER, data: { url, db } });
    const parsed = await inWorkers<{ seconds: number; spans: number }>(app.page, [parse]);
    const stored = await inWorkers<{ seconds: number; bytes: number }>(app.page, [store('ktv-bench-bounds-1')]);
    const both = await inWorkers<{ seconds: number; spans?: number; bytes?: number }>(app.page, [parse, store('ktv-bench-bounds-2')]);
    const spans = parsed.results[0]!.spans;
    // the runs at once must do the same work as the runs alone
    for (const stores of [stored.results[0]!.bytes, both.results[1]!.bytes!]) {
      if (stores < bytes * 0.99) throw new Error(`a store worker stored ${stores} of ${bytes} bytes`);
    }
    if (both.results[0]!.spans !== spans) throw new Error(`the parse workers found ${spans} and ${both.results[0]!.spans} spans`);
    const result = {
      spans,
      parseSeconds: round(parsed.seconds),
      storeSeconds: round(stored.seconds),
      bothSeconds: round(both.seconds),
      // the import speed target: 250,000 spans per second
      targetSeconds: round(spans / 250_000),
    };
    log(`  bounds: ${JSON.stringify(result)}`);
    return result;
  } finally {
    await app.close();
  }
}

type ImportResult = Awaited<ReturnType<typeof importOnce>>;

/** `--runs N` (default 1): N imports, each in a fresh browser profile; the median one is reported, with all times. */
async function benchImport(): Promise<ImportResult & { runs?: number[] }> {
  const { file, bytes } = await benchFile();
  log(`import: ${file} (${(bytes / 1e6).toFixed(0)} MB)`);
  const runs: ImportResult[] = [];
  for (let i = Number(value('runs', '1')); i > 0; i--) runs.push(await importOnce(file, bytes));
  if (runs.length === 1) return runs[0]!;
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[(sorted.length - 1) >> 1]!;
  log(`  import, median of ${runs.length}: ${JSON.stringify(median)}`);
  return { ...median, runs: runs.map((r) => r.seconds) };
}

async function importOnce(file: string, bytes: number) {
  const app = await startBenchApp([file]);
  try {
    const ref = await openRecent(app, file);
    // the floor: read and parse the same bytes in the same page
    const floor = (await inWorkers<{ seconds: number; spans: number }>(app.page, [{ code: FLOOR_WORKER, data: { url: ref.url } }])).results[0]!;
    log(`  floor: parsed ${floor.spans} spans in ${floor.seconds.toFixed(2)} s`);

    // the import, as a user starts it: Recent → the file
    await app.page.getByRole('button', { name: 'Recent' }).click();
    const mem = sampleMemory(app);
    const cpu = flag('cpu') ? sampleCpu(app) : null;
    const item = app.page.getByRole('menuitem', { name: new RegExp(ref.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await item.waitFor();
    await app.page.evaluate(() => {
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await item.click();
    const done = app.page.locator('.import-row.import-done', { hasText: ref.name });
    const failed = app.page.locator('.import-row.import-failed', { hasText: ref.name });
    await Promise.race([done.waitFor({ timeout: 30 * 60_000 }), failed.waitFor({ timeout: 30 * 60_000 })]);
    const seconds = (await app.page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0)) / 1000;
    const memory = mem.stop();
    const cpuTimes = cpu?.stop();
    if (await failed.count()) throw new Error(`import failed: ${await failed.textContent()}`);
    const message = (await done.textContent()) ?? '';
    const imported = Number(/([\d,]+) spans?/.exec(message)?.[1]?.replace(/,/g, '') ?? NaN);
    // the import must have stored what it reports: every span in a listed trace, the source lines kept
    const stored = await app.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('ktv');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const each = (store: string, fn: (v: { sessionId: string; traces?: string; data?: Uint8Array | string }) => void) =>
        new Promise<void>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).openCursor();
          r.onsuccess = () => {
            const c = r.result;
            if (!c) return resolve();
            fn(c.value);
            c.continue();
          };
          r.onerror = () => reject(r.error);
        });
      let traces = 0;
      let spans = 0;
      let sourceBytes = 0;
      const file = (sid: string) => sid.startsWith('file:');
      await each('pages', (p) => {
        if (!file(p.sessionId)) return;
        for (const t of JSON.parse(p.traces!) as { spanCount: number }[]) {
          traces++;
          spans += t.spanCount;
        }
      });
      await each('chunks', (c) => {
        if (!file(c.sessionId)) return;
        const d = c.data!;
        sourceBytes += typeof d === 'string' ? d.length : d.byteLength;
      });
      db.close();
      return { traces, spans, sourceBytes };
    });
    if (stored.spans !== imported || stored.sourceBytes < bytes * 0.9) {
      throw new Error(`the import reported ${imported} spans but stored ${stored.spans} spans in ${stored.traces} traces and ${stored.sourceBytes} bytes of source lines`);
    }
    const result = {
      spans: imported,
      seconds: round(seconds),
      spansPerSecond: Math.round(imported / seconds),
      floorSeconds: round(floor.seconds),
      ratioToFloor: round(seconds / floor.seconds),
      peakMemoryMB: Math.round(memory.peakMB - memory.baselineMB),
      fileMB: Math.round(bytes / 1e6),
    };
    log(`  import: ${JSON.stringify(result)}`);
    if (cpuTimes) {
      log(`  import CPU: ${cpuTimes.total} s in ${round(seconds)} s, by process ${JSON.stringify(cpuTimes.byProcess)}`);
      for (const t of cpuTimes.threads) log(`    ${t.seconds.toFixed(2)} s  ${t.process} ${t.thread}`);
    }
    return result;
  } finally {
    await app.close();
  }
}

async function benchFilter() {
  const { generateSample } = await import('../../shared/sample/generate');
  const { decodeAll } = await import('../../shared/decode/index');
  const { summarizeTrace } = await import('../../shared/kong/summary');
  const { compile } = await import('../../shared/expr/index');
  const sample = generateSample({ seed: 11, traces: 10_000 });
  const decoded = await decodeAll(new TextEncoder().encode(sample.jsonl), { fileName: 'filter-bench.jsonl' });
  const summaries = decoded.traces.map((t) => summarizeTrace(t));
  const expr = 'http.response.status_code >= 500 || (http.request.method == "POST" && proxy.kong.latency.total > 100) || lower(url.full) contains "/users"';
  const runs: number[] = [];
  let matched = 0;
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const c = compile(expr);
    if (!c.ok) throw new Error(c.errors[0]!.message);
    matched = summaries.filter((s) => c.evaluate(s.rootAttributes)).length;
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const result = { traces: summaries.length, matched, medianMs: round(runs[10]!), maxMs: round(runs[runs.length - 1]!) };
  log(`filter: ${JSON.stringify(result)}`);
  return result;
}

/**
 * Session insights (issue 19), computed in this process from 10,000 generated traces' summaries:
 * - breakdownMs: computing every breakdown at import, against summarizing the same traces (summaryMs, the floor);
 * - groupsMs: grouping 10,000 traces by route x method with every group's statistics (what the view computes
 *   before its first paint);
 * - firstPaintMs: the view's first paint for the same 10,000 traces in Chromium (budget 300 ms), against the
 *   trace list's paint (listPaintMs, the floor; insights-paint.ts);
 * - statsMs: one group's statistics for 1,000 traces (budget 100 ms);
 * - brushMs: a new selection of 1,000 traces: bridge, ranked differences (the 12 shown checked for an exact
 *   expression, as on a first brush) and extra time per row (budget 16 ms).
 * Medians of 9 runs.
 */
async function benchInsights() {
  const { generateSample } = await import('../../shared/sample/generate');
  const { decodeAll } = await import('../../shared/decode/index');
  const { summarizeTrace } = await import('../../shared/kong/summary');
  const { computeBreakdown } = await import('../../shared/insights/breakdown');
  const { bridge, extraTime, groupStats, groupTraces } = await import('../../shared/insights/insights');
  const { clauseAgrees, differences } = await import('../../shared/insights/differences');
  const { benchInsightsPaint } = await import('./insights-paint');
  const sample = generateSample({ seed: 19, traces: 10_000 });
  const decoded = await decodeAll(new TextEncoder().encode(sample.jsonl), { fileName: 'insights-bench.jsonl' });
  const median = (fn: () => void) => {
    const runs: number[] = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      fn();
      runs.push(performance.now() - t0);
    }
    return round(runs.sort((a, b) => a - b)[4]!);
  };
  let summaries = decoded.traces.map((t) => summarizeTrace(t));
  const summaryMs = median(() => {
    summaries = decoded.traces.map((t) => summarizeTrace(t));
  });
  const breakdownMs = median(() => {
    for (const t of decoded.traces) computeBreakdown(t);
  });
  const traces = summaries.map((s) => ({ summary: s, breakdown: s.breakdown! }));
  const thousand = traces.slice(0, 1000);
  const slow = new Set([...thousand].sort((a, b) => b.breakdown.totalNs - a.breakdown.totalNs).slice(0, 100));
  const sel = thousand.filter((t) => slow.has(t));
  const rest = thousand.filter((t) => !slow.has(t));
  const result = {
    traces: traces.length,
    summaryMs,
    breakdownMs,
    groupsMs: median(() => groupTraces(traces, 'route')),
    statsMs: median(() => groupStats('all', thousand)),
    brushMs: median(() => {
      bridge(sel, rest);
      // the view shows the first 12, each checked once per group for an expression that says it exactly
      for (const d of differences(sel, rest).slice(0, 12)) clauseAgrees(thousand, d.dimension, d.value);
      extraTime(sel, rest);
    }),
    ...(await benchInsightsPaint(10_000)),
  };
  log(`insights: ${JSON.stringify(result)}`);
  return result;
}

async function benchReceiveSection() {
  const { benchReceive } = await import('./receive');
  const seconds = Number(value('receive-seconds', '60'));
  const result = await benchReceive({ seconds });
  log(`receive: ${JSON.stringify(result)}`);
  return result;
}

async function main() {
  const out: Record<string, unknown> = {};
  // first: its memory figure is this process's peak, which later sections would inflate
  if (only.has('receive')) out.receive = await benchReceiveSection();
  if (only.has('import')) out.import = await benchImport();
  if (only.has('open') || only.has('logs')) {
    const { benchViews } = await import('./views');
    Object.assign(out, await benchViews({ open: only.has('open'), logs: only.has('logs') }));
  }
  if (only.has('filter')) out.filter = await benchFilter();
  if (only.has('compare')) {
    const { benchCompare } = await import('./compare');
    out.compare = await benchCompare({ paint: true });
  }
  if (only.has('bounds')) out.bounds = await benchBounds();
  if (only.has('insights')) out.insights = await benchInsights();
  if (only.has('encryption')) {
    const { benchEncryption } = await import('./encryption');
    out.encryption = await benchEncryption({ traces: Number(value('encryption-traces', '20000')), runs: Number(value('encryption-runs', '5')), log });
  }
  if (json) console.log(JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`bench: ${e instanceof Error ? e.stack : String(e)}`);
    process.exit(1);
  },
);
