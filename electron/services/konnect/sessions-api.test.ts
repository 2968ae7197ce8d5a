/**
 * The debug-session client against the stand-in, to the shapes of Kong's draft: the create body field by
 * field for every kind of rule, each status a session goes through (on the stand-in's clock, moved by the
 * test), the cursor-paged list, the stop forms, and names for the entity ids a trace carries.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BridgeFailure } from '../../../shared/bridge/result';
import { hasEnded, isRunning, type SessionSpec } from '../../../shared/konnect/types';
import { CP_DEFAULT, SEEDED_SESSION } from '../../../test/stand-ins/konnect/seed';
import { startKonnectStandIn, STANDIN_TOKEN, type KonnectStandIn } from '../../../test/stand-ins/konnect/server';
import { CONSUMER_IDS, FIXTURE_ROUTE_ID, UPSTREAM_IDS } from '../../../test/stand-ins/konnect/traces';
import { entityIdsOf, lookupEntityNames } from './entity-names';
import { KonnectHttp } from './http';
import { pullSession } from './pull';
import { HttpSessionsApi } from './sessions-api';

const T0 = Date.parse('2026-06-01T12:00:00.000Z');
let standIn: KonnectStandIn;
beforeAll(async () => {
  standIn = await startKonnectStandIn({ manualClock: T0, pendingMs: 5_000, traceIntervalMs: 1_000 });
});
afterAll(() => standIn.close());
afterEach(() => {
  standIn.clearFaults();
  standIn.requests.length = 0;
});

const http = () => new KonnectHttp({ baseUrl: standIn.url, token: STANDIN_TOKEN, timeoutMs: 2000, maxRetries: 0 });
const api = () => new HttpSessionsApi(http());
const nodeId = (n: number) => standIn.seed.nodes[CP_DEFAULT]![n]!.id;
const routeId = () => standIn.seed.routes[CP_DEFAULT]![1]!.id;
const serviceId = () => standIn.seed.services[CP_DEFAULT]![1]!.id;
const spec = (over: Partial<SessionSpec> = {}): SessionSpec => ({ nodeIds: [nodeId(0)], rule: { kind: 'all' }, durationS: 60, maxSamples: 10, captureLogs: false, captureHeaders: true, captureBodies: false, ...over });
const lastPost = () => standIn.requests.filter((r) => r.method === 'POST').at(-1)!;
/** every session ends before the next test, so nodes are free again */
const endAll = () => standIn.clock.advance(60 * 60_000);

describe('create body (the draft names)', () => {
  it('sends a route rule as its expression, and every other field as the draft names it', async () => {
    const s = await api().start(CP_DEFAULT, spec({ name: 'checkout 5xx', rule: { kind: 'route', routeId: routeId() }, nodeIds: [nodeId(0), nodeId(5)], durationS: 120, maxSamples: 25 }));
    expect(lastPost().path).toBe(`/v2/control-planes/${CP_DEFAULT}/debug-sessions`);
    expect(lastPost().body).toEqual({
      name: 'checkout 5xx',
      sampling_rule: `proxy.kong.route.id == "${routeId()}"`,
      duration_secs: 120,
      max_samples: 25,
      capture_content: ['headers'],
      targets: [nodeId(0), nodeId(5)],
    });
    expect(s).toMatchObject({ name: 'checkout 5xx', rule: { kind: 'route', routeId: routeId() }, durationS: 120, maxSamples: 25, nodeIds: [nodeId(0), nodeId(5)], captureHeaders: true, captureBodies: false });
    endAll();
  });

  it('sends a service rule, headers and bodies, and log capture (assumed) only when asked for', async () => {
    const s = await api().start(CP_DEFAULT, spec({ rule: { kind: 'service', serviceId: serviceId() }, captureBodies: true, captureLogs: true }));
    expect(lastPost().body).toEqual({ sampling_rule: `proxy.kong.service.id == "${serviceId()}"`, duration_secs: 60, max_samples: 10, capture_content: ['headers', 'body'], targets: [nodeId(0)], capture_logs: true });
    expect(s).toMatchObject({ rule: { kind: 'service', serviceId: serviceId() }, captureBodies: true, captureLogs: true });
    endAll();
  });

  it('sends no rule as null (every request), an expression as it is, and nothing captured as []', async () => {
    const all = await api().start(CP_DEFAULT, spec({ captureHeaders: false }));
    expect(lastPost().body).toMatchObject({ sampling_rule: null, capture_content: [] });
    expect(all.rule).toEqual({ kind: 'all' });
    endAll();
    const expression = 'http.response.status_code >= 500 && http.request.method == "POST"';
    const s = await api().start(CP_DEFAULT, spec({ rule: { kind: 'expression', expression } }));
    expect(lastPost().body).toMatchObject({ sampling_rule: expression });
    expect(s.rule).toEqual({ kind: 'expression', expression });
    endAll();
  });

  it('gets a UUIDv7 id', async () => {
    const s = await api().start(CP_DEFAULT, spec());
    expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    endAll();
  });
});

