import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LogRecord, Span, TraceSpans } from '../../shared/model/types';
import { ImportFailed, runImport } from '../../renderer/db/ingest';
import { decodePage, openDb, traceKey, type KtvDb } from '../../renderer/db/schema';
import { ImportWriter, recoverUnfinishedImports } from '../../renderer/db/writer';
import { readTraceSpans } from '../../renderer/db/chunks';

const fixture = (p: string) => new Uint8Array(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures', p)));
const session = { id: 'file:test', name: 'test.json', source: 'file' as const, files: ['test.json'] };

const span = (id: string, parent = '', over: Partial<Span> = {}): Span => ({
  spanId: id.padStart(16, '0'),
  parentSpanId: parent ? parent.padStart(16, '0') : '',
  name: parent ? 'kong.router' : 'kong',
  kind: 2,
  start: 0,
  duration: 5_000_000,
  status: { code: 0 },
  attributes: parent ? {} : { 'http.response.status_code': 200 },
  events: [],
  resource: 0,
  scope: 0,
  ...over,
});
const trace = (traceId: string, spans: Span[]): TraceSpans => ({ traceId: traceId.padStart(32, '0'), baseNs: '1700000000000000000', resources: [{}], scopes: [{ name: 'kong' }], spans });
const log = (traceId: string, body: string): LogRecord => ({
  timeNs: '1700000000001000000', timeMs: 1_700_000_000_001, severityNumber: 13, severityText: 'WARN', body, traceId: traceId.padStart(32, '0'), spanId: '', attributes: {}, resource: {},
});

/** Every stored trace summary (they live in pages). */
const traceRows = async (db: KtvDb) => (await db.pages.toArray()).flatMap((p) => decodePage(p).traces).sort((a, b) => a.id.localeCompare(b.id));
const rowAt = async (db: KtvDb, key: string) => (await traceRows(db)).find((r) => r.id === key);
/** A stored trace's spans, read back from its chunks as the views read them. */
const spansAt = async (db: KtvDb, key: string) => {
  const row = await rowAt(db, key);
  return row ? ((await readTraceSpans(db, row))?.spans ?? []) : [];
};

async function snapshot(db: KtvDb) {
  const rows = await traceRows(db);
  return {
    sessions: (await db.sessions.toArray()).map(({ updatedAt: _u, ...s }) => s),
    traces: rows,
    spans: await Promise.all(rows.map((r) => readTraceSpans(db, r))),
    chunks: await db.chunks.count(),
    logs: await db.logs.toArray(),
    journal: await db.journal.count(),
  };
}

let db: KtvDb;
let n = 0;
beforeEach(() => {
  db = openDb(`test-${n++}`);
});

describe('ImportWriter', () => {
  it('creates the session hidden, and shows it with its counts on commit', async () => {
    const w = new ImportWriter(db, 'imp-1', session);
    await w.write({ traces: [trace('a1', [span('1'), span('2', '1')])], logs: [log('a1', 'slow upstream')], payloads: [] });
    expect((await db.sessions.get('file:test'))?.importId).toBe('imp-1');
    await w.commit();
    const s = await db.sessions.get('file:test');
    expect(s).toMatchObject({ status: 'ready', traceCount: 1, spanCount: 2, logCount: 1 });
    expect(s?.importId).toBeUndefined();
    expect(await rowAt(db, traceKey('file:test', 'a1'.padStart(32, '0')))).toMatchObject({ spanCount: 2, logCount: 1, status: 200 });
  });

  it('merges the same spans and log lines instead of storing them twice', async () => {
    const input = { traces: [trace('a1', [span('1'), span('2', '1')])], logs: [log('a1', 'x')], payloads: [] };
    for (const id of ['imp-1', 'imp-2']) {
      const w = new ImportWriter(db, id, session);
      await w.write(input);
      await w.commit();
    }
    expect(await db.sessions.get('file:test')).toMatchObject({ traceCount: 1, spanCount: 2, logCount: 1 });
    expect(await traceRows(db)).toHaveLength(1);
    expect(await spansAt(db, traceKey('file:test', 'a1'.padStart(32, '0')))).toHaveLength(2);
  });

  it('rolls back everything an import did, restoring merged traces to what they were', async () => {
    const first = new ImportWriter(db, 'imp-1', session);
    await first.write({ traces: [trace('a1', [span('1')])], logs: [], payloads: [] });
    await first.commit();
    const before = await snapshot(db);

    const second = new ImportWriter(db, 'imp-2', session);
    await second.write({ traces: [trace('a1', [span('2', '1')]), trace('b2', [span('3')])], logs: [log('b2', 'y')], payloads: [] });
    expect(await spansAt(db, traceKey('file:test', 'a1'.padStart(32, '0')))).toHaveLength(2);
    await second.rollback();
    expect(await snapshot(db)).toEqual(before);
  });

  it('undoes an import a crash left unfinished', async () => {
    const w = new ImportWriter(db, 'imp-crash', { ...session, id: 'file:other' });
    await w.write({ traces: [trace('c3', [span('1')])], logs: [], payloads: [] });
    expect(await recoverUnfinishedImports(db)).toBe(1);
    expect(await db.sessions.count()).toBe(0);
    expect(await db.pages.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });
});

describe('runImport', () => {
  const noProgress = () => {};

  it('imports a real Konnect trace into its own session', async () => {
    const report = await runImport(db, 'imp-k', { kind: 'bytes', bytes: new Uint8Array(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../shared/sample/gateway-3.10-konnect.json'))), name: 'konnect.json' }, {}, new AbortController().signal, noProgress);
    expect(report).toMatchObject({ traces: 1, spans: 22 });
    expect(report.sessionIds).toEqual(['konnect:01951c12-e71c-7267-98e3-973ddcf1df64']);
    expect(await db.sessions.get('konnect:01951c12-e71c-7267-98e3-973ddcf1df64')).toMatchObject({ source: 'konnect', status: 'ready', spanCount: 22 });
  });

  it('fails a file with nothing usable, naming it, and leaves what was stored untouched', async () => {
    await runImport(db, 'imp-ok', { kind: 'bytes', bytes: fixture('otlp/example-trace.json'), name: 'good.json' }, {}, new AbortController().signal, noProgress);
    const before = await snapshot(db);
    const bad = new TextEncoder().encode('{"resourceSpans": [ {"scopeSpans": [ {"spans": [ {"traceId": 12 ');
    const err = await runImport(db, 'imp-bad', { kind: 'bytes', bytes: bad, name: 'broken.json' }, {}, new AbortController().signal, noProgress).catch((e) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    expect((err as ImportFailed).failure.message).toContain('broken.json');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a cancelled import keeps nothing', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const err = await runImport(db, 'imp-c', { kind: 'bytes', bytes: fixture('otlp/example-trace.json'), name: 'x.json' }, {}, ctrl.signal, noProgress).catch((e) => e);
    expect((err as ImportFailed).failure.cancelled).toBe(true);
    expect(await db.sessions.count()).toBe(0);
  });

  it('imports the whole lines of a JSON-lines file and reports the truncated last one', async () => {
    const good = new TextDecoder().decode(fixture('otlp/example-trace.json')).replace(/\s+/g, '');
    const bytes = new TextEncoder().encode(`${good}\n${good.slice(0, 40)}`);
    const report = await runImport(db, 'imp-l', { kind: 'bytes', bytes, name: 'collector.jsonl' }, {}, new AbortController().signal, noProgress);
    expect(report.spans).toBe(1);
    expect(report.skipped[0]?.where).toBe('line 2');
  });
});

describe('ImportWriter, data arriving out of order', () => {
  it('a trace imported after its payload and log lines still shows them in the list', async () => {
    const payloadFirst = new ImportWriter(db, 'imp-p', session);
    await payloadFirst.write({
      traces: [],
      logs: [log('d4', 'early line')],
      payloads: [{ traceId: 'd4'.padStart(32, '0'), request: { headers: { host: 'a' } }, response: { headers: {} } }],
    });
    await payloadFirst.commit();
    const spansLater = new ImportWriter(db, 'imp-s', session);
    await spansLater.write({ traces: [trace('d4', [span('1')])], logs: [], payloads: [] });
    await spansLater.commit();
    expect(await rowAt(db, traceKey('file:test', 'd4'.padStart(32, '0')))).toMatchObject({ hasPayload: true, logCount: 1 });
  });
});

describe('runImport, the same file twice', () => {
  it('succeeds with nothing new, even when the file has records it skips', async () => {
    const good = new TextDecoder().decode(fixture('otlp/example-trace.json')).replace(/\s+/g, '');
    const bytes = new TextEncoder().encode(`${good}\n${good.slice(0, 40)}`);
    const source = { kind: 'bytes' as const, bytes, name: 'twice.jsonl' };
    await runImport(db, 'imp-1', source, {}, new AbortController().signal, () => {});
    const again = await runImport(db, 'imp-2', source, {}, new AbortController().signal, () => {});
    expect(again).toMatchObject({ traces: 0, spans: 0, skippedTotal: 1 });
    expect(await db.sessions.count()).toBe(1);
  });
});

describe('ImportWriter, a fresh import that looks nothing up', () => {
  const key = (t: string) => traceKey('file:test', t.padStart(32, '0'));

  it('merges a trace that arrives over several batches, and counts log lines that come later', async () => {
    const w = new ImportWriter(db, 'imp-1', session);
    await w.write({ traces: [trace('a1', [span('1')]), trace('b2', [span('3')])], logs: [], payloads: [] });
    await w.write({ traces: [trace('a1', [span('2', '1')])], logs: [log('b2', 'late line'), log('c3', 'no trace yet')], payloads: [] });
    await w.write({ traces: [trace('c3', [span('4')])], logs: [log('b2', 'late line')], payloads: [] });
    const totals = await w.commit();
    expect(totals).toMatchObject({ traces: 3, spans: 4, logs: 2 });
    expect((await spansAt(db, key('a1'))).map((s) => s.spanId)).toEqual(['1'.padStart(16, '0'), '2'.padStart(16, '0')]);
    expect(await rowAt(db, key('a1'))).toMatchObject({ spanCount: 2, logCount: 0 });
    expect(await rowAt(db, key('b2'))).toMatchObject({ spanCount: 1, logCount: 1 });
    expect(await rowAt(db, key('c3'))).toMatchObject({ spanCount: 1, logCount: 1 });
    const s = await db.sessions.get('file:test');
    expect(s).toMatchObject({ status: 'ready', traceCount: 3, spanCount: 4, logCount: 2 });
    expect(s?.lastWriter).toBeUndefined();
    expect(await db.journal.count()).toBe(0);
  });

  it('merges instead of overwriting when another import writes into the session it created', async () => {
    const a = new ImportWriter(db, 'imp-a', session);
    const b = new ImportWriter(db, 'imp-b', session);
    await a.write({ traces: [trace('a1', [span('1')])], logs: [], payloads: [] });
    await b.write({ traces: [trace('a1', [span('2', '1')]), trace('b2', [span('3')])], logs: [], payloads: [] });
    // b2 was never written by imp-a, yet it is stored now: imp-a must look it up and merge
    await a.write({ traces: [trace('b2', [span('4', '3')])], logs: [log('b2', 'x')], payloads: [] });
    await a.commit();
    await b.commit();
    expect(await spansAt(db, key('a1'))).toHaveLength(2);
    expect(await spansAt(db, key('b2'))).toHaveLength(2);
    expect(await rowAt(db, key('b2'))).toMatchObject({ spanCount: 2, logCount: 1 });
    const s = await db.sessions.get('file:test');
    expect(s).toMatchObject({ status: 'ready', traceCount: 2, spanCount: 4, logCount: 1 });
    expect(s?.importId).toBeUndefined();
    expect(s?.lastWriter).toBeUndefined();
  });

  it('tells live queries that the data tables changed when it commits', async () => {
    const parts: string[] = [];
    const listen = (changed: Record<string, unknown>) => parts.push(...Object.keys(changed));
    Dexie.on('storagemutated', listen);
    try {
      const w = new ImportWriter(db, 'imp-1', session);
      await w.write({ traces: [trace('a1', [span('1')])], logs: [log('a1', 'x')], payloads: [] });
      await w.commit();
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen);
    }
    for (const table of ['pages', 'directory', 'chunks', 'logs', 'payloads']) expect(parts).toContain(`idb://${db.name}/${table}/`);
    expect(parts).toContain(`idb://${db.name}/pages/sessionId`);
  });
});
