/**
 * The store's pages / directory / chunks layout (renderer/db/schema.ts): what an import of JSON lines
 * leaves in it, summaries and source lines written as they come from the decode workers, many pages,
 * rollback, and the upgrade of a version-1 database.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeAll, decodeStream } from '../../shared/decode/index';
import type { DecodedBatch } from '../../shared/decode/api';
import { summarizeTrace } from '../../shared/kong/summary';
import type { Span, TraceSpans } from '../../shared/model/types';
import { readTraceSpans } from '../../renderer/db/chunks';
import { ImportFailed, runImport } from '../../renderer/db/ingest';
import {
  decodePage,
  directoryHas,
  encodePage,
  newSessionRow,
  openDb,
  PAGE_TRACES,
  traceKey,
  V1_STORES,
  type ChunkRow,
  type KtvDb,
  type SummaryText,
  type TraceRow,
} from '../../renderer/db/schema';
import { summaryJson } from '../../renderer/db/stored-row';
import { ImportWriter, recoverUnfinishedImports, type WriteInput } from '../../renderer/db/writer';

const fixture = (p: string) => new Uint8Array(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../fixtures', p)));
const encoder = new TextEncoder();
const SID = 'file:test';
const session = { id: SID, name: 'test.jsonl', source: 'file' as const, files: ['test.jsonl'] };

const tid = (n: number) => n.toString(16).padStart(32, '0');
const sid = (n: number) => n.toString(16).padStart(16, '0');

/** One export request line: spans of several traces; the first span of a trace is its root. */
function spansLine(traces: Record<string, number[]>, opts: { pad?: number; requestId?: (traceId: string) => string } = {}): string {
  const spans = Object.entries(traces).flatMap(([traceId, ids]) =>
    ids.map((n) => ({
      traceId,
      spanId: sid(n),
      parentSpanId: n % 100 === 1 ? '' : sid(n - (n % 100) + 1),
      name: n % 100 === 1 ? 'kong' : `kong.phase ${n}`,
      kind: 2,
      startTimeUnixNano: `${1739932819947000000n + BigInt(n) * 1000n}`,
      endTimeUnixNano: `${1739932819947000000n + BigInt(n) * 1000n + 700n}`,
      attributes: [
        { key: 'which', value: { stringValue: `span ${n}` } },
        ...(n % 100 === 1 ? [{ key: 'http.response.status_code', value: { intValue: '200' } }] : []),
        ...(n % 100 === 1 && opts.requestId ? [{ key: 'proxy.kong.request.id', value: { stringValue: opts.requestId(traceId) } }] : []),
        ...(opts.pad ? [{ key: 'padding', value: { stringValue: 'x'.repeat(opts.pad) } }] : []),
      ],
    })),
  );
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'kong' } }] }, scopeSpans: [{ scope: { name: 'kong-internal' }, spans }] }],
  });
}
const logsLine = (traceId: string, n: number) =>
  JSON.stringify({
    resourceLogs: [{ scopeLogs: [{ logRecords: Array.from({ length: n }, (_, i) => ({ timeUnixNano: `173993281994700${1000 + i}`, severityNumber: 13, body: { stringValue: `line ${i}` }, traceId })) }] }],
  });

/** Decodes JSON lines (two or more) as the single-thread import does, keeping the source lines. */
async function decodeKept(lines: string[], batchSpans = 100_000): Promise<DecodedBatch[]> {
  const bytes = encoder.encode(`${lines.join('\n')}\n`);
  async function* one() {
    yield bytes;
  }
  const out: DecodedBatch[] = [];
  for await (const b of decodeStream(one(), { fileName: 'test.jsonl', batchSpans, keepSource: true })) out.push(b);
  // (a single line alone is read as a JSON document, which keeps no source)
  for (const b of out) expect(b.source).toBeDefined();
  return out;
}

