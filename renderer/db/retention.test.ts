import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpiredSessions } from './retention';
import { openDb, traceKey, type KtvDb, type SessionRow } from './schema';

const DAY = 86_400_000;
const NOW = Date.parse('2025-03-01T12:00:00Z');
let db: KtvDb;
let n = 0;

afterEach(async () => {
  db.close();
  await db.delete();
});

function session(id: string, ageDays: number, extra: Partial<SessionRow> = {}): SessionRow {
  const t = NOW - ageDays * DAY;
  return { id, name: id, source: 'konnect', createdAt: t, updatedAt: t, status: 'ready', traceCount: 1, spanCount: 1, logCount: 1, pinned: false, ...extra };
}

async function seed(rows: SessionRow[]) {
  db = openDb(`ktv-retention-${++n}`);
  await db.sessions.bulkPut(rows);
  for (const s of rows) {
    const id = traceKey(s.id, 'a'.repeat(32));
    await db.pages.put({ id: `${s.id}|p:1`, sessionId: s.id, traces: '[]' });
    await db.directory.put({ id: `${s.id}|p:1`, sessionId: s.id, traceIds: '\n', requestIds: '\n' });
    await db.chunks.put({ id: `${s.id}|c:1`, sessionId: s.id, kind: 'ktv', data: '[]' });
    await db.logs.put({ id, sessionId: s.id, traceId: 'a'.repeat(32), records: [] });
    await db.payloads.put({ id, sessionId: s.id, payload: {} as never });
  }
}

describe('purgeExpiredSessions', () => {
  it('deletes old sessions with all their data, keeping pinned, samples and recent ones', async () => {
    await seed([
      session('konnect:old', 8),
      session('file:old', 30, { source: 'file' }),
      session('konnect:pinned', 30, { pinned: true }),
      session('sample:demo', 400, { source: 'sample' }),
      session('konnect:recent', 6),
    ]);
    const purged = await purgeExpiredSessions(db, NOW);
    expect(purged.sort()).toEqual(['file:old', 'konnect:old']);
    expect((await db.sessions.toCollection().primaryKeys()).sort()).toEqual(['konnect:pinned', 'konnect:recent', 'sample:demo']);
    for (const table of [db.pages, db.directory, db.chunks, db.logs, db.payloads] as const) {
      expect((await (table as typeof db.logs).toArray()).map((r) => r.sessionId).sort()).toEqual(['konnect:pinned', 'konnect:recent', 'sample:demo']);
    }
  });

  it('honours the retention setting', async () => {
    await seed([session('konnect:a', 2), session('konnect:b', 0.5)]);
    expect(await purgeExpiredSessions(db, NOW, 1)).toEqual(['konnect:a']);
  });

  it('is all or nothing: a failure part-way leaves every session in place', async () => {
    await seed([session('konnect:x', 10), session('konnect:y', 10)]);
    const original = db.payloads.where.bind(db.payloads);
    let calls = 0;
    db.payloads.where = ((index: string) => {
      if (++calls === 2) throw new Error('disk full');
      return original(index);
    }) as typeof db.payloads.where;
    await expect(purgeExpiredSessions(db, NOW)).rejects.toThrow('disk full');
    db.payloads.where = original;
    expect(await db.sessions.count()).toBe(2);
    expect(await db.payloads.count()).toBe(2);
    expect(await db.pages.count()).toBe(2);
    expect(await db.chunks.count()).toBe(2);
  });
});
