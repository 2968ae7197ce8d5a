import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CP_DEFAULT, SEEDED_SESSION, SEEDED_SESSION_TRACES } from '../../../test/stand-ins/konnect/seed';
import { startKonnectStandIn, STANDIN_TOKEN, type KonnectStandIn } from '../../../test/stand-ins/konnect/server';
import type { CliIo } from '../io';
import { run } from './konnect';

let standIn: KonnectStandIn;
let dir: string;
beforeAll(async () => {
  standIn = await startKonnectStandIn();
  dir = await mkdtemp(join(tmpdir(), 'ktv-konnect-cli-'));
});
afterAll(async () => {
  await standIn.close();
  await rm(dir, { recursive: true, force: true });
});

async function ktv(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { KONNECT_TOKEN: STANDIN_TOKEN, KONNECT_BASE_URL: standIn.url, ...env }, cwd: dir };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('ktv konnect', () => {
  it('control-planes --json lists every control plane with debugger support', async () => {
    const r = await ktv(['control-planes', '--json']);
    expect(r.code).toBe(0);
    const { controlPlanes } = JSON.parse(r.out) as { controlPlanes: Record<string, unknown>[] };
    expect(controlPlanes).toHaveLength(standIn.seed.controlPlanes.length);
    expect(Object.keys(controlPlanes[0]!)).toEqual(['id', 'name', 'clusterType', 'debuggerSupported']);
    expect(controlPlanes.find((c) => c.name === 'kic-prod')).toMatchObject({ clusterType: 'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER', debuggerSupported: false });
  });

  it('nodes --json follows the cursor and says which nodes can be traced', async () => {
    const r = await ktv(['nodes', CP_DEFAULT, '--json']);
    const { nodes } = JSON.parse(r.out) as { nodes: Record<string, unknown>[] };
    expect(nodes).toHaveLength(7);
    expect(Object.keys(nodes[0]!)).toEqual(['id', 'hostname', 'version', 'tracingSupported']);
    expect(nodes.filter((n) => !n.tracingSupported).map((n) => n.version)).toEqual(['3.9.0.1', '3.4.3.5']);
  });

  it('sessions lists the session with its state and counts', async () => {
    const r = await ktv(['sessions', CP_DEFAULT]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(SEEDED_SESSION);
    expect(r.out).toMatch(new RegExp(`completed +${SEEDED_SESSION_TRACES}/${SEEDED_SESSION_TRACES} traces`));
  });

  it('pull writes sanitized OTLP/JSON and payloads', async () => {
    const r = await ktv(['pull', SEEDED_SESSION, '--control-plane', CP_DEFAULT, '--out', 'session.json']);
    expect(r.err).toContain(`pulled ${SEEDED_SESSION_TRACES} traces`);
    expect(r.code).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'session.json'), 'utf8')) as { resourceSpans: unknown[]; resourceLogs: unknown[] };
    const text = JSON.stringify(doc);
    expect(text).toContain('7f53c0d47e0f12051956b805a7696363'); // the real fixture's trace, as hex
    expect(doc.resourceLogs.length).toBeGreaterThan(0);
    const payloads = await readFile(join(dir, 'session.payloads.json'), 'utf8');
    expect(payloads).toContain('Bearer ****');
    expect(payloads).not.toContain('secret-');
    expect(payloads).not.toContain('4242 4242 4242 4242');
  });

  it('errors go to stderr with the problem detail and a non-zero exit, never the token', async () => {
    standIn.addFault({ kind: 'status', status: 403, detail: `token ${STANDIN_TOKEN} lacks the role`, path: '/debug-sessions' });
    const r = await ktv(['sessions', CP_DEFAULT]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('lacks the role');
    expect(r.err).toContain('Debug Session Creator');
    expect(r.out + r.err).not.toContain(STANDIN_TOKEN);

    const bad = await ktv(['control-planes'], { KONNECT_TOKEN: 'kpat_ThisTokenIsShapedRightButUnknown000000000' });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Invalid credentials');
    expect(bad.err).not.toContain('ThisTokenIsShapedRight');

    expect((await ktv(['control-planes'], { KONNECT_TOKEN: undefined })).err).toContain('KONNECT_TOKEN is not set');
    expect((await ktv(['control-planes'], { KONNECT_REGION: 'mars' })).err).toContain('KONNECT_REGION: "mars"');
    expect((await ktv(['pull', SEEDED_SESSION])).code).toBe(2);
  });
});

describe('ktv export with a Konnect session id', () => {
  async function exportCmd(argv: string[]) {
    const { run: runExport } = await import('./export');
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { KONNECT_TOKEN: STANDIN_TOKEN, KONNECT_BASE_URL: standIn.url }, cwd: dir };
    return { code: await runExport(argv, io), err: err.join('\n') };
  }

  it('pulls the session and writes it as OTLP/JSON', async () => {
    const r = await exportCmd([SEEDED_SESSION, '--control-plane', CP_DEFAULT, '--out', 'exported.json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(await readFile(join(dir, 'exported.json'), 'utf8')) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<{ traceId: string }> }> }> };
    const traceIds = new Set(doc.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((s) => s.traceId))));
    expect(traceIds.size).toBe(SEEDED_SESSION_TRACES);
  });

  it('says what is missing when the control plane is not given', async () => {
    const r = await exportCmd([SEEDED_SESSION, '--out', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('add --control-plane ID');
  });
});
