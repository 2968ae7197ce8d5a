/**
 * The figures of the Insights tab, each opening the traces behind it (issue 19, docs/insights.md: "every
 * aggregate opens the traces behind it"): a button that looks like the number it is, underlined on hover
 * and focus, named in words ("open the p90 request for total: 412 ms", "list the 12 requests: ...").
 * A figure with no request behind it, or greyed for too small an n, stays plain text.
 */
import type { ReactNode } from 'react';
import type { AtRank } from '../../../shared/insights/behind';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { formatDuration } from '../../../shared/util/duration';
import type { OpenTraces } from './useOpenTraces';

export function Figure({ label, onOpen, children }: { label: string; onOpen: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="insights-figure"
      aria-label={label}
      title={label}
      onClick={(e) => {
        // a figure inside a map node opens its traces without also opening the node's request
        e.stopPropagation();
        onOpen();
      }}
    >
      {children}
    </button>
  );
}

/** What a set figure's button says: "list the 12 requests: consumer = alice, in the selection". */
function listLabel(n: number, label: string): string {
  return n === 1 ? `open the one request: ${label}` : `list the ${n} requests: ${label}`;
}

/**
 * A count, a share or a mean: the requests it is of, listed as "N traces: label" (one opens). `name` says
 * the figure in words where the count of requests does not ("mean total 45 ms", "83% of the selection").
 */
export function SetFigure({ traces, label, name, open, children }: { traces: readonly InsightTrace[]; label: string; name?: string; open: OpenTraces; children: ReactNode }) {
  if (traces.length === 0) return <>{children}</>;
  const list = listLabel(traces.length, label);
  return (
    <Figure label={name ? `${name}, ${list}` : list} onOpen={() => open.set(label, traces)}>
      {children}
    </Figure>
  );
}

/**
 * A nearest-rank percentile (or the max) as a table cell: the request at that rank, its value the figure
 * shown (one computation, shared/insights/behind.ts), opened by a click. Greyed and inert where the set is
 * too small for the percentile.
 */
export function RankCell({ at, name, of, n, open }: { at: AtRank | null; name: string; of: string; n: number; open: OpenTraces }) {
  if (at === null) return <td className="insights-grey" title={`too few requests (n=${n})`}>–</td>;
  const value = formatDuration(at.ns);
  return (
    <td>
      <Figure label={`open the ${name} request for ${of}: ${value}`} onOpen={() => open.one(at.traceId)}>
        {value}
      </Figure>
    </td>
  );
}