describe('statuses', () => {
  it('pending, then in_progress (the only one with Stop), then timed_out, which ends a follow', async () => {
    const client = api();
    const s = await client.start(CP_DEFAULT, spec({ durationS: 30, maxSamples: 100 }));
    expect(s.status).toBe('pending');
    expect(isRunning(s) || hasEnded(s, standIn.clock.now())).toBe(false);
    standIn.clock.advance(5_000);
    const running = await client.get(CP_DEFAULT, s.id);
    expect(running.status).toBe('in_progress');
    expect(isRunning(running)).toBe(true);
    // the follow polls on the stand-in's clock: each "sleep" moves it on
    const pulled = await pullSession(client, CP_DEFAULT, s.id, { follow: true, pollMs: 10_000, sleep: async (ms) => standIn.clock.advance(ms), now: () => standIn.clock.now() });
    expect(pulled.session!.status).toBe('timed_out');
    expect(hasEnded(pulled.session!, standIn.clock.now())).toBe(true);
    expect(pulled.traceIds).toHaveLength(30);
  });

  it('completed once every target sent max_samples', async () => {
    const s = await api().start(CP_DEFAULT, spec({ nodeIds: [nodeId(0), nodeId(1)], durationS: 600, maxSamples: 3 }));
    standIn.clock.advance(5_000 + 6_000);
    const done = await api().get(CP_DEFAULT, s.id);
    expect(done).toMatchObject({ status: 'completed', traceCount: 6 });
    expect(hasEnded(done, standIn.clock.now())).toBe(true);
  });

  it('cancelled when stopped (DELETE), and stopping again changes nothing', async () => {
    const client = api();
    const s = await client.start(CP_DEFAULT, spec({ durationS: 600 }));
    standIn.clock.advance(6_000);
    const stopped = await client.stop(CP_DEFAULT, s.id);
    expect(stopped.status).toBe('cancelled');
    expect(standIn.requests.filter((r) => r.path.endsWith(s.id)).map((r) => r.method)).toEqual(['DELETE']);
    expect((await client.stop(CP_DEFAULT, s.id)).status).toBe('cancelled');
  });

  it('shows a status Kong may add as it comes, and ends a follow only once its time is up', async () => {
    const client = api();
    const s = await client.start(CP_DEFAULT, spec({ durationS: 20 }));
    standIn.setStatus(s.id, 'paused');
    const odd = await client.get(CP_DEFAULT, s.id);
    expect(odd.status).toBe('paused');
    expect(isRunning(odd)).toBe(false);
    expect(hasEnded(odd, standIn.clock.now())).toBe(false);
    const pulled = await pullSession(client, CP_DEFAULT, s.id, { follow: true, pollMs: 30_000, sleep: async (ms) => standIn.clock.advance(ms), now: () => standIn.clock.now() });
    expect(pulled.session!.status).toBe('paused');
    standIn.setStatus(s.id, null);
    endAll();
  });
});

describe('list and stop', () => {
  it('pages the list with page[size] and page[after] from meta.page.next, newest first', async () => {
    const client = new HttpSessionsApi(http(), 50, 2);
    const all = await client.list(CP_DEFAULT);
    const gets = standIn.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/debug-sessions'));
    expect(gets.length).toBe(Math.ceil(all.length / 2));
    expect(gets[0]!.query).toEqual({ 'page[size]': '2' });
    expect(gets[1]!.query['page[after]']).toBeTruthy();
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.map((s) => s.id)).toEqual([...all.map((s) => s.id)].sort().reverse());
    expect(all.at(-1)!.id).toBe(SEEDED_SESSION);
  });

  it('tries the other stop forms when DELETE is refused as unknown, and names them all', async () => {
    const s = await api().start(CP_DEFAULT, spec({ durationS: 600 }));
    standIn.addFault({ kind: 'status', status: 405, method: 'DELETE' });
    const f = await api().stop(CP_DEFAULT, s.id).catch((e: unknown) => e as BridgeFailure);
    expect(f).toBeInstanceOf(BridgeFailure);
    expect((f as BridgeFailure).message).toMatch(/tried DELETE .*, POST .*\/stop, PATCH /);
    expect(standIn.requests.filter((r) => r.path.includes(s.id)).map((r) => r.method)).toEqual(['DELETE', 'POST', 'PATCH']);
    expect((await api().stop(CP_DEFAULT, s.id)).status).toBe('cancelled');
  });
});

describe('entity names', () => {
  it('finds the ids a page names and looks up only those kinds, page by page, with nameless ones kept as null', async () => {
    const page = await api().pull(CP_DEFAULT, SEEDED_SESSION, null);
    const ids = entityIdsOf(page.batches);
    expect(ids.route).toEqual([FIXTURE_ROUTE_ID]);
    expect(new Set(ids.consumer)).toEqual(new Set(CONSUMER_IDS));
    expect(new Set(ids.upstream)).toEqual(new Set(UPSTREAM_IDS)); // "unknown" is not an id
    standIn.requests.length = 0;
    const names = await lookupEntityNames(http(), CP_DEFAULT, { route: [FIXTURE_ROUTE_ID], consumer: CONSUMER_IDS, upstream: ['0b570000-0000-4000-8000-00000000dead'] }, {}, { size: 5 });
    expect(names).toEqual({
      route: { [FIXTURE_ROUTE_ID]: 'route-1' },
      consumer: { [CONSUMER_IDS[0]!]: 'alice', [CONSUMER_IDS[1]!]: 'bob', [CONSUMER_IDS[2]!]: 'crm-7731' },
      upstream: { '0b570000-0000-4000-8000-00000000dead': null },
    });
    expect(standIn.requests.map((r) => r.path.split('/').pop())).toEqual(['routes', 'consumers', 'upstreams']);
    expect(standIn.requests[0]!.query).toEqual({ size: '5' });
  });

  it('follows the offset until every wanted id is found', async () => {
    const last = standIn.seed.routes[CP_DEFAULT]!.at(-2)!;
    const names = await lookupEntityNames(http(), CP_DEFAULT, { route: [last.id] }, {}, { size: 4 });
    expect(names.route).toEqual({ [last.id]: last.name });
    expect(standIn.requests.map((r) => r.query.offset ?? null)).toHaveLength(3);
  });
});
