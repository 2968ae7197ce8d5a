/**
 * Encryption at rest (issue 21): data keys wrapped by the KEK, rotation of the KEK, records sealed by the
 * writer and opened by a reader, and a deleted session's key destroyed with it.
 */
import 'fake-indexeddb/auto';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kekFile } from '../../electron/services/kek-file';
import { rotateKek, rotationPending } from '../../renderer/db/kek-rotation';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LogRecord, Payload, Span, TraceSpans } from '../../shared/model/types';
import { Keyring, KeyringError, attachKeyring, type KekSource } from '../../renderer/db/keyring';
import { SealingKeyring } from '../../renderer/db/keyring-writer';
import { openDb, traceKey, type KtvDb } from '../../renderer/db/schema';
import { applyStoreOp } from '../../renderer/db/store-ops';
import { importKek, newDataKey, open, rewrapDataKey, seal, unwrapDataKey } from '../../renderer/db/vault';
import { ImportWriter } from '../../renderer/db/writer';
import { SEAL_CURSOR, sealExisting } from '../../renderer/db/seal-existing';

const kekOf = (id: string): { id: string; key: string } => ({ id, key: randomBytes(32).toString('base64') });
const source = (m: { id: string; key: string }): KekSource => async () => m;

const span = (id: string): Span => ({
  spanId: id.padStart(16, '0'), parentSpanId: '', name: 'kong', kind: 2, start: 0, duration: 5_000_000, status: { code: 0 },
  attributes: { 'http.response.status_code': 200 }, events: [], resource: 0, scope: 0,
});
const trace = (traceId: string): TraceSpans => ({ traceId: traceId.padStart(32, '0'), baseNs: '1700000000000000000', resources: [{}], scopes: [{ name: 'kong' }], spans: [span('1')] });
const log = (traceId: string, body: string, ms = 1): LogRecord => ({
  timeNs: `170000000000${ms}000000`, timeMs: 1_700_000_000_000 + ms, severityNumber: 13, severityText: 'WARN', body, traceId: traceId.padStart(32, '0'), spanId: '', attributes: {}, resource: {},
});
const payload = (traceId: string, secret: string): Payload => ({
  traceId: traceId.padStart(32, '0'),
  request: { headers: { 'x-marker': secret }, body: `{"card":"${secret}"}` },
  response: { headers: {}, body: secret },
});
const session = (id: string) => ({ id, name: id, source: 'file' as const });
const T1 = '1'.padStart(32, '0');

async function importInto(db: KtvDb, sid: string, input: { traces: TraceSpans[]; logs: LogRecord[]; payloads: Payload[] }): Promise<void> {
  const w = new ImportWriter(db, `imp-${Math.random().toString(36).slice(2)}`, session(sid), true);
  await w.write(input);
  await w.commit();
}

/** Everything stored in the logs, payloads and journal tables, as text (a byte view of what is on disk). */
async function storedText(db: KtvDb): Promise<string> {
  const rows = [...(await db.logs.toArray()), ...(await db.payloads.toArray()), ...(await db.journal.toArray())];
  return JSON.stringify(rows, (_k, v: unknown) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Buffer.from(v as ArrayBuffer).toString('latin1') : v));
}

let db: KtvDb;
let n = 0;
const kek = kekOf('kek-1');
beforeEach(() => {
  db = openDb(`enc-${n++}`);
  attachKeyring(db, new SealingKeyring(db, source(kek)));
});

describe('data keys', () => {
  it('wraps a data key with the KEK and unwraps it to a key that opens what it sealed', async () => {
    const k = await importKek(kek);
    const { key, wrapped } = await newDataKey(k);
    expect(wrapped.byteLength).toBe(40);
    const sealed = await seal(key, 'k1', 'row-1', { hello: 'world' });
    const again = await unwrapDataKey(k, wrapped);
    expect(await open(again, 'row-1', sealed)).toEqual({ hello: 'world' });
    // another row's id, or another KEK, does not open it
    await expect(open(again, 'row-2', sealed)).rejects.toThrow();
    await expect(unwrapDataKey(await importKek(kekOf('other')), wrapped)).rejects.toThrow();
  });

  it('rotation re-wraps the data key for a new KEK: what it sealed opens unchanged, the old KEK no longer fits', async () => {
    const oldKek = await importKek(kek);
    const newKek = await importKek(kekOf('kek-2'));
    const { key, wrapped } = await newDataKey(oldKek);
    const sealed = await seal(key, 'k1', 'row', ['a log line']);
    const rewrapped = await rewrapDataKey(oldKek, newKek, wrapped);
    expect(await open(await unwrapDataKey(newKek, rewrapped), 'row', sealed)).toEqual(['a log line']);
    await expect(unwrapDataKey(oldKek, rewrapped)).rejects.toThrow();
  });
});

