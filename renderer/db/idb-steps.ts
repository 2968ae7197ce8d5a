/**
 * Runs a write as a synchronous generator inside one IndexedDB transaction. An IndexedDB transaction
 * commits as soon as it has no request pending at the end of a task, so anything a write waits for that is
 * not an IndexedDB request (a decoder's promise chain, a timer, a worker's answer) ends it early: with
 * Dexie that surfaced as "Transaction committed too early" on re-opening a multi-trace file (issue 18).
 * Here the only way for a step to wait is to `yield` a round of reads; the driver issues them and resumes
 * the generator from their success callbacks, so the transaction stays active by construction. Whatever
 * else the write needs (decoding stored chunks, merging) happens synchronously between rounds.
 */
import type { KtvDb } from './schema';

export type StoreName = 'sessions' | 'pages' | 'directory' | 'chunks' | 'logs' | 'payloads' | 'journal' | 'meta';

/**
 * One read of a round. `get` answers one row (or undefined) per key, in order; the others an array.
 * `work` is the one wait that is not a read: WebCrypto sealing and opening rows (issue 21). It must be a
 * round of its own; the driver keeps the transaction alive meanwhile with small reads (as Dexie.waitFor
 * does) and resumes the steps from the first read's callback after the work has settled.
 */
export type Read =
  | { kind: 'get'; table: StoreName; keys: readonly string[] }
  | { kind: 'index'; table: StoreName; index: string; value: string }
  | { kind: 'all'; table: StoreName }
  | { kind: 'count'; table: StoreName; index: string; value: string }
  /** up to `limit` rows in key order after `after` (from the first when null) */
  | { kind: 'after'; table: StoreName; after: string | null; limit: number }
  | { kind: 'work'; run: () => Promise<unknown> };

/** What a round's reads found, one answer per read in the order asked. */
export type Answers = unknown[];

/** Rows to put (or add, for auto-keyed tables), and keys to delete. */
export interface Writes {
  put?: { table: StoreName; rows: readonly unknown[] }[];
  add?: { table: StoreName; rows: readonly unknown[] }[];
  delete?: { table: StoreName; keys: readonly string[] }[];
}

/** A write's steps: yields rounds of reads, gets their answers back, returns its writes and a result. */
export type Steps<T> = Generator<Read[], { writes: Writes; result: T }, Answers>;

function applyWrites(tx: IDBTransaction, writes: Writes): void {
  for (const { table, keys } of writes.delete ?? []) {
    const store = tx.objectStore(table);
    for (const key of keys) store.delete(key);
  }
  for (const { table, rows } of writes.put ?? []) {
    const store = tx.objectStore(table);
    for (const row of rows) store.put(row);
  }
  for (const { table, rows } of writes.add ?? []) {
    const store = tx.objectStore(table);
    for (const row of rows) store.add(row);
  }
}

/** a key no store holds: the keep-alive reads of a `work` round ask for it */
const KEEP_ALIVE_KEY = '\uffff:keep-alive';

/**
 * A `work` round: runs the work and keeps the transaction active with one read after another until it has
 * settled, then answers (or fails) from that read's callback, where the transaction may take requests.
 */
function issueWork(tx: IDBTransaction, store: string, run: () => Promise<unknown>, done: (answers: Answers) => void, fail: (e: unknown) => void): void {
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown } | null = null;
  run().then(
    (value) => (outcome = { ok: true, value }),
    (error: unknown) => (outcome = { ok: false, error }),
  );
  const spin = () => {
    const req = tx.objectStore(store).get(KEEP_ALIVE_KEY);
    req.onsuccess = () => {
      if (!outcome) return spin();
      if (outcome.ok) done([outcome.value]);
      else fail(outcome.error);
    };
  };
  spin();
}

function issue(tx: IDBTransaction, round: readonly Read[], done: (answers: Answers) => void): void {
  const answers: Answers = new Array(round.length);
  let pending = 0;
  const settle = () => {
    if (--pending === 0) done(answers);
  };
  const request = <R>(req: IDBRequest<R>, take: (value: R) => void) => {
    pending++;
    req.onsuccess = () => {
      take(req.result);
      settle();
    };
  };
  round.forEach((read, i) => {
    if (read.kind === 'work') throw new TypeError('a work round holds nothing else');
    const store = tx.objectStore(read.table);
    switch (read.kind) {
      case 'get': {
        const rows: unknown[] = new Array(read.keys.length);
        answers[i] = rows;
        read.keys.forEach((key, k) => request(store.get(key), (row) => (rows[k] = row)));
        break;
      }
      case 'index':
        request(store.index(read.index).getAll(read.value), (rows) => (answers[i] = rows));
        break;
      case 'all':
        request(store.getAll(), (rows) => (answers[i] = rows));
        break;
      case 'count':
        request(store.index(read.index).count(read.value), (n) => (answers[i] = n));
        break;
      case 'after':
        request(store.getAll(read.after === null ? null : IDBKeyRange.lowerBound(read.after, true), read.limit), (rows) => (answers[i] = rows));
        break;
    }
  });
  // a round that asks nothing (or only empty key lists) goes on at once, still inside the active transaction
  if (pending === 0) done(answers);
}

const isThenable = (v: unknown): boolean => typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * Runs `steps` in one readwrite transaction over `stores`: puts `first` at once (rows that will be written
 * whatever the reads find), then alternates rounds of reads and synchronous steps, then applies the writes.
 * `issued` is called when every write has been handed to IndexedDB (the next transaction may be started:
 * IndexedDB runs them in order). Resolves with the result once the transaction has committed; rejects with
 * the first failing request's error, or what a step threw, and then nothing of it is stored.
 */
export async function runSteps<T>(db: KtvDb, stores: readonly StoreName[], first: Writes, steps: Steps<T>, issued?: () => void): Promise<T> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  return new Promise<T>((resolve, reject) => {
    const tx = idb.transaction([...stores], 'readwrite');
    let failure: unknown = null;
    let result: { value: T } | null = null;
    const fail = (e: unknown) => {
      failure ??= e;
      try {
        tx.abort();
      } catch {
        // already finishing: its abort or complete event settles the promise
      }
    };
    tx.onerror = (e) => {
      // a request's own error says more than the abort it caused (and than the aborts of the others)
      const error = e.target instanceof IDBRequest ? e.target.error : null;
      if (error && error.name !== 'AbortError') failure ??= error;
    };
    tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('the write was aborted', 'AbortError'));
    tx.oncomplete = () => (result ? resolve(result.value) : reject(failure ?? new Error('the write ended before its steps did')));
    const step = (answers?: Answers) => {
      try {
        const next = answers === undefined ? steps.next() : steps.next(answers);
        if (next.done) {
          applyWrites(tx, next.value.writes);
          result = { value: next.value.result };
          issued?.();
          return;
        }
        if (!Array.isArray(next.value) || next.value.some(isThenable)) {
          throw new TypeError('a write step may only wait for IndexedDB reads (it yielded something else)');
        }
        const round = next.value;
        if (round.length === 1 && round[0]!.kind === 'work') issueWork(tx, stores[0]!, round[0]!.run, step, fail);
        else issue(tx, round, step);
      } catch (e) {
        fail(e);
      }
    };
    try {
      applyWrites(tx, first);
    } catch (e) {
      fail(e);
      return;
    }
    step();
  });
}
