/**
 * The renderer's bridge: the Electron preload's `window.ktv` when present, else the browser-mode HTTP host
 * (same origin; the browser's HttpOnly session cookie from the sign-in link authenticates). Both speak the contract in
 * shared/bridge/contract.ts, so features never know which one they use.
 */
import type { ArgsOf, Bridge, ChannelName, EventName, Events, PreloadApi, ResultOf } from '../../shared/bridge/contract';
import type { Result } from '../../shared/bridge/result';
import { APP_ORIGIN, FILES_PATH, PRELOAD_GLOBAL } from '../../shared/ids';
import { createHttpBridge } from './http';

declare global {
  interface Window {
    [PRELOAD_GLOBAL]?: PreloadApi;
  }
}

function createIpcBridge(api: PreloadApi): Bridge {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  api.on((event, payload) => listeners.get(event)?.forEach((l) => l(payload)));
  return {
    mode: 'electron',
    invoke: (<C extends ChannelName>(channel: C, args?: ArgsOf<C>) =>
      api.invoke(channel, args) as Promise<Result<ResultOf<C>>>) as Bridge['invoke'],
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    fileUrl: (id) => `${APP_ORIGIN}${FILES_PATH}${encodeURIComponent(id)}`,
  };
}

function createBridge(): Bridge {
  const preload = typeof window !== 'undefined' ? window[PRELOAD_GLOBAL] : undefined;
  if (preload) return createIpcBridge(preload);
  return createHttpBridge(location.origin);
}

export const bridge: Bridge = createBridge();

/** Unwraps a Result for code that prefers exceptions (the message is already user-readable). */
export async function call<C extends ChannelName>(channel: C, ...args: ArgsOf<C> extends void ? [] : [ArgsOf<C>]): Promise<ResultOf<C>> {
  const res = await (bridge.invoke as (c: C, a?: unknown) => Promise<Result<ResultOf<C>>>)(channel, args[0]);
  if (!res.ok) throw Object.assign(new Error(res.error.message), { code: res.error.code, details: res.error.details });
  return res.value;
}
