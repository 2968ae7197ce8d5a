/**
 * The "start a session" form as plain data: defaults (5 min, 200 traces), conversion to the SessionSpec
 * sent to Konnect, and the checks run before sending (the shared ones plus what the chosen nodes can do).
 */
import { validateSessionSpec } from '../../../shared/konnect/session-spec';
import { SESSION_DURATION, SESSION_MAX_TRACES, type DataPlaneNode, type SessionSpec } from '../../../shared/konnect/types';

export interface SessionForm {
  nodeIds: string[];
  ruleKind: 'route' | 'service' | 'expression';
  routeId: string;
  serviceId: string;
  expression: string;
  duration: string;
  durationUnit: 's' | 'min';
  maxTraces: string;
  captureLogs: boolean;
  captureHeaders: boolean;
  captureBodies: boolean;
}

export const defaultForm = (): SessionForm => ({
  nodeIds: [],
  ruleKind: 'route',
  routeId: '',
  serviceId: '',
  expression: '',
  duration: String(SESSION_DURATION.defaultS / 60),
  durationUnit: 'min',
  maxTraces: String(SESSION_MAX_TRACES.default),
  captureLogs: false,
  captureHeaders: true,
  captureBodies: false,
});

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));

export function toSpec(form: SessionForm): SessionSpec {
  const rule: SessionSpec['rule'] =
    form.ruleKind === 'route'
      ? { kind: 'route', routeId: form.routeId }
      : form.ruleKind === 'service'
        ? { kind: 'service', serviceId: form.serviceId }
        : { kind: 'expression', expression: form.expression.trim() };
  const amount = num(form.duration);
  return {
    nodeIds: form.nodeIds,
    rule,
    durationS: form.durationUnit === 'min' ? Math.round(amount * 60) : amount,
    maxTraces: num(form.maxTraces),
    captureLogs: form.captureLogs,
    captureHeaders: form.captureHeaders,
    captureBodies: form.captureBodies,
  };
}

/** Field -> message for everything wrong with the form; empty when it can be sent. */
export function formProblems(form: SessionForm, nodes: readonly DataPlaneNode[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of validateSessionSpec(toSpec(form))) out[p.field] ??= p.reason;
  const chosen = nodes.filter((n) => form.nodeIds.includes(n.id));
  const untraceable = chosen.filter((n) => !n.tracingSupported);
  if (untraceable.length) out.nodeIds ??= `${untraceable.map((n) => n.hostname).join(', ')}: ${untraceable[0]!.reason}`;
  const noLogs = chosen.filter((n) => n.tracingSupported && !n.logsSupported);
  if (form.captureLogs && noLogs.length) out.captureLogs ??= `log capture needs gateway 3.11 or later (${noLogs.map((n) => `${n.hostname} runs ${n.version}`).join(', ')})`;
  return out;
}
