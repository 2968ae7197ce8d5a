/**
 * How the ingest worker reaches the Node side to follow a remote source (follow-sources.ts): only the
 * channels that read remote data. Browser mode: the worker calls the host's HTTP bridge itself (same
 * origin, the session cookie goes with it, as for file downloads). Desktop: IPC is reachable only from the
 * page's main frame (the preload's `window.ktv`), so the UI thread serves the worker's calls through a
 * MessagePort, passing arguments and results on as they are (structured clone, never parsed or
 * re-serialised) and refusing any other channel.
 */
import type { ArgsOf, ChannelName, ResultOf } from '../../shared/bridge/contract';
import { err, type Result } from '../../shared/bridge/result';
import { createHttpBridge } from '../bridge/http';

/** The channels the worker may call (the KEK, to unwrap the data keys of what it writes, and rotate it; issue 21). */
export const REMOTE_CHANNELS = ['konnect.pull', 'capture.drain', 'vault.kek', 'vault.rotate', 'vault.retire'] as const;
export type RemoteChannel = (typeof REMOTE_CHANNELS)[number];
const allowed = (c: string): c is RemoteChannel => (REMOTE_CHANNELS as readonly string[]).includes(c);

export type RemoteInvoke = <C extends RemoteChannel>(channel: C, args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;

/** What the UI thread hands the worker at start: where its calls go. */
export type BridgeLink = { mode: 'http'; origin: string } | { mode: 'port'; port: MessagePort };

interface Call {
  id: number;
  channel: string;
  args: unknown;
}
interface Answer {
  id: number;
  result: Result<unknown>;
}

/** The worker's side: an invoke for the link it was given. */
export function remoteInvoke(link: BridgeLink): RemoteInvoke {
  if (link.mode === 'http') {
    const http = createHttpBridge(link.origin);
    return ((channel: RemoteChannel, args: unknown) => (http.invoke as (c: ChannelName, a: unknown) => Promise<Result<unknown>>)(channel, args)) as RemoteInvoke;
  }
  const { port } = link;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  let next = 0;
  port.onmessage = (e: MessageEvent<Answer>) => {
    waiting.get(e.data.id)?.(e.data.result);
    waiting.delete(e.data.id);
  };
  return ((channel: RemoteChannel, args: unknown) =>
    new Promise<Result<unknown>>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      port.postMessage({ id, channel, args } satisfies Call);
    })) as RemoteInvoke;
}

/** The UI thread's side in the desktop app: answers the worker's calls through `invoke` (the bridge). */
export function serveRemoteCalls(port: MessagePort, invoke: (channel: RemoteChannel, args: unknown) => Promise<Result<unknown>>): void {
  port.onmessage = async (e: MessageEvent<Call>) => {
    const { id, channel, args } = e.data;
    const result = allowed(channel) ? await invoke(channel, args) : err('unknown-channel', `the ingest worker may not call ${channel}`);
    port.postMessage({ id, result } satisfies Answer);
  };
}
