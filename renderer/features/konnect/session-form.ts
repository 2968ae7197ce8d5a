/**
 * The "start a session" form as plain data: defaults (5 min, 200 samples per node, headers), conversion
 * to the SessionSpec sent to Konnect, and the checks run before sending (the shared ones plus what the
 * chosen nodes can do).
 */
import { validateSessionSpec } from '../../../shared/konnect/session-spec';
import { SESSION_DURATION, SESSION_MAX_SAMPLES, type DataPlaneNode, type SessionSpec } from '../../../shared/konnect/types';

/** what Kong's draft allows in `capture_content`: nothing, headers, or headers and bodies */
export type CaptureChoice = 'none' | 'headers' | 'headers-body';

export interface SessionForm {
  name: string;
  nodeIds: string[];
  ruleKind: 'all' | 'route' | 'service' | 'expression';
  routeId: string;
  serviceId: string;
  expression: string;
  duration: string;
  durationUnit: 's' | 'min';
  maxSamples: string;
  captureLogs: boolean;
  capture: CaptureChoice;
}

export const defaultForm = (): SessionForm => ({
  name: '',
  nodeIds: [],
  ruleKind: 'route',
  routeId: '',
  serviceId: '',
  expression: '',
  duration: String(SESSION_DURATION.defaultS / 60),
  durationUnit: 'min',
  maxSamples: String(SESSION_MAX_SAMPLES.default),
  captureLogs: false,
  capture: 'headers',
});

const num = (text: string): number => (text.trim() === '' ? NaN : Number(text));

export function toSpec(form: SessionForm): SessionSpec {
  const rule: SessionSpec['rule'] =
    form.ruleKind === 'route'
      ? { kind: 'route', routeId: form.routeId }
      : form.ruleKind === 'service'
        ? { kind: 'service', serviceId: form.serviceId }
        : form.ruleKind === 'expression'
          ? { kind: 'expression', expression: form.expression.trim() }
          : { kind: 'all' };
  const amount = num(form.duration);
  const spec: SessionSpec = {
    nodeIds: form.nodeIds,
    rule,
    durationS: form.durationUnit === 'min' ? Math.round(amount * 60) : amount,
    maxSamples: num(form.maxSamples),
    captureLogs: form.captureLogs,
    captureHeaders: form.capture !== 'none',
    captureBodies: form.capture === 'headers-body',
  };
  if (form.name.trim()) spec.name = form.name.trim();
  return spec;
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
