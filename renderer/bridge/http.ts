/**
 * Browser-mode transport: calls are POST /api/invoke/<channel>, authenticated by the session cookie the
 * sign-in link set (HttpOnly: this code never sees it, the browser sends it same-origin); events
 * arrive as newline-delimited JSON on a streamed GET /api/events, reconnecting with back-off.
 */
import type { ArgsOf, Bridge, ChannelName, EventName, Events, ResultOf } from '../../shared/bridge/contract';
import type { Result } from '../../shared/bridge/result';
import { API_EVENTS_PATH, API_FILES_PATH, API_INVOKE_PATH } from '../../shared/ids';

const SIGNED_OUT =
  'This browser is not signed in to the ktv host (it restarted, or the session cookie is gone). Open the newest sign-in link `npm run web` printed in its terminal.';

export function createHttpBridge(origin: string): Bridge {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  let started = false;

  async function pump() {
    let delay = 500;
    for (;;) {
      try {
        const res = await fetch(`${origin}${API_EVENTS_PATH}`);
        if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`);
        delay = 500;
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buf = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buf += value;
          let nl: number;
          while ((nl = buf.indexOf('\n')) >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            if (!line.trim()) continue;
            const { event, payload } = JSON.parse(line) as { event: string; payload: unknown };
            listeners.get(event)?.forEach((l) => l(payload));
          }
        }
      } catch {
        // the host went away or restarted: try again shortly
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }

  return {
    mode: 'browser',
    invoke: (async <C extends ChannelName>(channel: C, args?: ArgsOf<C>): Promise<Result<ResultOf<C>>> => {
      try {
        const res = await fetch(`${origin}${API_INVOKE_PATH}${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args ?? null),
        });
        if (res.status === 401) return { ok: false, error: { code: 'unavailable', message: SIGNED_OUT } };
        return (await res.json()) as Result<ResultOf<C>>;
      } catch (e) {
        return { ok: false, error: { code: 'unavailable', message: `The ktv host is not reachable (${e instanceof Error ? e.message : String(e)}). Is \`npm run web\` still running?` } };
      }
    }) as Bridge['invoke'],
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      if (!started) {
        started = true;
        void pump();
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
    fileUrl: (id) => `${origin}${API_FILES_PATH}${encodeURIComponent(id)}`,
  };
}
