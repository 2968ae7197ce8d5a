/**
 * `npm run web -- [--port N] [--no-browser] [FILE...]`: browser mode. Serves the app on 127.0.0.1 only,
 * prints a one-time sign-in link and opens the default browser on it (through a 0600 redirect file),
 * imports the given files at start-up.
 */
import { chmod, mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError } from '../cli/args';
import { createServices } from '../services/index';
import { UserFileSecretStore } from '../services/user-file-secret-store';
import { kekFile } from '../services/kek-file';
import { startHost } from './host';
import { openBrowser, writeRedirectFile } from './open-browser';

export const DEFAULT_PORT = 4477;

export function defaultDataDir(env = process.env): string {
  if (env.KTV_DATA_DIR) return env.KTV_DATA_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'kong-trace-viewer');
}

/** The data directory holds the recent list and remembered tokens: only this user may enter it. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // an existing directory (made by an earlier version, or by hand) is tightened too
  await chmod(dir, 0o700);
}

export async function runWeb(argv: string[], version: string): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs(argv, ['port', 'data-dir'], ['no-browser']);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`ktv web: ${e.message}\nusage: npm run web -- [--port N] [--no-browser] [--data-dir DIR] [FILE...]`);
      return 2;
    }
    throw e;
  }
  const port = parsed.flags.port === undefined ? DEFAULT_PORT : Number(parsed.flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`ktv web: --port must be a number from 0 to 65535, got ${String(parsed.flags.port)}`);
    return 2;
  }
  const dataDir = typeof parsed.flags['data-dir'] === 'string' ? parsed.flags['data-dir'] : defaultDataDir();
  await ensurePrivateDir(dataDir);
  const services = createServices({
    mode: 'browser',
    version,
    dataDir,
    secrets: new UserFileSecretStore(join(dataDir, 'konnect-secrets.json')),
    // handed only to a signed-in page: every /api/ call needs the sign-in cookie (host.ts)
    kek: kekFile(join(dataDir, 'store-key.json')),
    env: process.env,
    openExternal: async (url) => openBrowser(url),
  });
  await services.openPaths(parsed.positionals, process.env.INIT_CWD ?? process.cwd());
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  let host;
  let redirect: Awaited<ReturnType<typeof writeRedirectFile>> | undefined;
  try {
    host = await startHost({
      services,
      rendererDir,
      port,
      onNewSignInLink: (link) => {
        void redirect?.remove();
        console.log(`Next sign-in link (works once): ${link}`);
      },
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(`ktv web: port ${port} is already in use; try --port ${port + 1} (or --port 0 for any free port)`);
      return 1;
    }
    throw e;
  }
  console.log(`Kong Trace Viewer (browser mode) on ${host.url}  (loopback only; Ctrl+C to stop)`);
  console.log(`Sign in (works once): ${host.signInLink()}`);
  if (!parsed.flags['no-browser']) {
    redirect = await writeRedirectFile(dataDir, host.signInLink());
    openBrowser(redirect.fileUrl);
  }
  const stop = async () => {
    await redirect?.remove();
    await host.close();
    await services.dispose();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
