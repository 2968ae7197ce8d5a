/**
 * Log lines and payloads opened on their own (Konnect keeps them apart from traces, issue 13): they attach to
 * the stored traces they name, in whatever session holds them, or wait for those traces; never an empty
 * session, never "nothing new" for what was just stored. And live queries see what an import changed.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie, { liveQuery, type ObservabilitySet, type RangeSet } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeReport } from '../../renderer/db/import-report';
import { runImport } from '../../renderer/db/ingest';
import type { ImportReport } from '../../renderer/db/ingest-types';
import { decodePage, openDb, traceKey, type KtvDb } from '../../renderer/db/schema';
import { WAITING } from '../../renderer/db/write-plan';

const here = dirname(fileURLToPath(import.meta.url));
const GATEWAY_310 = new Uint8Array(readFileSync(join(here, '../../shared/sample/gateway-3.10-konnect.json')));
const TRACE = '7f53c0d47e0f12051956b805a7696363';
const KONNECT = 'konnect:01951c12-e71c-7267-98e3-973ddcf1df64';
const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));
const payloadDoc = enc({ [`${TRACE}:reqres`]: { request_headers: { authorization: 'Bearer x' }, response_headers: {}, response_body: '{"ok":true}' } });
const logsDoc = enc({
  resourceLogs: [
    { resource: {}, scopeLogs: [{ logRecords: [{ timeUnixNano: '1739932819947100000', severityNumber: 13, severityText: 'WARN', traceId: TRACE, body: { stringValue: 'upstream slow' } }] }] },
  ],
});

let db: KtvDb;
let n = 0;
beforeEach(() => {
  db = openDb(`attach-${n++}`);
});

const open = (bytes: Uint8Array, name: string): Promise<ImportReport> =>
  runImport(db, `imp-${name}-${Math.random()}`, { kind: 'bytes', bytes, name }, {}, new AbortController().signal, () => {});
const traceRow = async (sid: string) => (await db.pages.where('sessionId').equals(sid).toArray()).flatMap((p) => decodePage(p).traces).find((t) => t.traceId === TRACE);

describe('a payload or log document opened on its own', () => {
  it('attaches to the stored trace it names, in the Konnect session holding it, and says so', async () => {
    await open(GATEWAY_310, 'trace.json');
    const sessions = await db.sessions.count();

    const p = await open(payloadDoc, 'payloads.json');
    expect(describeReport(p)).toBe('payloads.json: payloads for 1 trace attached to session Konnect session 01951c12');
    const l = await open(logsDoc, 'logs.json');
    expect(describeReport(l)).toBe('logs.json: log lines for 1 trace attached to session Konnect session 01951c12');

    expect(await db.sessions.count()).toBe(sessions);
    expect(await traceRow(KONNECT)).toMatchObject({ hasPayload: true, logCount: 1 });
    expect((await db.payloads.get(traceKey(KONNECT, TRACE)))?.payload?.request.headers).toBeDefined();
    expect((await db.sessions.get(KONNECT))?.logCount).toBe(1);

    // the same documents again: nothing new now
    expect(describeReport(await open(payloadDoc, 'payloads.json'))).toBe('payloads.json: already imported, nothing new');
    expect(describeReport(await open(logsDoc, 'logs.json'))).toBe('logs.json: already imported, nothing new');
  });

  it('waits for a trace stored nowhere yet, and the trace takes it when it comes', async () => {
    const p = await open(payloadDoc, 'payloads.json');
    expect(describeReport(p)).toBe('payloads.json: payloads for 1 trace not imported yet, kept until they are');
    const l = await open(logsDoc, 'logs.json');
    expect(describeReport(l)).toBe('logs.json: log lines for 1 trace not imported yet, kept until they are');
    expect(await db.sessions.count()).toBe(0);

    await open(GATEWAY_310, 'trace.json');
    expect(await traceRow(KONNECT)).toMatchObject({ hasPayload: true, logCount: 1 });
    expect((await db.logs.get(traceKey(KONNECT, TRACE)))?.records).toHaveLength(1);
    expect(await db.payloads.where('sessionId').equals(WAITING).count()).toBe(0);
    expect(await db.logs.where('sessionId').equals(WAITING).count()).toBe(0);
  });

  it('a failed import that took waiting rows puts them back', async () => {
    await open(payloadDoc, 'payloads.json');
    const good = new TextDecoder().decode(GATEWAY_310);
    const cancel = new AbortController();
    const job = runImport(db, 'imp-cancelled', { kind: 'bytes', bytes: new TextEncoder().encode(good), name: 't.json' }, {}, cancel.signal, () => cancel.abort());
    await expect(job).rejects.toThrow(/cancelled/);
    expect(await db.payloads.where('sessionId').equals(WAITING).count()).toBe(1);
  });
});

/**
 * Imports write in the ingest worker and views read in the window: Dexie tells the window through a
 * BroadcastChannel, which is what makes it drop its cached query results. The relay stands for that other
 * side here (a channel never hears its own messages), so the live query sees the import as a view does.
 */
function otherContext(): () => void {
  const relay = new BroadcastChannel('x-storagemutated-1');
  relay.onmessage = (e: MessageEvent) => relay.postMessage(e.data);
  return () => relay.close();
}

describe('live queries', () => {
  it('a real liveQuery over a session’s pages emits again when an import adds traces to it', async () => {
    const close = otherContext();
    const seen: number[] = [];
    const sub = liveQuery(() => db.pages.where('sessionId').equals(KONNECT).toArray()).subscribe((pages) => seen.push(pages.flatMap((p) => decodePage(p).traces).length));
    try {
      await expect.poll(() => seen[0]).toBe(0);
      await open(GATEWAY_310, 'trace.json');
      await expect.poll(() => seen.at(-1)).toBe(1);
    } finally {
      sub.unsubscribe();
      close();
    }
  });

  it('a real liveQuery over a trace’s payload emits again when a payload document attaches to it', async () => {
    await open(GATEWAY_310, 'trace.json');
    const close = otherContext();
    const seen: boolean[] = [];
    const sub = liveQuery(() => db.payloads.get(traceKey(KONNECT, TRACE))).subscribe((row) => seen.push(!!row));
    try {
      await expect.poll(() => seen[0]).toBe(false);
      await open(payloadDoc, 'payloads.json');
      await expect.poll(() => seen.at(-1)).toBe(true);
    } finally {
      sub.unsubscribe();
      close();
    }
  });

  it('an import names the sessions it changed, not every row of every table', async () => {
    const changed: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => changed.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      await open(GATEWAY_310, 'trace.json');
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen);
    }
    const pages = (p: ObservabilitySet) => p[`idb://${db.name}/pages/`] as RangeSet | undefined;
    const bySession = (p: ObservabilitySet) => p[`idb://${db.name}/pages/sessionId`] as RangeSet | undefined;
    // the last announcement (opening the database announces everything)
    const announced = changed.filter((p) => pages(p)).at(-1);
    expect(pages(announced!)!.hasKey(traceKey(KONNECT, TRACE))).toBe(true);
    expect(bySession(announced!)!.hasKey(KONNECT)).toBe(true);
    expect(pages(announced!)!.hasKey(traceKey('file:other', TRACE))).toBeFalsy();
    expect(bySession(announced!)!.hasKey('file:other')).toBeFalsy();
  });
});
