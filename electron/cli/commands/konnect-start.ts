/**
 * `ktv konnect start` and `stop`: the session request built from the command line, checked with the same
 * rules as the app's form, and the session printed in one shape (text, or `{"session":{...}}` with Kong's
 * status and the sampling rule as the expression Konnect was sent).
 */
import { ruleToExpression, ruleText } from '../../../shared/konnect/sampling-rule';
import { validateSessionSpec } from '../../../shared/konnect/session-spec';
import { formatSeconds } from '../../../shared/util/duration';
import { isRunning, SESSION_DURATION, SESSION_MAX_SAMPLES, type DebugSession, type SamplingRule, type SessionSpec } from '../../../shared/konnect/types';
import { UsageError, type ParsedArgs } from '../args';

export const START_VALUE_FLAGS = ['route', 'service', 'where', 'duration', 'max-samples', 'capture', 'name'] as const;

const whole = (text: string | true | undefined, flag: string, fallback: number): number => {
  if (text === undefined) return fallback;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) throw new UsageError(`--${flag} takes a whole number`);
  return Number(text);
};

export function specFromArgs(args: ParsedArgs): SessionSpec {
  const nodeIds = (args.lists.node ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (nodeIds.length === 0) throw new UsageError('missing --node ID (give it once per data-plane node)');
  const picked = (['route', 'service', 'where'] as const).filter((k) => typeof args.flags[k] === 'string');
  if (picked.length > 1) throw new UsageError(`give one of --route, --service and --where, not ${picked.map((k) => `--${k}`).join(' and ')}`);
  const rule: SamplingRule =
    typeof args.flags.route === 'string'
      ? { kind: 'route', routeId: args.flags.route }
      : typeof args.flags.service === 'string'
        ? { kind: 'service', serviceId: args.flags.service }
        : typeof args.flags.where === 'string'
          ? { kind: 'expression', expression: args.flags.where }
          : { kind: 'all' };
  const capture = args.flags.capture ?? 'none';
  if (capture !== 'none' && capture !== 'headers' && capture !== 'headers,body') throw new UsageError('--capture takes headers or headers,body');
  const spec: SessionSpec = {
    nodeIds,
    rule,
    durationS: whole(args.flags.duration, 'duration', SESSION_DURATION.defaultS),
    maxSamples: whole(args.flags['max-samples'], 'max-samples', SESSION_MAX_SAMPLES.default),
    captureLogs: args.flags.logs === true,
    captureHeaders: capture !== 'none',
    captureBodies: capture === 'headers,body',
  };
  if (typeof args.flags.name === 'string') spec.name = args.flags.name;
  const problems = validateSessionSpec(spec);
  if (problems.length) throw new UsageError(problems.map((p) => p.reason).join('; '));
  return spec;
}

/** The session as `--json` prints it: Kong's status, the rule as the expression Konnect was sent. */
export function sessionJson(s: DebugSession) {
  return { session: { id: s.id, status: s.status, durationSecs: s.durationS, maxSamples: s.maxSamples, targets: s.nodeIds, samplingRule: ruleToExpression(s.rule) } };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function sessionLine(s: DebugSession, now: number): string {
  const left = isRunning(s) && s.endsAt ? `, ${formatSeconds((Date.parse(s.endsAt) - now) / 1000)} left` : '';
  const cap = s.maxSamples * Math.max(1, s.nodeIds.length);
  return `${s.id}  ${pad(s.status, 11)}  ${s.traceCount}/${cap} traces${left}  ${s.createdAt}  ${ruleText(s.rule)}`;
}