/** The summaries of a batch's traces, as a decode worker makes them. */
const summariesOf = (batch: DecodedBatch): SummaryText[] =>
  batch.traces.map((t) => {
    const s = summarizeTrace(t, batch.sessionOf?.[t.traceId] ?? null);
    return { traceId: s.traceId, requestId: s.requestId, spanCount: s.spanCount, startMs: s.startMs, konnectSessionId: s.konnectSessionId, json: summaryJson(s) };
  });

/** A batch as the parallel import writes it: summaries and source lines, no decoded spans. */
const asSummaries = (batch: DecodedBatch): WriteInput => ({ traces: [], summaries: summariesOf(batch), logs: batch.logs, payloads: batch.payloads, source: batch.source! });

/** A session's trace rows, as the trace list reads them. */
const listRows = async (db: KtvDb, sessionId = SID): Promise<TraceRow[]> =>
  (await db.pages.where('sessionId').equals(sessionId).toArray()).flatMap((p) => decodePage(p).traces);
const rowOf = async (db: KtvDb, traceId: string) => (await listRows(db)).find((r) => r.traceId === traceId);

/** What a user sees of a trace: each span (by id) with its fields, absolute start, resource and scope. */
function view(t: TraceSpans | null | undefined) {
  if (!t) return null;
  return {
    traceId: t.traceId,
    spans: [...t.spans]
      .sort((a, b) => a.spanId.localeCompare(b.spanId))
      .map((s: Span) => ({
        spanId: s.spanId,
        parentSpanId: s.parentSpanId,
        name: s.name,
        kind: s.kind,
        startNs: (BigInt(t.baseNs) + BigInt(s.start)).toString(),
        duration: s.duration,
        status: s.status,
        attributes: s.attributes,
        events: s.events,
        resource: t.resources[s.resource],
        scope: t.scopes[s.scope],
      })),
  };
}

/** Every row of the data tables, as stored. */
async function everything(db: KtvDb) {
  return {
    sessions: await db.sessions.toArray(),
    pages: await db.pages.toArray(),
    directory: await db.directory.toArray(),
    chunks: await db.chunks.toArray(),
    logs: await db.logs.toArray(),
    payloads: await db.payloads.toArray(),
    journal: await db.journal.toArray(),
  };
}

let db: KtvDb;
let n = 0;
const dbName = () => `store-pages-${n++}`;
beforeEach(() => {
  db = openDb(dbName());
});

describe('runImport of JSON lines keeps the source lines as chunks', () => {
  it('stores otlp-jsonl chunks that the trace rows name, and reads back the spans the file holds', async () => {
    // ~800 KB of lines (more than one 512 KiB chunk), a trace spread over the first and last generated
    // line, then the collector fixture (trace and log lines, a truncated last line)
    const spread = tid(0xabc);
    const lines = [spansLine({ [spread]: [1, 2] }, { pad: 1500 })];
    for (let i = 1; i <= 500; i++) lines.push(spansLine({ [tid(i)]: [i * 100 + 1, i * 100 + 2] }, { pad: 1500 }));
    lines.push(spansLine({ [spread]: [3] }, { pad: 1500 }));
    const mixed = new TextDecoder().decode(fixture('formats/collector-mixed.jsonl'));
    const bytes = encoder.encode(`${lines.join('\n')}\n${mixed}`);
    const expected = await decodeAll(bytes, { fileName: 'big.jsonl' });

    const report = await runImport(db, 'imp-l', { kind: 'bytes', bytes, name: 'big.jsonl' }, { session }, new AbortController().signal, () => {});
    expect(report.format).toBe('otlp-jsonl');
    expect(report.traces).toBe(expected.traces.length);
    expect(report.spans).toBe(expected.traces.reduce((s, t) => s + t.spans.length, 0));
    expect(report.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/^the last line is incomplete/)]);

    const chunks = await db.chunks.toArray();
    expect(chunks.length).toBeGreaterThanOrEqual(2);
    for (const c of chunks) expect(c).toMatchObject({ kind: 'otlp-jsonl', sessionId: SID });
    const chunkIds = new Set(chunks.map((c) => c.id));
    const rows = await listRows(db);
    expect(rows.map((r) => r.traceId).sort()).toEqual(expected.traces.map((t) => t.traceId).sort());
    for (const r of rows) {
      expect(r.chunks.length).toBeGreaterThan(0);
      for (const id of r.chunks) expect(chunkIds.has(id), `${r.traceId} names chunk ${id}`).toBe(true);
    }
    // a fresh import stores no chunk that no trace needs
    expect(new Set(rows.flatMap((r) => r.chunks))).toEqual(chunkIds);
    // the spread trace lives in two chunks; opened, it has the spans of both lines
    expect(rows.find((r) => r.traceId === spread)?.chunks).toHaveLength(2);
    for (const t of expected.traces) {
      const row = rows.find((r) => r.traceId === t.traceId)!;
      expect(row.spanCount).toBe(t.spans.length);
      expect(view(await readTraceSpans(db, row))).toEqual(view(t));
    }
    expect(await db.sessions.get(SID)).toMatchObject({ status: 'ready', traceCount: expected.traces.length, spanCount: report.spans, logCount: expected.logs.length });
  });

  it('the collector fixture alone: its traces read back as decoded', async () => {
    const bytes = fixture('formats/collector-mixed.jsonl');
    const expected = await decodeAll(bytes, { fileName: 'collector-mixed.jsonl' });
    await runImport(db, 'imp-c', { kind: 'bytes', bytes, name: 'collector-mixed.jsonl' }, { session }, new AbortController().signal, () => {});
    const rows = await listRows(db);
    expect(rows).toHaveLength(expected.traces.length);
    for (const c of await db.chunks.toArray()) expect(c.kind).toBe('otlp-jsonl');
    for (const t of expected.traces) expect(view(await readTraceSpans(db, rows.find((r) => r.traceId === t.traceId)!))).toEqual(view(t));
  });
});

