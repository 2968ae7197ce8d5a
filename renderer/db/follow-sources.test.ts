/**
 * The worker following a live capture and a Konnect session into a real (fake-indexeddb) store, against
 * stand-ins of the Node side's channels: the capture one keeps the real outbox semantics.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaptureStatus } from '../../shared/bridge/capture';
import { err, ok, type Result } from '../../shared/bridge/result';
import { Outbox } from '../../shared/capture/outbox';
import { encodeOtlpJson } from '../../shared/encode/otlp-json';
import type { DebugSession, TracePage } from '../../shared/konnect/types';
import type { TraceSpans } from '../../shared/model/types';
import { followSource } from './follow-sources';
import type { FollowReport } from './ingest-types';
import { decodePage, openDb, type KtvDb } from './schema';
import { applyStoreOp } from './store-ops';
import type { RemoteInvoke } from './worker-bridge';

let db: KtvDb;
let n = 0;
afterEach(async () => {
  db.close();
  await db.delete();
});

const trace = (traceId: string): TraceSpans => ({
  traceId: traceId.padStart(32, '0'),
  baseNs: '1700000000000000000',
  resources: [{}],
  scopes: [{ name: 'kong' }],
  spans: [{ spanId: '1'.padStart(16, '0'), parentSpanId: '', name: 'kong', kind: 2, start: 0, duration: 1_000_000, status: { code: 0 }, attributes: {}, events: [], resource: 0, scope: 0 }],
});
const storedTraceIds = async (sessionId: string) =>
  (await db.pages.where('sessionId').equals(sessionId).toArray()).flatMap((p) => decodePage(p).traces.map((t) => t.traceId.replace(/^0+/, ''))).sort();

async function openSession(id: string, source: 'capture' | 'konnect') {
  db = openDb(`ktv-follow-${++n}`);
  await applyStoreOp(db, { op: 'openSession', session: { id, name: id, source, status: 'running', meta: {} }, now: 1 });
}

function captureStandIn() {
  const outbox = new Outbox();
  const status: CaptureStatus = {
    id: 'c1', state: 'running', endReason: null, where: '', durationSeconds: 60, maxTraces: 10, host: '127.0.0.1', port: 4318, url: 'http://127.0.0.1:4318',
    startedAt: 0, endsAt: 60_000, endedAt: null,
    counters: { received: 0, sampled: 0, rejected: 0, spansReceived: 0, spansKept: 0, logsReceived: 0, logsKept: 0, orphansDropped: 0, lateDropped: 0, held: 0 },
    receiver: { requests: 0, recordsRejected: 0, badRequests: 0, busy: 0 },
    pending: 0,
  };
  const drains: number[] = [];
  const invoke = (async (channel: string, args: unknown): Promise<Result<unknown>> => {
    if (channel !== 'capture.drain') return err('unknown-channel', channel);
    const { cursor } = args as { cursor: number };
    drains.push(cursor);
    return ok({ status: { ...status, pending: outbox.pendingRecords }, ...outbox.read(cursor) });
  }) as RemoteInvoke;
  return { outbox, status, invoke, drains };
}

const until = async (check: () => boolean | Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await check()).toBe(true);
};

const spec = { kind: 'capture' as const, sessionId: 'capture:c1', captureId: 'c1' };

describe('following a live capture', () => {
  it('puts traces into the capture session as they arrive, and marks it finished once the capture ended and all is stored', async () => {
    await openSession('capture:c1', 'capture');
    const node = captureStandIn();
    const reports: FollowReport[] = [];
    const done = followSource(db, node.invoke, spec, new AbortController().signal, (r) => reports.push(r));
    node.outbox.push([trace('a')], []);
    await until(async () => (await storedTraceIds('capture:c1')).length === 1);
    node.outbox.push([trace('b')], []);
    await until(async () => (await storedTraceIds('capture:c1')).length === 2);
    Object.assign(node.status, { state: 'ended', endReason: 'stopped' });
    expect(await done).toBe('done');
    expect(await storedTraceIds('capture:c1')).toEqual(['a', 'b']);
    const row = await db.sessions.get('capture:c1');
    expect(row).toMatchObject({ status: 'ready', traceCount: 2, meta: { capture: { endReason: 'stopped' } } });
    expect(node.outbox.pendingRecords).toBe(0);
    expect(reports.at(-1)).toEqual({ kind: 'done' });
  });

  it('gets the same traces again after a reload that came before they were stored, and stores them once', async () => {
    await openSession('capture:c1', 'capture');
    const node = captureStandIn();
    node.outbox.push([trace('a')], []);
    // the first page load reads the trace but goes away before storing it
    const first = new AbortController();
    const reading = node.invoke;
    const dying = (async (c: 'capture.drain', a: never) => {
      const res = await reading(c, a);
      first.abort();
      return res;
    }) as RemoteInvoke;
    expect(await followSource(db, dying, spec, first.signal, () => {})).toBe('stopped');
    expect(await storedTraceIds('capture:c1')).toEqual([]);

    const second = new AbortController();
    const following = followSource(db, node.invoke, spec, second.signal, () => {});
    await until(async () => (await storedTraceIds('capture:c1')).length === 1);
    node.outbox.push([trace('b')], []);
    await until(async () => (await storedTraceIds('capture:c1')).length === 2);
    // the cursor is in the session's row, after what is stored
    await until(async () => (await db.sessions.get('capture:c1'))?.meta?.cursor === 2);
    second.abort();
    expect(await following).toBe('stopped');
    expect(node.drains[0]).toBe(0);
    expect(await storedTraceIds('capture:c1')).toEqual(['a', 'b']);
  });

  it('keeps what an earlier page load stored when a new one stores more (import ids do not repeat across reloads)', async () => {
    await openSession('capture:c1', 'capture');
    const node = captureStandIn();
    for (const t of ['a', 'b']) {
      // a fresh worker each time, as after a reload
      vi.resetModules();
      const fresh = await import('./follow-sources');
      node.outbox.push([trace(t)], []);
      const ctrl = new AbortController();
      const following = fresh.followSource(db, node.invoke, spec, ctrl.signal, () => {});
      await until(async () => (await storedTraceIds('capture:c1')).includes(t));
      ctrl.abort();
      await following;
    }
    expect(await storedTraceIds('capture:c1')).toEqual(['a', 'b']);
  });

  it('pauses, saying so, when the capture is gone', async () => {
    await openSession('capture:c1', 'capture');
    const reports: FollowReport[] = [];
    const gone = (async () => err('not-found', 'no capture c1')) as RemoteInvoke;
    expect(await followSource(db, gone, spec, new AbortController().signal, (r) => reports.push(r))).toBe('paused');
    expect(reports).toEqual([{ kind: 'paused', code: 'not-found', message: 'no capture c1' }]);
  });
});

describe('following a Konnect session', () => {
  const session = (status: DebugSession['status']): DebugSession =>
    ({ id: 's1', status, createdAt: '2026-06-01T12:00:00Z', startedAt: '2026-06-01T12:00:00Z', durationS: 60, traceCount: 2 }) as DebugSession;
  const page = (cursor: string, traceIds: string[], status: DebugSession['status'], hasMore = false): TracePage => ({
    traces: traceIds.length ? JSON.stringify(encodeOtlpJson(traceIds.map(trace), [])) : null,
    logs: null,
    payloads: null,
    traceIds,
    entityIds: {},
    cursor,
    hasMore,
    session: session(status),
  });
  const kspec = { kind: 'konnect' as const, sessionId: 'konnect:s1', konnectSessionId: 's1', accountId: 'acc', controlPlaneId: 'cp', label: 'default session s1' };

  it('imports each page into the session, keeps the cursor in its row, and reads once more after the session ended', async () => {
    await openSession('konnect:s1', 'konnect');
    const pages = [page('c1', ['a'], 'in_progress', true), page('c2', ['b'], 'completed'), page('c3', [], 'completed')];
    const cursors: Array<string | undefined> = [];
    const invoke = (async (channel: string, args: { cursor?: string }) => {
      cursors.push(args.cursor);
      return channel === 'konnect.pull' ? ok(pages.shift()) : err('unknown-channel', channel);
    }) as RemoteInvoke;
    const reports: FollowReport[] = [];
    expect(await followSource(db, invoke, kspec, new AbortController().signal, (r) => reports.push(r))).toBe('done');
    expect(cursors).toEqual([undefined, 'c1', 'c2']);
    expect(await storedTraceIds('konnect:s1')).toEqual(['a', 'b']);
    expect(await db.sessions.get('konnect:s1')).toMatchObject({ status: 'ready', traceCount: 2, meta: { cursor: 'c3', konnect: { session: { status: 'completed' } } } });
    expect(reports.filter((r) => r.kind === 'stored')).toHaveLength(3);
  });

  it('resumes from the cursor in the session row', async () => {
    await openSession('konnect:s1', 'konnect');
    await db.sessions.update('konnect:s1', { meta: { cursor: 'c7' } });
    const cursors: Array<string | undefined> = [];
    const invoke = (async (_c: string, args: { cursor?: string }) => {
      cursors.push(args.cursor);
      return err('unauthorized', 'Token expired');
    }) as RemoteInvoke;
    const reports: FollowReport[] = [];
    expect(await followSource(db, invoke, kspec, new AbortController().signal, (r) => reports.push(r))).toBe('paused');
    expect(cursors).toEqual(['c7']);
    expect(reports).toEqual([{ kind: 'paused', code: 'unauthorized', message: 'Token expired' }]);
  });
});
