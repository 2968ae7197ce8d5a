/**
 * What explains a selection and a group's odd ones (docs/insights.md items 6 to 8): the bridge from the
 * rest's mean to the selection's, the dimensions whose values differ between them (Include / Exclude write
 * the value into the list's expression filter), and the outliers with their reasons. Every figure opens
 * the traces behind it: a bridge bar the selection, a selection % (rest %) the requests with that value in
 * the selection (the rest), the outliers' count the outliers.
 */
import { filterWith, withValue, type Difference } from '../../../shared/insights/differences';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { rowLabel, type GroupStats } from '../../../shared/insights/insights';
import { SetFigure } from './Figure';
import type { OpenTraces } from './useOpenTraces';
import { fmtSigned, type SelectionSet } from './WhereTimeGoes';

export function BridgeBars({ rows, selection, open }: { rows: { key: string; deltaNs: number }[]; selection: SelectionSet; open: OpenTraces }) {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.deltaNs)));
  return (
    <ul className="insights-bridge">
      {rows.map((r) => (
        <li key={r.key}>
          <span className="insights-mono insights-bridge-key">{rowLabel(r.key)}</span>
          <svg width={200} height={10} aria-hidden="true">
            <rect x={r.deltaNs >= 0 ? 100 : 100 - (Math.abs(r.deltaNs) / max) * 100} width={(Math.abs(r.deltaNs) / max) * 100} height={10} fill={r.deltaNs >= 0 ? 'var(--error)' : 'var(--ok)'} />
          </svg>
          <SetFigure traces={selection.traces} label={selection.label} name={`${rowLabel(r.key)} ${fmtSigned(r.deltaNs / 1e6)} in the selection's mean`} open={open}>
            {fmtSigned(r.deltaNs / 1e6)}
          </SetFigure>
        </li>
      ))}
    </ul>
  );
}

export function Differences({ diffs, sel, rest, exprText, onFilter, open }: {
  diffs: Difference[];
  sel: InsightTrace[];
  rest: InsightTrace[];
  exprText: string;
  onFilter: (text: string) => void;
  open: OpenTraces;
}) {
  return (
    <section aria-label="What is different about them">
      <h3>What is different about them</h3>
      <table className="insights-table">
        <thead><tr><th>dimension</th><th>value</th><th>selection</th><th>rest</th><th>p</th><th /></tr></thead>
        <tbody>
          {diffs.map((d) => {
            const inc = filterWith(exprText, d.dimension, d.value, true);
            const exc = filterWith(exprText, d.dimension, d.value, false);
            const what = `${d.dimension} = ${d.value}`;
            const selPct = `${d.selectionPct.toFixed(0)}%`;
            const restPct = `${d.restPct.toFixed(0)}%`;
            return (
              <tr key={`${d.dimension}\u0000${d.value}`}>
                <td>{d.dimension}</td>
                <td className="insights-mono">{d.value}</td>
                <td>
                  <SetFigure traces={withValue(sel, d.dimension, d.value)} label={`${what}, in the selection`} name={`${selPct} of the selection`} open={open}>{selPct}</SetFigure>
                </td>
                <td>
                  <SetFigure traces={withValue(rest, d.dimension, d.value)} label={`${what}, in the rest`} name={`${restPct} of the rest`} open={open}>{restPct}</SetFigure>
                </td>
                <td>{d.p < 0.001 ? '< 0.001' : d.p.toFixed(3)}</td>
                <td>
                  {inc && <button type="button" onClick={() => onFilter(inc)}>Include</button>}
                  {exc && <button type="button" onClick={() => onFilter(exc)}>Exclude</button>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

export function Outliers({ g, members, open }: { g: GroupStats; members: InsightTrace[]; open: OpenTraces }) {
  const ids = new Set(g.outliers.map((o) => o.traceId));
  return (
    <section aria-label="Outliers">
      <h3>
        Outliers (<SetFigure traces={members.filter((t) => ids.has(t.summary.traceId))} label={`the outliers of ${g.key}`} open={open}>{g.outliers.length}</SetFigure>)
      </h3>
      {g.outliers.length === 0 ? (
        <p className="insights-muted">None: no request is 3.5 scaled MADs and 1 ms above this group's median.</p>
      ) : (
        <ul className="insights-outliers">
          {g.outliers.map((o) => (
            <li key={o.traceId}>
              <button type="button" className="insights-link" onClick={() => open.one(o.traceId)}>{o.traceId.slice(0, 12)}</button> {o.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