describe('ImportWriter with summaries and source lines', () => {
  const T1 = tid(1);
  const T2 = tid(2);
  const T3 = tid(3);

  it('stores the summaries as given, and merges a trace that comes back in a later batch', async () => {
    const [first] = await decodeKept([spansLine({ [T1]: [101, 102] }, { requestId: () => 'req-1' }), logsLine(T1, 2), spansLine({ [T2]: [201] })]);
    const input1 = asSummaries(first!);
    const w = new ImportWriter(db, 'imp-1', session);
    await w.write(input1);

    const pageRows = await db.pages.toArray();
    expect(pageRows).toHaveLength(1);
    expect(typeof pageRows[0]!.traces).toBe('string');
    const page = decodePage(pageRows[0]!);
    expect(page).toMatchObject({ sessionId: SID, importId: 'imp-1' });
    const chunkIds = page.traces.map((r) => r.chunks);
    expect(page.traces).toEqual(
      input1.summaries!.map((s, i) => ({
        ...summarizeTrace(first!.traces.find((t) => t.traceId === s.traceId)!),
        id: traceKey(SID, s.traceId),
        sessionId: SID,
        logCount: s.traceId === T1 ? 2 : 0,
        hasPayload: false,
        chunks: chunkIds[i],
      })),
    );
    // the rows name the source lines stored as they were given
    const stored = await db.chunks.bulkGet(page.traces.flatMap((r) => r.chunks));
    expect(stored.every((c) => c?.kind === 'otlp-jsonl')).toBe(true);
    expect(stored.map((c) => c!.data)).toEqual(page.traces.flatMap((r) => r.chunks.map(() => first!.source!.chunks[0]!.bytes)));
    const dir = await db.directory.get(page.id);
    expect(dir && directoryHas(dir, T1) && directoryHas(dir, T2) && directoryHas(dir, 'req-1', true)).toBe(true);

    // the same import brings more of T1 (and a new trace, and a payload for T2), again as summaries
    const [second] = await decodeKept([spansLine({ [T1]: [103], [T3]: [301] }), spansLine({ [T3]: [302] })]);
    const input2 = asSummaries(second!);
    input2.payloads = [{ traceId: T2, request: { headers: { host: 'example.com' } }, response: { headers: {} } }];
    await w.write(input2);

    const t1 = (await rowOf(db, T1))!;
    expect(t1).toMatchObject({ spanCount: 3, logCount: 2, requestId: 'req-1', status: 200 });
    expect((await readTraceSpans(db, t1))?.spans.map((s) => s.spanId).sort()).toEqual([sid(101), sid(102), sid(103)]);
    const merged = await decodeAll(encoder.encode([spansLine({ [T1]: [101, 102] }, { requestId: () => 'req-1' }), spansLine({ [T1]: [103] })].join('\n')), { fileName: 'x' });
    expect(view(await readTraceSpans(db, t1))).toEqual(view(merged.traces[0]));
    expect(await rowOf(db, T2)).toMatchObject({ spanCount: 1, hasPayload: true });
    expect(await rowOf(db, T3)).toMatchObject({ spanCount: 2, logCount: 0, hasPayload: false });
    expect((await readTraceSpans(db, (await rowOf(db, T3))!))?.spans.map((s) => s.spanId)).toEqual([sid(301), sid(302)]);
    // still one page; every trace once
    expect((await listRows(db)).map((r) => r.traceId).sort()).toEqual([T1, T2, T3]);

    const totals = await w.commit();
    expect(totals).toMatchObject({ traces: 3, spans: 6, logs: 2, payloads: 1, sessionIds: [SID] });
    const s = await db.sessions.get(SID);
    expect(s).toMatchObject({ status: 'ready', traceCount: 3, spanCount: 6, logCount: 2 });
    expect(s?.importId).toBeUndefined();
    expect(await db.journal.count()).toBe(0);
  });

  it('a batch bringing only spans already stored changes nothing', async () => {
    const lines = [spansLine({ [T1]: [101] }), spansLine({ [T1]: [102] })];
    const w = new ImportWriter(db, 'imp-1', session);
    const [a] = await decodeKept(lines);
    await w.write(asSummaries(a!));
    const [b] = await decodeKept(lines);
    await w.write(asSummaries(b!));
    await w.commit();
    expect(await rowOf(db, T1)).toMatchObject({ spanCount: 2 });
    expect(await db.sessions.get(SID)).toMatchObject({ traceCount: 1, spanCount: 2 });
  });
});

