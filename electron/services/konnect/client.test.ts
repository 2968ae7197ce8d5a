import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeFailure } from '../../../shared/bridge/result';
import { CP_DEFAULT, SEEDED_SESSION, SEEDED_SESSION_TRACES } from '../../../test/stand-ins/konnect/seed';
import { startKonnectStandIn, STANDIN_TOKEN, STANDIN_VIEWER_TOKEN, type KonnectStandIn } from '../../../test/stand-ins/konnect/server';
import { KonnectHttp, type WaitInfo } from './http';
import { KonnectPublicApi } from './public-api';
import { pullSession, PullError } from './pull';
import { HttpSessionsApi } from './sessions-api';

let standIn: KonnectStandIn;
beforeAll(async () => {
  standIn = await startKonnectStandIn({ traceIntervalMs: 100 });
});
afterAll(() => standIn.close());
afterEach(() => {
  standIn.clearFaults();
  standIn.requests.length = 0;
});

const client = (opts: { token?: string; timeoutMs?: number; maxRetries?: number } = {}) =>
  new KonnectHttp({ baseUrl: standIn.url, token: opts.token ?? STANDIN_TOKEN, timeoutMs: opts.timeoutMs ?? 2000, maxRetries: opts.maxRetries ?? 3, backoff: { baseMs: 20, maxMs: 100 } });

async function failureOf(p: Promise<unknown>): Promise<BridgeFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BridgeFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const nodeId = (n: number) => standIn.seed.nodes[CP_DEFAULT]![n]!.id;

