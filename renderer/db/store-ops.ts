/**
 * Every change to the store that is not an import: session rows (a Konnect or capture session's state, pins,
 * renames), deletes, the retention purge, flags. They run in the ingest worker, the store's only writer
 * (ingest.worker.ts); the UI thread asks for them by message (`StoreOp`, ingest-client.ts `storeOp`).
 * Each op is one transaction (but `addBreakdowns`, one per page); the Dexie calls here tell the live queries of every window what changed.
 */
import { mergeNames } from '../../shared/konnect/entity-names';
import type { EntityNames } from '../../shared/konnect/types';
import { addMissingBreakdowns, type BreakdownUpgrade } from './breakdown-upgrade';
import { sealerOf } from './keyring-writer';
import { newSessionRow, type KtvDb, type SessionRow, type SessionSource, type SessionStatus } from './schema';

const DEFAULT_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATA_TABLES = ['pages', 'directory', 'chunks', 'logs', 'payloads'] as const;

/** A session row to create, or to update (status and `meta` keys) when it exists. */
export interface SessionOpen {
  id: string;
  name: string;
  source: SessionSource;
  status: SessionStatus;
  meta: Record<string, unknown>;
}

export type StoreOp =
  | { op: 'pin'; sessionId: string; pinned: boolean }
  | { op: 'rename'; sessionId: string; name: string }
  | { op: 'delete'; sessionId: string }
  /** sessions not touched for `days` before `now` (the UI's clock), unless pinned, samples or running */
  | { op: 'purge'; now: number; days: number }
  | { op: 'setFlag'; key: string; value: unknown }
  | { op: 'openSession'; session: SessionOpen; now: number }
  /** merges names looked up for a session's entity ids into its `meta.entityNames` */
  | { op: 'addEntityNames'; sessionId: string; names: EntityNames }
  /** capture sessions still marked running whose capture is not `running` (the app quit mid-capture) */
  | { op: 'settleCaptures'; running: string | null }
  /** gives the session's rows stored before session insights their breakdown (breakdown-upgrade.ts) */
  | { op: 'addBreakdowns'; sessionId: string };

export interface StoreOpResults {
  pin: void;
  rename: void;
  delete: void;
  purge: string[];
  setFlag: void;
  openSession: SessionRow;
  addEntityNames: void;
  settleCaptures: string[];
  addBreakdowns: BreakdownUpgrade;
}

export type StoreOpResult<O extends StoreOp> = StoreOpResults[O['op']];

const sessionTables = (db: KtvDb) => [db.sessions, db.keys, ...DATA_TABLES.map((t) => db[t])];

/**
 * Deletes sessions with their rows and their data keys (issue 21): once the key row is gone, what is left
 * of their sealed records on disk (the database's free pages, old log files) cannot be opened.
 */
async function deleteSessions(db: KtvDb, ids: readonly string[]): Promise<void> {
  for (const id of ids) await Promise.all(DATA_TABLES.map((t) => db[t].where('sessionId').equals(id).delete()));
  await db.sessions.bulkDelete([...ids]);
  await db.keys.bulkDelete([...ids]);
  sealerOf(db)?.forget(ids);
}

/**
 * Updates a session row in one transaction: `patch` over the stored fields, `meta` keys merged into the
 * stored meta. Returns the row as stored, or null when there is no such session.
 */
export async function patchSession(
  db: KtvDb,
  sessionId: string,
  patch: Partial<Pick<SessionRow, 'status' | 'name'>>,
  meta?: (current: Record<string, unknown>) => Record<string, unknown>,
): Promise<SessionRow | null> {
  return db.transaction('rw', db.sessions, async () => {
    const row = await db.sessions.get(sessionId);
    if (!row) return null;
    const next: SessionRow = { ...row, ...patch, updatedAt: Date.now(), ...(meta ? { meta: { ...row.meta, ...meta(row.meta ?? {}) } } : {}) };
    await db.sessions.put(next);
    return next;
  });
}

export async function purgeExpiredSessions(db: KtvDb, now: number, days = DEFAULT_RETENTION_DAYS): Promise<string[]> {
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', sessionTables(db), async () => {
    const expired = await db.sessions
      .filter((s) => !s.pinned && s.source !== 'sample' && !s.importId && s.status !== 'running' && s.updatedAt < cutoff)
      .primaryKeys();
    await deleteSessions(db, expired);
    return expired;
  });
}

export async function applyStoreOp<O extends StoreOp>(db: KtvDb, o: O): Promise<StoreOpResult<O>>;
export async function applyStoreOp(db: KtvDb, o: StoreOp): Promise<StoreOpResults[StoreOp['op']]> {
  switch (o.op) {
    case 'pin':
      await db.sessions.update(o.sessionId, { pinned: o.pinned, updatedAt: Date.now() });
      return;
    case 'rename':
      // the user's name replaces the one the app made (autoName): undefined removes the field
      await db.sessions.update(o.sessionId, { name: o.name, autoName: undefined, updatedAt: Date.now() });
      return;
    case 'delete':
      await db.transaction('rw', sessionTables(db), () => deleteSessions(db, [o.sessionId]));
      return;
    case 'purge':
      return purgeExpiredSessions(db, o.now, o.days);
    case 'setFlag':
      await db.meta.put({ key: o.key, value: o.value });
      return;
    case 'openSession': {
      const { session } = o;
      return db.transaction('rw', db.sessions, async () => {
        const row = await db.sessions.get(session.id);
        const next = row
          ? { ...row, status: session.status, updatedAt: o.now, meta: { ...row.meta, ...session.meta } }
          : newSessionRow({ id: session.id, name: session.name, source: session.source, status: session.status, meta: session.meta }, o.now);
        await db.sessions.put(next);
        return next;
      });
    }
    case 'addEntityNames':
      await patchSession(db, o.sessionId, {}, (meta) => ({ entityNames: mergeNames((meta.entityNames ?? {}) as EntityNames, o.names) }));
      return;
    case 'settleCaptures':
      return db.transaction('rw', db.sessions, async () => {
        const stale = await db.sessions.filter((s) => s.source === 'capture' && s.status === 'running' && s.id !== o.running).toArray();
        const now = Date.now();
        await db.sessions.bulkPut(stale.map((s) => ({ ...s, status: 'ready' as const, updatedAt: now })));
        return stale.map((s) => s.id);
      });
    case 'addBreakdowns':
      return addMissingBreakdowns(db, { sessionId: o.sessionId });
  }
}
