/**
 * Session insights (issue 19, docs/insights.md): the traces the list's expression filter keeps, grouped;
 * per group the headline figures, the distribution (one dot per trace on a log axis, p50/p90/p99 rules,
 * presets that select), where the time goes, the bridge from the rest to the selection, the differences
 * with Include / Exclude into the filter, and the outliers with reasons. Every figure comes from
 * shared/insights over the summaries' breakdowns; no span data is read. Clicking a dot, an outlier or a
 * row's slowest trace opens that trace.
 */
import { selectTraceExpr } from '../trace-filter/trace-filter-slice';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { scaleLog } from '@visx/scale';
import { AxisBottom } from '@visx/axis';
import { useTraces } from '../../db/repo';
import { storeOp } from '../../db/ingest-client';
import type { TraceRow } from '../../db/schema';
import { useStore } from '../../store';
import { useExpressionFilter } from '../expr-editor';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import {
  bridge,
  differences,
  extraTime,
  filterWith,
  GROUP_BYS,
  groupTraces,
  rowLabel,
  type GroupBy,
  type GroupStats,
  type S,
} from '../../../shared/insights/insights';
import { formatDuration } from '../../../shared/util/duration';

const EMPTY: TraceRow[] = [];
type Preset = 'slowest 10%' | '> p90' | 'status >= 500';
const PRESETS: Preset[] = ['slowest 10%', '> p90', 'status >= 500'];

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));

function useInsightTraces(): { traces: InsightTrace[]; without: number; total: number } {
  const sessionId = useStore((s) => s.sessionId);
  const text = useStore(selectTraceExpr);
  const loaded = useTraces(sessionId) ?? EMPTY;
  const filter = useExpressionFilter(loaded, text);
  return useMemo(() => {
    const kept = filter.matches ? loaded.filter((r) => filter.matches!.has(r.traceId)) : loaded;
    const traces: InsightTrace[] = [];
    let without = 0;
    for (const r of kept) {
      if (r.breakdown) traces.push({ summary: r, breakdown: r.breakdown });
      else if (r.spanCount > 0) without++;
    }
    return { traces, without, total: kept.length };
  }, [loaded, filter.matches]);
}

/**
 * Rows stored before session insights have no breakdown: the ingest worker adds them (breakdown-upgrade.ts),
 * for the whole store at start-up and, asked here, for this session first. The list's live query brings the
 * rows back with them; until then the view says how many are still being prepared.
 */
function useAddBreakdowns(sessionId: string | null, without: number): 'working' | 'failed' | null {
  const asked = useRef(new Set<string>());
  const [state, setState] = useState<{ sessionId: string; s: 'working' | 'failed' } | null>(null);
  useEffect(() => {
    if (!sessionId || without === 0 || asked.current.has(sessionId)) return;
    asked.current.add(sessionId);
    setState({ sessionId, s: 'working' });
    storeOp({ op: 'addBreakdowns', sessionId }).then(
      () => setState((cur) => (cur?.sessionId === sessionId ? null : cur)),
      () => setState((cur) => (cur?.sessionId === sessionId ? { sessionId, s: 'failed' } : cur)),
    );
  }, [sessionId, without]);
  return without > 0 && state?.sessionId === sessionId ? state.s : null;
}

function select(group: InsightTrace[], stats: GroupStats, preset: Preset | null): Set<string> {
  if (!preset) return new Set();
  if (preset === 'status >= 500') return new Set(group.filter((t) => (t.summary.status ?? 0) >= 500).map((t) => t.summary.traceId));
  if (preset === '> p90') {
    const p90 = stats.latencyMs.total.p90;
    return p90 === null ? new Set() : new Set(group.filter((t) => t.breakdown.totalNs / 1e6 > p90).map((t) => t.summary.traceId));
  }
  const sorted = [...group].sort((a, b) => b.breakdown.totalNs - a.breakdown.totalNs);
  return new Set(sorted.slice(0, Math.max(1, Math.ceil(group.length / 10))).map((t) => t.summary.traceId));
}

