/**
 * A session's sampling rule as Kong's draft sends it: one expression string, or null for every request. A
 * basic rule picked as a Route or a Service is the expression `proxy.kong.route.id == "<uuid>"` (or
 * `service.id`); reading a session back, exactly that shape is recognised as the basic rule again, so the
 * list can show the route's name.
 */
import type { SamplingRule } from './types';

const BASIC = /^\s*proxy\.kong\.(route|service)\.id\s*==\s*"([0-9A-Za-z-]{1,100})"\s*$/;

export function ruleToExpression(rule: SamplingRule): string | null {
  if (rule.kind === 'all') return null;
  if (rule.kind === 'route') return `proxy.kong.route.id == "${rule.routeId}"`;
  if (rule.kind === 'service') return `proxy.kong.service.id == "${rule.serviceId}"`;
  // an empty expression is no rule: every request (domain.md section 5)
  return rule.expression.trim() === '' ? null : rule.expression.trim();
}

export function ruleFromExpression(expression: string | null | undefined): SamplingRule {
  if (expression === null || expression === undefined || expression.trim() === '') return { kind: 'all' };
  const m = BASIC.exec(expression);
  if (m) return m[1] === 'route' ? { kind: 'route', routeId: m[2]! } : { kind: 'service', serviceId: m[2]! };
  return { kind: 'expression', expression };
}

/** What a list shows for a rule; `name` turns an entity id into its name when one is known. */
export function ruleText(rule: SamplingRule, name: (kind: 'route' | 'service', id: string) => string | undefined = () => undefined): string {
  if (rule.kind === 'all') return 'every request';
  if (rule.kind === 'expression') return rule.expression;
  const id = rule.kind === 'route' ? rule.routeId : rule.serviceId;
  return `${rule.kind} ${rule.label ?? name(rule.kind, id) ?? id}`;
}
