/**
 * Session insights (issue 19, docs/insights.md): the traces the list's expression filter keeps, grouped;
 * per group the headline figures, the distribution (dots on a log axis or a scatter over time) where a
 * brush or a preset selects, the group's transaction map, where the time goes with a strip of dots per row, the bridge from the rest to
 * the selection, the differences with Include / Exclude into the filter, and the outliers with reasons.
 * Every figure comes from shared/insights over the summaries' breakdowns; no span data is read. Clicking a
 * dot, an outlier or a row's slowest trace opens that trace. Export: JSON and Markdown to the clipboard,
 * CSV as a file.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useStore } from '../../store';
import { selectTraceExpr } from '../trace-filter/trace-filter-slice';
import { saveBlob } from '../export-png/save-blob';
import type { InsightTrace } from '../../../shared/insights/breakdown';
import { bridge, extraTime, GROUP_BYS, groupChips, groupStats, groupTraces, type GroupBy, type GroupStats } from '../../../shared/insights/insights';
import { clauseAgrees, differences, type Difference } from '../../../shared/insights/differences';
import { groupMarkdown, insightsJson, rowsCsv } from '../../../shared/insights/export';
import { formatDuration } from '../../../shared/util/duration';
import { Distribution, inBrush, type Brush, type DistMode } from './Distribution';
import { WhereTimeGoes } from './WhereTimeGoes';
import { GroupMap } from './GroupMap';
import { Headline } from './Headline';
import { BridgeBars, Differences, Outliers } from './Explain';
import { useAddBreakdowns, useInsightTraces } from './useInsightTraces';

type Preset = 'slowest 10%' | '> p90' | 'status >= 500';
const PRESETS: Preset[] = ['slowest 10%', '> p90', 'status >= 500'];
type Selection = { kind: 'preset'; preset: Preset } | { kind: 'brush'; brush: Brush } | null;

const fmtMs = (ms: number | null) => (ms === null ? '–' : formatDuration(ms * 1e6));

function select(group: InsightTrace[], stats: GroupStats, sel: Selection): Set<string> {
  if (!sel) return new Set();
  const ids = (ts: InsightTrace[]) => new Set(ts.map((t) => t.summary.traceId));
  if (sel.kind === 'brush') return ids(group.filter((t) => inBrush(t, sel.brush)));
  if (sel.preset === 'status >= 500') return ids(group.filter((t) => (t.summary.status ?? 0) >= 500));
  if (sel.preset === '> p90') {
    const p90 = stats.latencyMs.total.p90;
    return p90 === null ? new Set() : ids(group.filter((t) => t.breakdown.totalNs / 1e6 > p90));
  }
  const sorted = [...group].sort((a, b) => b.breakdown.totalNs - a.breakdown.totalNs);
  return ids(sorted.slice(0, Math.max(1, Math.ceil(group.length / 10))));
}

function brushText(b: Brush): string {
  const time = b.from !== undefined && b.to !== undefined ? `started ${new Date(b.from).toLocaleTimeString()} – ${new Date(b.to).toLocaleTimeString()}` : '';
  const total = Number.isFinite(b.hiMs) ? `total ${fmtMs(b.loMs)} – ${fmtMs(b.hiMs)}` : '';
  return [total, time].filter(Boolean).join(', ');
}

export function InsightsView({ tabs }: { tabs?: ReactNode }) {
  const { traces, without, total } = useInsightTraces();
  const sessionId = useStore((s) => s.sessionId);
  const adding = useAddBreakdowns(sessionId, without);
  const [by, setBy] = useState<GroupBy>('route');
  const [groupKey, setGroupKey] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [mode, setMode] = useState<DistMode>('dots');
  const selectTrace = useStore((s) => s.selectTrace);
  const exprText = useStore(selectTraceExpr);
  const setExpr = useStore((s) => s.setTraceExpr);
  const setExprText = (t: string) => {
    if (sessionId) setExpr(sessionId, t);
  };

  // the chips need only n, 5xx and the median: every statistic is computed for the open group alone
  const chips = useMemo(() => groupChips(traces, by), [traces, by]);
  const chip = chips.find((c) => c.key === groupKey) ?? chips[0];
  const members = useMemo(() => chip?.traces ?? [], [chip]);
  const group = useMemo(() => (chip ? groupStats(chip.key, chip.traces) : null), [chip]);
  const selected = useMemo(() => (group ? select(members, group, selection) : new Set<string>()), [members, group, selection]);
  const sel = useMemo(() => members.filter((t) => selected.has(t.summary.traceId)), [members, selected]);
  const rest = useMemo(() => members.filter((t) => !selected.has(t.summary.traceId)), [members, selected]);
  const br = useMemo(() => bridge(sel, rest), [sel, rest]);
  const diffs = useMemo(() => differences(sel, rest).slice(0, 12), [sel, rest]);
  const extra = useMemo(() => extraTime(sel, rest), [sel, rest]);
  // whether a value's clause filters the group as the table counts it; kept per group, so brushing reuses it
  const expressible = useMemo(() => {
    const known = new Map<string, boolean>();
    return (d: Difference) => {
      const k = `${d.dimension}\u0000${d.value}`;
      let ok = known.get(k);
      if (ok === undefined) known.set(k, (ok = clauseAgrees(members, d.dimension, d.value)));
      return ok;
    };
  }, [members]);

  if (total === 0)
    return (
      <div className="insights">
        <div className="insights-bar">{tabs}</div>
        <p className="insights-empty">No traces to summarise: open a session, or loosen the filter.</p>
      </div>
    );

  const copy = (text: string) => void navigator.clipboard.writeText(text);
  const csvName = `ktv-insights-${(sessionId ?? 'session').replace(/[^\w.-]+/g, '-')}.csv`;
  return (
    <div className="insights" aria-label="Session insights">
      <div className="insights-bar">
        {tabs}
        <label>
          Group by{' '}
          <select value={by} onChange={(e) => { setBy(e.target.value as GroupBy); setGroupKey(null); setSelection(null); }}>
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>{g === 'route' ? 'route × method' : g === 'upstream' ? 'upstream target' : g}</option>
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
        <span className="insights-export">
          <button type="button" onClick={() => copy(JSON.stringify(insightsJson(traces.length, groupTraces(traces, by)), null, 2))}>Copy JSON</button>
          <button type="button" onClick={() => group && copy(groupMarkdown(group))}>Copy Markdown</button>
          <button type="button" onClick={() => saveBlob(new Blob([rowsCsv(groupTraces(traces, by))], { type: 'text/csv' }), csvName)}>Save CSV</button>
        </span>
      </div>
      <div className="insights-groups" role="listbox" aria-label="Groups">
        {chips.map((c) => (
          <button
            key={c.key}
            type="button"
            role="option"
            aria-selected={c === chip}
            className="insights-chip"
            onClick={() => { setGroupKey(c.key); setSelection(null); }}
          >
            <span className="insights-chip-key">{c.key}</span> n={c.n}
            {c.errors > 0 && <span className="insights-err"> {Math.round((c.errors / c.n) * 100)}% 5xx</span>} p50 {fmtMs(c.totalP50Ms)}
          </button>
        ))}
      </div>
      {group && (
        <div className="insights-body">
          <Headline g={group} members={members} />
          <div className="insights-presets" role="group" aria-label="Select">
            {PRESETS.map((p) => {
              const on = selection?.kind === 'preset' && selection.preset === p;
              return (
                <button key={p} type="button" aria-pressed={on} disabled={p === '> p90' && group.latencyMs.total.p90 === null} onClick={() => setSelection(on ? null : { kind: 'preset', preset: p })}>
                  {p}
                </button>
              );
            })}
            {selection?.kind === 'brush' && <button type="button" onClick={() => setSelection(null)}>Clear brush</button>}
            <span className="insights-n" role="status">
              {selection
                ? `${sel.length} selected of ${members.length}${selection.kind === 'brush' ? ` (brushed: ${brushText(selection.brush)})` : ''}`
                : 'drag across the plot, or pick a preset, to compare the selection with the rest'}
            </span>
            <span className="insights-mode" role="radiogroup" aria-label="Plot">
              {(['dots', 'time'] as const).map((m) => (
                <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}>
                  {m === 'dots' ? 'Total time' : 'Over time'}
                </button>
              ))}
            </span>
          </div>
          <Distribution members={members} g={group} mode={mode} selected={selected} onBrush={(brush) => setSelection({ kind: 'brush', brush })} onOpen={selectTrace} />
          <GroupMap members={members} extra={selection ? extra : null} />
          <WhereTimeGoes g={group} members={members} extra={selection ? extra : null} selected={selected} onOpen={selectTrace} />
          {br && (
            <section aria-label="Why the selection is slower">
              <h3>Why the selection is slower: mean {fmtMs(br.restMeanNs / 1e6)} → {fmtMs(br.selectionMeanNs / 1e6)} ({br.deltaNs >= 0 ? '+' : '−'}{fmtMs(Math.abs(br.deltaNs) / 1e6)})</h3>
              <BridgeBars rows={br.rows} />
            </section>
          )}
          {diffs.length > 0 && <Differences diffs={diffs} exprText={exprText} onFilter={setExprText} expressible={expressible} />}
          <Outliers g={group} onOpen={selectTrace} />
        </div>
      )}
    </div>
  );
}
