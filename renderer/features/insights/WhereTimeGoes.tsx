/**
 * "Where time goes" (docs/insights.md item 4): phase buckets, then plugins by phase, upstream steps and
 * third-party I/O, each with n present, nearest-rank figures, share of the group's time, extra time in the
 * selection when there is one (sort by any of them), and a strip of dots of the requests' times in that row.
 * Every figure opens the traces behind it: n present and the share the requests having the row, a
 * percentile or the max the request at that rank, the extra time the selection; a strip's dot its request, at
 * the row's span. A row Kong reports a figure for filters the list to the requests above its p90.
 */
import { useMemo, useState } from 'react';
import { atRank, having, type Ranking, type RowKey } from '../../../shared/insights/behind';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { rowLabel, type GroupRow, type GroupStats } from '../../../shared/insights/insights';
import { formatDuration } from '../../../shared/util/duration';
import { DotStrip } from './DotStrip';
import { RowFilter, useFilterableRows } from './RowFilter';
import { RankCell, SetFigure } from './Figure';
import type { OpenTraces } from './useOpenTraces';

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));
export const fmtSigned = (ms: number) => `${ms >= 0 ? '+' : '−'}${fmtMs(Math.abs(ms))}`;

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

/** The selection as "extra time" opens it: its requests, and what they are in words. */
export interface SelectionSet {
  traces: InsightTrace[];
  label: string;
}

export function WhereTimeGoes({ g, members, rankings, extra, selection, selected, open }: {
  g: GroupStats;
  members: InsightTrace[];
  /** each row's values in order (the view's, shared with the map) */
  rankings: ReadonlyMap<string, Ranking>;
  extra: Map<string, number> | null;
  selection: SelectionSet;
  selected: Set<string>;
  open: OpenTraces;
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
  // each row's percentiles as requests (each the value shown), and the requests having it: once per group
  const behind = useMemo(
    () =>
      new Map(
        g.rows.map((r) => {
          const ranking = rankings.get(r.key)!;
          const at = { p50: atRank(ranking, 50), p90: atRank(ranking, 90), p99: atRank(ranking, 99), max: atRank(ranking, 100) };
          return [r.key, { at, having: having(members, r.key as RowKey) }];
        }),
      ),
    [g.rows, members, rankings],
  );
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
            const b = behind.get(r.key)!;
            const label = rowLabel(r.key);
            const withRow = `with ${label}, in ${g.key}`;
            // a phase bucket's figures are over every request (0 where one lacks it), the other rows' over those having it
            const over = r.key.startsWith('bucket:') ? g.n : r.present;
            return (
              <tr key={r.key} data-row={r.key}>
                <th scope="row" className="insights-mono">{label}</th>
                <td>
                  <SetFigure traces={b.having} label={withRow} open={open}>{r.present} of {g.n}</SetFigure>
                </td>
                <RankCell at={b.at.p50} name="p50" of={label} n={over} open={open} />
                <RankCell at={b.at.p90} name="p90" of={label} n={over} open={open} />
                <RankCell at={b.at.p99} name="p99" of={label} n={over} open={open} />
                <RankCell at={b.at.max} name="max" of={label} n={over} open={open} />
                <td>
                  <SetFigure traces={b.having} label={withRow} name={`${label} ${r.sharePct.toFixed(1)}% of the time`} open={open}>{r.sharePct.toFixed(1)}%</SetFigure>
                </td>
                {extra && (
                  <td>
                    <SetFigure traces={selection.traces} label={selection.label} name={`${label} ${fmtSigned(extra.get(r.key) ?? 0)} in the selection`} open={open}>{fmtSigned(extra.get(r.key) ?? 0)}</SetFigure>
                  </td>
                )}
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
