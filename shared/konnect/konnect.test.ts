import { describe, expect, it } from 'vitest';
import { backoffCap, backoffDelay, parseRetryAfter } from './backoff';
import { clusterSupport } from './cluster';
import { codeForStatus, parseProblem, problemMessage } from './problem';
import { parseRegion, resolveBaseUrl } from './regions';
import { ruleFromExpression, ruleToExpression } from './sampling-rule';
import { formatSeconds } from '../util/duration';
import { validateSessionSpec } from './session-spec';
import { checkTokenShape, redactToken } from './token';
import { hasEnded, isRunning, type SessionSpec } from './types';
import { compareVersions, nodeCapabilities, parseVersion } from './version';

const TOKEN = 'kpat_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W';

describe('token shape', () => {
  it('accepts personal and system-account tokens', () => {
    expect(checkTokenShape(TOKEN)).toEqual({ ok: true, kind: 'personal' });
    expect(checkTokenShape('spat_' + TOKEN.slice(5))).toEqual({ ok: true, kind: 'system-account' });
  });

  it.each([
    ['', 'empty'],
    ['hunter2', 'starts with kpat_'],
    ['kpat_abc', 'wrong length'],
    ['kpat_abc def ghi jkl mno pqr stu vwx', 'spaces'],
  ])('rejects %j and never echoes it', (token, why) => {
    const check = checkTokenShape(token);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toContain(why);
      if (token) expect(check.reason).not.toContain(token);
    }
  });

  it('redacts the token and lookalikes from text', () => {
    const text = `failed with Bearer ${TOKEN} and spat_zzzzzzzzzzzzzzzzzzzzzzz`;
    const out = redactToken(text, TOKEN);
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('zzzz');
  });
});

describe('regions', () => {
  it('maps regions to their URL and lets an override win', () => {
    expect(resolveBaseUrl('eu')).toBe('https://eu.api.konghq.com');
    expect(resolveBaseUrl('eu', 'http://127.0.0.1:9999/')).toBe('http://127.0.0.1:9999');
  });

  it('names a bad region or override', () => {
    expect(parseRegion(undefined)).toBe('us');
    expect(parseRegion('AU')).toBe('au');
    expect(() => parseRegion('mars')).toThrow('KONNECT_REGION: "mars" is not a Konnect region');
    expect(() => resolveBaseUrl('us', 'ftp://x')).toThrow('KONNECT_BASE_URL');
  });
});

describe('problem+json', () => {
  it('reads detail and invalid_parameters', () => {
    const p = parseProblem(
      400,
      JSON.stringify({ status: 400, title: 'Bad Request', detail: 'Invalid request', invalid_parameters: [{ field: 'duration', reason: 'must be <= 1800', rule: 'max' }] }),
    );
    expect(p.detail).toBe('Invalid request');
    expect(p.invalidParameters).toEqual([{ field: 'duration', reason: 'must be <= 1800', rule: 'max' }]);
    expect(problemMessage('Start session', p)).toBe('Start session: Invalid request (duration: must be <= 1800)');
  });

  it('survives non-JSON bodies and names the role on 403', () => {
    expect(parseProblem(502, '<html>bad gateway</html>').detail).toBe('<html>bad gateway</html>');
    expect(parseProblem(500, '').detail).toBe('Konnect server error');
    expect(problemMessage('x', parseProblem(403, '{"detail":"no"}'))).toContain('Debug Session Creator');
  });

  it('maps statuses to bridge codes', () => {
    expect([400, 401, 403, 404, 429, 503].map(codeForStatus)).toEqual(['invalid-argument', 'unauthorized', 'forbidden', 'not-found', 'rate-limited', 'unavailable']);
  });
});

describe('gateway versions', () => {
  it('compares numerically, not as text', () => {
    expect(compareVersions(parseVersion('3.10.0.0')!, parseVersion('3.9.1')!)).toBe(1);
    expect(compareVersions(parseVersion('3.11')!, parseVersion('3.11.0.0-beta')!)).toBe(0);
  });

  it.each([
    ['3.9.0.2', false, false],
    ['3.9.1.0', true, false],
    ['3.10.0.0-enterprise', true, false],
    ['3.11.0.0', true, true],
    ['4.0.0', true, true],
    ['unknown', false, false],
  ])('%s: tracing %s, logs %s', (version, tracing, logs) => {
    const caps = nodeCapabilities(version);
    expect([caps.tracing, caps.logs]).toEqual([tracing, logs]);
    if (!logs) expect(caps.reason).toMatch(/3\.9\.1|3\.11/);
  });
});

describe('cluster support', () => {
  it('marks ingress-controller and event-proxy clusters with a reason', () => {
    expect(clusterSupport('CLUSTER_TYPE_CONTROL_PLANE').supported).toBe(true);
    expect(clusterSupport('CLUSTER_TYPE_SERVERLESS').supported).toBe(true);
    expect(clusterSupport('CLUSTER_TYPE_K8S_INGRESS_CONTROLLER')).toMatchObject({ supported: false, reason: expect.stringContaining('Ingress Controller') });
    expect(clusterSupport('CLUSTER_TYPE_EVENT_PROXY').supported).toBe(false);
  });
});

