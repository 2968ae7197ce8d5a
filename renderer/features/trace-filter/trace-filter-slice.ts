import { compile } from '../../../shared/expr';
import { rememberExpression } from '../expr-editor';
import type { Slice } from '../../store/slice';

/**
 * The trace list's expression filter (issue 5), one per session: a filter is about that session's traffic,
 * so switching sessions shows the other session's own filter, not the last one typed. Its history of
 * recent expressions is shared.
 */
export interface TraceFilterSlice {
  /** session id → its expression text ('' or absent: no filter) */
  traceExprBySession: Record<string, string>;
  recentExpressions: string[];
  setTraceExpr(sessionId: string, text: string): void;
  rememberTraceExpr(text: string): void;
}

export const createTraceFilterSlice: Slice<TraceFilterSlice> = (set) => ({
  traceExprBySession: {},
  recentExpressions: [],
  setTraceExpr: (sessionId, text) => set((s) => ({ traceExprBySession: { ...s.traceExprBySession, [sessionId]: text } })),
  rememberTraceExpr: (text) => set((s) => ({ recentExpressions: rememberExpression(s.recentExpressions, text, compile(text).ok) })),
});

/** The selected session's expression text. */
export const selectTraceExpr = (s: { sessionId: string | null; traceExprBySession: Record<string, string> }): string =>
  (s.sessionId && s.traceExprBySession[s.sessionId]) || '';
