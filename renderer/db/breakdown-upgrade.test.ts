import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeAll } from '../../shared/decode/index';
import { summarizeTrace } from '../../shared/kong/summary';
import { generateSample } from '../../shared/sample/generate';
import { BREAKDOWN_VERSION, computeBreakdown } from '../../shared/insights/breakdown';
import type { TraceSpans } from '../../shared/model/types';
import { addMissingBreakdowns, BREAKDOWNS_FLAG, upgradeBreakdowns } from './breakdown-upgrade';
import { ktvChunks } from './chunks';
import { applyStoreOp } from './store-ops';
import { decodePage, encodePage, newSessionRow, openDb, traceKey, type KtvDb, type TraceRow } from './schema';

let db: KtvDb;
let n = 0;

afterEach(async () => {
  db.close();
  await db.delete();
});

/** Kong traces as the bundled sample's generator makes them */
async function kongTraces(): Promise<TraceSpans[]> {
  const sample = generateSample({ seed: 7, traces: 12 });
  return (await decodeAll(new TextEncoder().encode(sample.jsonl), { fileName: 'old.jsonl' })).traces;
}

/** A session stored the way a version before session insights stored it: pages of rows without breakdowns. */
async function seedOld(sessionId: string, traces: TraceSpans[], perPage: number) {
  await db.sessions.put(newSessionRow({ id: sessionId, name: sessionId, source: 'file' }));
  let c = 0;
  const chunkOf = new Map<string, string>();
  await db.chunks.bulkPut(ktvChunks(sessionId, traces, () => `${sessionId}|c:old:${c++}`, undefined, (t, id) => chunkOf.set(t.traceId, id)));
  const rows: TraceRow[] = traces.map((t) => {
    const { breakdown: _dropped, ...s } = summarizeTrace(t);
    return { ...s, id: traceKey(sessionId, t.traceId), sessionId, logCount: 0, hasPayload: false, chunks: [chunkOf.get(t.traceId)!] };
  });
  for (let p = 0; p * perPage < rows.length; p++) {
    await db.pages.put(encodePage({ id: `${sessionId}|p:old:${p}`, sessionId, traces: rows.slice(p * perPage, (p + 1) * perPage) }));
  }
}

async function storedRows(sessionId: string): Promise<TraceRow[]> {
  return (await db.pages.where('sessionId').equals(sessionId).toArray()).flatMap((p) => decodePage(p).traces);
}

describe('adding breakdowns to traces stored before session insights', () => {
  it('gives every stored row the breakdown an import would have computed, keeping the rest of the row', async () => {
    db = openDb(`ktv-breakdowns-${++n}`);
    const traces = await kongTraces();
    expect(traces.length).toBeGreaterThan(1);
    await seedOld('file:old', traces, 2);
    const before = await storedRows('file:old');
    expect(before.every((r) => r.breakdown === undefined)).toBe(true);

    const result = await upgradeBreakdowns(db);
    expect(result).toMatchObject({ added: traces.length, unreadable: 0, complete: true });
    const after = await storedRows('file:old');
    const byId = new Map(traces.map((t) => [t.traceId, t]));
    for (const r of after) expect(r.breakdown).toEqual(computeBreakdown(byId.get(r.traceId)!));
    expect(after.map(({ breakdown: _b, ...r }) => r)).toEqual(before);
    // done once: the next start-up does not look again
    expect(await db.meta.get(BREAKDOWNS_FLAG)).toBeTruthy();
    expect(await upgradeBreakdowns(db)).toBeNull();
  });

  it('resumes where it stopped: a run aborted after the first page leaves that page done, the next run does the rest', async () => {
    db = openDb(`ktv-breakdowns-${++n}`);
    const traces = await kongTraces();
    await seedOld('file:old', traces, 1);
    const ctrl = new AbortController();
    const firstPage = db.pages.put.bind(db.pages);
    // stop the upgrade as soon as it has written its first page
    db.pages.put = ((...args: Parameters<typeof db.pages.put>) => {
      ctrl.abort();
      return firstPage(...args);
    }) as typeof db.pages.put;
    const stopped = await upgradeBreakdowns(db, ctrl.signal);
    db.pages.put = firstPage;
    expect(stopped).toMatchObject({ added: 1, complete: false });
    expect((await storedRows('file:old')).filter((r) => r.breakdown).length).toBe(1);
    expect(await db.meta.get(BREAKDOWNS_FLAG)).toBeUndefined();

    const resumed = await upgradeBreakdowns(db);
    expect(resumed).toMatchObject({ added: traces.length - 1, complete: true });
    expect((await storedRows('file:old')).every((r) => r.breakdown)).toBe(true);
  });

  it('the view asks for one session only, and a session still being imported is left to its import', async () => {
    db = openDb(`ktv-breakdowns-${++n}`);
    const traces = await kongTraces();
    await seedOld('file:a', traces, 5);
    await seedOld('file:b', traces, 5);
    await seedOld('file:importing', traces, 5);
    await db.sessions.update('file:importing', { status: 'importing', importId: 'imp-1' });
    expect(await applyStoreOp(db, { op: 'addBreakdowns', sessionId: 'file:a' })).toMatchObject({ added: traces.length });
    expect((await storedRows('file:a')).every((r) => r.breakdown)).toBe(true);
    expect((await storedRows('file:b')).some((r) => r.breakdown)).toBe(false);
    await addMissingBreakdowns(db);
    expect((await storedRows('file:b')).every((r) => r.breakdown)).toBe(true);
    expect((await storedRows('file:importing')).some((r) => r.breakdown)).toBe(false);
  });

  it('computes again a breakdown of an older version (one without the span dimensions)', async () => {
    db = openDb(`ktv-breakdowns-${++n}`);
    const traces = await kongTraces();
    await seedOld('file:v1', traces, 5);
    // what the first version stored: a breakdown without dims and version
    for (const p of await db.pages.toArray()) {
      const rows = JSON.parse(p.traces) as { traceId: string; breakdown?: unknown }[];
      for (const r of rows) {
        const { dims: _d, v: _v, ...b } = computeBreakdown(traces.find((t) => t.traceId === r.traceId)!);
        r.breakdown = b;
      }
      await db.pages.put({ ...p, traces: JSON.stringify(rows) });
    }
    expect(await upgradeBreakdowns(db)).toMatchObject({ added: traces.length, complete: true });
    expect((await storedRows('file:v1')).every((r) => r.breakdown?.dims !== undefined && r.breakdown.v === BREAKDOWN_VERSION)).toBe(true);
  });

  it('a row whose spans cannot be read back is counted and left as it was', async () => {
    db = openDb(`ktv-breakdowns-${++n}`);
    const traces = await kongTraces();
    await seedOld('file:old', traces, 10);
    await db.chunks.clear();
    expect(await addMissingBreakdowns(db)).toMatchObject({ added: 0, unreadable: traces.length, complete: true });
    expect((await storedRows('file:old')).some((r) => r.breakdown)).toBe(false);
  });
});
