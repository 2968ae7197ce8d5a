/**
 * The editor's pure logic, kept apart from React so it can be tested directly: splitting the text into
 * coloured segments (with the error range marked), applying a completion, and choosing what the popup
 * shows first.
 */
import type { Completion, CompletionItem, ExprError, TokenKind } from '../../../shared/expr';
import { tokenize } from '../../../shared/expr';

export interface Segment {
  text: string;
  /** token kind, or 'plain' for blanks between tokens */
  kind: TokenKind | 'plain';
  /** inside the range of the error being shown */
  error: boolean;
}

/**
 * The whole text as consecutive segments: concatenating their texts gives the source back exactly, so
 * an overlay of them lines up with the input character for character. An error range that starts at or
 * past the end (a missing closing quote) is shown as one marker space after the text.
 */
export function segments(src: string, error: ExprError | null): Segment[] {
  const errStart = error ? error.column - 1 : -1;
  const errEnd = error ? Math.max(error.endColumn - 1, errStart + 1) : -1;
  const pieces: { start: number; end: number; kind: Segment['kind'] }[] = [];
  let pos = 0;
  for (const t of tokenize(src)) {
    if (t.start > pos) pieces.push({ start: pos, end: t.start, kind: 'plain' });
    pieces.push({ start: t.start, end: t.end, kind: t.kind });
    pos = t.end;
  }
  if (pos < src.length) pieces.push({ start: pos, end: src.length, kind: 'plain' });

  const out: Segment[] = [];
  for (const p of pieces) {
    // split each piece at the error boundaries that fall inside it
    const cuts = [p.start, ...[errStart, errEnd].filter((c) => c > p.start && c < p.end), p.end];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i]!;
      const b = cuts[i + 1]!;
      out.push({ text: src.slice(a, b), kind: p.kind, error: error !== null && a >= errStart && b <= errEnd });
    }
  }
  if (error && errStart >= src.length) out.push({ text: ' ', kind: 'plain', error: true });
  return out;
}

/** The text and caret after choosing `item` from `completion`. */
export function applyCompletion(src: string, completion: Completion, item: CompletionItem): { text: string; caret: number } {
  const rest = src.slice(completion.to);
  // reuse a blank that already follows rather than doubling it; the caret still lands after it
  const insert = item.insert.endsWith(' ') && /^\s/.test(rest) ? item.insert.slice(0, -1) : item.insert;
  const text = src.slice(0, completion.from) + insert + rest;
  return { text, caret: completion.from + item.insert.length };
}

/**
 * The items worth showing: an item that would only re-insert what is already typed is dropped, so a
 * finished expression does not keep a popup open.
 */
export function visibleItems(src: string, completion: Completion | null): CompletionItem[] {
  if (!completion) return [];
  const typed = src.slice(completion.from, completion.to);
  return completion.items.filter((i) => i.insert.trimEnd() !== typed);
}

/**
 * Which item starts highlighted: the first, except when only && / || are offered, where Enter should
 * still submit the expression rather than extend it.
 */
export function initialActive(items: CompletionItem[]): number {
  return items.length > 0 && items.every((i) => i.kind === 'logical') ? -1 : 0;
}

/** After choosing an item, keep suggesting (field → operator → value) until the condition is complete. */
export function continuesAfter(item: CompletionItem): boolean {
  return item.kind === 'field' || item.kind === 'function' || item.kind === 'operator';
}

/**
 * History after submitting `expr`: newest first, no duplicates, blank or invalid text not kept, at most
 * `limit` entries. For whoever stores the history (the trace list's store slice).
 */
export function rememberExpression(history: readonly string[], expr: string, valid: boolean, limit = 20): string[] {
  const text = expr.trim();
  if (text === '' || !valid) return [...history];
  return [text, ...history.filter((h) => h !== text)].slice(0, limit);
}
