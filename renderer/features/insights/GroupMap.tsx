/**
 * The group's transaction map (docs/insights.md item 5): each phase in lifecycle order with what ran in it,
 * every node `p50 / p95` and "in N of n", shaded by its p95 (with a selection: by its extra time in the
 * selection), and badges for variant paths. A node opens the request where it took longest, at its span.
 */
import { useMemo } from 'react';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { groupMap, type MapNode } from '../../../shared/insights/group-map';
import { formatDuration } from '../../../shared/util/duration';
import { useStore } from '../../store';

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));

function Node({ node, n, heat, extraMs }: { node: MapNode; n: number; heat: number; extraMs: number | null }) {
  const openTraceAt = useStore((s) => s.openTraceAt);
  const figures = `${fmtMs(node.p50Ms)} / ${node.p95Ms === null ? '–' : fmtMs(node.p95Ms)}`;
  const extra = extraMs === null ? '' : ` ${extraMs >= 0 ? '+' : '−'}${fmtMs(Math.abs(extraMs))}`;
  return (
    <button
      type="button"
      className="insights-map-node"
      style={{ background: `color-mix(in srgb, var(--error) ${Math.round(heat * 40)}%, var(--bg))` }}
      title={`p50 / p95${node.p95Ms === null ? ' (p95 needs 20 requests)' : ''}; open the request where it took longest, at its span`}
      aria-label={`${node.label}: p50 ${fmtMs(node.p50Ms)}, p95 ${node.p95Ms === null ? 'not shown' : fmtMs(node.p95Ms)}, in ${node.present} of ${n}${extra ? `, extra in selection${extra}` : ''}`}
      onClick={() => openTraceAt(node.slowestTraceId, node.key)}
    >
      <span className="insights-map-label">{node.label}</span>
      <span className="insights-map-figures">{figures}{extra && <span className="insights-map-extra">{extra}</span>}</span>
      {node.present < n && <span className="insights-map-present">in {node.present} of {n}</span>}
    </button>
  );
}

export function GroupMap({ members, extra }: { members: InsightTrace[]; extra: Map<string, number> | null }) {
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
            {c.node ? <Node node={c.node} n={map.n} heat={heat(c.node)} extraMs={extra ? (extra.get(c.node.key) ?? 0) : null} /> : <div className="insights-map-title">{c.title}</div>}
            {c.children.map((nd) => (
              <Node key={nd.key} node={nd} n={map.n} heat={heat(nd)} extraMs={extra ? (extra.get(nd.key) ?? 0) : null} />
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
