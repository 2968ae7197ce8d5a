/**
 * Values seen in a session, per field, for value autocomplete: the most frequent first, a bounded number
 * per field so a session with 10,000 distinct URLs does not flood the popup.
 */
import type { SeenValues } from '../../../shared/expr';
import { fieldCatalogue } from '../../../shared/expr';
import type { AttrValue, TraceSummary } from '../../../shared/model/types';

const PER_FIELD = 30;

export function seenValues(summaries: readonly TraceSummary[]): SeenValues {
  const counts = new Map<string, Map<string | number, number>>();
  for (const field of fieldCatalogue) counts.set(field.name, new Map());
  for (const s of summaries) {
    for (const field of fieldCatalogue) {
      const value = readable(s.rootAttributes[field.name] ?? aliasValue(s.rootAttributes, field.aliases), field.type === 'int');
      if (value === undefined) continue;
      const m = counts.get(field.name)!;
      m.set(value, (m.get(value) ?? 0) + 1);
    }
  }
  const out: Record<string, (string | number)[]> = {};
  for (const [name, m] of counts) {
    if (m.size === 0) continue;
    out[name] = [...m.entries()]
      .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
      .slice(0, PER_FIELD)
      .map(([v]) => v);
  }
  return out;
}

function aliasValue(attrs: Record<string, AttrValue>, aliases: string[]): AttrValue | undefined {
  for (const a of aliases) if (attrs[a] !== undefined) return attrs[a];
  return undefined;
}

function readable(v: AttrValue | undefined, integer: boolean): string | number | undefined {
  if (integer) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?[0-9]+$/.test(v.trim()) ? Number(v) : NaN;
    return Number.isInteger(n) ? n : undefined;
  }
  return typeof v === 'string' && v !== '' && v.length <= 200 ? v : undefined;
}