describe('public endpoints', () => {
  it('fetches every control plane across pages and marks unsupported clusters', async () => {
    const all = await new KonnectPublicApi(client()).allControlPlanes({}, { pageSize: 10 });
    expect(all).toHaveLength(standIn.seed.controlPlanes.length);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(standIn.requests.map((r) => r.query['page[number]'])).toEqual(['1', '2', '3']);
    const kic = all.find((c) => c.name === 'kic-prod')!;
    expect(kic).toMatchObject({ debuggerSupported: false, unsupportedReason: expect.stringContaining('Ingress Controller') });
    expect(all.find((c) => c.name === 'events-prod')!.debuggerSupported).toBe(false);
    expect(all.find((c) => c.name === 'default')!.debuggerSupported).toBe(true);
  });

  it('searches by name', async () => {
    const page = await new KonnectPublicApi(client()).controlPlanes({ pageNumber: 1, pageSize: 10, search: 'payments' });
    expect(page.items.map((c) => c.name)).toEqual(['payments-prod', 'payments-dev']);
    expect(page.total).toBe(2);
    expect(standIn.requests[0]!.query['filter[name][contains]']).toBe('payments');
  });

  it('follows the node cursor to the end and judges versions', async () => {
    const nodes = await new KonnectPublicApi(client()).allNodes(CP_DEFAULT, {}, 3);
    expect(nodes.map((n) => n.hostname)).toEqual(standIn.seed.nodes[CP_DEFAULT]!.map((n) => n.hostname));
    expect(standIn.requests).toHaveLength(3);
    expect(standIn.requests[0]!.query['page[after]']).toBeUndefined();
    expect(standIn.requests[1]!.query['page[after]']).toBeTruthy();
    const legacy = nodes.find((n) => n.version === '3.9.0.1')!;
    expect(legacy).toMatchObject({ tracingSupported: false, reason: expect.stringContaining('3.9.1') });
    expect(nodes.find((n) => n.version === '3.10.0.0')).toMatchObject({ tracingSupported: true, logsSupported: false });
    expect(nodes[0]!.lastPing).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('pages routes and services with size and offset', async () => {
    const api = new KonnectPublicApi(client());
    const routes = await api.entities(CP_DEFAULT, 'routes', {}, { size: 5 });
    expect(routes).toHaveLength(12);
    expect(standIn.requests.map((r) => r.query.size)).toEqual(['5', '5', '5']);
    expect(standIn.requests[1]!.query.offset).toBeTruthy();
    expect(routes.find((r) => r.name === 'route-1')!.detail).toContain('/api/v1/r1');
    expect(await api.entities(CP_DEFAULT, 'services')).toHaveLength(5);
  });
});

describe('faults', () => {
  it('401: asks to sign in again, with the detail, never the token', async () => {
    const bad = 'kpat_NotARealTokenButShapedLikeOne000000000000000';
    const f = await failureOf(new KonnectPublicApi(client({ token: bad })).controlPlanes({ pageNumber: 1, pageSize: 1 }));
    expect(f.code).toBe('unauthorized');
    expect(f.message).toContain('Invalid credentials');
    expect(f.message).toContain('Sign in again');
    expect(JSON.stringify({ m: f.message, d: f.details, s: f.stack })).not.toContain(bad);
  });

  it('403: names the missing role', async () => {
    const api = new HttpSessionsApi(client({ token: STANDIN_VIEWER_TOKEN }));
    const f = await failureOf(api.start(CP_DEFAULT, { nodeIds: [nodeId(0)], rule: { kind: 'route', routeId: 'x' }, durationS: 60, maxSamples: 5, captureLogs: false, captureHeaders: false, captureBodies: false }));
    expect(f.code).toBe('forbidden');
    expect(f.message).toContain('Debug Session Creator');
  });

  it('400: invalid_parameters come back under the form field names', async () => {
    const api = new HttpSessionsApi(client());
    const f = await failureOf(api.start(CP_DEFAULT, { nodeIds: [nodeId(3)], rule: { kind: 'route', routeId: 'nope' }, durationS: 5000, maxSamples: 5, captureLogs: false, captureHeaders: false, captureBodies: false }));
    expect(f.code).toBe('invalid-argument');
    const fields = (f.details as { invalidParameters: { field: string; reason: string }[] }).invalidParameters;
    expect(fields.map((p) => p.field).sort()).toEqual(['durationS', 'nodeIds', 'rule']);
    expect(fields.find((p) => p.field === 'nodeIds')!.reason).toContain('3.9.1');
  });

  it('404 names what was not found', async () => {
    const f = await failureOf(new HttpSessionsApi(client()).get(CP_DEFAULT, 'no-such-session'));
    expect(f.code).toBe('not-found');
    expect(f.message).toContain('no-such-session');
  });

  it('429: waits the Retry-After, says so, then succeeds', async () => {
    standIn.addFault({ kind: 'status', status: 429, retryAfterS: 1 });
    const waits: WaitInfo[] = [];
    const page = await new KonnectPublicApi(client()).controlPlanes({ pageNumber: 1, pageSize: 5 }, { onWait: (w) => waits.push(w) });
    expect(page.items).toHaveLength(5);
    expect(waits).toEqual([{ reason: 'rate-limited', ms: 1000, retry: 1, what: 'List control planes', message: expect.stringContaining('stand-in fault 429') }]);
    const [first, second] = standIn.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('429 without Retry-After backs off and gives up as rate-limited when it persists', async () => {
    standIn.addFault({ kind: 'status', status: 429, times: 10 });
    const waits: WaitInfo[] = [];
    const f = await failureOf(new KonnectPublicApi(client({ maxRetries: 2 })).controlPlanes({ pageNumber: 1, pageSize: 5 }, { onWait: (w) => waits.push(w) }));
    expect(f.code).toBe('rate-limited');
    expect(waits.map((w) => w.retry)).toEqual([1, 2]);
    expect(waits.every((w) => w.ms >= 1 && w.ms <= 100)).toBe(true);
    expect(standIn.requests).toHaveLength(3);
  });

  it('500 and dropped connections are retried with back-off for reads', async () => {
    standIn.addFault({ kind: 'status', status: 500, times: 1 });
    standIn.addFault({ kind: 'drop', times: 1 });
    const waits: WaitInfo[] = [];
    const nodes = await new KonnectPublicApi(client()).allNodes(CP_DEFAULT, { onWait: (w) => waits.push(w) });
    expect(nodes).toHaveLength(7);
    expect(waits.map((w) => w.reason)).toEqual(['unavailable', 'network']);
  });

  it('a 500 on starting a session is not retried (it may have started)', async () => {
    standIn.addFault({ kind: 'status', status: 500, path: '/debug-sessions', method: 'POST' });
    const f = await failureOf(new HttpSessionsApi(client()).start(CP_DEFAULT, { nodeIds: [nodeId(0)], rule: { kind: 'expression', expression: 'http.response.status_code >= 500' }, durationS: 60, maxSamples: 5, captureLogs: false, captureHeaders: false, captureBodies: false }));
    expect(f.code).toBe('unavailable');
    expect(standIn.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('times out a slow answer', async () => {
    standIn.addFault({ kind: 'slow', ms: 1500 });
    const f = await failureOf(new KonnectPublicApi(client({ timeoutMs: 200, maxRetries: 0 })).controlPlanes({ pageNumber: 1, pageSize: 1 }));
    expect(f.code).toBe('timeout');
    expect(f.message).toContain('did not answer');
  });

  it('cancels a request in flight and a wait between retries', async () => {
    standIn.addFault({ kind: 'slow', ms: 1500 });
    const c1 = new AbortController();
    setTimeout(() => c1.abort(), 50);
    const started = Date.now();
    expect((await failureOf(new KonnectPublicApi(client()).controlPlanes({ pageNumber: 1, pageSize: 1 }, { signal: c1.signal }))).code).toBe('cancelled');
    standIn.addFault({ kind: 'status', status: 429, retryAfterS: 30 });
    const c2 = new AbortController();
    const f = failureOf(new KonnectPublicApi(client()).controlPlanes({ pageNumber: 1, pageSize: 1 }, { signal: c2.signal, onWait: () => c2.abort() }));
    expect((await f).code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('never lets the token into an error, even when the server echoes it', async () => {
    standIn.addFault({ kind: 'status', status: 400, detail: `bad header Bearer ${STANDIN_TOKEN}` });
    const f = await failureOf(new KonnectPublicApi(client()).controlPlanes({ pageNumber: 1, pageSize: 1 }));
    expect(JSON.stringify({ m: f.message, d: f.details })).not.toContain(STANDIN_TOKEN);
    expect(f.message).toContain('bad header Bearer');
  });
});

describe('sessions', () => {
  it('starts, lists, stops a session and pulls what it produced', async () => {
    const api = new HttpSessionsApi(client());
    const s = await api.start(CP_DEFAULT, { nodeIds: [nodeId(5)], rule: { kind: 'route', routeId: standIn.seed.routes[CP_DEFAULT]![0]!.id }, durationS: 60, maxSamples: 3, captureLogs: true, captureHeaders: true, captureBodies: false });
    expect(s).toMatchObject({ status: 'in_progress', maxSamples: 3, captureLogs: true, rule: { kind: 'route' } });
    expect((await api.list(CP_DEFAULT)).map((x) => x.id)).toContain(s.id);
    const pulled = await pullSession(api, CP_DEFAULT, s.id, { follow: true, pollMs: 50 });
    expect(pulled.session!.status).toBe('completed');
    expect(pulled.traceIds).toHaveLength(3);
    expect(Object.keys(pulled.payloads)).toHaveLength(3);
    const stopped = await api.stop(CP_DEFAULT, s.id);
    expect(stopped.status).toBe('completed');
  });

  it('resumes a pull after lost connections and 500s without duplicates', async () => {
    const api = new HttpSessionsApi(client({ maxRetries: 0 }), 4);
    standIn.addFault({ kind: 'drop', path: '/traces', times: 2 });
    standIn.addFault({ kind: 'status', status: 500, path: '/logs', times: 1 });
    const pulled = await pullSession(api, CP_DEFAULT, SEEDED_SESSION, { sleep: async () => undefined });
    expect(pulled.traceIds).toHaveLength(SEEDED_SESSION_TRACES);
    expect(new Set(pulled.traceIds).size).toBe(SEEDED_SESSION_TRACES);
    const spanKeys = pulled.batches.flatMap((b) => (b as { scopeSpans: { spans: { traceId: string; spanId: string }[] }[] }).scopeSpans.flatMap((ss) => ss.spans.map((sp) => `${sp.traceId}/${sp.spanId}`)));
    expect(new Set(spanKeys).size).toBe(spanKeys.length);
    expect(spanKeys).toHaveLength(SEEDED_SESSION_TRACES * 22);
    const logCount = pulled.resourceLogs.flatMap((rl) => (rl as { scopeLogs: { logRecords: unknown[] }[] }).scopeLogs.flatMap((sl) => sl.logRecords)).length;
    expect(logCount).toBe(SEEDED_SESSION_TRACES * 2);
  });

  it('a page fetched twice adds nothing the second time', async () => {
    const api = new HttpSessionsApi(client(), 5);
    const first = await api.pull(CP_DEFAULT, SEEDED_SESSION, null);
    const again = await api.pull(CP_DEFAULT, SEEDED_SESSION, null);
    expect(again.traceIds).toEqual(first.traceIds);
    const seen = new Set<string>();
    const { newSpansOnly } = await import('./pull');
    expect(newSpansOnly(first.batches, seen)).not.toHaveLength(0);
    expect(newSpansOnly(again.batches, seen)).toHaveLength(0);
  });

  it('gives back what was pulled when a pull fails for good', async () => {
    const api = new HttpSessionsApi(client({ maxRetries: 0 }), 10);
    // the first page arrives, the second is refused
    standIn.addFault({ kind: 'status', status: 403, path: '/traces', after: 1 });
    const e = await pullSession(api, CP_DEFAULT, SEEDED_SESSION).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PullError);
    expect((e as PullError).failure.code).toBe('forbidden');
    expect((e as PullError).partial.traceIds).toHaveLength(10);
  });
});
