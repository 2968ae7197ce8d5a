/**
 * Writes decoded batches into the store for one import, so that the import is all-or-nothing:
 * - every batch is one transaction;
 * - rows the import creates carry its importId; rows it changes get a before-image in `journal`;
 * - sessions it creates stay hidden (importId set) until `commit()`;
 * - `rollback()` deletes what it created and restores what it changed, in one transaction.
 * Spans are merged by (traceId, spanId) and log lines by identity, so the same data twice is never
 * stored twice.
 *
 * Speed (issue 3): Chromium's IndexedDB costs ~70 µs per record written, so a batch of 20,000 spans
 * writes a handful of records: its new traces' summaries go onto the import's open page, their spans
 * stay in the source chunks the decoder handed over (or one `ktv` chunk per ~2,000 spans). A fresh
 * import into a session it created looks almost nothing up: the writer remembers the pages of the traces
 * it wrote, and while the session row shows the import as its creator and only writer (`lastWriter`), a
 * trace it has not written cannot be stored yet. A trace that is stored already is read back from its
 * chunks, merged, and written as a new chunk. Rows are put straight on the IndexedDB transaction, out of
 * Dexie's sight; `commit()` tells live queries once that the data changed.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { runSteps, type StoreName } from './idb-steps';
import type { SessionInit } from './ingest-types';
import { traceKey, undoImport, type KtvDb } from './schema';
import { SessionRouting } from './session-routing';
import { SourceChunks } from './source-chunks';
import { batchSteps, type BatchContext, type BatchOutcome, type Presealed } from './write-batch';
import type { SealingKeyring } from './keyring-writer';
import { ImportMemory, logsRow, planBatch, planSessions, WAITING, type BatchPlan, type WriteInput } from './write-plan';
import { sealerOf } from './keyring-writer';

export type { WriteInput } from './write-plan';

export interface WriteTotals {
  traces: number;
  spans: number;
  logs: number;
  payloads: number;
  sessionIds: string[];
  /** the sessions that hold this import's traces (not those that only got log lines or payloads), by name */
  filled: { sessionId: string; name: string }[];
  /** sessions other than the import's own that got log lines or payloads of their stored traces: traces per session */
  attached: { sessionId: string; name: string; logs: number; payloads: number }[];
  /** traces stored nowhere yet whose log lines / payloads wait for them */
  waiting: { logs: number; payloads: number };
}

const DATA_TABLES = ['pages', 'directory', 'chunks', 'logs', 'payloads'] as const;
const WRITE_STORES: readonly StoreName[] = ['sessions', ...DATA_TABLES, 'journal'];

export class ImportWriter {
  private readonly memory: ImportMemory;
  private readonly routing: SessionRouting;
  private readonly attached = new Map<string, { logs: Set<string>; payloads: Set<string> }>();
  private readonly waiting = { logs: new Set<string>(), payloads: new Set<string>() };
  readonly totals: WriteTotals = { traces: 0, spans: 0, logs: 0, payloads: 0, sessionIds: [], filled: [], attached: [], waiting: { logs: 0, payloads: 0 } };

  constructor(
    private readonly db: KtvDb,
    readonly importId: string,
    defaultSession: SessionInit,
    forceSession = false,
  ) {
    this.memory = new ImportMemory(importId);
    this.routing = new SessionRouting(defaultSession, forceSession);
  }

  /**
   * Writes one batch in one transaction (write-batch.ts has its steps). One at a time: each relies on what
   * the previous one wrote, but the next may start as soon as this one has called `issued` (its rows are
   * handed to IndexedDB, which runs the transactions in order): the next batch's source lines are then put
   * while this one commits.
   */
  async write(input: WriteInput, issued?: () => void): Promise<void> {
    const keyring = sealerOf(this.db);
    const ctx: BatchContext = { memory: this.memory, routing: this.routing, dbName: this.db.name, input, now: Date.now(), keyring };
    const plan = planBatch(input, this.routing);
    // the keys of the sessions the batch writes into are made, and its rows sealed, before its transaction
    // (while the previous batch commits and the next one decodes), so the transaction rarely waits for them
    if (keyring?.seals && (plan.logs.size > 0 || plan.payloads.size > 0)) {
      await keyring.prepare([...planSessions(plan), WAITING]);
      ctx.presealed = await preseal(keyring, plan, this.importId);
    }
    const chunks = new SourceChunks(this.memory, input);
    const early = chunks.early(plan);
    const outcome = await runSteps(this.db, WRITE_STORES, { put: [{ table: 'chunks', rows: early }] }, batchSteps(ctx, plan, chunks), issued);
    this.count(outcome);
  }

  private count(o: BatchOutcome): void {
    this.totals.traces += o.traces;
    this.totals.spans += o.spans;
    this.totals.logs += o.logs;
    this.totals.payloads += o.payloads;
    for (const [sid, a] of o.attached) {
      let mine = this.attached.get(sid);
      if (!mine) this.attached.set(sid, (mine = { logs: new Set(), payloads: new Set() }));
      for (const t of a.logs) mine.logs.add(t);
      for (const t of a.payloads) mine.payloads.add(t);
    }
    for (const t of o.waiting.logs) this.waiting.logs.add(t);
    for (const t of o.waiting.payloads) this.waiting.payloads.add(t);
  }

