/**
 * `encryption` (issue 21): the import of a payload-heavy session with log lines and payloads sealed at rest,
 * against the same import written in clear (a host started with `KTV_BENCH_STORE_IN_CLEAR=1`), in the same run, each on a fresh profile and host,
 * alternating. A zip of the sample generator's trace and log lines plus a payload document with a captured
 * request and response (about 2 KB) for every trace: one import, one session. `ratio` is the median of each
 * pair's sealed / clear (a pair runs back to back, so a machine shared with others weighs on both alike);
 * the issue asks for 1.15 or less.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { ROOT } from '../e2e/launch';
import { invoke, sampleCpu, startBenchApp } from './browser';

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function payloadHeavyFile(traces: number): Promise<{ file: string; traces: number; payloads: number; logs: number }> {
  const dir = join(ROOT, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `payload-heavy-${traces}.zip`);
  const { generateSample } = await import('../../shared/sample/generate');
  const sample = generateSample({ seed: 21, traces });
  const ids: string[] = [];
  for (const line of sample.jsonl.split('\n')) {
    if (!line.startsWith('{"resourceSpans"')) continue;
    const doc = JSON.parse(line) as { resourceSpans: { scopeSpans: { spans: { traceId: string; parentSpanId?: string }[] }[] }[] };
    const root = doc.resourceSpans[0]!.scopeSpans[0]!.spans.find((s) => !s.parentSpanId);
    if (root) ids.push(root.traceId);
  }
  if (!existsSync(file)) {
    const body = (i: number, what: string) => JSON.stringify({ what, i, items: Array.from({ length: 12 }, (_, k) => ({ sku: `SKU-${i}-${k}`, name: `item ${k} of order ${i}`, qty: k + 1, price: (i * 7 + k) % 997 })) });
    const payloads: Record<string, unknown> = {};
    ids.forEach((id, i) => {
      payloads[`${id}:reqres`] = {
        request_headers: { host: 'api.acme.test', 'content-type': 'application/json', 'x-order': `order-${i}` },
        request_body: body(i, 'request'),
        response_headers: { 'content-type': 'application/json', 'x-kong-request-id': `req-${i}` },
        response_body: body(i, 'response'),
      };
    });
    writeFileSync(file, zipSync({ 'traces.jsonl': strToU8(sample.jsonl), 'payloads.json': strToU8(JSON.stringify(payloads)) }, { level: 1 }));
  }
  return { file, traces: ids.length, payloads: ids.length, logs: sample.logCount };
}

/** One import on a fresh profile; `seal` false writes in clear. Returns its seconds and what it stored. */
async function importOnce(file: string, seal: boolean): Promise<{ seconds: number; cpu: number; byProcess: Record<string, number>; sealed: number; clear: number }> {
  // the baseline: a host started to write in clear (a page cannot ask for it)
  const app = await startBenchApp([file], seal ? {} : { KTV_BENCH_STORE_IN_CLEAR: '1' });
  try {
    const ref = await invoke<{ id: string; name: string }>(app.page, 'files.openRecent', { path: file });
    await app.page.getByRole('button', { name: 'Recent' }).click();
    const item = app.page.getByRole('menuitem', { name: new RegExp(ref.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
    await item.waitFor();
    const cpu = sampleCpu(app);
    await app.page.evaluate(() => {
      (window as unknown as { __t0: number }).__t0 = performance.now();
    });
    await item.click();
    const done = app.page.locator('.import-row.import-done', { hasText: ref.name });
    const failed = app.page.locator('.import-row.import-failed', { hasText: ref.name });
    await Promise.race([done.waitFor({ timeout: 30 * 60_000 }), failed.waitFor({ timeout: 30 * 60_000 })]);
    const seconds = (await app.page.evaluate(() => performance.now() - (window as unknown as { __t0: number }).__t0)) / 1000;
    const cpuTimes = cpu.stop();
    if (await failed.count()) throw new Error(`import failed: ${await failed.textContent()}`);
    // what was stored: the logs and payloads rows of the file's session, sealed or in clear
    const stored = await app.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('ktv');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = (store: string) =>
        new Promise<{ sessionId: string; sealed?: unknown }[]>((resolve, reject) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => resolve(r.result as { sessionId: string; sealed?: unknown }[]);
          r.onerror = () => reject(r.error);
        });
      const rows = [...(await all('logs')), ...(await all('payloads'))].filter((r) => r.sessionId.startsWith('file:'));
      db.close();
      return { sealed: rows.filter((r) => r.sealed).length, clear: rows.filter((r) => !r.sealed).length };
    });
    return { seconds, cpu: cpuTimes.total, byProcess: cpuTimes.byProcess, ...stored };
  } finally {
    await app.close();
  }
}

export async function benchEncryption(opts: { traces: number; runs: number; log: (...a: unknown[]) => void }) {
  const { file, traces, payloads, logs } = await payloadHeavyFile(opts.traces);
  opts.log(`encryption: ${file} (${traces} traces, ${payloads} payloads, ${logs} log lines)`);
  const times = { sealed: [] as number[], clear: [] as number[] };
  const ratios: number[] = [];
  const cpu = { sealed: [] as number[], clear: [] as number[] };
  let records = 0;
  for (let i = 0; i < opts.runs; i++) {
    // alternating, so a machine getting busier or quieter weighs on both alike
    for (const seal of i % 2 === 0 ? [false, true] : [true, false]) {
      const r = await importOnce(file, seal);
      records = r.sealed + r.clear;
      // the runs must differ in sealing only: all sealed, or all in clear
      if (records < payloads || (seal ? r.clear : r.sealed) !== 0) throw new Error(`encryption bench: the ${seal ? 'sealed' : 'clear'} import stored ${r.sealed} sealed and ${r.clear} clear rows`);
      times[seal ? 'sealed' : 'clear'].push(r.seconds);
      cpu[seal ? 'sealed' : 'clear'].push(r.cpu);
      opts.log(`  ${seal ? 'sealed' : 'clear '}: ${r.seconds.toFixed(2)} s, CPU ${r.cpu.toFixed(2)} s ${JSON.stringify(r.byProcess)}, ${records} logs and payloads rows`);
    }
    ratios.push(times.sealed[i]! / times.clear[i]!);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
  const result = {
    /** logs and payloads rows each import wrote (sealed, or in clear) */
    records,
    traces,
    payloads,
    logLines: logs,
    sealedSeconds: round(median(times.sealed)),
    clearSeconds: round(median(times.clear)),
    ratio: round(median(ratios)),
    pairRatios: ratios.map((r) => round(r)),
    /** CPU seconds of the browser and the host during the import: what a machine shared with others distorts least */
    cpuRatio: round(median(cpu.sealed) / median(cpu.clear)),
    sealedCpuSeconds: round(median(cpu.sealed)),
    clearCpuSeconds: round(median(cpu.clear)),
    runs: opts.runs,
  };
  opts.log(`encryption: ${JSON.stringify(result)}`);
  return result;
}
