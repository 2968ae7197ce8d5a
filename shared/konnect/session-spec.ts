/**
 * Checks a session request before it is sent, so the user sees what is wrong next to the field rather
 * than after a round trip. Field names match the form's and the `invalid_parameters` Konnect returns are
 * mapped onto the same names (see electron/services/konnect/sessions-api.ts).
 */
import { compile, formatError } from '../expr';
import type { InvalidParameter } from './problem';
import { SESSION_DURATION, SESSION_MAX_SAMPLES, type SessionSpec } from './types';

/** Returns null when the expression is valid, else a message such as "column 17: ...". */
export type ExpressionCheck = (expression: string) => string | null;

/** The sampling-rule check: Kong's expression language, parsed and type-checked (domain.md section 5). */
export const checkSamplingExpression: ExpressionCheck = (expression) => {
  const result = compile(expression);
  return result.ok ? null : result.errors.map(formatError).join('; ');
};

export function validateSessionSpec(spec: SessionSpec, checkExpression: ExpressionCheck = checkSamplingExpression): InvalidParameter[] {
  const problems: InvalidParameter[] = [];
  if (spec.nodeIds.length === 0) problems.push({ field: 'nodeIds', reason: 'pick at least one data-plane node' });
  if (!Number.isInteger(spec.durationS) || spec.durationS < SESSION_DURATION.minS || spec.durationS > SESSION_DURATION.maxS) {
    problems.push({ field: 'durationS', reason: `duration must be a whole number of seconds from ${SESSION_DURATION.minS} s to 30 min` });
  }
  if (!Number.isInteger(spec.maxSamples) || spec.maxSamples < SESSION_MAX_SAMPLES.min || spec.maxSamples > SESSION_MAX_SAMPLES.max) {
    problems.push({ field: 'maxSamples', reason: `maximum samples per node must be from ${SESSION_MAX_SAMPLES.min} to ${SESSION_MAX_SAMPLES.max}` });
  }
  if (spec.captureBodies && !spec.captureHeaders) problems.push({ field: 'captureBodies', reason: 'bodies are captured only with headers' });
  if (spec.name !== undefined && spec.name.length > 200) problems.push({ field: 'name', reason: 'the name is longer than 200 characters' });
  const rule = spec.rule;
  if (rule.kind === 'route' && !rule.routeId) problems.push({ field: 'rule', reason: 'pick a route' });
  if (rule.kind === 'service' && !rule.serviceId) problems.push({ field: 'rule', reason: 'pick a service' });
  if (rule.kind === 'expression') {
    // an empty expression is no rule: the session captures every request
    if (rule.expression.trim() !== '') {
      const message = checkExpression(rule.expression);
      if (message) problems.push({ field: 'rule', reason: message });
    }
  }
  return problems;
}
