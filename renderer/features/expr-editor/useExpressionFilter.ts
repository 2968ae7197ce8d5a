/**
 * Filtering a session's traces with a sampling expression, for the trace list. Compiles when the text
 * changes and evaluates against each summary's root-span attributes; 10,000 traces take a few
 * milliseconds (see test/bench/expr-filter.bench.ts).
 */
import { useMemo } from 'react';
import type { CompileResult, ExprError } from '../../../shared/expr';
import { compile } from '../../../shared/expr';
import type { TraceSummary } from '../../../shared/model/types';
import { seenValues } from './seen-values';

export interface ExpressionFilter {
  /** ids of matching traces; null when there is no (valid) filter, meaning "show all" */
  matches: Set<string> | null;
  /** how many traces the list shows: the matches, or all when there is no valid filter */
  count: number;
  /** the first problem with the text, for a message; null when it is blank or valid */
  error: ExprError | null;
}

export function filterSummaries(summaries: readonly TraceSummary[], text: string): ExpressionFilter {
  return applyFilter(summaries, compileFilter(text));
}

/** null for blank text (no filter). */
function compileFilter(text: string): CompileResult | null {
  return text.trim() === '' ? null : compile(text);
}

function applyFilter(summaries: readonly TraceSummary[], compiled: CompileResult | null): ExpressionFilter {
  if (compiled === null) return { matches: null, count: summaries.length, error: null };
  if (!compiled.ok) return { matches: null, count: summaries.length, error: compiled.errors[0]! };
  const matches = new Set<string>();
  for (const s of summaries) if (compiled.evaluate(s.rootAttributes)) matches.add(s.traceId);
  return { matches, count: matches.size, error: null };
}

export function useExpressionFilter(summaries: readonly TraceSummary[], text: string): ExpressionFilter {
  // compile only when the text changes; re-evaluate when the traces change
  const compiled = useMemo(() => compileFilter(text), [text]);
  return useMemo(() => applyFilter(summaries, compiled), [summaries, compiled]);
}

/** Values seen in these traces, for the editor's `suggestions` prop. */
export function useSeenValues(summaries: readonly TraceSummary[]) {
  return useMemo(() => seenValues(summaries), [summaries]);
}
