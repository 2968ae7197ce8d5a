/**
 * The preload exposes one narrow object, `window.ktv`: invoke a contract channel, listen to pushed
 * events. Never ipcRenderer itself. Runs sandboxed; bundled to CommonJS with only 'electron' external.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadApi } from '../shared/bridge/contract';
import type { Result } from '../shared/bridge/result';
import { IPC_EVENT, IPC_INVOKE, PRELOAD_GLOBAL } from '../shared/ids';

const api = {
  invoke: (channel: string, args: unknown) => ipcRenderer.invoke(IPC_INVOKE, channel, args) as Promise<Result<unknown>>,
  on(listener: (event: string, payload: unknown) => void) {
    const handler = (_e: IpcRendererEvent, event: string, payload: unknown) => listener(event, payload);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, api);
