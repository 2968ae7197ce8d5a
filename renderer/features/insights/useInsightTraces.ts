/**
 * The traces the insights view works on: the session's summary rows the list's expression filter keeps,
 * with their breakdowns; and the upgrade that gives rows stored before session insights theirs.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTraces } from '../../db/repo';
import { storeOp } from '../../db/ingest-client';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { useExpressionFilter } from '../expr-editor';
import { selectTraceExpr } from '../trace-filter/trace-filter-slice';
import { BREAKDOWN_VERSION, type InsightTrace } from '../../../shared/insights/breakdown';

const EMPTY: TraceRow[] = [];

export function useInsightTraces(): { traces: InsightTrace[]; without: number; total: number } {
  const sessionId = useStore((s) => s.sessionId);
  const text = useStore(selectTraceExpr);
  const loaded = useTraces(sessionId) ?? EMPTY;
  const filter = useExpressionFilter(loaded, text);
  return useMemo(() => {
    const kept = filter.matches ? loaded.filter((r) => filter.matches!.has(r.traceId)) : loaded;
    const traces: InsightTrace[] = [];
    let without = 0;
    for (const r of kept) {
      if (r.breakdown) traces.push({ summary: r, breakdown: r.breakdown });
      if (r.spanCount > 0 && (r.breakdown?.v ?? 0) < BREAKDOWN_VERSION) without++;
    }
    return { traces, without, total: kept.length };
  }, [loaded, filter.matches]);
}

/**
 * Rows stored before session insights have no breakdown: the ingest worker adds them (breakdown-upgrade.ts),
 * for the whole store at start-up and, asked here, for this session first. The list's live query brings the
 * rows back with them; until then the view says how many are still being prepared.
 */
export function useAddBreakdowns(sessionId: string | null, without: number): 'working' | 'failed' | null {
  const asked = useRef(new Set<string>());
  const [state, setState] = useState<{ sessionId: string; s: 'working' | 'failed' } | null>(null);
  useEffect(() => {
    if (!sessionId || without === 0 || asked.current.has(sessionId)) return;
    asked.current.add(sessionId);
    setState({ sessionId, s: 'working' });
    storeOp({ op: 'addBreakdowns', sessionId }).then(
      () => setState((cur) => (cur?.sessionId === sessionId ? null : cur)),
      () => setState((cur) => (cur?.sessionId === sessionId ? { sessionId, s: 'failed' } : cur)),
    );
  }, [sessionId, without]);
  return without > 0 && state?.sessionId === sessionId ? state.s : null;
}
