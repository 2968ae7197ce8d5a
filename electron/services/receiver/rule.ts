/** The capture's sampling rule: the expression language compiled once, or "every request" when empty. */
import type { Attributes } from '../../../shared/model/types';
import { compile, formatError } from '../../../shared/expr';

export type RulePredicate = (rootAttributes: Attributes) => boolean;

export type RuleResult = { ok: true; predicate: RulePredicate } | { ok: false; message: string };

export function compileRule(where: string | undefined): RuleResult {
  const src = (where ?? '').trim();
  if (src === '') return { ok: true, predicate: () => true };
  const compiled = compile(src);
  if (!compiled.ok) {
    return { ok: false, message: `sampling rule ${JSON.stringify(src)}: ${compiled.errors.map(formatError).join('; ')}` };
  }
  return { ok: true, predicate: compiled.evaluate };
}
