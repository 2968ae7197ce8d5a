/**
 * "Where time goes" (docs/insights.md item 4): phase buckets, then plugins by phase, upstream steps and
 * third-party I/O, each with n present, nearest-rank figures, share of the group's time, extra time in the
 * selection when there is one, and a strip of dots of the requests' times in that row. A row's max and a
 * strip's dot open the request behind them.
 */
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { rowLabel, type GroupStats } from '../../../shared/insights/insights';
import { formatDuration } from '../../../shared/util/duration';

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));
export const fmtSigned = (ms: number) => `${ms >= 0 ? '+' : '−'}${fmtMs(Math.abs(ms))}`;

export function Cell({ v, n }: { v: number | null; n: number }) {
  return v === null ? <td className="insights-grey" title={`too few requests (n=${n})`}>–</td> : <td>{fmtMs(v)}</td>;
}

const STRIP_W = 120;
const STRIP_H = 12;
/** px per column of the strip: requests whose times fall in one column share one dot (the slowest of them) */
const COLUMN = 3;

interface StripDot {
  x: number;
  traceId: string;
  ns: number;
  count: number;
  selected: boolean;
}

/**
 * One row's strip: each request having the row as a dot on a linear axis from 0 to the row's max. Requests
 * a column apart or less share a dot, so a strip costs at most STRIP_W / COLUMN dots whatever n is.
 */
function stripDots(members: InsightTrace[], key: string, selected: Set<string>): StripDot[] {
  let max = 0;
  for (const t of members) max = Math.max(max, t.breakdown.rows[key] ?? 0);
  const columns = new Map<number, StripDot>();
  for (const t of members) {
    const ns = t.breakdown.rows[key];
    if (ns === undefined) continue;
    const col = Math.round(((max > 0 ? ns / max : 0) * (STRIP_W - 8)) / COLUMN);
    const sel = selected.has(t.summary.traceId);
    const d = columns.get(col);
    if (!d) columns.set(col, { x: 4 + col * COLUMN, traceId: t.summary.traceId, ns, count: 1, selected: sel });
    else {
      d.count++;
      d.selected ||= sel;
      if (ns > d.ns) Object.assign(d, { traceId: t.summary.traceId, ns });
    }
  }
  return [...columns.values()];
}

function DotStrip({ label, members, rowKey, selected, onOpen }: { label: string; members: InsightTrace[]; rowKey: string; selected: Set<string>; onOpen: (id: string) => void }) {
  const dots = stripDots(members, rowKey, selected);
  return (
    <svg width={STRIP_W} height={STRIP_H} className="insights-strip" role="group" aria-label={`${label}: each request`}>
      <line x1={2} x2={STRIP_W - 2} y1={STRIP_H / 2} y2={STRIP_H / 2} className="insights-strip-axis" />
      {dots.map((d) => (
        <circle
          key={d.x}
          cx={d.x}
          cy={STRIP_H / 2}
          r={3}
          className={d.selected ? 'insights-strip-dot selected' : 'insights-strip-dot'}
          data-trace-id={d.traceId}
          onClick={() => onOpen(d.traceId)}
        >
          <title>{d.count > 1 ? `${d.count} requests up to ${formatDuration(d.ns)}: open the slowest` : `${formatDuration(d.ns)}: open this request`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function WhereTimeGoes({ g, members, extra, selected, onOpen }: {
  g: GroupStats;
  members: InsightTrace[];
  extra: Map<string, number> | null;
  selected: Set<string>;
  onOpen: (id: string) => void;
}) {
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
          <tr><th>row</th><th>present</th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>share</th>{extra && <th>extra in selection</th>}<th>each request</th></tr>
        </thead>
        <tbody>
          {g.rows.map((r) => {
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
                <td><DotStrip label={label} members={members} rowKey={r.key} selected={selected} onOpen={onOpen} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
