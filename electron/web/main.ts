/**
 * `npm run web -- [--port N] [--no-browser] [FILE...]`: browser mode. Serves the app on 127.0.0.1 only,
 * opens the default browser, imports the given files at start-up.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, UsageError } from '../cli/args';
import { createServices } from '../services/index';
import { UserFileSecretStore } from '../services/user-file-secret-store';
import { startHost } from './host';

export const DEFAULT_PORT = 4477;

export function defaultDataDir(env = process.env): string {
  if (env.KTV_DATA_DIR) return env.KTV_DATA_DIR;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'kong-trace-viewer');
}

function openBrowser(url: string) {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`Could not open a browser; open ${url} yourself.`));
  child.unref();
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
  const services = createServices({
    mode: 'browser',
    version,
    dataDir,
    secrets: new UserFileSecretStore(join(dataDir, 'konnect-secrets.json')),
    env: process.env,
    openExternal: async (url) => openBrowser(url),
  });
  await services.openPaths(parsed.positionals, process.env.INIT_CWD ?? process.cwd());
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  let host;
  try {
    host = await startHost({ services, rendererDir, port });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(`ktv web: port ${port} is already in use; try --port ${port + 1} (or --port 0 for any free port)`);
      return 1;
    }
    throw e;
  }
  console.log(`Kong Trace Viewer (browser mode) on ${host.url}  (loopback only; Ctrl+C to stop)`);
  if (!parsed.flags['no-browser']) openBrowser(host.url);
  const stop = async () => {
    await host.close();
    await services.dispose();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
