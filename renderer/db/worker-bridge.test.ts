/**
 * The desktop road from the ingest worker to the Node side: the worker's calls cross a MessagePort to the
 * UI thread, which answers them through the bridge. Each call gets its own answer (even when answers come
 * back out of order), arguments and results arrive as they were sent, and a channel outside the short list
 * the worker may use is refused without reaching the bridge.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ok, type Result } from '../../shared/bridge/result';
import { remoteInvoke, serveRemoteCalls, type RemoteChannel } from './worker-bridge';

const open: MessagePort[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});

function channelPair(): { ui: MessagePort; worker: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  return { ui: port1, worker: port2 };
}

describe('the worker reaching the Node side through the UI thread (desktop)', () => {
  it('answers each call with its own result, whatever order the bridge answers in', async () => {
    const { ui, worker } = channelPair();
    const heard: { channel: RemoteChannel; args: unknown }[] = [];
    serveRemoteCalls(ui, async (channel, args) => {
      heard.push({ channel, args });
      // the first call is answered last
      if (channel === 'konnect.pull') await new Promise((r) => setTimeout(r, 20));
      return ok({ echoed: args, channel });
    });
    const invoke = remoteInvoke({ mode: 'port', port: worker });
    const pullArgs = { controlPlaneId: 'cp-1', sessionId: 's-1', cursor: 'c9', nested: { bytes: [1, 2, 3] } };
    const drainArgs = { id: 'cap-1', cursor: 7 };
    const [pull, drain] = await Promise.all([
      (invoke as (c: string, a: unknown) => Promise<Result<unknown>>)('konnect.pull', pullArgs),
      (invoke as (c: string, a: unknown) => Promise<Result<unknown>>)('capture.drain', drainArgs),
    ]);
    expect(pull).toEqual({ ok: true, value: { echoed: pullArgs, channel: 'konnect.pull' } });
    expect(drain).toEqual({ ok: true, value: { echoed: drainArgs, channel: 'capture.drain' } });
    expect(heard.map((h) => h.channel)).toEqual(['konnect.pull', 'capture.drain']);
  });

  it('refuses a channel the worker may not call, and the bridge never hears of it', async () => {
    const { ui, worker } = channelPair();
    let calls = 0;
    serveRemoteCalls(ui, async () => {
      calls++;
      return ok(null);
    });
    const answer = new Promise<unknown>((resolve) => (worker.onmessage = (e: MessageEvent) => resolve(e.data)));
    worker.postMessage({ id: 41, channel: 'konnect.token.set', args: { token: 'kpat_x' } });
    expect(await answer).toMatchObject({ id: 41, result: { ok: false, error: { code: 'unknown-channel', message: expect.stringContaining('konnect.token.set') } } });
    expect(calls).toBe(0);
  });
});
