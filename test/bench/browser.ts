/**
 * Benchmark plumbing for browser mode: start the real host and Debian's Chromium on a fresh profile, and
 * sample the memory of the whole browser process tree plus the host while something runs.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, startHostProcess, tempDir, type HostProcess } from '../e2e/launch';

export interface BenchApp {
  host: HostProcess;
  context: BrowserContext;
  page: Page;
  profileDir: string;
  close(): Promise<void>;
}

/**
 * @param recent files to put on the host's recent list first, so the benchmark can open them by path
 * (`files.openRecent` opens nothing else)
 * @param env the host's extra environment (the encryption baseline: `KTV_BENCH_STORE_IN_CLEAR=1`)
 */
export async function startBenchApp(recent: string[] = [], env: Record<string, string> = {}): Promise<BenchApp> {
  const profileDir = tempDir('bench-profile');
  const dataDir = tempDir('bench-data');
  writeFileSync(join(dataDir, 'recent-files.json'), JSON.stringify(recent.map((path) => ({ path, name: basename(path), openedAt: Date.now() }))), { mode: 0o600 });
  const host = await startHostProcess({ dataDir, env });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    // no V8 flags: the page runs as it would in a user's browser
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    // the benchmark's own measuring workers are blob: scripts, which the app's CSP (rightly) refuses
    bypassCSP: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // the host's one-time sign-in link: sets the session cookie every later fetch carries
  await page.goto(host.url);
  await page.locator('[data-app-ready="true"]').waitFor({ timeout: 60_000 });
  return {
    host,
    context,
    page,
    profileDir,
    close: async () => {
      await context.close();
      await host.stop();
      rmSync(profileDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the bridge from the page, as the app does. */
export async function invoke<T>(page: Page, channel: string, args: unknown): Promise<T> {
  const res = await page.evaluate(
    async ({ channel, args }) => {
      const r = await fetch(`/api/invoke/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
      return r.json();
    },
    { channel, args },
  );
  if (!res.ok) throw new Error(`${channel}: ${res.error.message}`);
  return res.value as T;
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** PIDs of every process whose command line names `marker`, and all their descendants. */
function processTree(marker: string): number[] {
  const parents = new Map<number, number>();
  const roots: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) roots.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!out.has(pid) && out.has(ppid)) {
        out.add(pid);
        grew = true;
      }
    }
  }
  return [...out];
}

/** Samples the resident memory of the browser tree and the host every 100 ms until stopped. */
export function sampleMemory(app: BenchApp): { stop(): { baselineMB: number; peakMB: number } } {
  const measure = () => {
    const pids = processTree(app.profileDir);
    if (app.host.child.pid) pids.push(app.host.child.pid);
    return pids.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
  };
  const baselineMB = measure();
  let peakMB = baselineMB;
  const timer = setInterval(() => {
    peakMB = Math.max(peakMB, measure());
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      peakMB = Math.max(peakMB, measure());
      return { baselineMB, peakMB };
    },
  };
}

/** CPU seconds (user + system) of each thread, keyed `pid/tid`, with its process type and thread name. */
function threadTimes(pids: number[]): Map<string, { seconds: number; process: string; thread: string }> {
  const out = new Map<string, { seconds: number; process: string; thread: string }>();
  for (const pid of pids) {
    let cmd: string;
    let tids: string[];
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
    const sub = /--utility-sub-type=[\w]+\.mojom\.(\w+)/.exec(cmd)?.[1];
    const process = sub ?? type ?? (cmd.includes('chromium') ? 'browser' : 'host');
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const thread = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        out.set(`${pid}/${tid}`, { seconds: (Number(f[11]) + Number(f[12])) / 100, process, thread });
      } catch {
        // the thread ended while we looked
      }
    }
  }
  return out;
}

/**
 * Samples the CPU time of every thread of the browser tree and the host until stopped (threads that end
 * meanwhile, such as decode workers, keep their last sample). Returns CPU seconds by process and by thread.
 */
export function sampleCpu(app: BenchApp): { stop(): { total: number; byProcess: Record<string, number>; threads: { thread: string; process: string; seconds: number }[] } } {
  const pids = () => [...processTree(app.profileDir), ...(app.host.child.pid ? [app.host.child.pid] : [])];
  const start = threadTimes(pids());
  const last = new Map(start);
  const sample = () => {
    for (const [k, v] of threadTimes(pids())) last.set(k, v);
  };
  const timer = setInterval(sample, 150);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    stop() {
      clearInterval(timer);
      sample();
      const byProcess: Record<string, number> = {};
      const threads: { thread: string; process: string; seconds: number }[] = [];
      let total = 0;
      for (const [k, v] of last) {
        const seconds = v.seconds - (start.get(k)?.seconds ?? 0);
        if (seconds <= 0) continue;
        total += seconds;
        byProcess[v.process] = r2((byProcess[v.process] ?? 0) + seconds);
        threads.push({ thread: v.thread, process: v.process, seconds: r2(seconds) });
      }
      threads.sort((a, b) => b.seconds - a.seconds);
      return { total: r2(total), byProcess, threads: threads.slice(0, 12) };
    },
  };
}