describe('many traces: pages and directory', () => {
  const COUNT = 2 * PAGE_TRACES + 600;
  const requestId = (traceId: string) => `req-${traceId.slice(-6)}`;

  it.each(['decoded traces', 'summaries'])('spreads %s over pages of at most PAGE_TRACES, listing each trace once', async (how) => {
    const lines: string[] = [];
    for (let i = 1; i <= COUNT; i++) lines.push(spansLine({ [tid(i)]: [i * 100 + 1, i * 100 + 2] }, { requestId }));
    // batches of 1,500 spans (750 traces): pages fill up across batches
    const batches = await decodeKept(lines, 1500);
    expect(batches.length).toBeGreaterThan(3);
    const w = new ImportWriter(db, 'imp-many', session);
    for (const b of batches) await w.write(how === 'summaries' ? asSummaries(b) : b);
    await w.commit();

    const pages = await db.pages.where('sessionId').equals(SID).toArray();
    expect(pages).toHaveLength(Math.ceil(COUNT / PAGE_TRACES));
    for (const p of pages) expect(decodePage(p).traces.length).toBeLessThanOrEqual(PAGE_TRACES);
    const rows = await listRows(db);
    expect(rows).toHaveLength(COUNT);
    const all = Array.from({ length: COUNT }, (_, i) => tid(i + 1));
    expect(rows.map((r) => r.traceId).sort()).toEqual([...all].sort());
    expect(await db.sessions.get(SID)).toMatchObject({ traceCount: COUNT, spanCount: 2 * COUNT });

    const dirs = await db.directory.where('sessionId').equals(SID).toArray();
    expect(dirs.map((d) => d.id).sort()).toEqual(pages.map((p) => p.id).sort());
    const pageTraces = new Map(pages.map((p) => [p.id, new Set(decodePage(p).traces.map((t) => t.traceId))]));
    for (const id of all) {
      const holding = dirs.filter((d) => directoryHas(d, id));
      expect(holding, id).toHaveLength(1);
      expect(pageTraces.get(holding[0]!.id)!.has(id)).toBe(true);
      expect(dirs.filter((d) => directoryHas(d, requestId(id), true)).map((d) => d.id)).toEqual([holding[0]!.id]);
    }
    // a trace on the last page opens
    const last = rows.find((r) => r.traceId === tid(COUNT))!;
    expect((await readTraceSpans(db, last))?.spans.map((s) => s.spanId).sort()).toEqual([sid(COUNT * 100 + 1), sid(COUNT * 100 + 2)]);
  });
});

