import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyStoreOp, purgeExpiredSessions } from './store-ops';
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

describe('store ops (the worker makes every change the UI asks for)', () => {
  it('pins, renames and deletes a session with everything in it', async () => {
    await seed([session('file:a', 0, { source: 'file', autoName: 'konnect' }), session('file:b', 0, { source: 'file' })]);
    await applyStoreOp(db, { op: 'pin', sessionId: 'file:a', pinned: true });
    await applyStoreOp(db, { op: 'rename', sessionId: 'file:a', name: 'checkout' });
    const renamed = await db.sessions.get('file:a');
    expect(renamed).toMatchObject({ pinned: true, name: 'checkout' });
    // the user's name now stands: the sidebar no longer words it from the capture window
    expect(renamed?.autoName).toBeUndefined();
    await applyStoreOp(db, { op: 'delete', sessionId: 'file:b' });
    expect(await db.sessions.toCollection().primaryKeys()).toEqual(['file:a']);
    for (const table of [db.pages, db.directory, db.chunks, db.logs, db.payloads] as const) {
      expect((await (table as typeof db.logs).toArray()).map((r) => r.sessionId)).toEqual(['file:a']);
    }
  });

  it('opens a session: creates it, or sets its status and meta keys keeping the rest (the cursor)', async () => {
    await seed([]);
    const open = (status: 'running' | 'ready', meta: Record<string, unknown>) =>
      applyStoreOp(db, { op: 'openSession', session: { id: 'konnect:s', name: 'cp · all', source: 'konnect', status, meta }, now: NOW });
    expect(await open('running', { konnect: { v: 1 } })).toMatchObject({ id: 'konnect:s', name: 'cp · all', status: 'running', traceCount: 0, meta: { konnect: { v: 1 } } });
    await db.sessions.update('konnect:s', { status: 'ready', traceCount: 3, meta: { konnect: { v: 1 }, cursor: 'c9' } });
    expect(await open('running', { konnect: { v: 2 } })).toMatchObject({ status: 'running', traceCount: 3, meta: { konnect: { v: 2 }, cursor: 'c9' } });
  });

  it('merges looked-up entity names into what the session has', async () => {
    await seed([session('konnect:s', 0, { meta: { entityNames: { route: { r1: 'one' } } } })]);
    await applyStoreOp(db, { op: 'addEntityNames', sessionId: 'konnect:s', names: { route: { r2: 'two' }, service: { s1: null } } });
    expect((await db.sessions.get('konnect:s'))?.meta).toEqual({ entityNames: { route: { r1: 'one', r2: 'two' }, service: { s1: null } } });
  });

  it('settles capture sessions left running, except the one still capturing', async () => {
    await seed([session('capture:old', 0, { source: 'capture', status: 'running' }), session('capture:now', 0, { source: 'capture', status: 'running' }), session('file:x', 0, { source: 'file' })]);
    expect(await applyStoreOp(db, { op: 'settleCaptures', running: 'capture:now' })).toEqual(['capture:old']);
    expect((await db.sessions.toArray()).map((s) => [s.id, s.status]).sort()).toEqual([['capture:now', 'running'], ['capture:old', 'ready'], ['file:x', 'ready']]);
  });

  it('keeps a flag', async () => {
    await seed([]);
    await applyStoreOp(db, { op: 'setFlag', key: 'samplesSeeded', value: { default: 'sample:demo' } });
    expect(await db.meta.get('samplesSeeded')).toEqual({ key: 'samplesSeeded', value: { default: 'sample:demo' } });
  });
});
