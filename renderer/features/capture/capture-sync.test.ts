/**
 * The renderer side of a capture against a stand-in of the Node side that keeps the real outbox semantics:
 * captured traces land in the capture's session as they arrive, a reload before storing loses nothing,
 * and the session is marked finished once everything is stored.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureStatus } from '../../../shared/bridge/capture';
import { err, ok, type Result } from '../../../shared/bridge/result';
import { Outbox } from '../../../shared/capture/outbox';
import type { TraceSpans } from '../../../shared/model/types';
import type { SessionRow } from '../../db/schema';
import type { DecodedInput, SessionInit } from '../../db/ingest-types';

const host = vi.hoisted(() => ({
  invoke: null as unknown as (channel: string, args: unknown) => Promise<unknown>,
  ingest: null as unknown as (session: unknown, input: unknown) => Promise<unknown>,
  rows: new Map<string, unknown>(),
}));
vi.mock('../../bridge', () => ({ bridge: { invoke: (c: string, a: unknown) => host.invoke(c, a), on: () => () => {} } }));
vi.mock('../../db/ingest-client', () => ({ ingestDecoded: (s: unknown, i: unknown) => host.ingest(s, i) }));
vi.mock('../../db/repo', () => ({
  upsertSession: async (row: { id: string }) => void host.rows.set(row.id, row),
  listSessions: async () => [...host.rows.values()],
}));

const { CaptureSync } = await import('./capture-sync');
const { cursorStore } = await import('./capture-session');

const trace = (traceId: string): TraceSpans => ({
  traceId,
  baseNs: '1700000000000000000',
  resources: [{}],
  scopes: [{ name: 'kong' }],
  spans: [{ spanId: '1', parentSpanId: '', name: 'kong', kind: 2, start: 0, duration: 1, status: { code: 0 }, attributes: {}, events: [], resource: 0, scope: 0 }],
});

/** The Node side's capture channels over a real Outbox. */
function standIn() {
  const outbox = new Outbox();
  const status: CaptureStatus = {
    id: 'c1',
    state: 'running',
    endReason: null,
    where: '',
    durationSeconds: 60,
    maxTraces: 10,
    host: '127.0.0.1',
    port: 4318,
    url: 'http://127.0.0.1:4318',
    startedAt: 0,
    endsAt: 60_000,
    endedAt: null,
    counters: { received: 0, sampled: 0, rejected: 0, spansReceived: 0, spansKept: 0, logsReceived: 0, logsKept: 0, orphansDropped: 0, lateDropped: 0, held: 0 },
    receiver: { requests: 0, recordsRejected: 0, badRequests: 0, busy: 0 },
    pending: 0,
  };
  const invoke = async (channel: string, args: unknown): Promise<Result<unknown>> => {
    if (channel === 'capture.start' || channel === 'capture.status') return ok({ ...status });
    if (channel === 'capture.stop') {
      Object.assign(status, { state: 'ended', endReason: 'stopped' });
      return ok({ ...status });
    }
    if (channel === 'capture.drain') {
      const { cursor } = args as { cursor: number };
      const read = outbox.read(cursor);
      return ok({ status: { ...status, pending: outbox.pendingRecords }, ...read });
    }
    return err('unknown-channel', channel);
  };
  return { outbox, status, invoke };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

describe('capture sync', () => {
  let stored: Array<{ session: SessionInit; input: DecodedInput }>;
  beforeEach(() => {
    stored = [];
    host.rows.clear();
    host.ingest = async (session, input) => void stored.push({ session: session as SessionInit, input: input as DecodedInput });
  });

  it('puts traces into the capture session as they arrive, and marks it finished when the capture ends', async () => {
    const node = standIn();
    host.invoke = node.invoke;
    const sync = new CaptureSync(cursorStore(null), 5);
    expect(await sync.start({ durationSeconds: 60, maxTraces: 10, port: 4318 })).toBe(true);
    expect(host.rows.get('capture:c1')).toMatchObject({ source: 'capture', status: 'running' });

    node.outbox.push([trace('a')], []);
    await until(() => stored.length === 1);
    expect(stored[0]!.session.id).toBe('capture:c1');
    node.outbox.push([trace('b')], []);
    await until(() => stored.length === 2);
    expect(stored.map((s) => s.input.traces[0]!.traceId)).toEqual(['a', 'b']);

    await sync.stop();
    await until(() => (host.rows.get('capture:c1') as SessionRow).status === 'ready');
    expect(node.outbox.pendingRecords).toBe(0);
    expect(sync.getSnapshot().status).toMatchObject({ state: 'ended', endReason: 'stopped' });
  });

  it('gets the same traces again after a reload that came before they were stored', async () => {
    const node = standIn();
    host.invoke = node.invoke;
    const memory = new Map<string, string>();
    const storage = { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => void memory.set(k, v), removeItem: (k: string) => void memory.delete(k) };
    node.outbox.push([trace('a')], []);

    // the first page load reads the trace but dies before storing it
    host.ingest = () => Promise.reject(new Error('page went away'));
    const first = new CaptureSync(cursorStore(storage), 5);
    first.init();
    await until(() => first.getSnapshot().error !== null);

    host.ingest = async (session, input) => void stored.push({ session: session as SessionInit, input: input as DecodedInput });
    const second = new CaptureSync(cursorStore(storage), 5);
    second.init();
    await until(() => stored.length === 1);
    expect(stored[0]!.input.traces[0]!.traceId).toBe('a');
    node.outbox.push([trace('b')], []);
    await until(() => stored.length === 2);
    expect(stored[1]!.input.traces[0]!.traceId).toBe('b');
    await second.stop();
  });

  it('says why a capture could not start', async () => {
    host.invoke = async () => err('conflict', 'port 4318 on 127.0.0.1 is already in use (another collector?)');
    const sync = new CaptureSync(cursorStore(null), 5);
    expect(await sync.start({ durationSeconds: 60, maxTraces: 10, port: 4318 })).toBe(false);
    expect(sync.getSnapshot().error).toMatch(/port 4318 .* already in use/);
    expect(host.rows.size).toBe(0);
  });
});

describe('capture sync after the app quit mid-capture', () => {
  it('marks capture sessions whose capture no longer exists as finished', async () => {
    host.rows.clear();
    host.rows.set('capture:old', { id: 'capture:old', source: 'capture', status: 'running' });
    host.rows.set('file:x', { id: 'file:x', source: 'file', status: 'ready' });
    host.invoke = async () => ok(null);
    const sync = new CaptureSync(cursorStore(null), 5);
    sync.init();
    await until(() => (host.rows.get('capture:old') as SessionRow).status === 'ready');
    expect(sync.getSnapshot().status).toBeNull();
  });
});
