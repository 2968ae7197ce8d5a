/**
 * `ktv konnect`: Konnect from the command line, with KONNECT_TOKEN (and KONNECT_REGION, KONNECT_BASE_URL).
 *   control-planes [--search TEXT] [--json]   every control plane, across pages
 *   nodes CP_ID [--json]                      every data-plane node, across cursor pages
 *   sessions CP_ID [--json]                   debugger sessions (preview API, docs/konnect-api.md)
 *   start CP_ID --node ID... [rule] [limits]  starts one (konnect-start.ts)
 *   stop SESSION_ID --control-plane ID        stops one
 *   pull SESSION_ID --control-plane ID --out FILE.json [--follow]
 * Errors go to stderr with Konnect's problem detail and exit 1 (usage errors exit 2); the token is never
 * printed: every message passes through redactToken on its way out.
 */
import { resolve } from 'node:path';
import { BridgeFailure } from '../../../shared/bridge/result';
import { parseRegion, resolveBaseUrl } from '../../../shared/konnect/regions';
import { checkTokenShape, redactToken } from '../../../shared/konnect/token';
import { hasEnded } from '../../../shared/konnect/types';
import { KonnectHttp, type CallContext } from '../../services/konnect/http';
import { KonnectPublicApi } from '../../services/konnect/public-api';
import { pullSession, PullError } from '../../services/konnect/pull';
import { HttpSessionsApi } from '../../services/konnect/sessions-api';
import { parseArgs, UsageError } from '../args';
import type { CliIo } from '../io';
import { writePulledSession } from './konnect-pull';
import { sessionJson, sessionLine, specFromArgs, START_VALUE_FLAGS } from './konnect-start';

const USAGE = `usage: ktv konnect control-planes [--search TEXT] [--json]
       ktv konnect nodes CONTROL_PLANE_ID [--json]
       ktv konnect sessions CONTROL_PLANE_ID [--json]
       ktv konnect start CONTROL_PLANE_ID --node ID [--node ID...] [--route ID | --service ID | --where EXPR]
                 [--duration S] [--max-samples N (per node)] [--capture headers|headers,body] [--logs] [--name TEXT] [--json]
       ktv konnect stop SESSION_ID --control-plane ID [--json]
       ktv konnect pull SESSION_ID --control-plane ID --out FILE.json [--follow]
environment: KONNECT_TOKEN (required), KONNECT_REGION (us, eu, au, me, in, sg; default us), KONNECT_BASE_URL`;

class CliFailure extends Error {}

