/** The writer's pure steps, on plain objects: no IndexedDB (the driver and the writer have their own tests). */
import { describe, expect, it } from 'vitest';
import type { LogRecord, Span, TraceSpans } from '../../shared/model/types';
import { SessionRouting } from '../../renderer/db/session-routing';
import { SourceChunks } from '../../renderer/db/source-chunks';
import { directoryRow, PAGE_TRACES, traceKey, type DirectoryRow, type LogsRow, type Page, type SessionRow, type TraceRow } from '../../renderer/db/schema';
import { ImportMemory, WAITING, planBatch, type WriteInput } from '../../renderer/db/write-plan';
import { BatchRows, Deltas, Journal, PageEditor } from '../../renderer/db/write-state';
import { bySession, locator, looseKeys, mergeLogs, mergeSpans, routeLoose, sessionRows, type MergeState } from '../../renderer/db/write-steps';

const T = (n: string) => n.padStart(32, '0');
const span = (id: string): Span => ({ spanId: id.padStart(16, '0'), parentSpanId: '', name: 'kong', kind: 2, start: 0, duration: 1_000_000, status: { code: 0 }, attributes: {}, events: [], resource: 0, scope: 0 });
const trace = (id: string, spans: string[]): TraceSpans => ({ traceId: T(id), baseNs: '1700000000000000000', resources: [{}], scopes: [{ name: 'kong' }], spans: spans.map(span) });
const log = (id: string, body: string): LogRecord => ({ timeNs: '1700000000001000000', timeMs: 1_700_000_000_001, severityNumber: 9, severityText: 'INFO', body, traceId: T(id), spanId: '', attributes: {}, resource: {} });
const input = (over: Partial<WriteInput> = {}): WriteInput => ({ traces: [], logs: [], payloads: [], ...over });
const routing = new SessionRouting({ id: 'file:a', name: 'a.json', source: 'file', files: ['a.json'] });
const row = (sid: string, id: string): TraceRow => ({ id: traceKey(sid, T(id)), sessionId: sid, traceId: T(id), chunks: [], logCount: 0, hasPayload: false, spanCount: 1 }) as unknown as TraceRow;
const dir = (sid: string, pid: string, ids: string[]): DirectoryRow => directoryRow({ id: pid, sessionId: sid, traces: ids.map((id) => row(sid, id)) });

function state(memory: ImportMemory, plan: ReturnType<typeof planBatch>, given: WriteInput): MergeState {
  const rows = new BatchRows();
  const journal = new Journal(memory);
  return { memory, input: given, dbName: 'test', plan, rows, journal, pages: new PageEditor(memory, () => undefined, journal), deltas: new Deltas(), chunks: new SourceChunks(memory, given) };
}

describe('planBatch and SessionRouting', () => {
  it('routes traces a Konnect export names to their Konnect session, the rest (with their logs) to the file’s', () => {
    const given = input({ traces: [trace('1', ['1']), trace('2', ['2']), trace('1', ['3'])], logs: [log('2', 'x')], sessionOf: { [T('2')]: 'uuid-2' } });
    const plan = planBatch(given, routing);
    expect([...plan.incoming.keys()]).toEqual([traceKey('file:a', T('1')), traceKey('konnect:uuid-2', T('2'))]);
    expect(plan.incoming.get(traceKey('file:a', T('1')))!.trace!.spans).toHaveLength(2);
    expect([...plan.logs.keys()]).toEqual([traceKey('konnect:uuid-2', T('2'))]);
    expect(planBatch(given, new SessionRouting(routing.defaultSession, true)).logs.has(traceKey('file:a', T('2')))).toBe(true);
  });

  it('names a Konnect session it creates after the session id, hidden until the import commits', () => {
    expect(routing.newSession('konnect:0195abcd-e71c', 'imp', 5)).toMatchObject({ name: 'Konnect session 0195abcd', source: 'konnect', status: 'importing', importId: 'imp' });
    expect(routing.newSession('file:a', 'imp', 5)).toMatchObject({ name: 'a.json', source: 'file', importId: 'imp' });
  });
});

describe('routeLoose', () => {
  it('moves log lines of a trace stored in another session there, and those of a trace stored nowhere to the waiting place', () => {
    const memory = new ImportMemory('imp');
    const plan = planBatch(input({ logs: [log('7', 'for a stored trace'), log('8', 'for a trace to come')] }), routing);
    const loose = looseKeys(plan, memory);
    expect(loose).toHaveLength(2);
    const dirs = bySession([dir('konnect:k', 'konnect:k|p:1', ['7'])]);
    const moved = routeLoose(plan, loose, dirs, locator(memory, dirs));
    expect([...moved]).toEqual([traceKey('konnect:k', T('7')), traceKey(WAITING, T('8'))]);
    expect(plan.logs.get(traceKey('konnect:k', T('7')))!.records[0]!.body).toBe('for a stored trace');
    expect(plan.logs.has(traceKey('file:a', T('7')))).toBe(false);
  });

  it('leaves records whose trace this import wrote, or its own shared session stores, where they are', () => {
    const memory = new ImportMemory('imp');
    memory.pageOf.set(traceKey('file:a', T('1')), 'file:a|p:0');
    memory.shared.add('file:a');
    const plan = planBatch(input({ logs: [log('1', 'mine'), log('2', 'stored here')] }), routing);
    const loose = looseKeys(plan, memory);
    expect(loose).toEqual([traceKey('file:a', T('2'))]);
    const dirs = bySession([dir('file:a', 'file:a|p:9', ['2']), dir('konnect:k', 'konnect:k|p:1', ['2'])]);
    expect(routeLoose(plan, loose, dirs, locator(memory, dirs)).size).toBe(0);
  });
});