describe('sealed records', () => {
  it('stores log lines and payloads sealed, and a reader with the KEK sees them as written', async () => {
    const secret = `marker-${randomBytes(12).toString('hex')}`;
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', `log ${secret}`)], payloads: [payload('1', secret)] });
    expect(await storedText(db)).not.toContain(secret);
    expect((await db.logs.get(traceKey('file:a', T1)))!.records).toEqual([]);

    const reader = new Keyring(db, source(kek));
    const logs = await reader.openRow((await db.logs.get(traceKey('file:a', T1)))!);
    expect(logs.records.map((r) => r.body)).toEqual([`log ${secret}`]);
    const p = await reader.openRow((await db.payloads.get(traceKey('file:a', T1)))!);
    expect(p.payload!.request.headers['x-marker']).toBe(secret);
    // the summary's counters were kept from the clear records
    expect((await db.sessions.get('file:a'))!.logCount).toBe(1);
  });

  it('merges new log lines into a sealed row (opened inside the write, sealed again)', async () => {
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', 'first', 1)], payloads: [] });
    await importInto(db, 'file:a', { traces: [], logs: [log('1', 'first', 1), log('1', 'second', 2)], payloads: [] });
    const reader = new Keyring(db, source(kek));
    const row = await reader.openRow((await db.logs.get(traceKey('file:a', T1)))!);
    expect(row.records.map((r) => r.body)).toEqual(['first', 'second']);
    expect((await db.sessions.get('file:a'))!.logCount).toBe(2);
  });

  it('log lines that waited for their trace are sealed while waiting and move into its session', async () => {
    await importInto(db, 'file:logs', { traces: [], logs: [log('1', 'early line')], payloads: [] });
    expect(await db.logs.get(traceKey('waiting', T1))).toMatchObject({ records: [], sealed: expect.anything() });
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [], payloads: [] });
    const row = await new Keyring(db, source(kek)).openRow((await db.logs.get(traceKey('file:a', T1)))!);
    expect(row.records.map((r) => r.body)).toEqual(['early line']);
  });

  it('one data key per session', async () => {
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', 'a')], payloads: [] });
    await importInto(db, 'file:b', { traces: [trace('1')], logs: [log('1', 'b')], payloads: [] });
    const keys = await db.keys.bulkGet(['file:a', 'file:b']);
    expect(keys[0]!.keyId).not.toBe(keys[1]!.keyId);
    expect((await db.logs.get(traceKey('file:b', T1)))!.sealed!.k).toBe(keys[1]!.keyId);
  });

  it('a reader with another KEK cannot open them', async () => {
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', 'x')], payloads: [] });
    const stranger = new Keyring(db, source(kekOf('kek-x')));
    await expect(stranger.openRow((await db.logs.get(traceKey('file:a', T1)))!)).rejects.toThrow(KeyringError);
  });
});

describe('shredding', () => {
  it('deleting a session destroys its data key: a copy of its sealed rows can no longer be opened', async () => {
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', 'gone')], payloads: [payload('1', 'gone')] });
    const copy = (await db.logs.get(traceKey('file:a', T1)))!;
    await applyStoreOp(db, { op: 'delete', sessionId: 'file:a' });
    expect(await db.keys.get('file:a')).toBeUndefined();
    await expect(new Keyring(db, source(kek)).openRow(copy)).rejects.toThrow(/data key of file:a is gone/);
    // the same file imported again gets a new key, stored
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', 'new')], payloads: [] });
    const key = await db.keys.get('file:a');
    expect(key!.keyId).not.toBe(copy.sealed!.k);
    expect((await new Keyring(db, source(kek)).openRow((await db.logs.get(traceKey('file:a', T1)))!)).records[0]!.body).toBe('new');
  });

  it('the retention purge destroys the keys of the sessions it removes', async () => {
    await importInto(db, 'file:a', { traces: [trace('1')], logs: [log('1', 'old')], payloads: [] });
    const purged = await applyStoreOp(db, { op: 'purge', now: Date.now() + 30 * 86_400_000, days: 7 });
    expect(purged).toEqual(['file:a']);
    expect(await db.keys.count()).toBe(1); // only the waiting place's
    expect(await db.keys.get('file:a')).toBeUndefined();
  });

  it('a rolled-back import takes the key of the session it created with it', async () => {
    const w = new ImportWriter(db, 'imp-x', session('file:r'), true);
    await w.write({ traces: [trace('1')], logs: [log('1', 'r')], payloads: [] });
    expect(await db.keys.get('file:r')).toBeDefined();
    await w.rollback();
    expect(await db.keys.get('file:r')).toBeUndefined();
  });
});

