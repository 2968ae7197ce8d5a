/**
 * "Where time goes" (docs/insights.md item 4): phase buckets, then plugins by phase, upstream steps and
 * third-party I/O, each with n present, nearest-rank figures, share of the group's time, extra time in the
 * selection when there is one (sort by any of them), and a strip of dots of the requests' times in that row. A row's max and a
 * strip's dot open the request behind them; a row Kong reports a figure for filters the list to the requests above its p90.
 */
import { useState } from 'react';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { rowLabel, type GroupRow, type GroupStats } from '../../../shared/insights/insights';
import { formatDuration } from '../../../shared/util/duration';
import { DotStrip } from './DotStrip';
import { RowFilter, useFilterableRows } from './RowFilter';

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));
export const fmtSigned = (ms: number) => `${ms >= 0 ? '+' : '−'}${fmtMs(Math.abs(ms))}`;

export function Cell({ v, n }: { v: number | null; n: number }) {
  return v === null ? <td className="insights-grey" title={`too few requests (n=${n})`}>–</td> : <td>{fmtMs(v)}</td>;
}

type Col = 'row' | 'present' | 'p50' | 'p90' | 'p99' | 'max' | 'share' | 'extra';
const COLS: { col: Col; label: string }[] = [
  { col: 'row', label: 'row' },
  { col: 'present', label: 'present' },
  { col: 'p50', label: 'p50' },
  { col: 'p90', label: 'p90' },
  { col: 'p99', label: 'p99' },
  { col: 'max', label: 'max' },
  { col: 'share', label: 'share' },
  { col: 'extra', label: 'extra in selection' },
];

function sortValue(r: GroupRow, col: Col, extra: Map<string, number> | null): number | string {
  switch (col) {
    case 'row':
      return rowLabel(r.key);
    case 'present':
      return r.present;
    case 'share':
      return r.sharePct;
    case 'extra':
      return extra?.get(r.key) ?? 0;
    default:
      // a greyed (hidden) percentile sorts below every shown one
      return r.ms[col] ?? -Infinity;
  }
}

/** The rows in the group's order (phases, plugins, upstream steps, I/O), or sorted by a column. */
function sortRows(rows: GroupRow[], sort: { col: Col; desc: boolean } | null, extra: Map<string, number> | null): GroupRow[] {
  if (!sort) return rows;
  const sign = sort.desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.col, extra);
    const y = sortValue(b, sort.col, extra);
    return sign * (typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number));
  });
}

export function WhereTimeGoes({ g, members, extra, selected, onOpen }: {
  g: GroupStats;
  members: InsightTrace[];
  extra: Map<string, number> | null;
  selected: Set<string>;
  onOpen: (id: string) => void;
}) {
  const [sort, setSort] = useState<{ col: Col; desc: boolean } | null>(null);
  const cols = COLS.filter((c) => c.col !== 'extra' || extra);
  // a click sorts by the column, largest first (names: A to Z); a second click reverses; a third restores the group's order
  const onSort = (col: Col) => {
    const first = col !== 'row';
    if (sort?.col !== col) setSort({ col, desc: first });
    else if (sort.desc === first) setSort({ col, desc: !first });
    else setSort(null);
  };
  const filterable = useFilterableRows(members, g.rows);
  const slowest = new Map<string, InsightTrace>();
  for (const t of members) {
    for (const k in t.breakdown.rows) {
      const best = slowest.get(k);
      if (!best || t.breakdown.rows[k]! > best.breakdown.rows[k]!) slowest.set(k, t);
    }
  }
  return (
    <section aria-label="Where time goes">
      <h3>Where time goes</h3>
      <table className="insights-table">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c.col} aria-sort={sort?.col === c.col ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="insights-sort" onClick={() => onSort(c.col)}>
                  {c.label}
                  {sort?.col === c.col ? (sort.desc ? ' ▾' : ' ▴') : ''}
                </button>
              </th>
            ))}
            <th>each request</th>
            {filterable.size > 0 && <th title="filter the list on Kong's reported figure for the row">filter</th>}
          </tr>
        </thead>
        <tbody>
          {sortRows(g.rows, sort?.col === 'extra' && !extra ? null : sort, extra).map((r) => {
            const top = slowest.get(r.key);
            const label = rowLabel(r.key);
            return (
              <tr key={r.key} data-row={r.key}>
                <th scope="row" className="insights-mono">{label}</th>
                <td>{r.present} of {g.n}</td>
                <Cell v={r.ms.p50} n={r.present} />
                <Cell v={r.ms.p90} n={r.present} />
                <Cell v={r.ms.p99} n={r.present} />
                <td>
                  {top ? (
                    <button type="button" className="insights-link" title="open the slowest" onClick={() => onOpen(top.summary.traceId)}>{fmtMs(r.ms.max)}</button>
                  ) : fmtMs(r.ms.max)}
                </td>
                <td>{r.sharePct.toFixed(1)}%</td>
                {extra && <td>{fmtSigned(extra.get(r.key) ?? 0)}</td>}
                <td><DotStrip label={label} members={members} rowKey={r.key} selected={selected} /></td>
                {filterable.size > 0 && <td>{filterable.has(r.key) && <RowFilter row={r} label={label} />}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
