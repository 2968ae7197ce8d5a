/**
 * The trace list with the expression filter (issue 5) mounted in its filter bar: the same language as
 * sampling rules, evaluated on each trace's root span, with the match count updating as you type. And
 * "Outliers only" (session insights, issue 19): the traces that are outliers of their route and method
 * among those the expression keeps, with a "Why slow" column saying why in words. And the trace set a
 * figure of session insights opened (issue 19), kept on top of the expression filter and shown as a chip
 * over the list until its × (or Escape in the list) removes it.
 */
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { outlierReasons } from '../../../shared/insights/insights';
import { useTraces } from '../../db/repo';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { selectTraceExpr, selectTraceSet } from './trace-filter-slice';
import { TraceSetChip } from './TraceSetChip';
import { ExpressionEditor, useExpressionFilter, useSeenValues } from '../expr-editor';
import { TraceList } from '../trace-list/TraceList';

const EMPTY: TraceRow[] = [];

export function FilteredTraceList({ tabs }: { tabs?: ReactNode } = {}) {
  const sessionId = useStore((s) => s.sessionId);
  const text = useStore(selectTraceExpr);
  const setExpr = useStore((s) => s.setTraceExpr);
  const setNotice = useStore((s) => s.setTraceNotice);
  const setText = useCallback(
    (t: string) => {
      if (sessionId) setExpr(sessionId, t);
      setNotice('');
    },
    [sessionId, setExpr, setNotice],
  );
  const remember = useStore((s) => s.rememberTraceExpr);
  const history = useStore((s) => s.recentExpressions);
  const loaded = useTraces(sessionId);
  const all = loaded ?? EMPTY;
  const filter = useExpressionFilter(all, text);
  const suggestions = useSeenValues(all);
  const traceSet = useStore(selectTraceSet);
  const clearSet = useStore((s) => s.clearTraceSet);
  const removeSet = useCallback(() => {
    if (sessionId) clearSet(sessionId);
  }, [sessionId, clearSet]);
  // the expression's matches, narrowed to the trace set when one is shown
  const matches = useMemo(() => {
    if (!traceSet) return filter.matches;
    const ids = new Set(traceSet.traceIds);
    return new Set(all.filter((r) => ids.has(r.traceId) && (!filter.matches || filter.matches.has(r.traceId))).map((r) => r.traceId));
  }, [traceSet, filter.matches, all]);
  const [outliersOnly, setOutliersOnly] = useState(false);
  // judged among what the expression keeps, as the Insights tab judges them; computed only while shown
  const why = useMemo(() => {
    if (!outliersOnly) return undefined;
    const kept = all.filter((r) => r.breakdown && (!matches || matches.has(r.traceId)));
    return outlierReasons(kept.map((r) => ({ summary: r, breakdown: r.breakdown! })));
  }, [outliersOnly, all, matches]);
  const rowFilter = useMemo(() => {
    if (why) return (r: TraceRow) => why.has(r.traceId);
    return matches ? (r: TraceRow) => matches.has(r.traceId) : undefined;
  }, [matches, why]);
  return (
    <TraceList
      tabs={tabs}
      traces={loaded}
      rowFilter={rowFilter}
      why={why}
      above={traceSet && <TraceSetChip set={traceSet} onRemove={removeSet} />}
      onEscape={traceSet ? removeSet : undefined}
      barExtra={
        <button type="button" className="trace-outliers" aria-pressed={outliersOnly} onClick={() => setOutliersOnly(!outliersOnly)} title="Only the requests that are outliers of their route and method, with why">
          Outliers only
        </button>
      }
      expressionFilter={
        <ExpressionEditor
          value={text}
          onChange={setText}
          onSubmit={remember}
          suggestions={suggestions}
          history={history}
          aria-label="Expression filter"
          placeholder="Filter by expression, e.g. http.response.status_code >= 500"
          hint={matches ? `${matches.size} of ${all.length} traces match` : undefined}
        />
      }
    />
  );
}
