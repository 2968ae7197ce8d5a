/**
 * A group's headline (docs/insights.md item 2): total / gateway / upstream / client at p50, p90, p99, max and
 * mean (a percentile the group is too small for greyed), when its requests ran, its status mix, who ended
 * the failing ones, and what the data cannot vouch for.
 */
import { headlineFacts } from '../../../shared/insights/headline';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import type { GroupStats, S } from '../../../shared/insights/insights';
import { Cell } from './WhereTimeGoes';

const clock = (ms: number) => new Date(ms).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function Headline({ g, members }: { g: GroupStats; members: InsightTrace[] }) {
  const parts = ['total', 'gateway', 'upstream', 'client'] as const;
  const f = headlineFacts(members);
  const failing = f.failingEndedBy.upstream + f.failingEndedBy.gateway;
  const quality = [
    f.derived > 0 ? `${f.derived} of ${g.n} with latencies derived from spans (not reported by Kong)` : null,
    f.noRoot > 0 ? `${f.noRoot} without a root span (timed from their spans' extent)` : null,
  ].filter(Boolean);
  return (
    <div className="insights-headline-wrap">
      <table className="insights-table insights-headline" aria-label="Headline">
        <thead><tr><th>n={g.n}</th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>mean</th></tr></thead>
        <tbody>
          {parts.map((p) => {
            const s: S = g.latencyMs[p];
            return (
              <tr key={p}>
                <th scope="row">{p}</th>
                <Cell v={s.p50} n={g.n} />
                <Cell v={s.p90} n={g.n} />
                <Cell v={s.p99} n={g.n} />
                <Cell v={s.max} n={g.n} />
                <Cell v={s.mean} n={g.n} />
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="insights-facts" aria-label="About this group">
        <li>{g.n === 1 ? clock(f.fromMs) : `${clock(f.fromMs)} – ${clock(f.toMs)}`}</li>
        <li>{f.statusMix.map((m) => `${m.cls} ${m.n}`).join(' · ')}</li>
        {failing > 0 && <li>5xx ended by: upstream {f.failingEndedBy.upstream}, gateway {f.failingEndedBy.gateway}</li>}
        <li className={quality.length > 0 ? 'insights-warn' : 'insights-muted'}>{quality.length > 0 ? quality.join('; ') : 'latencies reported by Kong, every trace has its root'}</li>
      </ul>
    </div>
  );
}
