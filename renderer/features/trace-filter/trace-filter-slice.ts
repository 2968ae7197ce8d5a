import { compile } from '../../../shared/expr';
import { rememberExpression } from '../expr-editor';
import type { Slice } from '../../store/slice';

/** The trace list's expression filter (issue 5) and its history of recent expressions. */
export interface TraceFilterSlice {
  traceExprText: string;
  recentExpressions: string[];
  setTraceExprText(text: string): void;
  rememberTraceExpr(text: string): void;
}

export const createTraceFilterSlice: Slice<TraceFilterSlice> = (set) => ({
  traceExprText: '',
  recentExpressions: [],
  setTraceExprText: (traceExprText) => set({ traceExprText }),
  rememberTraceExpr: (text) => set((s) => ({ recentExpressions: rememberExpression(s.recentExpressions, text, compile(text).ok) })),
});
