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
  it('--help prints every konnect command on stdout and succeeds, without a token', async () => {
    const r = await ktv(['--help'], { KONNECT_TOKEN: undefined });
    expect(r.code).toBe(0);
    for (const c of ['control-planes', 'nodes', 'sessions', 'start', 'stop', 'pull']) expect(r.out).toContain(`ktv konnect ${c}`);
  });

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

describe('ktv konnect start and stop', () => {
  const node = (n: number) => standIn.seed.nodes[CP_DEFAULT]![n]!.id;
  const lastCreate = () => standIn.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/debug-sessions')).at(-1)!;
  type Printed = { session: { id: string; status: string; durationSecs: number; maxSamples: number; targets: string[]; samplingRule: string | null } };

  it('sends the create body field by field as Kong draft names it and prints the session as JSON', async () => {
    const route = standIn.seed.routes[CP_DEFAULT]![2]!.id;
    const r = await ktv(['start', CP_DEFAULT, '--node', node(0), '--node', node(5), '--route', route, '--duration', '90', '--max-samples', '7', '--capture', 'headers,body', '--name', 'night run', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const body = lastCreate().body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['capture_content', 'duration_secs', 'max_samples', 'name', 'sampling_rule', 'targets']);
    expect(body.name).toBe('night run');
    expect(body.sampling_rule).toBe(`proxy.kong.route.id == "${route}"`);
    expect(body.duration_secs).toBe(90);
    expect(body.max_samples).toBe(7);
    expect(body.capture_content).toEqual(['headers', 'body']);
    expect(body.targets).toEqual([node(0), node(5)]);
    const { session } = JSON.parse(r.out) as Printed;
    expect(Object.keys(session)).toEqual(['id', 'status', 'durationSecs', 'maxSamples', 'targets', 'samplingRule']);
    expect(session).toMatchObject({ status: 'in_progress', durationSecs: 90, maxSamples: 7, targets: [node(0), node(5)], samplingRule: `proxy.kong.route.id == "${route}"` });

    const stopped = await ktv(['stop', session.id, '--control-plane', CP_DEFAULT, '--json']);
    expect(stopped.code).toBe(0);
    expect((JSON.parse(stopped.out) as Printed).session).toMatchObject({ id: session.id, status: 'cancelled' });
    const listed = JSON.parse((await ktv(['sessions', CP_DEFAULT, '--json'])).out) as { sessions: { id: string; status: string }[] };
    expect(listed.sessions.find((s) => s.id === session.id)!.status).toBe('cancelled');
  });

  it('sends a service rule, an expression, or null for every request, and no capture as []', async () => {
    const service = standIn.seed.services[CP_DEFAULT]![1]!.id;
    const cases: [string[], unknown][] = [
      [['--service', service], `proxy.kong.service.id == "${service}"`],
      [['--where', 'http.response.status_code >= 500'], 'http.response.status_code >= 500'],
      [[], null],
    ];
    for (const [flags, rule] of cases) {
      const r = await ktv(['start', CP_DEFAULT, '--node', node(6), ...flags, '--json']);
      expect(r.code).toBe(0);
      expect(lastCreate().body).toEqual({ sampling_rule: rule, duration_secs: 300, max_samples: 200, capture_content: [], targets: [node(6)] });
      expect((JSON.parse(r.out) as Printed).session.samplingRule).toBe(rule);
      await ktv(['stop', (JSON.parse(r.out) as Printed).session.id, '--control-plane', CP_DEFAULT]);
    }
    const headers = await ktv(['start', CP_DEFAULT, '--node', node(6), '--capture', 'headers', '--logs']);
    expect(lastCreate().body).toMatchObject({ capture_content: ['headers'], capture_logs: true });
    expect(headers.out).toMatch(/in_progress +0\/200 traces, 5 min left/);
  });

  it('refuses what the form would refuse, before anything is sent', async () => {
    const before = standIn.requests.length;
    const cases: [string[], RegExp][] = [
      [['start', CP_DEFAULT], /missing --node/],
      [['start', CP_DEFAULT, '--node', node(0), '--route', 'r', '--service', 's'], /not --route and --service/],
      [['start', CP_DEFAULT, '--node', node(0), '--capture', 'body'], /--capture takes headers or headers,body/],
      [['start', CP_DEFAULT, '--node', node(0), '--duration', '5'], /duration must be/],
      [['start', CP_DEFAULT, '--node', node(0), '--where', 'http.method == GET'], /column \d+/],
      [['stop', 'some-id'], /missing --control-plane/],
    ];
    for (const [argv, message] of cases) {
      const r = await ktv(argv);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
    expect(standIn.requests.length).toBe(before);
  });
});
