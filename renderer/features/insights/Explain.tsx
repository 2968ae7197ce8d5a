/**
 * What explains a selection and a group's odd ones (docs/insights.md items 6 to 8): the bridge from the
 * rest's mean to the selection's, the dimensions whose values differ between them (Include / Exclude write
 * the value into the list's expression filter; "Capture more…" makes it the rule of a new capture), and the
 * outliers with their reasons. Every figure opens the traces behind it: a bridge bar the selection, a
 * selection % (rest %) the requests with that value in the selection (the rest), the outliers' count the
 * outliers.
 */
import { dimensionClause, filterWith, withValue, type Difference } from '../../../shared/insights/differences';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { useStore } from '../../store';
import { usePopover } from '../shell/usePopover';
import type { RuleTarget } from '../rule-draft/rule-draft-slice';
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

export function Differences({ diffs, sel, rest, exprText, onFilter, open, expressible }: {
  diffs: Difference[];
  sel: InsightTrace[];
  rest: InsightTrace[];
  exprText: string;
  onFilter: (text: string) => void;
  open: OpenTraces;
  expressible: (d: Difference) => boolean;
}) {
  return (
    <section aria-label="What is different about them">
      <h3>What is different about them</h3>
      <table className="insights-table">
        <thead><tr><th>dimension</th><th>value</th><th>selection</th><th>rest</th><th>p</th><th /></tr></thead>
        <tbody>
          {diffs.map((d) => {
            // only where the expression language says exactly what the row says (differences.ts clauseAgrees)
            const ok = expressible(d);
            const inc = ok ? filterWith(exprText, d.dimension, d.value, true) : null;
            const exc = ok ? filterWith(exprText, d.dimension, d.value, false) : null;
            const rule = ok ? dimensionClause(d.dimension, d.value, true) : null;
            const what = `${d.dimension} = ${d.value}`;
            const selPct = `${d.selectionPct.toFixed(0)}%`;
            const restPct = `${d.restPct.toFixed(0)}%`;
            return (
              <tr key={`${d.dimension}\u0000${d.value}`}>
                <td>{d.dimension}</td>
                <td className="insights-mono insights-diff-value" title={d.value}>{d.value}</td>
                <td>
                  <SetFigure traces={withValue(sel, d.dimension, d.value)} label={`${what}, in the selection`} name={`${selPct} of the selection`} open={open}>{selPct}</SetFigure>
                </td>
                <td>
                  <SetFigure traces={withValue(rest, d.dimension, d.value)} label={`${what}, in the rest`} name={`${restPct} of the rest`} open={open}>{restPct}</SetFigure>
                </td>
                <td>{d.p < 0.001 ? '< 0.001' : d.p.toFixed(3)}</td>
                <td>
                  <span className="insights-actions">
                    {inc && <button type="button" onClick={() => onFilter(inc)}>Include</button>}
                    {exc && <button type="button" onClick={() => onFilter(exc)}>Exclude</button>}
                    {rule && <CaptureMore rule={rule} why={`${d.dimension} = ${d.value} (${d.selectionPct.toFixed(0)}% of the selection, ${d.restPct.toFixed(0)}% of the rest)`} />}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/**
 * "Capture more like this" (docs/insights.md item 7): the value's clause as the sampling rule of a new live
 * capture or Konnect session, waiting in that form (features/rule-draft) until the user starts it.
 */
function CaptureMore({ rule, why }: { rule: string; why: string }) {
  const pop = usePopover('menu');
  const draftRule = useStore((s) => s.draftRule);
  const pick = (target: RuleTarget) => () => {
    pop.close(false);
    draftRule({ rule, why, target });
  };
  return (
    <span className="insights-capture">
      <button type="button" aria-haspopup="menu" title={`Capture more requests where ${rule}`} {...pop.buttonProps}>
        Capture more…
      </button>
      {pop.open && (
        <div className="menu insights-capture-menu" role="menu" aria-label={`Capture more where ${rule}`} {...pop.popoverProps}>
          <button type="button" role="menuitem" onClick={pick('capture')}>In a live capture</button>
          <button type="button" role="menuitem" onClick={pick('konnect')}>In a Konnect debugger session</button>
        </div>
      )}
    </span>
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