function connect(io: CliIo): { http: KonnectHttp; token: string } {
  const token = io.env.KONNECT_TOKEN?.trim() ?? '';
  if (!token) throw new CliFailure('KONNECT_TOKEN is not set: create a personal access token (kpat_...) in Konnect and export it');
  const check = checkTokenShape(token);
  if (!check.ok) throw new CliFailure(`KONNECT_TOKEN: ${check.reason}`);
  let baseUrl: string;
  try {
    baseUrl = resolveBaseUrl(parseRegion(io.env.KONNECT_REGION), io.env.KONNECT_BASE_URL);
  } catch (e) {
    throw new CliFailure((e as Error).message);
  }
  return { http: new KonnectHttp({ baseUrl, token }), token };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  let token = '';
  const say = (text: string) => io.err(redactToken(text, token));
  try {
    const args = parseArgs(rest, ['search', 'control-plane', 'out', ...START_VALUE_FLAGS], ['json', 'follow', 'logs'], ['node']);
    const json = args.flags.json === true;
    const one = (what: string) => {
      if (args.positionals.length !== 1) throw new UsageError(args.positionals.length === 0 ? `missing ${what}` : `give exactly one ${what}`);
      return args.positionals[0]!;
    };
    if (command === 'control-planes') {
      if (args.positionals.length) throw new UsageError('control-planes takes no arguments');
      const c = connect(io);
      token = c.token;
      const search = typeof args.flags.search === 'string' ? args.flags.search : undefined;
      const cps = await new KonnectPublicApi(c.http).allControlPlanes(ctxFor(say), { search });
      if (json) io.out(JSON.stringify({ controlPlanes: cps.map((cp) => ({ id: cp.id, name: cp.name, clusterType: cp.clusterType, debuggerSupported: cp.debuggerSupported })) }));
      else for (const cp of cps) io.out(`${cp.id}  ${pad(cp.name, 24)}  ${pad(cp.clusterType, 36)}  ${cp.debuggerSupported ? 'debugger ok' : `no debugger: ${cp.unsupportedReason}`}`);
      return 0;
    }
    if (command === 'nodes') {
      const cpId = one('CONTROL_PLANE_ID');
      const c = connect(io);
      token = c.token;
      const nodes = await new KonnectPublicApi(c.http).allNodes(cpId, ctxFor(say));
      if (json) io.out(JSON.stringify({ nodes: nodes.map((n) => ({ id: n.id, hostname: n.hostname, version: n.version, tracingSupported: n.tracingSupported })) }));
      else for (const n of nodes) io.out(`${n.id}  ${pad(n.hostname, 28)}  ${pad(n.version, 14)}  ${n.reason ?? 'tracing and logs'}  last ping ${n.lastPing ?? 'never'}`);
      return 0;
    }
    if (command === 'sessions') {
      const cpId = one('CONTROL_PLANE_ID');
      const c = connect(io);
      token = c.token;
      const sessions = await new HttpSessionsApi(c.http).list(cpId, ctxFor(say));
      if (json) io.out(JSON.stringify({ sessions }));
      else {
        const now = Date.now();
        for (const s of sessions) io.out(sessionLine(s, now));
        if (!sessions.length) io.err('no debugger sessions on this control plane');
      }
      return 0;
    }
    if (command === 'start') {
      const cpId = one('CONTROL_PLANE_ID');
      const spec = specFromArgs(args);
      const c = connect(io);
      token = c.token;
      const session = await new HttpSessionsApi(c.http).start(cpId, spec, ctxFor(say));
      io.out(json ? JSON.stringify(sessionJson(session)) : sessionLine(session, Date.now()));
      return 0;
    }
    if (command === 'stop') {
      const sessionId = one('SESSION_ID');
      const cpId = args.flags['control-plane'];
      if (typeof cpId !== 'string') throw new UsageError('missing --control-plane ID');
      const c = connect(io);
      token = c.token;
      const session = await new HttpSessionsApi(c.http).stop(cpId, sessionId, ctxFor(say));
      io.out(json ? JSON.stringify(sessionJson(session)) : sessionLine(session, Date.now()));
      return 0;
    }
    if (command === 'pull') {
      const sessionId = one('SESSION_ID');
      const cpId = args.flags['control-plane'];
      const out = args.flags.out;
      if (typeof cpId !== 'string') throw new UsageError('missing --control-plane ID');
      if (typeof out !== 'string') throw new UsageError('missing --out FILE.json');
      const c = connect(io);
      token = c.token;
      return await pull(new HttpSessionsApi(c.http), cpId, sessionId, resolve(io.cwd, out), args.flags.follow === true, say);
    }
    throw new UsageError(command ? `unknown konnect command "${command}"` : 'missing a konnect command');
  } catch (e) {
    if (e instanceof UsageError) {
      say(`ktv konnect: ${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof CliFailure || e instanceof BridgeFailure) {
      say(`ktv konnect: ${e.message}`);
      return 1;
    }
    say(`ktv konnect: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

function ctxFor(say: (t: string) => void): CallContext {
  return {
    onWait: (w) => say(`ktv konnect: ${w.message}; waiting ${Math.max(1, Math.ceil(w.ms / 1000))} s before retry ${w.retry}`),
  };
}

async function pull(api: HttpSessionsApi, cpId: string, sessionId: string, outPath: string, follow: boolean, say: (t: string) => void): Promise<number> {
  let pulled;
  let failure: BridgeFailure | null = null;
  try {
    pulled = await pullSession(api, cpId, sessionId, { ...ctxFor(say), follow });
  } catch (e) {
    if (!(e instanceof PullError)) throw e;
    failure = e.failure;
    pulled = e.partial;
  }
  if (failure && pulled.traceIds.length === 0) throw failure;
  const written = await writePulledSession(pulled, sessionId, outPath);
  const state = pulled.session ? ` (session ${pulled.session.status})` : '';
  say(`pulled ${written.traces} traces, ${written.spans} spans, ${written.logs} log lines${state} to ${outPath}${written.payloadsPath ? `; ${written.payloads} payloads to ${written.payloadsPath}` : ''}`);
  if (pulled.session && !hasEnded(pulled.session, Date.now()) && !follow) say(`the session is still ${pulled.session.status}: pull again later, or add --follow to wait for it to end`);
  if (failure) {
    say(`ktv konnect: stopped early: ${failure.message}; the file holds what arrived before`);
    return 1;
  }
  return 0;
}
