/**
 * The Node-side services behind the bridge, composed once per process. The desktop app and the
 * browser-mode host both build them here; only `Platform` differs (dialogs, secret storage, shell).
 */
import type { AppInfo } from '../../shared/bridge/app';
import type { KekStore } from './kek-file';
import { BridgeFailure } from '../../shared/bridge/result';
import { isSafeExternalUrl } from '../../shared/security/external-links';
import { createDispatch, EventHub, type Dispatch, type HandlerImpls } from '../bridge/router';
import { FileRegistry } from './files';
import { createKonnectHandlers } from './konnect/handlers';
import { createCaptureHandlers } from './receiver/handlers';
import type { SecretStore } from './secrets';

export interface Platform {
  mode: AppInfo['mode'];
  version: string;
  dataDir: string;
  secrets: SecretStore;
  /** the store's key-encryption key (issue 21), made on first use; kek-file.ts */
  kek: KekStore;
  env: Record<string, string | undefined>;
  /** the native open dialog; absent in browser mode */
  showOpenDialog?: () => Promise<string[]>;
  openExternal(url: string): Promise<void>;
}

export interface Services {
  dispatch: Dispatch;
  events: EventHub;
  files: FileRegistry;
  /** registers files opened from outside (command line, OS) and tells the renderer */
  openPaths(paths: string[], cwd?: string): Promise<void>;
  dispose(): Promise<void>;
}

export function createServices(platform: Platform): Services {
  const events = new EventHub();
  const files = new FileRegistry(platform.dataDir);
  const disposers: Array<() => Promise<void> | void> = [];
  let rendererReady = false;

  const capture = createCaptureHandlers({ events });
  disposers.push(() => capture.dispose());
  const impls: HandlerImpls = {
    'app.info': () => ({ mode: platform.mode, version: platform.version, platform: process.platform, secretStorage: platform.secrets.kind }),
    'files.takePending': () => {
      rendererReady = true;
      return files.takePending();
    },
    'files.showOpenDialog': async () => {
      if (!platform.showOpenDialog) throw new BridgeFailure('unavailable', 'No native dialog in browser mode: use the Open button or drop a file.');
      const paths = await platform.showOpenDialog();
      return Promise.all(paths.map((p) => files.register(p)));
    },
    'files.recent': () => files.recent(),
    'files.openRecent': ({ path }) => files.openRecent(path),
    'files.clearRecent': () => files.clearRecent(),
    'files.release': ({ id }) => files.release(id),
    'shell.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new BridgeFailure('forbidden', 'Only http and https links open outside the app.');
      await platform.openExternal(url);
    },
    'vault.kek': () => platform.kek.current(),
    'vault.rotate': () => platform.kek.rotate(),
    'vault.retire': ({ id }) => platform.kek.retire(id),
    'vault.status': async () => {
      const status = await platform.kek.status();
      return platform.env.KTV_BENCH_STORE_IN_CLEAR === '1' ? { ...status, storeInClear: true } : status;
    },
    'vault.unlock': ({ passphrase }) => platform.kek.unlock(passphrase),
    'vault.lock': () => platform.kek.lock(),
    'vault.setPassphrase': ({ current, next }) => platform.kek.setPassphrase(current, next),
    ...createKonnectHandlers({ secrets: platform.secrets, events, env: platform.env }),
    ...capture,
  };

  return {
    dispatch: createDispatch(impls),
    events,
    files,
    async openPaths(paths, cwd) {
      const refs = [];
      for (const p of paths) {
        try {
          refs.push(await files.register(p, cwd));
        } catch (e) {
          process.stderr.write(`ktv: ${e instanceof Error ? e.message : String(e)}\n`);
        }
      }
      if (!refs.length) return;
      if (rendererReady) events.emit('files.opened', { files: refs });
      else refs.forEach((r) => files.queue(r));
    },
    async dispose() {
      for (const d of disposers) await d();
    },
  };
}
