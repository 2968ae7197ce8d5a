/**
 * The group's transaction map (docs/insights.md item 5): each phase in lifecycle order with what ran in it,
 * every node `p50 / p95` and "in N of n", shaded by its p95 (with a selection: by its extra time in the
 * selection), and badges for variant paths. A node opens the request where it took longest, at its span; its figures
 * open the traces behind them (the p50 and p95 the request at that rank, "in N of n" the requests having it).
 */
import { useMemo } from 'react';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { atRank, having, type AtRank, type Ranking, type RowKey } from '../../../shared/insights/behind';
import { groupMap, type MapNode } from '../../../shared/insights/group-map';
import { formatDuration } from '../../../shared/util/duration';
import { useStore } from '../../store';
import { Figure, SetFigure } from './Figure';
import type { OpenTraces } from './useOpenTraces';

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));

function RankFigure({ at, name, of, open }: { at: AtRank | null; name: string; of: string; open: OpenTraces }) {
  if (!at) return <>–</>;
  const value = formatDuration(at.ns);
  return <Figure label={`open the ${name} request for ${of}: ${value}`} onOpen={() => open.one(at.traceId)}>{value}</Figure>;
}

function Node({ node, n, group, members, ranking, heat, extraMs, open }: { node: MapNode; n: number; group: string; members: InsightTrace[]; ranking: Ranking; heat: number; extraMs: number | null; open: OpenTraces }) {
  const openTraceAt = useStore((s) => s.openTraceAt);
  const key = node.key as RowKey;
  const at = { p50: atRank(ranking, 50), p95: atRank(ranking, 95) };
  const extra = extraMs === null ? '' : ` ${extraMs >= 0 ? '+' : '−'}${fmtMs(Math.abs(extraMs))}`;
  return (
    // the whole node opens the request where it took longest; its button says so to the keyboard, and its
    // figures (buttons of their own, which stop the click) open theirs
    <div className="insights-map-node" style={{ background: `color-mix(in srgb, var(--error) ${Math.round(heat * 40)}%, var(--bg))` }} onClick={() => openTraceAt(node.slowestTraceId, node.key)}>
      <button
        type="button"
        className="insights-map-open"
        title={`p50 / p95${node.p95Ms === null ? ' (p95 needs 20 requests)' : ''}; open the request where it took longest, at its span`}
        aria-label={`${node.label}: p50 ${fmtMs(node.p50Ms)}, p95 ${node.p95Ms === null ? 'not shown' : fmtMs(node.p95Ms)}, in ${node.present} of ${n}${extra ? `, extra in selection${extra}` : ''}`}
      >
        <span className="insights-map-label">{node.label}</span>
      </button>
      <span className="insights-map-figures">
        <RankFigure at={at.p50} name="p50" of={node.label} open={open} /> / <RankFigure at={at.p95} name="p95" of={node.label} open={open} />
        {extra && <span className="insights-map-extra">{extra}</span>}
      </span>
      {node.present < n && (
        <span className="insights-map-present">
          in <SetFigure traces={having(members, key)} label={`with ${node.label}, in ${group}`} open={open}>{node.present} of {n}</SetFigure>
        </span>
      )}
    </div>
  );
}

export function GroupMap({ group, members, rankings, extra, open }: {
  group: string;
  members: InsightTrace[];
  /** each row's values in order (the view's, shared with where time goes) */
  rankings: ReadonlyMap<string, Ranking>;
  extra: Map<string, number> | null;
  open: OpenTraces;
}) {
  const map = useMemo(() => groupMap(members), [members]);
  const nodes = map.columns.flatMap((c) => (c.node ? [c.node, ...c.children] : c.children));
  // shade by p95 (p50 where the group is too small for one), or by extra time when there is a selection
  const measure = (nd: MapNode) => (extra ? Math.max(0, extra.get(nd.key) ?? 0) : (nd.p95Ms ?? nd.p50Ms ?? 0));
  const top = Math.max(1e-9, ...nodes.filter((nd) => !nd.key.startsWith('bucket:') || !extra).map(measure));
  const heat = (nd: MapNode) => Math.min(1, measure(nd) / top);
  return (
    <section aria-label="Group transaction map">
      <h3>Transaction map of the group <span className="insights-muted">p50 / p95, shaded by {extra ? 'extra time in the selection' : 'p95'}</span></h3>
      {map.badges.length > 0 && (
        <ul className="insights-map-badges" aria-label="Variant paths">
          {map.badges.map((b) => <li key={b}>{b}</li>)}
        </ul>
      )}
      <div className="insights-map">
        {map.columns.map((c) => (
          <div key={c.title} className="insights-map-col" role="group" aria-label={c.title}>
            {c.node ? <Node node={c.node} n={map.n} group={group} members={members} ranking={rankings.get(c.node.key)!} heat={heat(c.node)} extraMs={extra ? (extra.get(c.node.key) ?? 0) : null} open={open} /> : <div className="insights-map-title">{c.title}</div>}
            {c.children.map((nd) => (
              <Node key={nd.key} node={nd} n={map.n} group={group} members={members} ranking={rankings.get(nd.key)!} heat={heat(nd)} extraMs={extra ? (extra.get(nd.key) ?? 0) : null} open={open} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
