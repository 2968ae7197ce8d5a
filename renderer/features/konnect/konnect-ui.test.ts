import { describe, expect, it } from 'vitest';
import type { DataPlaneNode } from '../../../shared/konnect/types';
import { describeFailure } from './failure';
import { defaultForm, formProblems, toSpec } from './session-form';
import { statusClass, statusText } from './status';

const node = (id: string, version: string, tracing: boolean, logs: boolean): DataPlaneNode => ({ id, hostname: `${id}.internal`, version, lastPing: null, tracingSupported: tracing, logsSupported: logs, ...(logs ? {} : { reason: 'old' }) });

describe('session form', () => {
  it('defaults to 5 minutes, 200 samples per node and headers', () => {
    const spec = toSpec({ ...defaultForm(), nodeIds: ['a'], routeId: 'r' });
    expect(spec).toMatchObject({ durationS: 300, maxSamples: 200, captureHeaders: true, captureBodies: false, rule: { kind: 'route', routeId: 'r' } });
    expect(spec.name).toBeUndefined();
    expect(formProblems({ ...defaultForm(), nodeIds: ['a'], routeId: 'r' }, [node('a', '3.11.0.0', true, true)])).toEqual({});
  });

  it('says what is wrong next to each field before anything is sent', () => {
    const problems = formProblems({ ...defaultForm(), ruleKind: 'expression', expression: 'http.method == GET', duration: '31', maxSamples: '0' }, []);
    expect(Object.keys(problems).sort()).toEqual(['durationS', 'maxSamples', 'nodeIds', 'rule']);
    expect(problems.rule).toMatch(/^column \d+/);
  });

  it('refuses old nodes and log capture on nodes before 3.11', () => {
    const nodes = [node('old', '3.9.0.1', false, false), node('mid', '3.10.0.0', true, false)];
    expect(formProblems({ ...defaultForm(), nodeIds: ['old'], routeId: 'r' }, nodes).nodeIds).toContain('old.internal');
    expect(formProblems({ ...defaultForm(), nodeIds: ['mid'], routeId: 'r', captureLogs: true }, nodes).captureLogs).toContain('mid.internal runs 3.10.0.0');
  });

  it('offers every request (no rule) and the three capture choices of the draft', () => {
    expect(toSpec({ ...defaultForm(), ruleKind: 'all', name: ' night run ' })).toMatchObject({ rule: { kind: 'all' }, name: 'night run' });
    expect((['none', 'headers', 'headers-body'] as const).map((capture) => toSpec({ ...defaultForm(), capture })).map((s) => [s.captureHeaders, s.captureBodies])).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
  });

  it('accepts durations in seconds', () => {
    expect(toSpec({ ...defaultForm(), duration: '45', durationUnit: 's' }).durationS).toBe(45);
  });
});

describe('failures', () => {
  it('puts invalid_parameters next to their fields and asks for sign-in on 401', () => {
    const v = describeFailure({ code: 'invalid-argument', message: 'Start: Invalid request', details: { invalidParameters: [{ field: 'durationS', reason: 'too long' }, { field: 'durationS', reason: 'not whole' }] } });
    expect(v.fields).toEqual({ durationS: 'too long; not whole' });
    expect(describeFailure({ code: 'unauthorized', message: 'x' }).signInAgain).toBe(true);
  });
});

describe('session statuses as shown', () => {
  it("reads Kong's words and shows one it may add later exactly as it came", () => {
    expect(['pending', 'in_progress', 'timed_out', 'Paused_By_Admin'].map(statusText)).toEqual(['pending', 'in progress', 'timed out', 'Paused_By_Admin']);
    expect(['in_progress', 'cancelled', 'Paused_By_Admin'].map(statusClass)).toEqual(['badge badge-in-progress', 'badge badge-cancelled', 'badge badge-other']);
  });
});