describe('PageEditor', () => {
  it('fills the import’s open page up to PAGE_TRACES, then starts another, remembering where each trace is', () => {
    const memory = new ImportMemory('imp');
    const pages = new PageEditor(memory, () => undefined, new Journal(memory));
    for (let i = 0; i <= PAGE_TRACES; i++) pages.place(row('file:a', String(i + 1)));
    const out = [...pages.out.values()];
    expect(out.map((p: Page) => p.traces.length)).toEqual([PAGE_TRACES, 1]);
    expect(memory.pageOf.get(traceKey('file:a', T(String(PAGE_TRACES + 1))))).toBe(out[1]!.id);
    expect(pages.touch(traceKey('file:a', T('1')), 'file:a')).toMatchObject({ traceId: T('1') });
  });
});

describe('mergeLogs and mergeSpans', () => {
  it('writes a logs row only when it gains lines, and counts them on the trace and the session', () => {
    const memory = new ImportMemory('imp');
    const given = input({ logs: [log('1', 'old'), log('1', 'new')] });
    const s = state(memory, planBatch(given, routing), given);
    const key = traceKey('file:a', T('1'));
    s.rows.take([{ kind: 'get', table: 'logs', keys: [key] }], [[{ id: key, sessionId: 'file:a', traceId: T('1'), records: [log('1', 'old')], importId: 'before' } satisfies LogsRow]]);
    const written = mergeLogs(s, () => {});
    expect(written[0]!.records.map((r) => r.body)).toEqual(['old', 'new']);
    expect(s.deltas.of('file:a').logs).toBe(1);
    expect(s.journal.rows).toHaveLength(1);

    const again = state(memory, planBatch(input({ logs: [log('1', 'old')] }), routing), given);
    again.rows.take([{ kind: 'get', table: 'logs', keys: [key] }], [[written[0]]]);
    expect(mergeLogs(again, () => {})).toEqual([]);
  });

  it('places new traces and writes their spans as ktv chunks, counting traces and spans per session', () => {
    const memory = new ImportMemory('imp');
    const given = input({ traces: [trace('1', ['1', '2']), trace('2', ['3'])] });
    const s = state(memory, planBatch(given, routing), given);
    const placed = mergeSpans(s, new Map());
    expect(placed.map((p) => p.traceId)).toEqual([T('1'), T('2')]);
    expect(s.deltas.of('file:a')).toEqual({ traces: 2, spans: 3, logs: 0, firstMs: 1700000000000, lastMs: 1700000000000 }); // both traces start at the fixture's base
    expect(s.chunks.rows).toHaveLength(1);
    expect([...s.pages.out.values()][0]!.traces.map((t) => t.chunks)).toEqual([[s.chunks.rows[0]!.id], [s.chunks.rows[0]!.id]]);
  });
});

describe('sessionRows and Journal', () => {
  it('adds the batch’s counters to the stored row and journals its before-image once', () => {
    const memory = new ImportMemory('imp');
    const journal = new Journal(memory);
    const deltas = new Deltas();
    Object.assign(deltas.of('file:a'), { traces: 2, spans: 5, logs: 1 });
    const stored: SessionRow = { id: 'file:a', name: 'a.json', source: 'file', createdAt: 1, updatedAt: 1, status: 'ready', traceCount: 1, spanCount: 1, logCount: 0, pinned: true, files: ['old.json'] };
    const [out] = sessionRows(['file:a'], () => stored, deltas, journal, routing, 'imp', 9);
    expect(out).toMatchObject({ traceCount: 3, spanCount: 6, logCount: 1, pinned: true, files: ['old.json', 'a.json'], lastWriter: 'imp', updatedAt: 9 });
    sessionRows(['file:a'], () => out, new Deltas(), journal, routing, 'imp', 10);
    expect(journal.rows).toEqual([{ importId: 'imp', table: 'sessions', key: 'file:a', before: stored }]);
  });

  it('a session the import creates is new and hidden, with nothing to journal', () => {
    const memory = new ImportMemory('imp');
    const journal = new Journal(memory);
    const [out] = sessionRows(['konnect:abc'], () => undefined, new Deltas(), journal, routing, 'imp', 9);
    expect(out).toMatchObject({ id: 'konnect:abc', importId: 'imp', status: 'importing' });
    expect(journal.rows).toEqual([]);
  });
});
