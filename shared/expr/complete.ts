import type { FieldType, Operator } from './ast';
import { fieldCatalogue, lookupField, THIRD_PARTY_PATTERN, typeName } from './fields';
import type { Token } from './lexer';
import { tokenize } from './lexer';
import { quote } from './print';

/**
 * Autocomplete for the expression editor: from the text and the caret, what could come next (a field,
 * an operator that fits the field's type, a value seen before for that field, or && / ||) and which
 * range of the text the chosen item replaces.
 */

export type CompletionKind = 'field' | 'function' | 'operator' | 'value' | 'logical';

export interface CompletionItem {
  label: string;
  /** text that replaces [from, to) */
  insert: string;
  kind: CompletionKind;
  /** short: the field's type, or the operator's meaning */
  detail: string;
  description?: string;
}

export interface Completion {
  /** 0-based offsets of the text the item replaces */
  from: number;
  to: number;
  items: CompletionItem[];
}

/** Values seen in the session, keyed by field name (canonical or alias). */
export type SeenValues = Readonly<Record<string, readonly (string | number)[]>>;

const OPERATOR_HELP: Record<Operator, string> = {
  '==': 'equals',
  '!=': 'does not equal',
  '~': 'matches the regex',
  '^=': 'starts with',
  '=^': 'ends with',
  contains: 'contains',
  '>': 'greater than',
  '>=': 'at least',
  '<': 'less than',
  '<=': 'at most',
  in: 'address is in the block',
  'not in': 'address is not in the block',
};

const OPERATORS_FOR: Record<FieldType, Operator[]> = {
  string: ['==', '!=', '~', '^=', '=^', 'contains'],
  int: ['==', '!=', '>', '>=', '<', '<='],
  ip: ['in', 'not in', '==', '!='],
};

const MAX_ITEMS = 50;

export function complete(src: string, caret: number, seen: SeenValues = {}): Completion | null {
  const tokens = tokenize(src);
  let index = tokens.findIndex((t) => t.start < caret && caret <= t.end);
  const current = index === -1 ? undefined : tokens[index];
  if (index === -1) index = tokens.findIndex((t) => t.start >= caret);
  if (index === -1) index = tokens.length;
  const before = tokens.slice(0, index);
  const prev = before[before.length - 1];
  const from = current ? current.start : caret;
  const typed = current ? src.slice(current.start, caret) : '';
  const wrap = (items: CompletionItem[]): Completion | null => (items.length === 0 ? null : { from, to: current ? current.end : caret, items: items.slice(0, MAX_ITEMS) });

  if (!prev || prev.kind === 'lparen' || prev.kind === 'logical') {
    if (current && current.kind !== 'field' && current.kind !== 'function' && current.kind !== 'error') return null;
    return wrap(fieldItems(typed));
  }
  const lhsField = fieldBefore(before);
  if (lhsField !== undefined && (prev.kind === 'field' || prev.kind === 'rparen')) {
    return wrap(operatorItems(lhsField, typed));
  }
  if (prev.kind === 'operator' && prev.text !== 'not') {
    const opIndex = before.length - 1;
    const field = fieldBefore(before.slice(0, before[opIndex - 1]?.text === 'not' ? opIndex - 1 : opIndex));
    return field === undefined ? null : wrap(valueItems(field, typed, seen));
  }
  if (prev.kind === 'operator' && prev.text === 'not') {
    return wrap('in'.startsWith(typed) ? [{ label: 'in', insert: 'in', kind: 'operator', detail: OPERATOR_HELP['not in'] }] : []);
  }
  if (prev.kind === 'string' || prev.kind === 'int' || prev.kind === 'ip' || prev.kind === 'rparen') {
    if (current) return null;
    return wrap([
      { label: '&&', insert: '&& ', kind: 'logical', detail: 'and' },
      { label: '||', insert: '|| ', kind: 'logical', detail: 'or' },
    ]);
  }
  return null;
}

/** The field name of a complete left-hand side ending the token list (`x`, `lower(x)`, `any(lower(x))`). */
function fieldBefore(tokens: Token[]): string | undefined {
  let i = tokens.length - 1;
  let closes = 0;
  while (i >= 0 && tokens[i]!.kind === 'rparen') {
    closes++;
    i--;
  }
  const field = tokens[i];
  if (!field || field.kind !== 'field') return undefined;
  for (let k = 0; k < closes; k++) {
    if (tokens[i - 1 - 2 * k]?.kind !== 'lparen' || tokens[i - 2 - 2 * k]?.kind !== 'function') return undefined;
  }
  return field.text;
}

function fieldItems(typed: string): CompletionItem[] {
  const needle = typed.toLowerCase();
  const items: CompletionItem[] = [];
  for (const fn of ['lower', 'any']) {
    if (needle !== '' && fn.startsWith(needle)) {
      items.push({ label: `${fn}(…)`, insert: `${fn}(`, kind: 'function', detail: fn === 'lower' ? 'lowercase a string field' : 'any element of a list matches' });
    }
  }
  const prefixed: CompletionItem[] = [];
  const containing: CompletionItem[] = [];
  for (const f of fieldCatalogue) {
    for (const name of [f.name, ...f.aliases]) {
      const at = name.toLowerCase().indexOf(needle);
      if (at === -1) continue;
      const item: CompletionItem = {
        label: name,
        insert: `${name} `,
        kind: 'field',
        detail: f.type === 'ip' ? 'IP address' : f.type === 'int' ? 'integer' : 'string',
        description: name === f.name ? f.description : `alias of ${f.name}: ${f.description}`,
      };
      (at === 0 ? prefixed : containing).push(item);
    }
  }
  if (THIRD_PARTY_PATTERN.includes(needle) && needle.length > 0 && !prefixed.some((i) => i.label.includes('.3p.'))) {
    containing.push({ label: THIRD_PARTY_PATTERN, insert: 'proxy.kong.latency.3p.', kind: 'field', detail: 'integer', description: 'ms of third-party I/O of one kind (redis, tcpsock, http_client, dns)' });
  }
  return [...items, ...prefixed, ...containing];
}

function operatorItems(fieldName: string, typed: string): CompletionItem[] {
  const field = lookupField(fieldName);
  const ops = field ? OPERATORS_FOR[field.type] : OPERATORS_FOR.string;
  return ops
    .filter((op) => op.startsWith(typed))
    .map((op) => ({ label: op, insert: `${op} `, kind: 'operator' as const, detail: OPERATOR_HELP[op], description: field ? `${field.name} is ${typeName(field.type)}` : undefined }))
    .map(({ description, ...rest }) => (description ? { ...rest, description } : rest));
}

function valueItems(fieldName: string, typed: string, seen: SeenValues): CompletionItem[] {
  const field = lookupField(fieldName);
  const values = seen[fieldName] ?? (field ? (seen[field.name] ?? field.aliases.map((a) => seen[a]).find((v) => v !== undefined)) : undefined) ?? [];
  const needle = typed.replace(/^"/, '').toLowerCase();
  const items: CompletionItem[] = [];
  const done = new Set<string>();
  for (const v of values) {
    const insert = field?.type === 'int' ? String(v) : field?.type === 'ip' ? String(v) : quote(String(v));
    if (done.has(insert) || !String(v).toLowerCase().includes(needle)) continue;
    if (field?.type === 'int' && !/^-?[0-9]+$/.test(String(v))) continue;
    done.add(insert);
    items.push({ label: insert, insert, kind: 'value', detail: 'seen in this session' });
  }
  return items;
}