describe('stored rows', () => {
  it.each(['decoded traces', 'summaries'])('leave out what can be derived, and read back as the full summary (%s)', async (how) => {
    const lines = [1, 2, 3].map((i) => spansLine({ [tid(i)]: [i * 100 + 1, i * 100 + 2, i * 100 + 3] }, { requestId: (t) => `req-${t.slice(-4)}` }));
    const [batch] = await decodeKept(lines);
    const w = new ImportWriter(db, 'imp-rows', session);
    await w.write(how === 'summaries' ? asSummaries(batch!) : batch!);
    await w.commit();
    const [page] = await db.pages.toArray();
    const stored = JSON.parse(page!.traces) as Record<string, unknown>[];
    expect(stored).toHaveLength(3);
    for (const key of ['id', 'sessionId', 'method', 'status', 'requestId', 'path', 'latencyTotalMs']) expect(stored[0]).not.toHaveProperty(key);
    expect(stored[0]).toMatchObject({ traceId: tid(1), spanCount: 3, rootAttributes: { 'proxy.kong.request.id': 'req-0001' }, chunks: [expect.any(String)] });
    const rows = await listRows(db);
    for (const t of batch!.traces) {
      const row = rows.find((r) => r.traceId === t.traceId)!;
      const { id, sessionId, logCount, hasPayload, chunks, ...summary } = row;
      expect(summary).toEqual(summarizeTrace(t));
      expect({ id, sessionId, logCount, hasPayload }).toEqual({ id: traceKey(SID, t.traceId), sessionId: SID, logCount: 0, hasPayload: false });
      expect(chunks).toHaveLength(1);
    }
  });

  it('pages written before rows left out derived fields still read the same', async () => {
    const [batch] = await decodeKept([spansLine({ [tid(7)]: [701, 702] }, { requestId: () => 'req-7' }), spansLine({ [tid(8)]: [801] })]);
    const summary = summarizeTrace(batch!.traces[0]!);
    const full: TraceRow = { ...summary, id: traceKey(SID, tid(7)), sessionId: SID, logCount: 2, hasPayload: true, chunks: ['c1'] };
    const old = { id: `${SID}|p:old:0`, sessionId: SID, traces: JSON.stringify([full]) };
    expect(decodePage(old).traces).toEqual([full]);
    // and a page written now decodes to the same row
    expect(decodePage(encodePage({ id: old.id, sessionId: SID, traces: [full] })).traces).toEqual([full]);
    expect(encodePage({ id: old.id, sessionId: SID, traces: [full] }).traces.length).toBeLessThan(old.traces.length * 0.8);
  });

  it('keeps the latency model\'s parts, and reads a row stored before them with none (the list then shows Kong\'s figures, flagged)', async () => {
    const [batch] = await decodeKept([spansLine({ [tid(9)]: [901, 902] }), spansLine({ [tid(10)]: [1001] })]);
    const summary = summarizeTrace(batch!.traces[0]!);
    const full: TraceRow = { ...summary, id: traceKey(SID, tid(9)), sessionId: SID, logCount: 0, hasPayload: false, chunks: ['c1'] };
    const stored = JSON.parse(encodePage({ id: 'p', sessionId: SID, traces: [full] }).traces) as Record<string, unknown>[];
    expect(stored[0]).toMatchObject({ gatewayMs: summary.gatewayMs, upstreamMs: summary.upstreamMs, clientMs: summary.clientMs });
    const { gatewayMs: _g, upstreamMs: _u, clientMs: _c, ...before } = stored[0]!;
    const [row] = decodePage({ id: 'p', sessionId: SID, traces: JSON.stringify([before]) }).traces;
    expect(row).toMatchObject({ gatewayMs: null, upstreamMs: null, clientMs: null, durationMs: summary.durationMs });
  });
});

