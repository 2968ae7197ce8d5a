/**
 * Following a remote source (a Konnect debugger session, a live capture): one loop for both. It reads the
 * page after its cursor, stores it, and only once the store's write has committed saves the cursor after
 * it: a page read and not stored (a failed write, a closed window) is read again and merged, never lost or
 * duplicated. A failed read or write waits with back-off that grows with each failure in a row and resets
 * after a success; a failure the source calls fatal (no longer signed in, gone) pauses until the user acts.
 * Between pages it polls; `stop` (the signal) ends it at once, even in a wait. Runs in the ingest worker.
 */
import { backoffDelay, type BackoffOptions } from '../../shared/konnect/backoff';

/** What one read gave: a page, or why not (`fatal`: retrying cannot help). */
export type ReadOutcome<P> = { ok: true; page: P } | { ok: false; fatal: boolean; code: string; message: string };

/** After a stored page: read again at once, poll after a while, or the source has nothing more to give. */
export type Next = 'more' | 'poll' | 'done';

export interface RemoteSource<C, P> {
  read(cursor: C, signal: AbortSignal): Promise<ReadOutcome<P>>;
  /** writes the page; resolves once the write has committed */
  store(page: P): Promise<void>;
  /** the cursor after a stored page, and what comes next (asked once the page is stored) */
  after(page: P): { cursor: C; next: Next };
  /** keeps the cursor (it is passed to `read` after a restart); called only after `store` resolved */
  saveCursor(cursor: C, page: P): Promise<void>;
}

export type FollowEvent<P> =
  | { kind: 'stored'; page: P }
  | { kind: 'retrying'; what: 'read' | 'store'; message: string; inMs: number; failures: number }
  | { kind: 'paused'; code: string; message: string }
  | { kind: 'done' };

export interface FollowOptions<P> {
  pollMs: number;
  backoff: BackoffOptions;
  onEvent(e: FollowEvent<P>): void;
  /** waits `ms` or until the signal aborts (injectable for tests; default: setTimeout) */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export type FollowEnd = 'done' | 'paused' | 'stopped';

const sleepFor = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Follows `source` from `cursor` until it is done, paused by a fatal failure, or `signal` stops it. */
export async function follow<C, P>(source: RemoteSource<C, P>, cursor: C, opts: FollowOptions<P>, signal: AbortSignal): Promise<FollowEnd> {
  const sleep = opts.sleep ?? sleepFor;
  let failures = 0;
  const retry = async (what: 'read' | 'store', message: string) => {
    const inMs = backoffDelay(failures++, opts.backoff);
    opts.onEvent({ kind: 'retrying', what, message, inMs, failures });
    await sleep(inMs, signal);
  };
  while (!signal.aborted) {
    const read = await source.read(cursor, signal);
    if (signal.aborted) break;
    if (!read.ok) {
      if (read.fatal) {
        opts.onEvent({ kind: 'paused', code: read.code, message: read.message });
        return 'paused';
      }
      await retry('read', read.message);
      continue;
    }
    let then: Next;
    try {
      await source.store(read.page);
      const after = source.after(read.page);
      await source.saveCursor(after.cursor, read.page);
      cursor = after.cursor;
      then = after.next;
    } catch (e) {
      // the cursor stays where it was: the page is read again and merged
      await retry('store', messageOf(e));
      continue;
    }
    failures = 0;
    opts.onEvent({ kind: 'stored', page: read.page });
    if (then === 'done') {
      opts.onEvent({ kind: 'done' });
      return 'done';
    }
    if (then === 'poll') await sleep(opts.pollMs, signal);
  }
  return 'stopped';
}
