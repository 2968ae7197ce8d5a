import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../../shared/bridge/contract';
import { CP_DEFAULT, SEEDED_SESSION } from '../../../test/stand-ins/konnect/seed';
import { startKonnectStandIn, STANDIN_TOKEN, type KonnectStandIn } from '../../../test/stand-ins/konnect/server';
import { FIXTURE_ROUTE_ID } from '../../../test/stand-ins/konnect/traces';
import type { EntityIds } from '../../../shared/konnect/types';
import { createDispatch, EventHub, type HandlerImpls } from '../../bridge/router';
import { MemorySecretStore } from '../secrets';
import { UserFileSecretStore } from '../user-file-secret-store';
import { createKonnectHandlers } from './handlers';

let standIn: KonnectStandIn;
beforeAll(async () => {
  standIn = await startKonnectStandIn();
});
afterAll(() => standIn.close());

function setup(env: Record<string, string | undefined> = {}, secrets = new MemorySecretStore()) {
  const events = new EventHub();
  const seen: { event: string; payload: unknown }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const impls = createKonnectHandlers({ secrets, events, env: { KONNECT_BASE_URL: standIn.url, ...env }, http: { backoff: { baseMs: 10, maxMs: 20 } } });
  // only the Konnect channels exist here; the dispatcher answers unknown ones itself
  const dispatch = createDispatch(impls as HandlerImpls);
  return { dispatch, seen, secrets };
}