describe('rollback', () => {
  const T1 = tid(1);
  const T2 = tid(2);

  async function firstImport() {
    const [a] = await decodeKept([spansLine({ [T1]: [101] }, { requestId: () => 'req-1' }), spansLine({ [T2]: [201] }), logsLine(T1, 1)]);
    const w = new ImportWriter(db, 'imp-1', session);
    await w.write(asSummaries(a!));
    await w.commit();
    return everything(db);
  }

  it('restores the page of a trace an earlier import stored and removes everything the failed one created', async () => {
    const before = await firstImport();
    const spansBefore = view(await readTraceSpans(db, (await rowOf(db, T1))!));

    const w = new ImportWriter(db, 'imp-2', session);
    const lines = [spansLine({ [T1]: [102] }), logsLine(T1, 3), logsLine(tid(99), 1)];
    for (let i = 10; i < 10 + PAGE_TRACES + 200; i++) lines.push(spansLine({ [tid(i)]: [i * 100 + 1] }));
    for (const b of await decodeKept(lines, 700)) await w.write(asSummaries(b));
    await w.write({ traces: [], logs: [], payloads: [{ traceId: T2, request: { headers: {} }, response: { headers: {} } }] });
    // the merge is visible before the rollback
    expect(await rowOf(db, T1)).toMatchObject({ spanCount: 2, logCount: 3 });
    expect(await rowOf(db, T2)).toMatchObject({ hasPayload: true });
    expect((await listRows(db)).length).toBe(2 + PAGE_TRACES + 200);

    await w.rollback();
    expect(await everything(db)).toEqual(before);
    for (const table of ['pages', 'directory', 'chunks', 'logs', 'payloads'] as const) {
      expect(await db.table(table).where('importId').equals('imp-2').count(), table).toBe(0);
    }
    expect(view(await readTraceSpans(db, (await rowOf(db, T1))!))).toEqual(spansBefore);
  });

  it('a JSON-lines import cancelled after it merged leaves the store as it was', async () => {
    const before = await firstImport();
    const lines = [spansLine({ [T1]: [102] }), spansLine({ [tid(7)]: [701] }), logsLine(T1, 2)];
    const ctrl = new AbortController();
    const err = await runImport(db, 'imp-3', { kind: 'bytes', bytes: encoder.encode(lines.join('\n')), name: 'more.jsonl' }, { session }, ctrl.signal, () => ctrl.abort()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    expect((err as ImportFailed).failure.cancelled).toBe(true);
    expect(await everything(db)).toEqual(before);
  });
});

describe('upgrade from version 1', () => {
  const v1Span = (id: string, parent = '', over: Partial<Span> = {}): Span => ({
    spanId: id.padStart(16, '0'),
    parentSpanId: parent ? parent.padStart(16, '0') : '',
    name: parent ? 'kong.router' : 'kong',
    kind: 2,
    start: parent ? 1000 : 0,
    duration: 5_000_000,
    status: { code: 0 },
    attributes: parent ? {} : { 'http.response.status_code': 200, 'proxy.kong.request.id': `req-${id}` },
    events: [],
    resource: 0,
    scope: 0,
    ...over,
  });
  const v1Trace = (n: number, startSec: number, spans: Span[]): TraceSpans => ({
    traceId: tid(n),
    baseNs: `${1700000000 + startSec}000000000`,
    resources: [{ 'service.name': 'kong' }],
    scopes: [{ name: 'kong' }],
    spans,
  });
  /** A version-1 trace row: the summary and the counters, no chunks. */
  const v1Row = (sessionId: string, t: TraceSpans, over: Record<string, unknown> = {}) => ({
    ...summarizeTrace(t),
    id: traceKey(sessionId, t.traceId),
    sessionId,
    logCount: 1,
    hasPayload: false,
    ...over,
  });

  async function makeV1(name: string, sessions: Record<string, TraceSpans[]>, unfinished: TraceSpans[] = []) {
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    for (const [sessionId, traces] of Object.entries(sessions)) {
      const spanCount = traces.reduce((k, t) => k + t.spans.length, 0);
      await v1.table('sessions').put({ ...newSessionRow({ id: sessionId, name: sessionId, source: 'file' }, 1700000000000), traceCount: traces.length, spanCount, logCount: traces.length });
      // version 1 kept the importId of finished imports on their rows: only the journal and hidden
      // sessions tell an unfinished import
      await v1.table('traces').bulkPut(traces.map((t) => v1Row(sessionId, t, { importId: 'imp-done' })));
      await v1.table('spans').bulkPut(traces.map((t) => ({ id: traceKey(sessionId, t.traceId), sessionId, trace: t, importId: 'imp-done' })));
      await v1.table('logs').bulkPut(traces.map((t) => ({ id: traceKey(sessionId, t.traceId), sessionId, traceId: t.traceId, records: [] })));
    }
    for (const t of unfinished) {
      const [sessionId] = Object.keys(sessions);
      await v1.table('traces').put(v1Row(sessionId!, t, { importId: 'imp-crashed' }));
      await v1.table('spans').put({ id: traceKey(sessionId!, t.traceId), sessionId, trace: t, importId: 'imp-crashed' });
      // what the crashed import journaled: the session row it changed, as it was
      const before = await v1.table('sessions').get(sessionId!);
      await v1.table('journal').add({ importId: 'imp-crashed', table: 'sessions', key: sessionId!, before });
    }
    v1.close();
  }

  it('moves finished traces into pages, directory and chunks, drops the unfinished one and the old tables', async () => {
    const name = dbName();
    // stored out of start order: the page lists them by start
    const late = v1Trace(1, 60, [v1Span('1'), v1Span('2', '1')]);
    const early = v1Trace(2, 0, [v1Span('3')]);
    const crashed = v1Trace(3, 30, [v1Span('4')]);
    await makeV1(name, { 'file:old': [late, early] }, [crashed]);

    const up = openDb(name);
    await up.open();
    try {
      const names = up.tables.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['sessions', 'pages', 'directory', 'chunks', 'logs', 'payloads', 'journal', 'meta']));
      expect(names).not.toContain('traces');
      expect(names).not.toContain('spans');
      const stores = Array.from(up.backendDB().objectStoreNames);
      expect(stores).toEqual(expect.arrayContaining(['pages', 'directory', 'chunks']));
      expect(stores).not.toContain('traces');
      expect(stores).not.toContain('spans');

      const rows = await listRows(up, 'file:old');
      expect(rows.map((r) => r.traceId)).toEqual([early.traceId, late.traceId]);
      for (const [row, t] of [
        [rows[0]!, early],
        [rows[1]!, late],
      ] as const) {
        // the row as version 1 had it, without the finished import's id, with the chunk it moved into
        expect(row).toEqual({ ...v1Row('file:old', t), chunks: [expect.any(String)] });
        expect(await readTraceSpans(up, row)).toEqual(t);
      }
      const dirs = await up.directory.where('sessionId').equals('file:old').toArray();
      expect(dirs).toHaveLength(1);
      expect(dirs[0]!.id).toBe((await up.pages.toArray())[0]!.id);
      expect([early.traceId, late.traceId, crashed.traceId].map((id) => directoryHas(dirs[0]!, id))).toEqual([true, true, false]);
      expect(['req-1', 'req-3', 'req-4'].map((id) => directoryHas(dirs[0]!, id, true))).toEqual([true, true, false]);
      // the unfinished trace is nowhere: no row, no spans in any chunk
      const chunks = await up.chunks.toArray();
      expect(chunks.every((c: ChunkRow) => c.kind === 'ktv' && !(c.data as string).includes(crashed.traceId))).toBe(true);
      expect(await up.pages.count()).toBe(1);
      // everything migrated is committed data: no import owns it
      expect((await up.pages.toArray()).every((p) => p.importId === undefined)).toBe(true);
      expect(chunks.every((c) => c.importId === undefined)).toBe(true);
      // the rest stays
      expect(await up.sessions.get('file:old')).toMatchObject({ traceCount: 2, spanCount: 3, logCount: 2, status: 'ready' });
      expect(await up.logs.count()).toBe(2);
    } finally {
      up.close();
    }
  });

  it('splits a big session into pages and keeps sessions apart', async () => {
    const name = dbName();
    const big = Array.from({ length: PAGE_TRACES + 250 }, (_, i) => v1Trace(1000 + i, i, [v1Span(String(i + 1))]));
    const small = [v1Trace(1000, 5, [v1Span('9'), v1Span('8', '9')])];
    await makeV1(name, { 'file:big': big, 'file:small': small });
    const up = openDb(name);
    await up.open();
    try {
      expect(await up.pages.where('sessionId').equals('file:big').count()).toBe(2);
      const bigRows = await listRows(up, 'file:big');
      expect(bigRows.map((r) => r.traceId).sort()).toEqual(big.map((t) => t.traceId).sort());
      const smallRows = await listRows(up, 'file:small');
      // the same trace id in two sessions stays two traces
      expect(smallRows.map((r) => r.traceId)).toEqual([tid(1000)]);
      expect(await readTraceSpans(up, smallRows[0]!)).toEqual(small[0]);
      expect(await readTraceSpans(up, bigRows.find((r) => r.traceId === tid(1000))!)).toEqual(big[0]);
      const lastOne = big[big.length - 1]!;
      expect(await readTraceSpans(up, bigRows.find((r) => r.traceId === lastOne.traceId)!)).toEqual(lastOne);
      const dirs = await up.directory.where('sessionId').equals('file:big').toArray();
      for (const t of big) expect(dirs.filter((d) => directoryHas(d, t.traceId))).toHaveLength(1);
    } finally {
      up.close();
    }
  });
  it('undoes, after the upgrade, a version-1 import left unfinished after it merged into a stored trace', async () => {
    // Version 1 journaled the before-images of the trace and spans rows it changed (tables 'traces' and
    // 'spans'); a crash left them, with the merged rows, for the recovery at the next start.
    const name = dbName();
    const original = v1Trace(1, 0, [v1Span('1')]);
    const merged = v1Trace(1, 0, [v1Span('1'), v1Span('2', '1')]);
    const key = traceKey('file:old', original.traceId);
    const sessionBefore = { ...newSessionRow({ id: 'file:old', name: 'old', source: 'file' }, 1700000000000), traceCount: 1, spanCount: 1 };
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    await v1.open();
    await v1.table('sessions').put({ ...sessionBefore, spanCount: 2, updatedAt: 1700000005000 });
    await v1.table('traces').put(v1Row('file:old', merged));
    await v1.table('spans').put({ id: key, sessionId: 'file:old', trace: merged });
    await v1.table('journal').bulkAdd([
      { importId: 'imp-crashed', table: 'spans', key, before: { id: key, sessionId: 'file:old', trace: original } },
      { importId: 'imp-crashed', table: 'traces', key, before: v1Row('file:old', original) },
      { importId: 'imp-crashed', table: 'sessions', key: 'file:old', before: sessionBefore },
    ]);
    v1.close();

    const up = openDb(name);
    try {
      // the upgrade undid it in version-1 terms; the start-up recovery then finds nothing left to undo
      // (and must finish: imports wait for it, see ingest-client's recoverImports)
      expect(await recoverUnfinishedImports(up)).toBe(0);
      expect(await up.journal.count()).toBe(0);
      expect(await up.sessions.get('file:old')).toEqual(sessionBefore);
      const rows = await listRows(up, 'file:old');
      expect(rows.map((r) => r.spanCount)).toEqual([1]);
      expect(await readTraceSpans(up, rows[0]!)).toEqual(original);
    } finally {
      up.close();
    }
  });
});