  /** Makes the import visible and forgets its journal. */
  async commit(): Promise<WriteTotals> {
    const { db } = this;
    const names = new Map<string, string>();
    await db.transaction('rw', [db.sessions, db.journal], async () => {
      for (const sid of this.memory.sessions) {
        const row = await db.sessions.get(sid);
        if (row) names.set(sid, row.name);
        if (!row || (row.importId !== this.importId && row.lastWriter !== this.importId)) continue;
        const { importId, lastWriter: _done, ...rest } = row;
        if (importId === this.importId) await db.sessions.put({ ...rest, status: 'ready' });
        else await db.sessions.put(importId === undefined ? rest : { ...rest, importId });
      }
      await db.journal.where('importId').equals(this.importId).delete();
    });
    announceDataChanged(db, this.memory.sessions, this.importId);
    this.totals.sessionIds = [...this.memory.sessions];
    this.totals.filled = [...this.memory.sessions].filter((sid) => !this.attached.has(sid)).map((sessionId) => ({ sessionId, name: names.get(sessionId) ?? sessionId }));
    this.totals.attached = [...this.attached].map(([sessionId, a]) => ({ sessionId, name: names.get(sessionId) ?? sessionId, logs: a.logs.size, payloads: a.payloads.size }));
    this.totals.waiting = { logs: this.waiting.logs.size, payloads: this.waiting.payloads.size };
    return this.totals;
  }

  async rollback(): Promise<void> {
    await rollbackImport(this.db, this.importId);
  }
}

/** The plan's logs and payloads rows as written when nothing is stored under their keys, sealed (see Presealed). */
async function preseal(keyring: SealingKeyring, plan: BatchPlan, importId: string): Promise<Presealed> {
  const groups = [...plan.logs].map(([key, g]) => ({ key, src: g.records, count: g.records.length, row: logsRow(key, g, undefined, importId) }));
  const payloads = [...plan.payloads].map(([key, p]) => ({ key, src: p.payload, row: { id: key, sessionId: p.sid, payload: p.payload, importId } }));
  const [logRows, payloadRows] = await Promise.all([keyring.sealRows(groups.map((g) => g.row)), keyring.sealRows(payloads.map((p) => p.row))]);
  return {
    logs: new Map(groups.map((g, i) => [g.key, { src: g.src, count: g.count, row: logRows[i]! }])),
    payloads: new Map(payloads.map((p, i) => [p.key, { src: p.src, row: payloadRows[i]! }])),
  };
}

/** Undoes an import: deletes what it created, restores what it changed. Safe to run twice. */
export async function rollbackImport(db: KtvDb, importId: string): Promise<void> {
  const created = await db.transaction('rw', [db.sessions, db.pages, db.directory, db.chunks, db.logs, db.payloads, db.journal, db.keys], async () => {
    const created = await db.sessions.filter((s) => s.importId === importId).primaryKeys();
    // a journal entry naming a table this version no longer has is skipped (the upgrade undid those)
    await undoImport((name) => db.tables.find((t) => t.name === name), DATA_TABLES, importId);
    // the data keys of the sessions it created go with them
    await db.keys.bulkDelete(created);
    return created;
  });
  sealerOf(db)?.forget(created);
}

/** Undoes imports a crash or a closed window left unfinished. Returns how many. */
export async function recoverUnfinishedImports(db: KtvDb): Promise<number> {
  const fromJournal = (await db.journal.orderBy('importId').uniqueKeys()) as string[];
  const fromSessions = (await db.sessions.toArray()).map((s) => s.importId).filter((id): id is string => !!id);
  const ids = [...new Set([...fromJournal, ...fromSessions])];
  for (const id of ids) await rollbackImport(db, id);
  return ids.length;
}

/**
 * Tells live queries in every tab and worker which rows changed: the rows of the sessions the import wrote
 * into (keys `<session>|…`, index `sessionId`) and of the waiting place. Batches put their rows on the
 * IndexedDB transaction directly, out of Dexie's sight, so the views refresh once, when the import is done,
 * and only those reading these sessions (or whole tables, like paste-to-jump).
 */
function announceDataChanged(db: KtvDb, sessionIds: Iterable<string>, importId: string): void {
  const sids = [...new Set([...sessionIds, WAITING])];
  const parts: ObservabilitySet = {};
  for (const name of DATA_TABLES) {
    const part = `idb://${db.name}/${name}/`;
    const keys = new RangeSet();
    for (const sid of sids) keys.add({ from: traceKey(sid, ''), to: traceKey(sid, '\uffff') });
    parts[part] = parts[`${part}:dels`] = keys;
    parts[`${part}sessionId`] = new RangeSet().addKeys(sids);
    parts[`${part}importId`] = new RangeSet().addKey(importId);
  }
  Dexie.on.storagemutated.fire(parts);
}