describe('konnect handlers', () => {
  it('signs in, lists accounts without the token, and signs out everywhere', async () => {
    const { dispatch, seen, secrets } = setup();
    const signed = await dispatch('konnect.signIn', { token: STANDIN_TOKEN, region: 'eu' });
    expect(signed).toMatchObject({ ok: true, value: { region: 'eu', storage: 'memory', tokenKind: 'personal', baseUrl: standIn.url } });
    const listed = await dispatch('konnect.accounts', undefined);
    expect(JSON.stringify(listed)).not.toContain(STANDIN_TOKEN);
    expect(JSON.stringify(seen)).not.toContain(STANDIN_TOKEN);
    expect(seen.map((e) => e.event)).toEqual(['konnect.accountsChanged']);
    const id = (signed as { value: { id: string } }).value.id;
    expect(await dispatch('konnect.signOut', { accountId: id })).toEqual({ ok: true, value: undefined });
    expect(await secrets.keys()).toEqual([]);
    const after = await dispatch('konnect.controlPlanes', { accountId: id, pageNumber: 1, pageSize: 5 });
    expect(after).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a badly shaped token before any request, without echoing it', async () => {
    const { dispatch } = setup();
    const before = standIn.requests.length;
    const r = await dispatch('konnect.signIn', { token: 'hunter2-password', region: 'us' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { invalidParameters: [{ field: 'token' }] } } });
    expect(JSON.stringify(r)).not.toContain('hunter2');
    expect(standIn.requests.length).toBe(before);
  });

  it('offers KONNECT_TOKEN as an account', async () => {
    const { dispatch } = setup({ KONNECT_TOKEN: STANDIN_TOKEN, KONNECT_REGION: 'au' });
    const r = await dispatch('konnect.accounts', undefined);
    expect(r).toEqual({ ok: true, value: [expect.objectContaining({ id: 'env', region: 'au', storage: 'environment' })] });
    expect(await dispatch('konnect.nodes', { accountId: 'env', controlPlaneId: CP_DEFAULT })).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ hostname: 'gw-eu-1.internal' })]) });
  });

  it('checks a session before sending it: an unquoted string is reported with its column', async () => {
    const { dispatch } = setup({ KONNECT_TOKEN: STANDIN_TOKEN });
    const before = standIn.requests.length;
    const r = await dispatch('konnect.startSession', {
      accountId: 'env',
      controlPlaneId: CP_DEFAULT,
      spec: { nodeIds: ['n'], rule: { kind: 'expression', expression: 'http.method == GET' }, durationS: 300, maxSamples: 200, captureLogs: false, captureHeaders: true, captureBodies: false },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument', details: { invalidParameters: [{ field: 'rule', reason: expect.stringMatching(/^column \d+/) }] } } });
    expect(standIn.requests.length).toBe(before);
    const tooLong = await dispatch('konnect.startSession', { accountId: 'env', controlPlaneId: CP_DEFAULT, spec: { nodeIds: ['n'], rule: { kind: 'route', routeId: 'r' }, durationS: 3600, maxSamples: 200, captureLogs: false, captureHeaders: false, captureBodies: false } });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('spec.durationS') } });
  });

  it('pulls a page as text the importer reads, and tells the renderer while it waits', async () => {
    const { dispatch, seen } = setup({ KONNECT_TOKEN: STANDIN_TOKEN });
    standIn.addFault({ kind: 'status', status: 429, retryAfterS: 1, path: '/traces' });
    const r = await dispatch('konnect.pull', { accountId: 'env', controlPlaneId: CP_DEFAULT, sessionId: SEEDED_SESSION, opId: 'p1' });
    expect(r.ok).toBe(true);
    const page = (r as { value: { traces: string; logs: string; payloads: string; traceIds: string[]; hasMore: boolean } }).value;
    expect(JSON.parse(page.traces).batches.length).toBeGreaterThan(0);
    expect(JSON.parse(page.logs).resourceLogs).toHaveLength(1);
    expect(page.traceIds[0]).toBe('7f53c0d47e0f12051956b805a7696363');
    expect(page.hasMore).toBe(false);
    const waiting = seen.filter((e) => e.event === 'konnect.waiting').map((e) => e.payload as Events['konnect.waiting']);
    expect(waiting).toEqual([{ accountId: 'env', opId: 'p1', what: 'Pull session traces', seconds: 1, reason: 'rate-limited' }]);
  });

  it('names the entity ids a pulled page carries, and looks their names up across the bridge', async () => {
    const { dispatch } = setup({ KONNECT_TOKEN: STANDIN_TOKEN });
    const r = await dispatch('konnect.pull', { accountId: 'env', controlPlaneId: CP_DEFAULT, sessionId: SEEDED_SESSION });
    const ids = (r as { value: { entityIds: EntityIds } }).value.entityIds;
    expect(ids).toMatchObject({ route: [FIXTURE_ROUTE_ID], service: ['c9ba713f-4dff-4e36-953d-3a446d2ec5a9'] });
    const names = await dispatch('konnect.entityNames', { accountId: 'env', controlPlaneId: CP_DEFAULT, ids });
    expect(names).toMatchObject({ ok: true, value: { route: { [FIXTURE_ROUTE_ID]: 'route-1' }, service: { 'c9ba713f-4dff-4e36-953d-3a446d2ec5a9': 'httpbin' } } });
    expect(await dispatch('konnect.entityNames', { accountId: 'env', controlPlaneId: CP_DEFAULT, ids: { plugin: ['x'] } })).toMatchObject({ ok: true });
    expect(await dispatch('konnect.entityNames', { accountId: 'env', controlPlaneId: CP_DEFAULT, ids: { route: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('cancels an operation by its id', async () => {
    const { dispatch } = setup({ KONNECT_TOKEN: STANDIN_TOKEN });
    standIn.addFault({ kind: 'slow', ms: 1500, path: '/nodes' });
    const pending = dispatch('konnect.nodes', { accountId: 'env', controlPlaneId: CP_DEFAULT, opId: 'op-9' });
    await new Promise((r) => setTimeout(r, 50));
    await dispatch('konnect.cancel', { opId: 'op-9' });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});

describe('browser mode "remember me"', () => {
  it('keeps remembered tokens in a user-only file and the rest in memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ktv-secrets-'));
    try {
      const path = join(dir, 'konnect', 'secrets.json');
      const { dispatch } = setup({}, new UserFileSecretStore(path) as unknown as MemorySecretStore);
      expect(await dispatch('konnect.signIn', { token: STANDIN_TOKEN, region: 'us' })).toMatchObject({ ok: true, value: { storage: 'memory' } });
      // signing in again with the same token and "remember" ticked keeps the account and moves it to disk
      const kept = await dispatch('konnect.signIn', { token: STANDIN_TOKEN, region: 'us', remember: true });
      expect(kept).toMatchObject({ ok: true, value: { storage: 'user-file' } });
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      // a new host process finds the remembered account
      const restarted = setup({}, new UserFileSecretStore(path) as unknown as MemorySecretStore);
      expect(await restarted.dispatch('konnect.accounts', undefined)).toMatchObject({ ok: true, value: [{ storage: 'user-file' }] });
      await restarted.dispatch('konnect.signOut', { accountId: (kept as { value: { id: string } }).value.id });
      expect(await new UserFileSecretStore(path).keys()).toEqual([]);

      const fleeting = await setup({}, new UserFileSecretStore(path) as unknown as MemorySecretStore).dispatch('konnect.signIn', { token: STANDIN_TOKEN, region: 'eu' });
      expect(fleeting).toMatchObject({ ok: true, value: { storage: 'memory' } });
      expect(await new UserFileSecretStore(path).keys()).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
