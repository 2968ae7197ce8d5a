/**
 * Starting the app the way a user does, for end-to-end tests: browser mode is the real built host
 * (`node dist/node/web.mjs`) on a loopback port with Debian's Chromium and a profile directory of the
 * test's own; desktop mode is the real Electron app where a runtime exists.
 */
import { chromium, _electron, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.KTV_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function electronBinary(): string | null {
  const pathTxt = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const bin = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `ktv-${prefix}-`));

export interface HostProcess {
  /**
   * the one-time sign-in link the host printed: visiting it signs this browser in (an HttpOnly session
   * cookie) and lands on the app at `origin`. It works once; `nextSignInUrl()` waits for the next one.
   */
  url: string;
  /** the clean address, `http://127.0.0.1:PORT/`: what a signed-in page shows after the redirect */
  origin: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** waits for a sign-in link not handed out yet (the host prints a new one each time one is used) */
  nextSignInUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** the line `npm run web` prints with a sign-in link: the first, and each next one after a link is used */
export const SIGN_IN_LINE = /(?:Sign in|Next sign-in link) \(works once\): (http:\/\/127\.0\.0\.1:\d+\/sign-in\?secret=[0-9a-f]+)/g;

/** Starts `node dist/node/web.mjs` and waits for its sign-in link. */
export async function startHostProcess(opts: { port?: number; files?: string[]; dataDir: string; env?: Record<string, string> }): Promise<HostProcess> {
  const args = [join(ROOT, 'dist/node/web.mjs'), '--no-browser', '--port', String(opts.port ?? 0), '--data-dir', opts.dataDir, ...(opts.files ?? [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const links = () => [...out.matchAll(SIGN_IN_LINE)].map((m) => m[1]!);
  const waitForLink = (after: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host printed no sign-in link:\n${out}`)), 15_000);
      const check = () => {
        const all = links();
        if (all.length > after) {
          clearTimeout(timer);
          child.stdout!.off('data', check);
          resolve(all[all.length - 1]!);
        }
      };
      child.stdout!.on('data', check);
      child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${out}`)));
      check();
    });
  const url = await waitForLink(0);
  let handedOut = links().length;
  return {
    url,
    origin: new URL('/', url).href,
    port: Number(new URL(url).port),
    child,
    output: () => out,
    nextSignInUrl: async () => {
      const link = await waitForLink(handedOut);
      handedOut = links().length;
      return link;
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LaunchedApp {
  page: Page;
  host?: HostProcess;
  close(): Promise<void>;
}

export interface LaunchOptions {
  target: 'browser' | 'electron';
  /** the browser profile (IndexedDB lives here); reuse it to relaunch on the same data */
  profileDir: string;
  /** where the host keeps recent files; defaults to a fresh temp dir */
  dataDir?: string;
  /** reuse the port of an earlier launch: browser-mode data belongs to the origin, port included */
  port?: number;
  files?: string[];
  env?: Record<string, string>;
}

export async function launchApp(opts: LaunchOptions): Promise<LaunchedApp> {
  const ownDataDir = opts.dataDir ? null : tempDir('data');
  const dataDir = opts.dataDir ?? ownDataDir!;
  const cleanUp = () => {
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };
  if (opts.target === 'electron') {
    const app = await _electron.launch({
      executablePath: electronBinary()!,
      args: [join(ROOT, 'dist/electron/main.cjs'), ...(opts.files ?? [])],
      env: { ...process.env, ...opts.env, KTV_USER_DATA_DIR: opts.profileDir } as Record<string, string>,
    });
    const page = await app.firstWindow();
    return {
      page,
      close: async () => {
        await app.close();
        cleanUp();
      },
    };
  }
  const host = await startHostProcess({ port: opts.port, files: opts.files, dataDir, env: opts.env });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(opts.profileDir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 } });
  } catch (e) {
    await host.stop();
    cleanUp();
    throw e;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  // the one-time link signs this profile in and redirects to the clean address
  await page.goto(host.url);
  return {
    page,
    host,
    close: async () => {
      await context.close();
      await host.stop();
      cleanUp();
    },
  };
}
