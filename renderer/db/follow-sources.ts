/**
 * The two remote sources the ingest worker follows (follow.ts has the loop): a Konnect debugger session,
 * whose pages it pulls through `konnect.pull` and imports as a file's bytes are, and a live capture, whose
 * records it drains through `capture.drain` and writes as decoded data. Both land in a session row the UI
 * created; the cursor is kept in that row (`meta.cursor`), saved after each page's write committed.
 */
import type { CaptureDrain } from '../../shared/bridge/capture';
import { hasEnded, type TracePage } from '../../shared/konnect/types';
import { follow, type FollowEnd, type FollowEvent, type Next, type ReadOutcome, type RemoteSource } from './follow';
import type { FollowReport, FollowSpec } from './ingest-types';
import { runImport, runIngest } from './ingest';
import type { KtvDb } from './schema';
import { patchSession } from './store-ops';
import type { RemoteInvoke } from './worker-bridge';

/** between reads when there is nothing new */
export const POLL_MS = { konnect: 2000, capture: 500 } as const;
const BACKOFF = { konnect: { baseMs: 1000, maxMs: 30_000 }, capture: { baseMs: 1000, maxMs: 10_000 } } as const;
/** Konnect failures that retrying cannot mend: the user has to act (sign in again, pick another session) */
const KONNECT_FATAL = new Set(['unauthorized', 'forbidden', 'not-found', 'invalid-argument', 'cancelled']);

export const konnectOpId = (konnectSessionId: string): string => `pull:${konnectSessionId}`;

/** an import's id names the rows it creates (pages, chunks): unique across reloads, not a counter */
const jobId = (): string => `follow-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

async function storedCursor<C>(db: KtvDb, sessionId: string, fallback: C): Promise<C> {
  const row = await db.sessions.get(sessionId);
  return (row?.meta?.cursor as C | undefined) ?? fallback;
}

function konnectSource(db: KtvDb, invoke: RemoteInvoke, spec: Extract<FollowSpec, { kind: 'konnect' }>, signal: AbortSignal): RemoteSource<string | null, TracePage> {
  const encoder = new TextEncoder();
  // one more read after the session ends catches traces written between the two reads
  let drained = false;
  let last: Next = 'poll';
  return {
    async read(cursor) {
      const res = await invoke('konnect.pull', {
        accountId: spec.accountId,
        controlPlaneId: spec.controlPlaneId,
        sessionId: spec.konnectSessionId,
        opId: konnectOpId(spec.konnectSessionId),
        ...(cursor ? { cursor } : {}),
      });
      return res.ok ? { ok: true, page: res.value } : { ok: false, fatal: KONNECT_FATAL.has(res.error.code), code: res.error.code, message: res.error.message };
    },
    async store(page) {
      for (const [kind, text] of [['traces', page.traces], ['logs', page.logs], ['payloads', page.payloads]] as const) {
        if (!text) continue;
        const name = `${spec.label} ${kind}`;
        await runImport(db, jobId(), { kind: 'bytes', bytes: encoder.encode(text), name }, { session: { id: spec.sessionId, name, source: 'konnect' } }, signal, () => {});
      }
    },
    after(page) {
      const finished = hasEnded(page.session, Date.now());
      last = finished && !page.hasMore && drained ? 'done' : page.hasMore || finished ? 'more' : 'poll';
      if (finished && !page.hasMore) drained = true;
      return { cursor: page.cursor, next: last };
    },
    async saveCursor(cursor, page) {
      await patchSession(db, spec.sessionId, { status: last === 'done' ? 'ready' : 'running' }, (m) => ({ cursor, konnect: { ...(m.konnect as object), session: page.session } }));
    },
  };
}

function captureSource(db: KtvDb, invoke: RemoteInvoke, spec: Extract<FollowSpec, { kind: 'capture' }>): RemoteSource<number, CaptureDrain> {
  const session = { id: spec.sessionId, name: 'live capture', source: 'capture' as const };
  let saved: number | null = null;
  const ended = (d: CaptureDrain) => !d.more && d.status.state === 'ended' && !d.traces.length && !d.logs.length;
  return {
    async read(cursor): Promise<ReadOutcome<CaptureDrain>> {
      const res = await invoke('capture.drain', { id: spec.captureId, cursor });
      // not-found: the capture is gone (the host restarted); nothing more will come
      return res.ok ? { ok: true, page: res.value } : { ok: false, fatal: res.error.code === 'not-found', code: res.error.code, message: res.error.message };
    },
    async store(d) {
      if (d.traces.length || d.logs.length) await runIngest(db, jobId(), session, { traces: d.traces, logs: d.logs, payloads: [] });
    },
    after: (d) => ({ cursor: d.cursor, next: d.more ? 'more' : ended(d) ? 'done' : 'poll' }),
    async saveCursor(cursor, d) {
      if (ended(d)) {
        const { endReason, counters } = d.status;
        await patchSession(db, spec.sessionId, { status: 'ready' }, (m) => ({ cursor: null, capture: { ...(m.capture as object | undefined), endReason, counters } }));
      } else if (cursor !== saved) {
        await patchSession(db, spec.sessionId, {}, () => ({ cursor }));
      }
      saved = cursor;
    },
  };
}

function report<P>(e: FollowEvent<P>, spec: FollowSpec): FollowReport {
  if (e.kind !== 'stored') return e.kind === 'retrying' ? { kind: 'retrying', what: e.what, message: e.message, inMs: e.inMs } : e;
  if (spec.kind === 'konnect') {
    const page = e.page as TracePage;
    return { kind: 'stored', konnect: { session: page.session, entityIds: page.entityIds } };
  }
  return { kind: 'stored', capture: { status: (e.page as CaptureDrain).status } };
}

/** Follows `spec` until it is done, paused, or `signal` stops it, telling `onReport` what happens. */
export async function followSource(db: KtvDb, invoke: RemoteInvoke, spec: FollowSpec, signal: AbortSignal, onReport: (r: FollowReport) => void): Promise<FollowEnd> {
  const onEvent = <P>(e: FollowEvent<P>) => onReport(report(e, spec));
  const end =
    spec.kind === 'konnect'
      ? await follow(konnectSource(db, invoke, spec, signal), await storedCursor<string | null>(db, spec.sessionId, null), { pollMs: POLL_MS.konnect, backoff: BACKOFF.konnect, onEvent }, signal)
      : await follow(captureSource(db, invoke, spec), await storedCursor(db, spec.sessionId, 0), { pollMs: POLL_MS.capture, backoff: BACKOFF.capture, onEvent }, signal);
  if (end === 'stopped') onReport({ kind: 'stopped' });
  return end;
}
