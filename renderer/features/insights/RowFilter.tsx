/**
 * A "Where time goes" row's "filter to traces where this row > x" (docs/insights.md item 4): writes Kong's
 * reported figure for the row above the row's p90 (its p50 while the group is too small for a p90) into the
 * list's expression filter. Offered only for rows Kong reports on every request having them (row-filter.ts).
 */
import { useMemo } from 'react';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import type { GroupRow } from '../../../shared/insights/insights';
import { rowField, rowFilterWith, rowReported } from '../../../shared/insights/row-filter';
import { useStore } from '../../store';
import { selectTraceExpr } from '../trace-filter/trace-filter-slice';

/** The rows of this group that can be written as a clause, computed once per group. */
export function useFilterableRows(members: InsightTrace[], rows: GroupRow[]): Set<string> {
  return useMemo(() => new Set(rows.filter((r) => rowField(r.key) && rowReported(members, r.key)).map((r) => r.key)), [members, rows]);
}

export function RowFilter({ row, label }: { row: GroupRow; label: string }) {
  const sessionId = useStore((s) => s.sessionId);
  const text = useStore(selectTraceExpr);
  const setExpr = useStore((s) => s.setTraceExpr);
  const at = row.ms.p90 !== null ? 'p90' : 'p50';
  const ms = row.ms[at];
  const next = ms === null ? null : rowFilterWith(text, row.key, ms);
  if (!next || !sessionId || ms === null) return null;
  const x = Math.floor(ms);
  return (
    <button
      type="button"
      className="insights-row-filter"
      title={`Filter the list to requests where Kong reported ${label} above ${x} ms (${rowField(row.key)} > ${x})`}
      aria-label={`Filter to requests where ${label} is above its ${at}, ${x} ms`}
      onClick={() => setExpr(sessionId, next)}
    >
      &gt; {at}
    </button>
  );
}
