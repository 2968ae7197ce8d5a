import { compile } from '../../../shared/expr';
import { rememberExpression } from '../expr-editor';
import type { Slice } from '../../store/slice';

/**
 * The traces behind a figure of session insights (issue 19: "every number opens the traces behind it"),
 * which the list shows on top of its expression filter until the chip over the list is removed.
 */
export interface TraceSet {
  /** what the traces are, in words: "consumer = alice, in the selection" */
  label: string;
  traceIds: readonly string[];
}

/**
 * The trace list's expression filter (issue 5), one per session: a filter is about that session's traffic,
 * so switching sessions shows the other session's own filter, not the last one typed. Its history of
 * recent expressions is shared. And the trace set shown on top of it, one per session too.
 */
export interface TraceFilterSlice {
  /** session id → its expression text ('' or absent: no filter) */
  traceExprBySession: Record<string, string>;
  recentExpressions: string[];
  setTraceExpr(sessionId: string, text: string): void;
  rememberTraceExpr(text: string): void;
  /** session id → the trace set the list shows (absent: none) */
  traceSetBySession: Record<string, TraceSet>;
  /** shows a set of the session's traces in the list (switching the list pane to the list) */
  showTraceSet(sessionId: string, traces: TraceSet): void;
  clearTraceSet(sessionId: string): void;
}

export const createTraceFilterSlice: Slice<TraceFilterSlice> = (set) => ({
  traceExprBySession: {},
  recentExpressions: [],
  setTraceExpr: (sessionId, text) => set((s) => ({ traceExprBySession: { ...s.traceExprBySession, [sessionId]: text } })),
  rememberTraceExpr: (text) => set((s) => ({ recentExpressions: rememberExpression(s.recentExpressions, text, compile(text).ok) })),
  traceSetBySession: {},
  showTraceSet: (sessionId, traces) => set((s) => ({ traceSetBySession: { ...s.traceSetBySession, [sessionId]: traces }, listTab: 'traces' })),
  clearTraceSet: (sessionId) =>
    set((s) => {
      if (!(sessionId in s.traceSetBySession)) return {};
      const rest = { ...s.traceSetBySession };
      delete rest[sessionId];
      return { traceSetBySession: rest };
    }),
});

/** The selected session's expression text. */
export const selectTraceExpr = (s: { sessionId: string | null; traceExprBySession: Record<string, string> }): string =>
  (s.sessionId && s.traceExprBySession[s.sessionId]) || '';

/** The selected session's trace set, or null. */
export const selectTraceSet = (s: { sessionId: string | null; traceSetBySession: Record<string, TraceSet> }): TraceSet | null =>
  (s.sessionId && s.traceSetBySession[s.sessionId]) || null;
