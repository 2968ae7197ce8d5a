/**
 * The trace list with the expression filter (issue 5) mounted in its filter bar: the same language as
 * sampling rules, evaluated on each trace's root span, with the match count updating as you type.
 */
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTraces } from '../../db/repo';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { selectTraceExpr } from './trace-filter-slice';
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
  const matches = filter.matches;
  const rowFilter = useMemo(() => (matches ? (r: TraceRow) => matches.has(r.traceId) : undefined), [matches]);
  return (
    <TraceList
      tabs={tabs}
      traces={loaded}
      rowFilter={rowFilter}
      expressionFilter={
        <ExpressionEditor
          value={text}
          onChange={setText}
          onSubmit={remember}
          suggestions={suggestions}
          history={history}
          aria-label="Expression filter"
          placeholder="Filter by expression, e.g. http.response.status_code >= 500"
          hint={matches ? `${filter.count} of ${all.length} traces match` : undefined}
        />
      }
    />
  );
}
