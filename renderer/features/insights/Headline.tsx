/**
 * A group's headline (docs/insights.md item 2): total / gateway / upstream / client at p50, p90, p99, max and
 * mean (a percentile the group is too small for greyed), when its requests ran, its status mix, who ended
 * the failing ones, and what the data cannot vouch for. Every figure opens the traces behind it: a
 * percentile or the max the request at that rank, the mean, n and the time range the group's requests, a
 * status class its requests, a "5xx ended by" count those requests.
 */
import { useMemo } from 'react';
import { answeredBy, failingEndedBy, headlineFacts } from '../../../shared/insights/headline';
import { figuresAtRank, withStatusClass } from '../../../shared/insights/behind';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import type { GroupStats } from '../../../shared/insights/insights';
import { formatDuration } from '../../../shared/util/duration';
import { RankCell, SetFigure } from './Figure';
import type { OpenTraces } from './useOpenTraces';

const clock = (ms: number) => new Date(ms).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
const PARTS = ['total', 'gateway', 'upstream', 'client'] as const;

export function Headline({ g, members, open }: { g: GroupStats; members: InsightTrace[]; open: OpenTraces }) {
  const f = headlineFacts(members);
  const figures = useMemo(() => PARTS.map((p) => figuresAtRank(members, p)), [members]);
  const failing = f.failingEndedBy.upstream + f.failingEndedBy.gateway;
  const quality = [
    f.derived > 0 ? `${f.derived} of ${g.n} with latencies derived from spans (not reported by Kong)` : null,
    f.noRoot > 0 ? `${f.noRoot} without a root span (timed from their spans' extent)` : null,
  ].filter(Boolean);
  return (
    <div className="insights-headline-wrap">
      <table className="insights-table insights-headline" aria-label="Headline">
        <thead>
          <tr>
            <th>
              <SetFigure traces={members} label={g.key} open={open}>n={g.n}</SetFigure>
            </th>
            <th>p50</th><th>p90</th><th>p99</th><th>max</th><th>mean</th>
          </tr>
        </thead>
        <tbody>
          {PARTS.map((p, i) => {
            const at = figures[i]!;
            const mean = g.latencyMs[p].mean;
            return (
              <tr key={p}>
                <th scope="row">{p}</th>
                <RankCell at={at.p50} name="p50" of={p} n={g.n} open={open} />
                <RankCell at={at.p90} name="p90" of={p} n={g.n} open={open} />
                <RankCell at={at.p99} name="p99" of={p} n={g.n} open={open} />
                <RankCell at={at.max} name="max" of={p} n={g.n} open={open} />
                <td>
                  {mean === null ? '–' : (
                    <SetFigure traces={members} label={g.key} name={`mean ${p} ${formatDuration(mean * 1e6)}`} open={open}>
                      {formatDuration(mean * 1e6)}
                    </SetFigure>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="insights-facts" aria-label="About this group">
        <li>
          <SetFigure traces={members} label={g.key} name={g.n === 1 ? `at ${clock(f.fromMs)}` : `from ${clock(f.fromMs)} to ${clock(f.toMs)}`} open={open}>
            {g.n === 1 ? clock(f.fromMs) : `${clock(f.fromMs)} – ${clock(f.toMs)}`}
          </SetFigure>
        </li>
        <li>
          {f.statusMix.map((m, i) => (
            <span key={m.cls}>
              {i > 0 && ' · '}
              <SetFigure traces={withStatusClass(members, m.cls)} label={`${m.cls} of ${g.key}`} open={open}>{`${m.cls} ${m.n}`}</SetFigure>
            </span>
          ))}
        </li>
        {failing > 0 && (
          <li>
            5xx ended by: upstream{' '}
            <SetFigure traces={failingEndedBy(members, 'upstream')} label={`5xx of ${g.key} ended by the upstream`} open={open}>{f.failingEndedBy.upstream}</SetFigure>
            , gateway{' '}
            <SetFigure traces={failingEndedBy(members, 'gateway')} label={`5xx of ${g.key} ended by the gateway`} open={open}>{f.failingEndedBy.gateway}</SetFigure>
          </li>
        )}
        {f.pluginEnded.length > 0 && (
          <li>
            answered by a plugin:{' '}
            {f.pluginEnded.map((e, i) => (
              <span key={e.plugin}>
                {i > 0 && ' · '}
                {e.plugin}{' '}
                <SetFigure traces={answeredBy(members, e.plugin)} label={`failures of ${g.key} answered by ${e.plugin}`} open={open}>{e.n}</SetFigure>
              </span>
            ))}
          </li>
        )}
        <li className={quality.length > 0 ? 'insights-warn' : 'insights-muted'}>{quality.length > 0 ? quality.join('; ') : 'latencies reported by Kong, every trace has its root'}</li>
      </ul>
    </div>
  );
}