export function InsightsView({ tabs }: { tabs?: ReactNode }) {
  const { traces, without, total } = useInsightTraces();
  const adding = useAddBreakdowns(useStore((s) => s.sessionId), without);
  const [by, setBy] = useState<GroupBy>('route');
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const [preset, setPreset] = useState<Preset | null>(null);
  const selectTrace = useStore((s) => s.selectTrace);
  const exprText = useStore(selectTraceExpr);
  const sessionId = useStore((s) => s.sessionId);
  const setExpr = useStore((s) => s.setTraceExpr);
  const setExprText = (t: string) => {
    if (sessionId) setExpr(sessionId, t);
  };

  const groups = useMemo(() => groupTraces(traces, by), [traces, by]);
  const group = groups.find((g) => g.key === groupKey) ?? groups[0];
  const members = useMemo(() => {
    if (!group) return [];
    const ids = new Set(group.traceIds);
    return traces.filter((t) => ids.has(t.summary.traceId));
  }, [traces, group]);
  const selected = useMemo(() => (group ? select(members, group, preset) : new Set<string>()), [members, group, preset]);
  const sel = useMemo(() => members.filter((t) => selected.has(t.summary.traceId)), [members, selected]);
  const rest = useMemo(() => members.filter((t) => !selected.has(t.summary.traceId)), [members, selected]);
  const br = useMemo(() => bridge(sel, rest), [sel, rest]);
  const diffs = useMemo(() => differences(sel, rest).slice(0, 12), [sel, rest]);
  const extra = useMemo(() => extraTime(sel, rest), [sel, rest]);

  if (total === 0)
    return (
      <div className="insights">
        <div className="insights-bar">{tabs}</div>
        <p className="insights-empty">No traces to summarise: open a session, or loosen the filter.</p>
      </div>
    );

  return (
    <div className="insights" aria-label="Session insights">
      <div className="insights-bar">
        {tabs}
        <label>
          Group by{' '}
          <select value={by} onChange={(e) => { setBy(e.target.value as GroupBy); setGroupKey(null); }}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>{g === 'route' ? 'route × method' : g}</option>
            ))}
          </select>
        </label>
        <span className="insights-n">{traces.length} traces{exprText.trim() ? ' (filtered)' : ''}</span>
        {without > 0 && (
          <span className={adding === 'failed' ? 'insights-warn' : 'insights-n'} role="status">
            {adding === 'failed'
              ? `${without} traces stored before insights could not be broken down and are left out`
              : adding === 'working'
                ? `preparing ${without} traces stored before insights…`
                : `${without} traces left out: their spans could not be read back`}
          </span>
        )}
        <button type="button" onClick={() => void navigator.clipboard.writeText(JSON.stringify(exportJson(traces.length, groups), null, 2))}>Copy JSON</button>
        <button type="button" onClick={() => group && void navigator.clipboard.writeText(markdown(group))}>Copy Markdown</button>
      </div>
      <div className="insights-groups" role="listbox" aria-label="Groups">
        {groups.map((g) => (
          <button
            key={g.key}
            type="button"
            role="option"
            aria-selected={g === group}
            className="insights-chip"
            onClick={() => { setGroupKey(g.key); setPreset(null); }}
          >
            <span className="insights-chip-key">{g.key}</span> n={g.n}
            {g.errors > 0 && <span className="insights-err"> {Math.round((g.errors / g.n) * 100)}% 5xx</span>} p50 {fmtMs(g.latencyMs.total.p50)}
          </button>
        ))}
      </div>
      {group && (
        <div className="insights-body">
          <Headline g={group} />
          <div className="insights-presets" role="group" aria-label="Select">
            {PRESETS.map((p) => (
              <button key={p} type="button" aria-pressed={preset === p} disabled={p === '> p90' && group.latencyMs.total.p90 === null} onClick={() => setPreset(preset === p ? null : p)}>
                {p}
              </button>
            ))}
            <span className="insights-n">{preset ? `${sel.length} selected of ${members.length}` : 'select the slow ones to compare them with the rest'}</span>
          </div>
          <Distribution members={members} g={group} selected={selected} onOpen={selectTrace} />
          <WhereTimeGoes g={group} members={members} extra={preset ? extra : null} onOpen={selectTrace} />
          {br && (
            <section aria-label="Why the selection is slower">
              <h3>Why the selection is slower: mean {fmtMs(br.restMeanNs / 1e6)} → {fmtMs(br.selectionMeanNs / 1e6)} ({br.deltaNs >= 0 ? '+' : '−'}{fmtMs(Math.abs(br.deltaNs) / 1e6)})</h3>
              <BridgeBars rows={br.rows} />
            </section>
          )}
          {diffs.length > 0 && (
            <section aria-label="What is different about them">
              <h3>What is different about them</h3>
              <table className="insights-table">
                <thead><tr><th>dimension</th><th>value</th><th>selection</th><th>rest</th><th>p</th><th /></tr></thead>
                <tbody>
                  {diffs.map((d) => {
                    const inc = filterWith(exprText, d.dimension, d.value, true);
                    const exc = filterWith(exprText, d.dimension, d.value, false);
                    return (
                      <tr key={`${d.dimension}\u0000${d.value}`}>
                        <td>{d.dimension}</td>
                        <td className="insights-mono">{d.value}</td>
                        <td>{d.selectionPct.toFixed(0)}%</td>
                        <td>{d.restPct.toFixed(0)}%</td>
                        <td>{d.p < 0.001 ? '< 0.001' : d.p.toFixed(3)}</td>
                        <td>
                          {inc && <button type="button" onClick={() => setExprText(inc)}>Include</button>}
                          {exc && <button type="button" onClick={() => setExprText(exc)}>Exclude</button>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          )}
          <section aria-label="Outliers">
            <h3>Outliers ({group.outliers.length})</h3>
            {group.outliers.length === 0 ? (
              <p className="insights-muted">None: no request is 3.5 scaled MADs and 1 ms above this group's median.</p>
            ) : (
              <ul className="insights-outliers">
                {group.outliers.map((o) => (
                  <li key={o.traceId}>
                    <button type="button" className="insights-link" onClick={() => selectTrace(o.traceId)}>{o.traceId.slice(0, 12)}</button> {o.reason}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function Cell({ v, n }: { v: number | null; n: number }) {
  return v === null ? <td className="insights-grey" title={`too few requests (n=${n})`}>–</td> : <td>{fmtMs(v)}</td>;
}

function Headline({ g }: { g: GroupStats }) {
  const parts = ['total', 'gateway', 'upstream', 'client'] as const;
  return (
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
  );
}

const W = 640;
const H = 90;
const M = { l: 12, r: 12, t: 8, b: 24 };

function statusColor(status: number | null): string {
  if (status !== null && status >= 500) return 'var(--error)';
  if (status !== null && status >= 400) return 'var(--warn)';
  return 'var(--ok)';
}

function Distribution({ members, g, selected, onOpen }: { members: InsightTrace[]; g: GroupStats; selected: Set<string>; onOpen: (id: string) => void }) {
  const values = members.map((t) => Math.max(t.breakdown.totalNs / 1e6, 0.001));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = scaleLog({ domain: [lo / 1.2, hi * 1.2], range: [M.l, W - M.r] });
  const rules: [string, number | null][] = [['p50', g.latencyMs.total.p50], ['p90', g.latencyMs.total.p90], ['p99', g.latencyMs.total.p99]];
  return (
    <svg className="insights-dist" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Distribution of ${members.length} requests' total time`}>
      {rules.map(([name, v]) =>
        v === null ? null : (
          <g key={name}>
            <line x1={x(Math.max(v, 0.001))} x2={x(Math.max(v, 0.001))} y1={M.t} y2={H - M.b} className="insights-rule" />
            <text x={x(Math.max(v, 0.001)) + 2} y={M.t + 8} className="insights-rule-label">{name}</text>
          </g>
        ),
      )}
      {members.map((t, i) => {
        const y = M.t + 6 + (((i * 2654435761) >>> 0) % 1000) / 1000 * (H - M.t - M.b - 12);
        const on = selected.has(t.summary.traceId);
        return (
          <circle
            key={t.summary.traceId}
            data-trace-id={t.summary.traceId}
            cx={x(values[i]!)}
            cy={y}
            r={on ? 4 : 3}
            fill={statusColor(t.summary.status)}
            stroke={on ? 'var(--fg)' : 'none'}
            opacity={selected.size > 0 && !on ? 0.35 : 0.85}
            className="insights-dot"
            onClick={() => onOpen(t.summary.traceId)}
          >
            <title>{`${t.summary.method ?? ''} ${t.summary.path ?? t.summary.url ?? ''} ${t.summary.status ?? ''}: ${fmtMs(values[i]!)}`}</title>
          </circle>
        );
      })}
      <AxisBottom top={H - M.b} scale={x} numTicks={5} tickFormat={(v) => fmtMs(Number(v))} stroke="var(--border)" tickStroke="var(--border)" tickLabelProps={{ fill: 'var(--muted)', fontSize: 10, textAnchor: 'middle' }} />
    </svg>
  );
}

function WhereTimeGoes({ g, members, extra, onOpen }: { g: GroupStats; members: InsightTrace[]; extra: Map<string, number> | null; onOpen: (id: string) => void }) {
  const slowest = (key: string) => {
    let best: InsightTrace | null = null;
    for (const t of members) if ((t.breakdown.rows[key] ?? -1) > (best?.breakdown.rows[key] ?? -1)) best = t;
    return best;
  };
  return (
    <section aria-label="Where time goes">
      <h3>Where time goes</h3>
      <table className="insights-table">
        <thead>
          <tr><th>row</th><th>present</th><th>p50</th><th>p90</th><th>p99</th><th>max</th><th>share</th>{extra && <th>extra in selection</th>}</tr>
        </thead>
        <tbody>
          {g.rows.map((r) => {
            const top = slowest(r.key);
            return (
              <tr key={r.key} data-row={r.key}>
                <th scope="row" className="insights-mono">{rowLabel(r.key)}</th>
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
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

const fmtSigned = (ms: number) => `${ms >= 0 ? '+' : '−'}${fmtMs(Math.abs(ms))}`;

function BridgeBars({ rows }: { rows: { key: string; deltaNs: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.deltaNs)));
  return (
    <ul className="insights-bridge">
      {rows.map((r) => (
        <li key={r.key}>
          <span className="insights-mono insights-bridge-key">{rowLabel(r.key)}</span>
          <svg width={200} height={10} aria-hidden="true">
            <rect x={r.deltaNs >= 0 ? 100 : 100 - (Math.abs(r.deltaNs) / max) * 100} width={(Math.abs(r.deltaNs) / max) * 100} height={10} fill={r.deltaNs >= 0 ? 'var(--error)' : 'var(--ok)'} />
          </svg>
          <span>{fmtSigned(r.deltaNs / 1e6)}</span>
        </li>
      ))}
    </ul>
  );
}

function exportJson(n: number, groups: GroupStats[]) {
  return { traces: n, groups: groups.map(({ traceIds: _ids, ...g }) => g) };
}

function markdown(g: GroupStats): string {
  const lines = [`## ${g.key} (n=${g.n}, ${g.errors} 5xx)`, '', '| row | present | p50 | p90 | p99 | max | share |', '|---|---|---|---|---|---|---|'];
  for (const r of g.rows) lines.push(`| ${rowLabel(r.key)} | ${r.present} | ${fmtMs(r.ms.p50)} | ${fmtMs(r.ms.p90)} | ${fmtMs(r.ms.p99)} | ${fmtMs(r.ms.max)} | ${r.sharePct.toFixed(1)}% |`);
  return lines.join('\n');
}