describe('sealing a store kept in clear (migration)', () => {
  it('seals every clear row in place, a group at a time, and goes on after the last group when stopped', async () => {
    const name = `enc-migrate-${n++}`;
    const clearDb = openDb(name);
    // a store written before encryption: no keyring, rows in clear
    for (let i = 1; i <= 5; i++) {
      const id = String(i);
      await importInto(clearDb, `file:${id}`, { traces: [trace(id)], logs: [log(id, `line ${id}`)], payloads: [payload(id, `secret-${id}`)] });
    }
    expect((await clearDb.logs.toArray()).every((r) => !r.sealed && r.records.length === 1)).toBe(true);
    clearDb.close();

    const upgraded = openDb(name);
    const ring = attachKeyring(upgraded, new SealingKeyring(upgraded, source(kek)));
    expect(await sealExisting(upgraded, ring, { limit: 2, groups: 2 })).toBe(4);
    expect(await upgraded.meta.get(SEAL_CURSOR)).toMatchObject({ value: { table: 'logs', done: false } });
    expect((await upgraded.logs.toArray()).filter((r) => r.sealed)).toHaveLength(4);

    // a new start goes on where it stopped
    expect(await sealExisting(upgraded, ring, { limit: 2 })).toBe(6);
    expect(await upgraded.meta.get(SEAL_CURSOR)).toMatchObject({ value: { done: true } });
    expect(await storedText(upgraded)).not.toContain('secret-');
    expect(await sealExisting(upgraded, ring)).toBe(0);

    const reader = new Keyring(upgraded, source(kek));
    for (let i = 1; i <= 5; i++) {
      const key = traceKey(`file:${i}`, String(i).padStart(32, '0'));
      expect((await reader.openRow((await upgraded.logs.get(key))!)).records[0]!.body).toBe(`line ${i}`);
      expect((await reader.openRow((await upgraded.payloads.get(key))!)).payload!.response.body).toBe(`secret-${i}`);
    }
  });
});

describe('rotating the KEK after a delete', () => {
  const kekStore = () => kekFile(join(mkdtempSync(join(tmpdir(), 'ktv-kek-')), 'store-key.json'));

  it('re-wraps the remaining data keys and retires the old KEK: a copy of a deleted session’s key no longer opens', async () => {
    const store = kekStore();
    const rdb = openDb(`enc-rot-${n++}`);
    const ring = attachKeyring(rdb, new SealingKeyring(rdb, () => store.current()));
    await importInto(rdb, 'file:a', { traces: [trace('1')], logs: [log('1', 'deleted line')], payloads: [] });
    await importInto(rdb, 'file:b', { traces: [trace('1')], logs: [log('1', 'kept line')], payloads: [] });
    // what the database's old files may keep after the delete
    const keyCopy = (await rdb.keys.get('file:a'))!;
    const logsCopy = (await rdb.logs.get(traceKey('file:a', T1)))!;
    const before = await store.current();

    await applyStoreOp(rdb, { op: 'delete', sessionId: 'file:a' });
    await rotateKek(rdb, ring, store);
    const after = await store.current();
    expect(after.id).not.toBe(before.id);
    expect(after.previous).toBeUndefined();
    expect((await rdb.keys.toArray()).every((k) => k.kek === after.id)).toBe(true);

    const reader = new Keyring(rdb, () => store.current());
    expect((await reader.openRow((await rdb.logs.get(traceKey('file:b', T1)))!)).records[0]!.body).toBe('kept line');
    // the remnants put back: the old KEK is gone, so nothing opens them
    await rdb.keys.put(keyCopy);
    await expect(new Keyring(rdb, () => store.current()).openRow(logsCopy)).rejects.toThrow(KeyringError);
    // and new imports are wrapped by the new KEK
    await importInto(rdb, 'file:c', { traces: [trace('1')], logs: [log('1', 'new')], payloads: [] });
    expect((await rdb.keys.get('file:c'))!.kek).toBe(after.id);
  });

  it('a rotation stopped midway still opens everything, and finishes on the next run', async () => {
    const store = kekStore();
    const rdb = openDb(`enc-rot-${n++}`);
    const ring = attachKeyring(rdb, new SealingKeyring(rdb, () => store.current()));
    await importInto(rdb, 'file:b', { traces: [trace('1')], logs: [log('1', 'kept line')], payloads: [] });
    const r = await store.rotate(); // the app closed right after asking
    expect(await rotationPending(rdb, await store.current())).toBe(true);
    const reader = new Keyring(rdb, () => store.current());
    expect((await reader.openRow((await rdb.logs.get(traceKey('file:b', T1)))!)).records[0]!.body).toBe('kept line');

    await rotateKek(rdb, ring, store);
    expect((await store.current()).id).toBe(r.current.id);
    expect((await store.current()).previous).toBeUndefined();
    expect(await rotationPending(rdb, await store.current())).toBe(false);
    expect((await new Keyring(rdb, () => store.current()).openRow((await rdb.logs.get(traceKey('file:b', T1)))!)).records[0]!.body).toBe('kept line');
  });
});
