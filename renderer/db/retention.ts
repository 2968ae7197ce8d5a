/**
 * Local retention: sessions older than the user's setting (default 7 days) are purged at start-up, unless
 * pinned or bundled samples. One transaction, so a purge is all or nothing.
 */
import type { KtvDb } from './schema';

export const DEFAULT_RETENTION_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function purgeExpiredSessions(db: KtvDb, now: number, days = DEFAULT_RETENTION_DAYS): Promise<string[]> {
  const cutoff = now - days * DAY_MS;
  return db.transaction('rw', [db.sessions, db.pages, db.directory, db.chunks, db.logs, db.payloads], async () => {
    const expired = await db.sessions
      .filter((s) => !s.pinned && s.source !== 'sample' && !s.importId && s.status !== 'running' && s.updatedAt < cutoff)
      .primaryKeys();
    for (const id of expired) {
      await Promise.all([
        db.pages.where('sessionId').equals(id).delete(),
        db.directory.where('sessionId').equals(id).delete(),
        db.chunks.where('sessionId').equals(id).delete(),
        db.logs.where('sessionId').equals(id).delete(),
        db.payloads.where('sessionId').equals(id).delete(),
      ]);
    }
    await db.sessions.bulkDelete(expired);
    return expired;
  });
}