describe('back-off', () => {
  it('grows exponentially to a cap, with jitter below it', () => {
    expect([0, 1, 2, 3].map((a) => backoffCap(a, { baseMs: 100, maxMs: 500 }))).toEqual([100, 200, 400, 500]);
    expect(backoffDelay(3, { baseMs: 100, maxMs: 500, random: () => 0.5 })).toBe(250);
    expect(backoffDelay(0, { random: () => 0 })).toBe(1);
  });

  it('reads Retry-After as seconds or a date, bounded', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('99999', now)).toBe(300_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('session spec', () => {
  const spec: SessionSpec = {
    nodeIds: ['n1'],
    rule: { kind: 'route', routeId: 'r1' },
    durationS: 300,
    maxSamples: 200,
    captureLogs: false,
    captureHeaders: true,
    captureBodies: false,
  };

  it('accepts the defaults', () => {
    expect(validateSessionSpec(spec)).toEqual([]);
  });

  it('names each bad field', () => {
    const problems = validateSessionSpec(
      { ...spec, nodeIds: [], durationS: 5, maxSamples: 0, captureBodies: true, captureHeaders: false, rule: { kind: 'expression', expression: 'http.method == GET' } },
      () => 'column 16: string values must be quoted',
    );
    expect(problems.map((p) => p.field)).toEqual(['nodeIds', 'durationS', 'maxSamples', 'captureBodies', 'rule']);
    expect(problems[4]!.reason).toContain('must be quoted');
  });

  it('takes no rule as every request', () => {
    expect(validateSessionSpec({ ...spec, rule: { kind: 'all' } })).toEqual([]);
  });

  it('formats durations', () => {
    expect([30, 120, 250].map(formatSeconds)).toEqual(['30 s', '2 min', '4 min 10 s']);
  });
});

describe('sampling rules as the draft sends them', () => {
  const route = '40a7e000-0000-4000-b000-000000000001';
  it('sends a basic rule as its expression and reads it back as the basic rule', () => {
    expect(ruleToExpression({ kind: 'route', routeId: route })).toBe(`proxy.kong.route.id == "${route}"`);
    expect(ruleToExpression({ kind: 'service', serviceId: route })).toBe(`proxy.kong.service.id == "${route}"`);
    expect(ruleToExpression({ kind: 'all' })).toBeNull();
    expect(ruleFromExpression(`proxy.kong.route.id == "${route}"`)).toEqual({ kind: 'route', routeId: route });
    expect(ruleFromExpression(`proxy.kong.service.id=="${route}"`)).toEqual({ kind: 'service', serviceId: route });
    expect(ruleFromExpression(null)).toEqual({ kind: 'all' });
    const compound = `proxy.kong.route.id == "${route}" && http.response.status_code >= 500`;
    expect(ruleFromExpression(compound)).toEqual({ kind: 'expression', expression: compound });
  });
});

describe('session statuses', () => {
  const at = (status: string) => ({ status, startedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z', durationS: 60 });
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  it('ends on completed, timed_out and cancelled only; Stop only while in_progress', () => {
    expect(['pending', 'in_progress', 'completed', 'timed_out', 'cancelled'].filter((s) => hasEnded(at(s), t0))).toEqual(['completed', 'timed_out', 'cancelled']);
    expect(['pending', 'in_progress', 'completed'].filter((s) => isRunning({ status: s }))).toEqual(['in_progress']);
  });
  it('a status Kong may add later counts as ended only after the duration and a minute have passed', () => {
    expect(hasEnded(at('paused'), t0 + 60_000)).toBe(false);
    expect(hasEnded(at('paused'), t0 + 121_000)).toBe(true);
    expect(hasEnded(at('in_progress'), t0 + 10 * 60_000)).toBe(false);
  });
});

describe('sampling expressions before sending', () => {
  const base: SessionSpec = { nodeIds: ['n'], rule: { kind: 'expression', expression: '' }, durationS: 300, maxSamples: 200, captureLogs: false, captureHeaders: false, captureBodies: false };

  it('accepts a valid rule and reports an unquoted string with its column', () => {
    expect(validateSessionSpec({ ...base, rule: { kind: 'expression', expression: 'http.response.status_code >= 500' } })).toEqual([]);
    const problems = validateSessionSpec({ ...base, rule: { kind: 'expression', expression: 'http.method == GET' } });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(/^column \d+:/);
  });

  it("accepts an empty rule (every request) and Kong's own documented rule on the 3.9 latency name", () => {
    expect(validateSessionSpec({ ...base, rule: { kind: 'expression', expression: '  ' } })).toEqual([]);
    expect(validateSessionSpec({ ...base, rule: { kind: 'expression', expression: 'proxy.kong.latency_total_ms >= 100' } })).toEqual([]);
  });
});
